"""``manifest.csv``: the metadata of the articles of a folder, read and checked row by row.

The manifest sits beside the articles (``data/raw/manifest.csv``; columns
:data:`MANIFEST_COLUMNS`, and :data:`OPTIONAL_MANIFEST_COLUMNS` when given). Its mistakes
never stop a run: a row naming a missing file, or a path outside the data folder, becomes an
error of that row; what is wrong in a row and can be set aside (a bad date, a bad address, a
second row for the same file, extra cells) is a warning of that row; problems with the whole
manifest (it cannot be read, it has no ``file`` column) are a :class:`ManifestWarning` and
the articles load without its metadata. Each row's problems are
:class:`~analysis.problems.Problem` records.
"""
from __future__ import annotations

import csv
import difflib
import io
import re
import warnings
from pathlib import Path, PurePosixPath

import pandas as pd

from .paths import MANIFEST_NAME
from .problems import Problem, messages
from .problems import error as error_problem
from .problems import warning as warning_problem
from .textio import ArticleError, decode_bytes, read_limited

MANIFEST_COLUMNS = ["file", "outlet", "title", "published", "url", "genre", "reposted_from", "notes"]
#: Manifest columns used when present and not missed when absent.
OPTIONAL_MANIFEST_COLUMNS = ["author", "story"]
#: Columns of :func:`read_manifest`.
ROW_COLUMNS = MANIFEST_COLUMNS + OPTIONAL_MANIFEST_COLUMNS + ["line", "target", "error",
                                                              "warning", "problems"]
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ManifestWarning(UserWarning):
    """A problem with a whole ``manifest.csv``: its metadata is used in part or not at all."""


def read_manifest(folder: Path) -> pd.DataFrame:
    """Rows of ``folder/manifest.csv`` (an empty frame when there is none), checked.

    Columns: :data:`MANIFEST_COLUMNS`, ``author``, ``line`` (line number in the file),
    ``target`` (the file named, resolved), ``error`` (why the row cannot be used: the file is
    missing or outside the folder), ``warning`` (what was wrong and was set aside: a bad
    date, a bad URL, a second row for the same file) and ``problems`` (the same, as
    :class:`~analysis.problems.Problem` records). Problems with the whole manifest are a
    :class:`ManifestWarning` and give an empty frame. Never raises.
    """
    folder = Path(folder)
    path = folder / MANIFEST_NAME
    empty = pd.DataFrame(columns=ROW_COLUMNS)
    if not path.exists() and not path.is_symlink():
        return empty
    try:
        records = _parse_manifest(path)
    except ArticleError as exc:
        _warn_manifest(f"{exc.name}: {exc.reason}; articles load without its metadata — "
                       f"{exc.remedy}")
        return empty
    except csv.Error as exc:
        _warn_manifest(f"{path}: not a readable CSV file ({exc}); articles load without its "
                       "metadata — save it again as CSV (comma-separated, UTF-8)")
        return empty
    if records is None:
        return empty
    for rec in records:
        if not rec.get("file"):
            _warn_manifest(f"{path} line {rec['line']}: no file name, so the row is not used; "
                           "fill in the file column or delete the row")
    rows = [_check_row(rec, folder.resolve(), path) for rec in records if rec.get("file")]
    return _flag_repeated_rows(pd.DataFrame(rows, columns=ROW_COLUMNS))


def _warn_manifest(message: str) -> None:
    warnings.warn(message, ManifestWarning, stacklevel=4)


def _parse_manifest(path: Path) -> list[dict] | None:
    """Records of the manifest with normalised column names, a ``line`` number and their
    ``problems`` so far.

    Raises :class:`ArticleError` when the file cannot be read as text; warns and returns None
    when it has no ``file`` column.
    """
    text = decode_bytes(read_limited(path), str(path)).text
    first = text.splitlines()[0] if text.splitlines() else ""
    delimiter = "\t" if "\t" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [" ".join(h.split()).lower().replace(" ", "_") for h in next(reader, [])]
    if "file" not in header:
        _warn_manifest(
            f"{path}: no 'file' column (its first line reads {first[:80]!r}); articles load "
            f"without its metadata — the first line must name the columns, starting with "
            f"{','.join(MANIFEST_COLUMNS)}")
        return None
    missing = [c for c in MANIFEST_COLUMNS if c not in header]
    unknown = [c for c in header if c not in MANIFEST_COLUMNS + OPTIONAL_MANIFEST_COLUMNS]
    if missing:
        _warn_manifest(f"{path}: no column {', '.join(missing)}; left empty for every article — "
                       "add the column if you meant to give it")
    if unknown:
        _warn_manifest(f"{path}: unknown column {', '.join(map(repr, unknown))} ignored — the "
                       f"columns are {','.join(MANIFEST_COLUMNS + OPTIONAL_MANIFEST_COLUMNS)}")
    records, line = [], reader.line_num + 1
    for cells in reader:
        if any(c.strip() for c in cells):
            rec = dict(zip(header, (c.strip() for c in cells)))
            rec["line"], rec["problems"] = line, []
            if len(cells) > len(header):
                reason = f"has {len(cells)} cells for {len(header)} columns"
                rec["problems"].append(warning_problem(
                    f"{path} line {line} {reason}; the extra ones are ignored — put double "
                    "quotes around a cell that holds a comma", reason))
            records.append(rec)
        line = reader.line_num + 1
    return records


