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
# # 02 · Sourcing scores
#
# One row per article: who is quoted or cited (named, institutional, anonymous, media), how
# much of the text is direct quotation, how much the writer hedges or boosts, how hard it is to
# read, and two sets of signals (a machine-written look, advocacy). Every number is computed
# from evidence spans with character offsets into the article text: notebook 04 shows them
# highlighted. The README's data dictionary defines each column.

# %% tags=["parameters"]
data_dir = None  # article folder; None means data/raw
out_dir = None  # report folder; None means reports/

# %%
from analysis import analyse_articles
from analysis.figures.catalog import make_figure
from analysis.scoring import transparency_parts
from analysis.tables import full_table, not_analysed, scorecard_view, transparency_view

analysis = analyse_articles(data_dir)
scores = analysis.scores
scorecard_view(scores)

# %% [markdown]
# Every column of the scorecard (the same as `reports/scores.csv`), one click away:

# %%
full_table(scores)

# %% [markdown]
# ## Who is cited
# Unique sources per article by type. An article with no bar cites nobody the extractor could
# find; anonymous sources ("a senior official") are hatched.

# %%
make_figure("fig02_sourcing_profile", analysis, out_dir)

# %% [markdown]
# ## Letting others speak vs hedging
# Share of the body inside direct quotes against hedges per 1,000 of the writer's own words
# (hedges inside quotes belong to the speaker and are not counted).

# %%
make_figure("fig03_quotes_vs_hedging", analysis, out_dir)

# %% [markdown]
# ## Transparency index, next to its parts
# `transparency_index = (named_share + non_anonymous_share + attributed_quote_share) / 3`: a
# summary for sorting, never a replacement for the parts it is made of. A part that cannot be
# computed (no sources, no quotes) counts as 0.

# %%
transparency_view(transparency_parts(scores), scores)

# %% [markdown]
# ## Articles that could not be analysed
# They keep their row in the scorecard with `status = error` and the reason.

# %%
not_analysed(scores)
