"""Labelled texts for the machine-written look: human or machine, which generator, which group.

Every loader returns a frame with the columns :data:`LABELLED_COLUMNS`:

- ``id``: the text's id (unique);
- ``text``: the text;
- ``machine``: True for machine-written text, False for human writing;
- ``generator``: the model that wrote it (``"human"`` for human texts);
- ``group``: texts that must stay on the same side of a cross-validation split (the essay
  topic; the news article the prompt came from), so no fold learns a topic or an opening
  it is then tested on;
- ``dataset``: where the text comes from (the file's stem).

Two layouts are read: a *long* CSV with one text per row (a text column and a label column,
optionally ``generator`` and a group column such as ``article_id``), and the *wide* essay
table of Herbold et al. (2023) (``;``-separated, a ``Topic`` column and one column per
writer: ``Student``, ``ChatGPT-3``, ``ChatGPT-4``).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

LABELLED_COLUMNS = ["id", "text", "machine", "generator", "group", "dataset"]
#: Label values read as machine-written or as human (case-insensitive).
MACHINE_LABELS = {"machine", "generated", "ai", "llm", "model", "1", "true", "yes", "fake"}
HUMAN_LABELS = {"human", "0", "false", "no", "real"}
#: The writers of the wide essay table and the generator each stands for.
ESSAY_WRITERS = {"Student": "human", "ChatGPT-3": "gpt-3.5 (ChatGPT)", "ChatGPT-4": "gpt-4 (ChatGPT)"}
GROUP_COLUMNS = ("article_id", "group", "topic", "Topic")


class LabelledDataError(ValueError):
    """A labelled file that cannot be read as such (missing column, unknown label)."""


def read_table(path: Path | str) -> pd.DataFrame:
    """A CSV file with its separator sniffed (``,``, ``;`` or tab), every column as text."""
    path = Path(path)
    if not path.is_file():
        raise LabelledDataError(f"{path}: no such file")
    with path.open(encoding="utf-8", newline="") as fh:
        head = fh.readline()
    sep = max([",", ";", "\t"], key=head.count)
    return pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False)


def is_wide_essays(frame: pd.DataFrame) -> bool:
    """Whether ``frame`` is the wide essay table (one column per writer)."""
    return "Student" in frame.columns and any(c in frame.columns for c in ESSAY_WRITERS if c != "Student")


def wide_essays(frame: pd.DataFrame, dataset: str = "essays") -> pd.DataFrame:
    """The wide essay table as one row per essay (group: the topic)."""
    topic = frame["Topic"] if "Topic" in frame.columns else frame.index.astype(str)
    rows = []
    for column, generator in ESSAY_WRITERS.items():
        if column not in frame.columns:
            continue
        part = pd.DataFrame({"id": [f"{dataset}-{i}-{column}" for i in frame.index],
                             "text": frame[column].to_numpy(), "machine": generator != "human",
                             "generator": generator, "group": topic.to_numpy(),
                             "dataset": dataset})
        rows.append(part)
    return (pd.concat(rows, ignore_index=True)
            .loc[lambda d: d["text"].str.strip() != ""]
            .reset_index(drop=True))


def _labels(values: pd.Series, column: str, path: Path) -> pd.Series:
    lower = values.str.strip().str.lower()
    unknown = sorted(set(lower) - MACHINE_LABELS - HUMAN_LABELS)
    if unknown:
        raise LabelledDataError(
            f"{path}: column {column!r} has values that are neither human nor machine labels: "
            f"{', '.join(map(repr, unknown[:5]))} (use human/machine or 0/1)")
    return lower.isin(MACHINE_LABELS)


def long_texts(frame: pd.DataFrame, path: Path | str, text_column: str = "text",
               label_column: str = "label", generator_column: str = "generator",
               group_column: str | None = None) -> pd.DataFrame:
    """A long table (one text per row) as :data:`LABELLED_COLUMNS`.

    ``group_column`` defaults to the first of :data:`GROUP_COLUMNS` present (else each text
    is its own group); the generator, when the file has no such column, is ``"machine"``.
    """
    path = Path(path)
    for column in (text_column, label_column):
        if column not in frame.columns:
            raise LabelledDataError(f"{path}: no column {column!r} (columns: "
                                    f"{', '.join(frame.columns)}); name it with --text-column / "
                                    "--label-column")
    machine = _labels(frame[label_column], label_column, path)
    if generator_column in frame.columns:
        generator = frame[generator_column].where(machine, "human").replace("", "machine")
    else:
        generator = machine.map({True: "machine", False: "human"})
    group_column = group_column or next((c for c in GROUP_COLUMNS if c in frame.columns), None)
    ids = frame["id"] if "id" in frame.columns else pd.Series(frame.index.astype(str), index=frame.index)
    out = pd.DataFrame({"id": ids.to_numpy(), "text": frame[text_column].to_numpy(),
                        "machine": machine.to_numpy(), "generator": generator.to_numpy(),
                        "group": (frame[group_column] if group_column else ids).to_numpy(),
                        "dataset": path.stem})
    return out.loc[out["text"].str.strip() != ""].reset_index(drop=True)


def load_labelled(path: Path | str, text_column: str = "text", label_column: str = "label",
                  generator_column: str = "generator",
                  group_column: str | None = None) -> pd.DataFrame:
    """The labelled texts of a CSV file, long or wide layout (see the module docstring)."""
    frame = read_table(path)
    if label_column not in frame.columns and is_wide_essays(frame):
        out = wide_essays(frame, Path(path).stem)
    else:
        out = long_texts(frame, path, text_column, label_column, generator_column, group_column)
    if out.empty or out["machine"].all() or not out["machine"].any():
        raise LabelledDataError(f"{path}: needs both human and machine-written texts")
    return out
