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
from analysis.figures import save_figure
from analysis.figures.catalog import genres_of
from analysis.figures.common import labelled, ok_rows
from analysis.figures.framing import (genre_profile_table, plot_actors, plot_distinctive_words,
                                      plot_genre_profiles, plot_stance, stance_table)
from analysis.figures.positions import plot_positions, positions_table
from analysis.figures.signals import plot_signals, signals_table
from analysis.framing.actors import actor_table
from analysis.framing.vocabulary import distinctive_words

analysis = analyse_articles(data_dir)
scores = analysis.scores
genres = genres_of(analysis)
scores.groupby("genre")["article_id"].count().rename("articles")

# %% [markdown]
# ## Genres side by side
# Each score standardised across articles (0 = the average article); dots are genre means.

# %%
table = genre_profile_table(scores)
fig = plot_genre_profiles(table)
save_figure(fig, "fig04_genre_profiles", table, out_dir)

# %% [markdown]
# ## Distinctive vocabulary
# Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
# "Fightin' Words"): each genre against all the others, as z-scores.

# %%
table = distinctive_words({a: f["vocab"] for a, f in analysis.features.items()}, genres)
fig = plot_distinctive_words(table)
save_figure(fig, "fig05_distinctive_words", table, out_dir)

# %% [markdown]
# ## Who acts
# People, states and groups put as grammatical subject (or agent of a passive), and the verbs
# each genre gives them.

# %%
table = actor_table(analysis.actors, genres)
fig = plot_actors(table)
save_figure(fig, "fig07_actors", table, out_dir)

# %% [markdown]
# ## Stance
# Hedges and boosters, evaluative and loaded words, "we" and "you", and appeals to the reader.

# %%
table = stance_table(scores, analysis.evidence, analysis.features)
fig = plot_stance(table)
save_figure(fig, "fig08_stance", table, out_dir)

# %% [markdown]
# ## Where the evidence falls
# Quotes, sources, hedges and boosters placed along each article, start to end.

# %%
labels = labelled(ok_rows(scores))
table = positions_table(scores, analysis.evidence, analysis.articles)
fig = plot_positions(table, list(labels["label"]), list(labels["genre"]))
save_figure(fig, "fig06_evidence_positions", table, out_dir)

# %% [markdown]
# ## Machine-written look and advocacy: signals, not verdicts
# Each signal is 0–1 with the words or figures that triggered it. The machine-look score is
# the weighted mean of eleven signals of writing style (weights learned on labelled student
# and ChatGPT essays and human and machine-written news; `docs/generated-look.md`), the
# advocacy score the plain mean of its four (`analysis.framing.signals`). Length does not
# decide them; neither is a verdict on who wrote the text.

# %%
table = signals_table(analysis.signals, scores)
fig = plot_signals(table)
save_figure(fig, "fig09_look_signals", table, out_dir)

# %%
analysis.signals[["article_id", "signal", "value", "measure", "triggers"]]
