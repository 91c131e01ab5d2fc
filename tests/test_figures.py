"""Charts (issue 4): every figure saved as PNG (>= 200 dpi), SVG with text, CSV; edge cases."""
from __future__ import annotations

import os
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

from analysis import analyse_articles, load_articles  # noqa: E402
from analysis.figures.catalog import FIGURES, make_figures  # noqa: E402
from analysis.figures.save import GENRE_COLOURS, genre_colour  # noqa: E402
from analysis.api import Analysis  # noqa: E402
from analysis.scoring import score_row, scorecard  # noqa: E402


def check_files(paths: dict, out_dir):
    assert set(paths) == set(FIGURES)
    for name, files in paths.items():
        assert files["png"].parent == out_dir / "figures" and files["png"].stem == name
        with Image.open(files["png"]) as im:
            assert im.info["dpi"][0] >= 199
        svg = files["svg"].read_text(encoding="utf-8")
        assert "<text" in svg  # editable text, not paths
        pd.read_csv(files["csv"])


def test_every_figure_on_the_seeds(tmp_path, seed_dir):
    paths = make_figures(analyse_articles(seed_dir, progress=False), tmp_path)
    check_files(paths, tmp_path)
    words = pd.read_csv(paths["fig05_distinctive_words"]["csv"])
    assert {"genre", "word", "z"} <= set(words.columns) and len(words)