def _check_row(rec: dict, root: Path, manifest: Path) -> dict:
    """One manifest record with ``target``, ``error``, ``warning`` and ``problems``."""
    where = f"{manifest} line {rec['line']}"
    row = {c: rec.get(c, "") for c in MANIFEST_COLUMNS + OPTIONAL_MANIFEST_COLUMNS}
    problems: list[Problem] = list(rec.get("problems", []))
    given = row["file"]
    name = given.replace("\\", "/")  # Windows separators
    target = (root / name).resolve()
    row.update(file=name, line=rec["line"], target=target)
    if PurePosixPath(name).is_absolute() or re.match(r"[A-Za-z]:/", name) or (
            root not in target.parents):
        reason = f"{given!r} points outside the data folder and is not read"
        problems.insert(0, error_problem(
            f"{where}: {reason}; name files relative to the folder holding {MANIFEST_NAME}",
            reason))
    elif not target.exists():
        reason = f"listed in {MANIFEST_NAME} but does not exist{_did_you_mean(root, name)}"
        problems.insert(0, error_problem(f"{where}: {reason}; fix the name or delete the row",
                                         reason))
    row["published"], bad_date = iso_date(row["published"])
    row["url"], bad_url = web_address(row["url"])
    if bad_date:
        reason = f"published {bad_date!r} is not a date (YYYY-MM-DD)"
        problems.append(warning_problem(
            f"{where}: {reason}; left empty — write it as e.g. 2024-05-31", reason))
    if bad_url:
        reason = f"url {bad_url!r} is not a web address (http:// or https://)"
        problems.append(warning_problem(f"{where}: {reason}; left empty", reason))
    return {**row, "error": messages(problems, "error"), "warning": messages(problems, "warning"),
            "problems": problems}


def _did_you_mean(root: Path, name: str) -> str:
    """`` (did you mean 'Story.txt'?)`` for a close file name in the same folder, else ''."""
    folder = (root / name).parent
    try:
        names = [p.name for p in folder.iterdir()]
    except OSError:
        return ""
    close = difflib.get_close_matches(PurePosixPath(name).name, names, n=1, cutoff=0.8)
    return f" (did you mean {close[0]!r}?)" if close else ""


def iso_date(value: str) -> tuple[str, str]:
    """``(YYYY-MM-DD, "")`` for an ISO date or date-time, ``("", value)`` when it is not one."""
    if not value:
        return "", ""
    stamp = pd.to_datetime(value, errors="coerce", format="ISO8601") if ISO_DATE.match(value) else None
    if stamp is None or pd.isna(stamp):
        return "", value
    return stamp.strftime("%Y-%m-%d"), ""


def web_address(value: str) -> tuple[str, str]:
    """``(url, "")`` for an http(s) address; ``("", value)`` for anything else (never a
    ``javascript:`` link into a page)."""
    if not value or re.match(r"https?://[^\s<>\"']+$", value, re.IGNORECASE):
        return value, ""
    return "", value


def _flag_repeated_rows(manifest: pd.DataFrame) -> pd.DataFrame:
    """Keep the first row of a file listed twice; the kept row's warning names both lines."""
    usable = manifest["error"] == ""
    repeated = manifest["target"].duplicated(keep=False) & usable
    if not repeated.any():
        return manifest
    lines = manifest.loc[repeated].groupby("target")["line"].apply(list)

    def noted(row: pd.Series) -> list[Problem]:
        if not repeated[row.name]:
            return row["problems"]
        first, *others = lines[row["target"]]
        reason = (f"{MANIFEST_NAME} lists {row['file']!r} on lines "
                  f"{', '.join(map(str, [first, *others]))}")
        return [*row["problems"], warning_problem(
            f"{reason}; line {first} is used — delete the others", reason)]

    problems = manifest.apply(noted, axis=1)
    return (manifest.assign(problems=problems,
                            warning=[messages(p, "warning") for p in problems])
            .loc[~(manifest["target"].duplicated() & usable)])
