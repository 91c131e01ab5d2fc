# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     notebook_metadata_filter: -jupytext.text_representation.jupytext_version,-jupytext.text_representation.format_version
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 05 · Compare the coverage of a story
#
# The articles are grouped into stories (the manifest's `story` column, else how alike their
# vocabularies are), and the articles of each story are compared: the claims they share and
# how each one backs them, the quotes they share with each article's attribution, the
# sources they cite, and how much of one article restates another. Every row points into
# an article (`article_id`, `start`, `end`, `text`), like the evidence of notebook 04.
# `docs/compare.md` describes the method, the thresholds and each column.

# %% tags=["parameters"]
data_dir = None  # article folder; None means data/raw
out_dir = None  # report folder; None means reports/ (the comparison goes to its compare/)
story = None  # a name to compare all the articles as one story; None: manifest or similarity

# %%
from analysis import analyse_articles
from analysis.compare import compare_articles, compare_dir, write_comparison
from analysis.compare.sources import shared_sources
from analysis.figures.catalog import make_figure

analysis = analyse_articles(data_dir)
comparison = compare_articles(analysis, story=story)
out = compare_dir(out_dir)
write_comparison(comparison, out, figures=False)
comparison.articles[["article_id", "outlet", "genre", "published", "story"]]

# %% [markdown]
# ## The claims each article shares, and how it backs them
# Each row is a claim that two or more articles of one story state (copied, quoted,
# paraphrased or summarised); each cell says how that article backs it: a direct quote, the
# type of the source it names in that sentence (or, for a lead without one, in the sentence
# of the same article that reports the claim), a hedge alone ("reportedly"), or nothing. Read
# across a row to see one claim sourced differently by each outlet; a column of yellow and
# grey is an article that states others' claims without saying where they come from.

# %%
make_figure("fig10_claim_grid", comparison, out)

# %% [markdown]
# The sentences behind each cell, with their offsets; `sources` names the sources that back
# the sentence.

# %%
comparison.claims

# %% [markdown]
# ## Shared quotes, side by side
# The same quotation in several articles (marks, a bracketed insertion, an ellipsis or a few
# words may differ). Compare the attributions: the speaker as each article writes it, the
# source it resolves to, and its type. A quote attributed to a named person in one article
# and to "a spokesperson" in another is the same words sourced differently.

# %%
comparison.quote_attributions

# %% [markdown]
# ## Who each article lets speak
# Each row is a source (sources cited by most articles at the top); each cell counts the
# article's mentions of it, coloured by the type that article gives it. Rows with one cell
# are the sources that only one outlet cites.

# %%
make_figure("fig11_source_matrix", comparison, out)

# %% [markdown]
# The sources cited by two articles or more, with their mentions per article.

# %%
shared_sources(comparison.sources_by_article)

# %% [markdown]
# ## Reuse between the articles of a story
# The share of each row article's sentences that state a claim of the column article. The
# measure is not symmetric: a short piece that takes three sentences from a long report
# shares much of itself and little of the report. A dagger marks the pairs whose column
# article came out first, where both dates are known.

# %%
make_figure("fig12_reuse", comparison, out)

# %% [markdown]
# ## Articles that could not be compared
# They could not be loaded or analysed; the reason is in `error`.

# %%
comparison.failed