def hand_made(tmp_path, texts: dict[str, str], evidence: dict[str, list[dict]]) -> Analysis:
    """An Analysis of small files (no manifest: unlabelled) with hand-made evidence."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    articles = load_articles(tmp_path)
    rows, feats, ev = [], {}, []
    for aid, text in zip(articles["article_id"], articles["text"]):
        words = len(text.split())
        f = {"body_words": words, "quoted_words": 0, "writer_words": words,
             "sentence_lengths": [words], "vocab": {w.lower().strip(".,"): 1 for w in text.split()},
             "actors": [], "signals": []}
        records = [{"article_id": aid, **r} for r in evidence.get(aid, [])]
        rows.append({"article_id": aid, "status": "ok", "error": "", **score_row(records, f, [], aid)})
        feats[aid] = f
        ev += records
    from analysis.extract import EVIDENCE_COLUMNS

    return Analysis(articles, scorecard(articles, pd.DataFrame(rows)),
                    pd.DataFrame(ev).reindex(columns=EVIDENCE_COLUMNS),
                    pd.DataFrame(columns=["article_id", "score", "signal", "meaning", "value",
                                          "measure", "triggers", "spans"]),
                    pd.DataFrame(columns=["article_id", "start", "end", "actor", "verb", "role",
                                          "in_quote"]), feats)


def test_one_unlabelled_article_with_no_quotes_or_sources(tmp_path):
    analysis = hand_made(tmp_path / "in", {"lonely": "Nothing is quoted here. Nobody is named."}, {})
    assert (analysis.scores["genre"] == "unlabelled").all()
    check_files(make_figures(analysis, tmp_path), tmp_path)


def test_hand_made_sources_reach_the_sourcing_chart(tmp_path):
    text = "“We are ready,” said Jane Doe. A senior official disagreed. The Times reported it."
    ev = {"a": [{"kind": "quote", "start": 0, "end": 15, "text": text[0:15], "speaker": "Jane Doe"},
                {"kind": "source", "start": 21, "end": 29, "text": text[21:29],
                 "source_type": "named", "name": "Jane Doe"},
                {"kind": "source", "start": 31, "end": 48, "text": text[31:48],
                 "source_type": "anonymous", "name": "a senior official"},
                {"kind": "hedge", "start": 0, "end": 2, "text": "“W", "in_quote": False}]}
    analysis = hand_made(tmp_path / "in", {"a": text, "b": "No sources at all in this one."}, ev)
    paths = make_figures(analysis, tmp_path)
    data = pd.read_csv(paths["fig02_sourcing_profile"]["csv"])
    got = data.set_index(["article_id", "source_type"])["sources"]
    assert got[("a", "named")] == 1 and got[("a", "anonymous")] == 1 and got[("b", "named")] == 0
    pos = pd.read_csv(paths["fig06_evidence_positions"]["csv"])
    assert set(pos["kind"]) == {"quote", "source", "hedge"}
    assert pos["position_pct"].between(0, 100).all()
    assert pos["counted"].all()


def test_positions_chart_marks_the_sources_the_scorecard_does_not_count(tmp_path):
    text = "Jane Doe said it was late. Trump signed the bill."
    ev = {"a": [{"kind": "source", "start": 0, "end": 8, "text": text[0:8],
                 "source_type": "named", "name": "Jane Doe", "counted": True},
                {"kind": "source", "start": 27, "end": 32, "text": text[27:32],
                 "source_type": "named", "name": "Donald Trump", "counted": False}]}
    analysis = hand_made(tmp_path / "in", {"a": text}, ev)
    paths = make_figures(analysis, tmp_path)
    pos = pd.read_csv(paths["fig06_evidence_positions"]["csv"]).set_index("text")
    assert bool(pos.loc["Jane Doe", "counted"]) and not bool(pos.loc["Trump", "counted"])
    profile = pd.read_csv(paths["fig02_sourcing_profile"]["csv"])
    assert profile.loc[profile["source_type"] == "named", "sources"].sum() == 1


def test_genre_colours_are_fixed_and_distinct():
    assert len(set(GENRE_COLOURS.values())) == len(GENRE_COLOURS)
    assert genre_colour("news") == GENRE_COLOURS["news"]
    # a genre outside the palette gets an extra colour, never a palette genre's, and the
    # same one in every process (no string hashing)
    code = ("from analysis.figures.save import genre_colour; "
            "print(genre_colour('podcast transcript'))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2", "3")}
    assert len(runs) == 1 and runs.pop().strip() not in GENRE_COLOURS.values()


@pytest.mark.parametrize("name", list(FIGURES))
def test_figure_names_are_numbered(name):
    assert name.startswith("fig") and name[3:5].isdigit() and name[5] == "_"


def test_sourcing_title_names_every_article_tied_for_most_sources():
    from analysis.figures.sourcing import plot_sourcing_profile

    counts = {"A": [4, 0, 3, 0], "B": [7, 0, 0, 0], "C": [2, 0, 0, 0]}
    table = pd.DataFrame([{"label": label, "genre": "news", "source_type": kind, "sources": n}
                          for label, ns in counts.items()
                          for kind, n in zip(["named", "institutional", "anonymous", "media"], ns)])
    fig = plot_sourcing_profile(table)
    title = fig.texts[0].get_text() if fig.texts else fig.axes[0].get_title()
    assert "A and B (7 each)" in title
    matplotlib.pyplot.close(fig)


def test_fig09_writes_triggers_only_above_zero_and_never_cut():
    from analysis.figures.signals import cell_words

    assert cell_words(0.0, "Victoria Coates; She") == ""
    assert cell_words(0.78, "sentence lengths 13–35 words") == "sentence lengths\n13–35 words"
    assert cell_words(1.0, "Support Israel and its enduring partnership with…") == ""
    assert cell_words(1.0, "The president … (+3); terror") == "terror"
    assert cell_words(0.4, "(none found)") == ""
    long = "a very long trigger phrase that cannot fit in two short lines"
    assert cell_words(0.5, long) == ""
    for words in (cell_words(0.6, "bargaining chip; terror"), cell_words(0.2, "As the situation unfolds")):
        assert "…" not in words and all(len(line) <= 18 for line in words.split("\n"))


def test_fig09_cells_at_zero_carry_no_words(tmp_path, seed_dir):
    from analysis.figures.signals import plot_signals, signals_table

    analysis = analyse_articles(seed_dir, progress=False)
    table = signals_table(analysis.signals, analysis.scores)
    fig = plot_signals(table)
    italic = [t for t in fig.axes[0].texts if t.get_style() == "italic"]
    assert italic, "some triggers are written"
    for words in italic:
        x, y = words.get_position()
        value = [t for t in fig.axes[0].texts if t.get_style() != "italic"
                 and t.get_position()[0] == x and abs(t.get_position()[1] - y) < 0.5]
        assert value and float(value[0].get_text()) > 0, words.get_text()
        assert "…" not in words.get_text()
    matplotlib.pyplot.close(fig)


def test_fig07_panels_share_one_x_scale():
    from analysis.figures.framing import plot_actors

    table = pd.DataFrame({"genre": ["news", "news", "opinion", "essay"],
                          "actor": ["Israel", "Biden", "Critic", "Group"],
                          "mentions": [18, 5, 2, 1], "verbs": ["need", "say", "argue", "pose"]})
    fig = plot_actors(table)
    limits = {ax.get_xlim() for ax in fig.axes if ax.get_visible()}
    assert len(limits) == 1 and limits.pop()[1] >= 18
    matplotlib.pyplot.close(fig)


def test_saved_figure_shows_one_short_line_in_a_notebook(tmp_path):
    from IPython.lib.pretty import pretty

    from analysis.figures import save_figure

    fig = matplotlib.pyplot.figure()
    paths = save_figure(fig, "fig99_test", pd.DataFrame({"a": [1]}), tmp_path)
    line = pretty(paths)
    assert "\n" not in line and "PosixPath" not in line and line.startswith("Saved fig99_test")
    assert paths["png"].exists() and set(paths) == {"png", "svg", "csv"}
    matplotlib.pyplot.close(fig)


def test_chart_labels_are_readable():
    from analysis.figures.save import article_label
    from analysis.labels import article_choice, plural

    assert article_label("003_304652d43b9f0c09", "", "generated-looking essay") == \
        "article 003 · generated-looking essay"
    assert article_label("000_f6", "Israfan (blog)", "opinion") == "Israfan (blog) · opinion"
    assert article_label("new_story", None, "unlabelled") == "new_story · unlabelled"
    assert article_choice("003_30", "", "", "news", "The United States and Israel have a long "
                          "history of cooperation") == \
        "The United States and Israel have a long history… — outlet unknown · news"
    assert [plural(n, "quote") for n in (0, 1, 2)] == ["0 quotes", "1 quote", "2 quotes"]
