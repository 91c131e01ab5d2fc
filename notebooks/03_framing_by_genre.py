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
# # 03 · Framing by genre
#
# How the same story is framed in news reports, an opinion piece and a generated-looking
# essay, beyond counts: the words each genre uses more than the others, who acts in each,
# the writer's stance, and signals of a machine-written look and of advocacy. Signals are
# never verdicts: each comes with the words that triggered it.

# %% tags=["parameters"]
data_dir = None  # article folder; None means data/raw
out_dir = None  # report folder; None means reports/

# %%
from analysis import analyse_articles
from analysis.figures.catalog import make_figure

analysis = analyse_articles(data_dir)
scores = analysis.scores
scores.groupby("genre")["article_id"].count().rename("articles")

# %% [markdown]
# ## Genres side by side
# Each score standardised across articles (0 = the average article); dots are genre means.

# %%
make_figure("fig04_genre_profiles", analysis, out_dir)

# %% [markdown]
# ## Distinctive vocabulary
# Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
# "Fightin' Words"): each genre against all the others, as z-scores.

# %%
make_figure("fig05_distinctive_words", analysis, out_dir)

# %% [markdown]
# ## Who acts
# People, states and groups put as grammatical subject (or agent of a passive), and the verbs
# each genre gives them.

# %%
make_figure("fig07_actors", analysis, out_dir)

# %% [markdown]
# ## Stance
# Hedges and boosters, evaluative and loaded words, "we" and "you", and appeals to the reader.

# %%
make_figure("fig08_stance", analysis, out_dir)

# %% [markdown]
# ## Where the evidence falls
# Quotes, sources, hedges and boosters placed along each article, start to end. A hollow
# circle is a source the scorecard does not count (only shown acting, or a pronoun whose
# referent is unclear), so the circles filled agree with the sourcing profile (fig02).

# %%
make_figure("fig06_evidence_positions", analysis, out_dir)

# %% [markdown]
# ## Machine-written look and advocacy: signals, not verdicts
# Each signal is 0–1 with the words or figures that triggered it. The machine-look score is
# the weighted mean of eleven signals of writing style (weights learned on labelled student
# and ChatGPT essays and human and machine-written news; `docs/generated-look.md`), the
# advocacy score the plain mean of its four (`analysis.framing.signals`). Length does not
# decide them; neither is a verdict on who wrote the text.

# %%
make_figure("fig09_look_signals", analysis, out_dir)

# %%
analysis.signals[["article_id", "signal", "value", "measure", "triggers"]]
