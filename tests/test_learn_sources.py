"""Learning the source table: the logistic fit, the threshold search, the written table."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import numpy as np
import pytest

from analysis.cli import main
from analysis.evaluate.learn_sources import (Examples, best_threshold, fit_logistic,
                                             learn_sources, predict, source_f1)
from analysis.extract.sources import THRESHOLD_ROW, read_table


def test_fit_learns_which_features_go_with_sources():
    feats = [["say", "person"]] * 30 + [["have", "person"]] * 30 + [["say", "noun"]] * 10
    labels = [True] * 30 + [False] * 30 + [True] * 6 + [False] * 4
    w = fit_logistic(feats, labels, l2=1.0, min_count=5)
    assert w["say"] > 0 > w["have"]
    p = predict(w, [["say", "person"], ["have", "person"], ["unseen"]])
    assert p[0] > 0.8 and p[1] < 0.2 and 0 < p[2] < 1


def test_rare_features_are_left_out():
    feats = [["common"]] * 10 + [["rare", "common"]] * 2
    w = fit_logistic(feats, [True] * 6 + [False] * 6, min_count=5)
    assert "common" in w and "rare" not in w


def test_threshold_search_counts_sources_as_the_evaluation_does():
    ex = Examples(article=["a", "a", "a"], span=[(0, 5), (10, 15), (30, 35)],
                  features=[[], [], []], label=[True, True, False],
                  ruled={"a": [(20, 25)]}, gold={"a": [(0, 5), (10, 15), (20, 25)]})
    probs = np.array([0.9, 0.6, 0.4])
    t, (p, r, f) = best_threshold(ex, probs)
    assert 0.4 < t <= 0.6 and (p, r, f) == (1.0, 1.0, 1.0)
    t, _ = best_threshold(ex, probs, allowed=np.array([True, True, True]))
    assert 0.4 < t <= 0.6


def test_threshold_search_drops_what_the_extractor_drops():
    # candidate 1 sits in the description of candidate 0 ("Brian Fallon, the campaign's
    # press secretary"); candidate 3 lies inside candidate 2's span: each is counted only
    # when the other is not kept, as find_sources keeps them
    ex = Examples(article=["a"] * 4, span=[(0, 12), (14, 26), (40, 60), (45, 50)],
                  features=[[]] * 4, label=[True, True, True, True], ruled={"a": []},
                  gold={"a": [(0, 40), (40, 60)]}, inside=[[], [0], [], []],
                  ruled_inside=[False] * 4)
    assert source_f1(ex, np.array([True, True, True, True])) == (1.0, 1.0, 1.0)
    assert source_f1(ex, np.array([False, True, False, True])) == (1.0, 1.0, 1.0)
    ex.ruled_inside = [False, True, False, False]
    assert source_f1(ex, np.array([False, True, False, False])) == (0.0, 0.0, 0.0)


def _polnear(root, n=6):
    """A tiny PolNeAR-like split: each article has one annotated source ("officials") and
    one subject that is no source ("The weather")."""
    text_dir = root / "train" / "text"
    ann_dir = root / "train" / "attributions"
    text_dir.mkdir(parents=True)
    ann_dir.mkdir(parents=True)
    for k in range(n):
        text = (f"Officials said the plan number {k} would fail. The weather turned cold on "
                f"day {k}. Aides said the talks had stalled.\n")
        (text_dir / f"a{k}.txt").write_text(text, encoding="utf-8")
        s1 = text.index("Aides")
        ann = ("T1\tSource 0 9\tOfficials\nT2\tCue 10 14\tsaid\n"
               f"T3\tContent 15 {text.index(' would')}\tx\n"
               f"T4\tSource {s1} {s1 + 5}\tAides\n"
               "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
               "E2\tAttribution:T2 Source:T4\n")
        (ann_dir / f"a{k}_annotator1.ann").write_text(ann, encoding="utf-8")
    return root


def test_learn_writes_a_table_the_extractor_reads(tmp_path):
    data = _polnear(tmp_path / "polnear")
    out = tmp_path / "table.tsv"
    summary = learn_sources(data, out, folds=2, l2=1.0, min_count=2, progress=False)
    assert summary["n_articles"] == 6 and summary["n_positive"] >= 12
    table = read_table(out)
    assert "bias" in table and 0 < table[THRESHOLD_ROW] < 1
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#") and "feature\tweight" in lines
    assert table["v=subj:say"] > 0 > table.get("v=subj:turn", 0.0)


def test_learn_sources_command(tmp_path, capsys):
    data = _polnear(tmp_path / "polnear")
    out = tmp_path / "table.tsv"
    assert main(["learn-sources", str(data), "--folds", "2", "--out", str(out), "--quiet"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["out"] == str(out) and out.is_file()


@pytest.mark.parametrize("args", [["--split", "dev"], ["--folds", "1"]])
def test_learn_sources_command_errors(tmp_path, capsys, args):
    data = _polnear(tmp_path / "polnear")
    assert main(["learn-sources", str(data), "--out", str(tmp_path / "t.tsv"), *args]) == 2
    assert capsys.readouterr().err.startswith("error: ")


def test_the_table_header_explains_every_feature_key():
    from analysis.evaluate.learn_sources import LEGEND
    from analysis.paths import LEXICON_DIR

    lines = (LEXICON_DIR / "source_cues.tsv").read_text(encoding="utf-8").splitlines()
    assert all(line in lines for line in LEGEND.splitlines())
    keys = {re.split(r"[=:]", line.split("\t")[0])[0] for line in lines
            if line[:1] not in ("#", "@") and line.split("\t")[0] not in ("feature", "bias")}
    explained = set(re.findall(r"[a-z_]+(?==|\b)", LEGEND))
    assert keys and keys <= explained, keys - explained


def test_a_refit_does_not_depend_on_the_hash_seed():
    code = ("from analysis.evaluate.learn_sources import fit_logistic\n"
            "feats = [[f'f{(i * 7 + j) % 23}' for j in range(5)] for i in range(200)]\n"
            "labels = [('f3' in f) != (i % 5 == 0) for i, f in enumerate(feats)]\n"
            "w = fit_logistic(feats, labels, min_count=2)\n"
            "print(repr(sorted(w.items())))\n")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2", "3")}
    assert len(runs) == 1
