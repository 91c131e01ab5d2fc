"""Learning and measuring the machine-written look (``lexicons/genlook_weights.tsv``).

``python -m analysis learn-genlook ESSAYS NEWS`` rebuilds the table that
:mod:`analysis.framing.look` reads:

1. every labelled text (:mod:`analysis.evaluate.genlook_data`) is loaded and analysed as
   ``python -m analysis score`` would analyse it as a file (boilerplate, parse with the
   parse cache, extraction, features), and each look signal's raw measure is taken
   (:func:`analysis.framing.look.raw_measures`);
2. each signal's 0–1 scale runs from the 5th to the 95th percentile of its raw measure over
   the texts, oriented as :data:`analysis.framing.look.LOOK_SIGNALS` says (the human-like
   end at 0);
3. the weights are those of a logistic regression of machine vs human on the scaled
   signals, fitted with every weight kept ≥ 0 (so each signal keeps its stated meaning: a
   signal that does not help gets 0, none is turned round) and an L2 penalty; each dataset
   and class weighs the same in the fit (essays and news, human and machine), and the
   weights are divided by their sum, so the score is a weighted mean;
4. cross-validation over groups (the essay topic; the news article the prompt came from,
   ``article_id``) repeats steps 2–3 without the held-out fold and scores it, so that no
   fold learns a topic or an opening it is tested on; the AUCs of these held-out scores, per
   dataset and generator, are printed and written in the table's header, with the AUC of
   each generator when the table is learned without its texts
   (:func:`leave_generator_out`).

``python -m analysis evaluate genlook FILE.csv`` scores any labelled file with the shipped
table (the same numbers ``score`` gives) and prints the AUC overall and per generator.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from ..framing import look
from .adam import adam
from .genlook_data import load_labelled

#: Percentiles of the raw measures at which a signal is 0 and 1.
SCALE_QUANTILES = (0.05, 0.95)
#: Generators with fewer texts than this get no AUC row of their own (too few to measure).
MIN_TEXTS_FOR_AUC = 10


def measure_texts(data: pd.DataFrame, *, jobs: int = 1, cache: bool = True,
                  progress: bool = True) -> pd.DataFrame:
    """``data`` (:data:`~analysis.evaluate.genlook_data.LABELLED_COLUMNS`) with each look
    signal's raw measure, the score of the shipped table (``generated_look_score``, as the
    scorecard has it) and ``status`` (``ok`` or ``error``) of each text."""
    from ..framing.signals import combine, look_signals
    from ..pipeline import run
    from . import load_texts

    keys = [f"t{i:06d}" for i in range(len(data))]  # safe file names, whatever the ids
    frame = load_texts(dict(zip(keys, data["text"])))
    rows = {}
    with run(frame, jobs=jobs, cache=cache, progress=progress) as (_, results):
        for result in results:
            feats = result["features"]
            ok = result["status"] == "ok" and bool(feats)
            raw = look.raw_measures(feats) if ok else {}
            score = (combine(look_signals(result["article_id"], feats))["generated_look_score"]
                     if ok and look.table_path().is_file() else float("nan"))
            rows[result["article_id"]] = {**raw, "generated_look_score": score,
                                          "status": "ok" if ok else "error"}
    measured = pd.DataFrame.from_dict(rows, orient="index").reindex(keys)
    return pd.concat([data.reset_index(drop=True),
                      measured.reset_index(drop=True)], axis=1)


# ------------------------------------------------------------------------------ learning

def fit_scales(raw: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """``signal -> (zero_at, one_at)``: the 5th and 95th percentiles of each raw measure,
    the human-like end (by the signal's orientation) first."""
    out = {}
    for name, sig in look.LOOK_SIGNALS.items():
        values = raw[name].dropna().to_numpy(dtype=float) if name in raw else np.array([])
        if len(values) == 0:
            out[name] = (0.0, 0.0)
            continue
        lo, hi = np.quantile(values, SCALE_QUANTILES)
        if hi <= lo:  # a measure that is mostly 0 (stock words): up to its largest value
            hi = values.max()
        out[name] = (float(lo), float(hi)) if sig.direction > 0 else (float(hi), float(lo))
    return out


def scaled(raw: pd.DataFrame, scales: dict[str, tuple[float, float]]) -> np.ndarray:
    """The 0–1 values of every signal (columns in :data:`LOOK_SIGNALS` order)."""
    cols = []
    for name in look.LOOK_SIGNALS:
        scale = look.Scale(1.0, *scales[name])
        cols.append([scale.value(x) for x in raw[name].to_numpy(dtype=float)])
    return np.array(cols, dtype=float).T


def balance_weights(data: pd.DataFrame) -> np.ndarray:
    """Sample weights giving each (dataset, human/machine) cell the same total weight."""
    cell = data["dataset"].astype(str) + "|" + data["machine"].astype(str)
    counts = cell.map(cell.value_counts())
    w = 1.0 / counts.to_numpy(dtype=float)
    return w * len(w) / w.sum()


def fit_weights(values: np.ndarray, labels: np.ndarray, sample_weight: np.ndarray | None = None,
                *, l2: float = 1.0, iterations: int = 3000,
                learning_rate: float = 0.05) -> tuple[np.ndarray, float]:
    """Weights (all ≥ 0) and bias of a logistic regression of ``labels`` on ``values``.

    Minimises the weighted summed log-loss plus ``l2 / 2`` times the squared weights (the
    bias is not penalised) by full-batch Adam, each step projected back onto weights ≥ 0.
    """
    x = np.asarray(values, dtype=float)
    y = np.asarray(labels, dtype=float)
    sw = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    n, k = x.shape

    def gradient(w: np.ndarray, b: float) -> tuple[np.ndarray, float]:
        err = (1.0 / (1.0 + np.exp(-np.clip(x @ w + b, -30, 30))) - y) * sw
        return (x.T @ err + l2 * w) / n, err.sum() / n

    return adam(gradient, k, iterations=iterations, learning_rate=learning_rate,
                non_negative=True)


def learn_table(data: pd.DataFrame, l2: float = 1.0) -> dict[str, look.Scale]:
    """The table learned from measured texts (steps 2–3 of the module docstring)."""
    ok = data[data["status"] == "ok"]
    scales = fit_scales(ok)
    w, _ = fit_weights(scaled(ok, scales), ok["machine"].to_numpy(), balance_weights(ok), l2=l2)
    w = w / w.sum() if w.sum() > 0 else w
    return {name: look.Scale(float(wi), *scales[name])
            for name, wi in zip(look.LOOK_SIGNALS, w)}


def score_with(data: pd.DataFrame, table: dict[str, look.Scale]) -> np.ndarray:
    """The look score of every measured text under ``table`` (0 for a text not analysed)."""
    out = np.zeros(len(data))
    for i, row in enumerate(data.to_dict("records")):
        if row.get("status") == "ok":
            values = look.look_values({n: row[n] for n in look.LOOK_SIGNALS}, table)
            out[i] = look.look_score(values, table)
    return out


def folds_of(groups: pd.Series, folds: int, seed: int = 0) -> np.ndarray:
    """A fold number per text, whole groups to one fold, groups shuffled with ``seed``."""
    unique = np.array(sorted(set(groups.astype(str))))
    np.random.default_rng(seed).shuffle(unique)
    fold = {g: i % folds for i, g in enumerate(unique)}
    return np.array([fold[g] for g in groups.astype(str)])


def cross_validate(data: pd.DataFrame, folds: int = 5, l2: float = 1.0,
                   seed: int = 0) -> np.ndarray:
    """Held-out look score of every text, groups kept within one fold (step 4)."""
    group = data["dataset"].astype(str) + "|" + data["group"].astype(str)
    fold = folds_of(group, folds, seed)
    held_out = np.zeros(len(data))
    for k in range(folds):
        train, test = fold != k, fold == k
        table = learn_table(data[train], l2=l2)
        held_out[test] = score_with(data[test], table)
    return held_out


def leave_generator_out(data: pd.DataFrame, folds: int = 5, l2: float = 1.0, seed: int = 0,
                        min_texts: int = MIN_TEXTS_FOR_AUC) -> pd.DataFrame:
    """AUC of each generator (with ``min_texts`` or more texts) when the table is learned
    without any of its texts: its machine texts and one fold of its dataset's human texts
    (whole groups) are held out, the table is learned on the rest, and the held-out texts
    are scored; over the folds every human text is scored once. It measures how well the
    signals carry to a generator the table has not seen."""
    group = data["dataset"].astype(str) + "|" + data["group"].astype(str)
    fold = folds_of(group, folds, seed)
    rows = []
    machine = data["machine"].to_numpy(dtype=bool)
    for (dataset, generator), part in data[machine].groupby(["dataset", "generator"]):
        if len(part) < min_texts:
            continue
        own = (data["dataset"] == dataset).to_numpy()
        is_gen = machine & own & (data["generator"] == generator).to_numpy()
        scores = np.full(len(data), np.nan)
        for k in range(folds):
            human_k = ~machine & own & (fold == k)
            table = learn_table(data[~is_gen & ~human_k], l2=l2)
            scores[human_k] = score_with(data[human_k], table)
            scores[is_gen] = np.nan_to_num(scores[is_gen]) + score_with(data[is_gen], table) / folds
        test = is_gen | (~machine & own)
        rows.append({"dataset": dataset, "generator": generator,
                     "machine_texts": int(is_gen.sum()), "human_texts": int((~machine & own).sum()),
                     "auc_unseen_generator": round(auc(machine[test], scores[test]), 3)})
    return pd.DataFrame(rows, columns=["dataset", "generator", "machine_texts", "human_texts",
                                       "auc_unseen_generator"])


# ------------------------------------------------------------------------------ measuring

def auc(labels, scores) -> float:
    """Area under the ROC curve: the chance that a machine text scores above a human one
    (ties count one half); NaN without both classes."""
    y = np.asarray(labels, dtype=bool)
    s = pd.Series(np.asarray(scores, dtype=float)).fillna(0.0)
    n1, n0 = int(y.sum()), int((~y).sum())
    if not n1 or not n0:
        return float("nan")
    ranks = s.rank().to_numpy()
    return float((ranks[y].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def auc_table(data: pd.DataFrame, scores, min_texts: int = MIN_TEXTS_FOR_AUC) -> pd.DataFrame:
    """AUC of ``scores`` per dataset, overall and for each generator (its texts against all
    the human texts of the dataset), with the numbers of texts and the mean scores."""
    frame = data.assign(score=np.asarray(scores, dtype=float))
    rows = []
    for dataset, d in frame.groupby("dataset", sort=False):
        human = d[~d["machine"]]
        parts = [("all machine", d)] + [
            (g, pd.concat([human, m])) for g, m in d[d["machine"]].groupby("generator")]
        for generator, part in parts:
            machine = part[part["machine"]]
            rows.append({"dataset": dataset, "generator": generator,
                         "machine_texts": len(machine), "human_texts": len(human),
                         "auc": (round(auc(part["machine"], part["score"]), 3)
                                 if len(machine) >= min_texts else float("nan")),
                         "mean_machine": round(machine["score"].mean(), 3),
                         "mean_human": round(human["score"].mean(), 3)})
    return pd.DataFrame(rows)


def signal_aucs(data: pd.DataFrame, min_texts: int = MIN_TEXTS_FOR_AUC) -> pd.DataFrame:
    """AUC of each signal's raw measure alone (oriented as the signal is, a text not measured
    at the measure's median), per dataset and generator: one column per generator, one row
    per signal. Values under 0.5 mean the signal points the wrong way for that generator."""
    out = {}
    for name, sig in look.LOOK_SIGNALS.items():
        raw = data[name].astype(float)
        table = auc_table(data, sig.direction * raw.fillna(raw.median()), min_texts)
        out[name] = dict(zip(table["dataset"] + " / " + table["generator"], table["auc"]))
    return pd.DataFrame(out).T.dropna(axis=1, how="all")


def evaluate_genlook(path: Path | str, text_column: str = "text", label_column: str = "label",
                     generator_column: str = "generator", *, jobs: int = 1, cache: bool = True,
                     progress: bool = True) -> pd.DataFrame:
    """AUC of the shipped score on a labelled file, overall and per generator."""
    data = load_labelled(path, text_column, label_column, generator_column)
    measured = measure_texts(data, jobs=jobs, cache=cache, progress=progress)
    return auc_table(measured, measured["generated_look_score"].fillna(0.0))


# ------------------------------------------------------------------------------ the table

HEADER = """\
# Machine-written look: each signal's weight and 0-1 scale (see analysis/framing/look.py).
# A signal is 0 at zero_at and 1 at one_at (linear between, clipped); generated_look_score
# = sum of weight x signal (the weights are >= 0 and sum to 1).
# Made by `python -m analysis learn-genlook {essays} {news}` on {day}
# (analysis/evaluate/genlook.py) from {n_texts} texts of {datasets}
# ({n_machine} machine-written, {n_human} human); scales from the {q_lo:.0%} and {q_hi:.0%}
# percentiles of each raw measure; weights of a logistic regression with weights >= 0, L2 penalty {l2}, each dataset
# and class weighted equally. {folds}-fold cross-validation over groups (essay topic, news
# article_id), scales and weights relearned without the held-out fold, gives these AUCs:
{cv_lines}
# Retrain whenever a signal's measure changes.
"""


def write_table(path: Path | str, table: dict[str, look.Scale], **about) -> None:
    """Write the table: header, column names, one row per signal in display order."""
    lines = [HEADER.format(**about).rstrip("\n"), "signal\tweight\tzero_at\tone_at"]
    lines += [f"{name}\t{s.weight:.4f}\t{s.zero_at:.4f}\t{s.one_at:.4f}"
              for name, s in table.items()]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _cv_lines(aucs: pd.DataFrame) -> str:
    def unseen(r) -> str:
        value = getattr(r, "auc_unseen_generator", float("nan"))
        return "" if pd.isna(value) else f"; {value:.3f} learned without this generator"

    return "\n".join(f"#   {r.dataset} / {r.generator}: {r.auc:.3f} ({r.machine_texts} machine, "
                     f"{r.human_texts} human{unseen(r)})"
                     for r in aucs.itertuples() if not pd.isna(r.auc))


def learn_genlook(essays: Path | str, news: Path | str, out: Path | str, *, folds: int = 5,
                  l2: float = 1.0, jobs: int = 1, cache: bool = True,
                  progress: bool = True) -> tuple[dict, pd.DataFrame, pd.DataFrame]:
    """Learn the table from the two development files, write it to ``out``; returns a
    summary, the cross-validated AUC table and each signal's own AUC (:func:`signal_aucs`)."""
    if folds < 2:
        raise ValueError("folds must be 2 or more")
    data = pd.concat([load_labelled(essays), load_labelled(news)], ignore_index=True)
    measured = measure_texts(data, jobs=jobs, cache=cache, progress=progress)
    aucs = auc_table(measured, cross_validate(measured, folds=folds, l2=l2))
    unseen = leave_generator_out(measured, folds=folds, l2=l2)
    aucs = aucs.merge(unseen, on=["dataset", "generator", "machine_texts", "human_texts"],
                      how="left")
    table = learn_table(measured, l2=l2)
    about = {"essays": Path(essays).name, "news": Path(news).name,
             "day": date.today().isoformat(), "n_texts": len(measured),
             "n_machine": int(measured["machine"].sum()),
             "n_human": int((~measured["machine"]).sum()),
             "datasets": " and ".join(measured["dataset"].unique()), "q_lo": SCALE_QUANTILES[0],
             "q_hi": SCALE_QUANTILES[1], "l2": l2, "folds": folds, "cv_lines": _cv_lines(aucs)}
    write_table(out, table, **about)
    summary = {"out": str(out), "texts": len(measured),
               "not_analysed": int((measured["status"] != "ok").sum()),
               "weights": {n: round(s.weight, 4) for n, s in table.items()}}
    return summary, aucs, signal_aucs(measured[measured["status"] == "ok"])
