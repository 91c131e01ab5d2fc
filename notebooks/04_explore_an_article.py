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
# # 04 · Explore an article
#
# One article's text with its evidence highlighted in place: quotes, sources by type, hedges
# and boosters, loaded words, stock transitions, unattributed claims and appeals. Hover over a
# highlight to see what it is and its character offsets. A sentence that other articles of the
# same story also state is marked with a dashed line above it: its hover says which articles
# carry the claim and how each backs it (notebook 05 compares them side by side).
#
# **Run the cells to explore**: the controls below appear once the notebook runs (they are
# not saved with it). Pick the article and tick the kinds of evidence to show; the text, its
# legend and the table of the evidence follow. A copy without a running notebook (the HTML
# in `reports/notebooks/`) shows every article with the usual kinds instead.

# %% tags=["parameters"]
data_dir = None  # article folder; None means data/raw
out_dir = None  # report folder; None means reports/
article_id = None  # article to show first; None means the first one

# %%
from analysis import analyse_articles, compare_articles
from analysis.compare.notes import with_claim_notes
from analysis.explore import article_explorer, article_signals
from analysis.highlight import DEFAULT_KINDS

analysis = analyse_articles(data_dir)
analysis = with_claim_notes(analysis, compare_articles(analysis))

# %% [markdown]
# ## The article, highlighted, and its evidence
# Every highlight is one row of the table under the text, with offsets into the article's
# text; a column empty for every row shown is left out.

# %%
article_explorer(analysis, article_id, DEFAULT_KINDS + ("claim",))

# %% [markdown]
# ## Its machine-look and advocacy signals
# Each signal is 0–1 with the words or figures behind it. The machine-look score is the sum of
# the look signals' contributions (value × learned weight); it is a signal of writing style,
# never a verdict on who wrote the text (`docs/generated-look.md` gives its measured accuracy
# and its limits).

# %%
article_signals(analysis, article_id)
