# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 04 · Explore an article
#
# One article's text with its evidence highlighted in place: quotes, sources by type, hedges
# and boosters, loaded words, stock transitions, unattributed claims and appeals. Hover over a
# highlight to see what it is and its character offsets. Pick the article and the kinds shown
# with the controls (in a live notebook); the page below them shows the first article.

# %% tags=["parameters"]
data_dir = None  # article folder; None means data/raw
out_dir = None  # report folder; None means reports/
article_id = None  # article to show first; None means the first one

# %%
from IPython.display import HTML, display

from analysis import analyse_articles
from analysis.explore import article_evidence, article_picker, article_signals, article_view

analysis = analyse_articles(data_dir)
analysis.scores[["article_id", "outlet", "genre", "status", "quotes", "generated_look_score",
                 "advocacy_score"]]

# %% [markdown]
# ## The article, highlighted

# %%
display(HTML(article_view(analysis, article_id)))

# %% [markdown]
# ## Choose another article and the kinds shown

# %%
article_picker(analysis, article_id)

# %% [markdown]
# ## Its machine-look and advocacy signals
# Each signal is 0–1 with the words or figures behind it. The machine-look score is the sum of
# the look signals' contributions (value × learned weight); it is a signal of writing style,
# never a verdict on who wrote the text (`docs/generated-look.md` gives its measured accuracy
# and its limits).

# %%
article_signals(analysis, article_id)

# %% [markdown]
# ## Its evidence as a table
# Every highlight above is one row here, with offsets into the article's text.

# %%
article_evidence(analysis, article_id)
