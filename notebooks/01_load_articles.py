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
# # 01 · Load the articles
#
# Loads every article in the data folder with what the manifest says about it, shows what
# web boilerplate was set aside from each body (the raw files are never edited), and compares
# how hard each article is to read.

# %% tags=["parameters"]
data_dir = None  # article folder; None means data/raw
out_dir = None  # report folder; None means reports/

# %%
from analysis import load_articles
from analysis.articles import removed_table
from analysis.figures.catalog import figure_table, make_figure

articles = load_articles(data_dir)
articles[["article_id", "title", "outlet", "published", "genre", "status", "error", "words"]]

# %% [markdown]
# ## What was set aside from each body
# Navigation, widgets, captions, bios and comment boxes are removed from the body (with the
# reason); appeals to the reader are kept as their own field. Offsets are into the raw text.

# %%
removed_table(articles)

# %%
articles[["article_id", "appeals", "credited_source"]]

# %% [markdown]
# ## Readability
# Flesch reading ease (higher is easier) and Flesch–Kincaid grade (US school years) of each
# body, computed offline with textstat.

# %%
figure_table("fig01_readability", articles)

# %%
make_figure("fig01_readability", articles, out_dir)
