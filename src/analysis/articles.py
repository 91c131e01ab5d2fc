"""Loading articles into a DataFrame: one row per file, with the manifest's metadata.

``load_articles(path)`` is the entry point. Every file given gets a row: files that cannot be
read get ``status = "error"`` and an ``error`` message saying what to do, and the rest load.
"""
from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from .boilerplate import body_text, clean_article
from .paths import MANIFEST_NAME, RAW_DIR
from .readability import readability
from .textio import ArticleError, discover_files, read_article_file

MANIFEST_COLUMNS = ["file", "outlet", "title", "published", "url", "genre", "reposted_from", "notes"]
UNLABELLED = "unlabelled"
#: Columns of :func:`load_articles`, in order (the README's data dictionary lists them).
ARTICLE_COLUMNS = [
    "article_id", "path", "title", "outlet", "published", "url", "genre", "reposted_from",
    "status", "error", "encoding", "text", "body", "body_spans", "removed", "appeals",
    "appeal_spans", "credited_source",
]


class ManifestError(ValueError):
    """The manifest cannot be used as written; the message names the row and the fix."""


def read_manifest(folder: Path) -> pd.DataFrame:
    """Read ``folder/manifest.csv`` (empty frame when there is none) and check it.

    Raises :class:`ManifestError` for a missing ``file`` column or duplicate rows; unknown
    files and bad dates only warn, so that the articles still load.
    """
    path = Path(folder) / MANIFEST_NAME
    if not path.exists():
        return pd.DataFrame(columns=MANIFEST_COLUMNS)
    manifest = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    if "file" not in manifest.columns:
        raise ManifestError(f"{path}: no 'file' column; the first line must name the columns, "
                            f"starting with: {','.join(MANIFEST_COLUMNS)}")
    missing = [c for c in MANIFEST_COLUMNS if c not in manifest.columns]
    if missing:
        warnings.warn(f"{path}: columns {missing} missing; they are left empty", stacklevel=2)
    manifest = manifest.reindex(columns=list(dict.fromkeys(MANIFEST_COLUMNS + list(manifest.columns))),
                                fill_value="")
    dupes = manifest.loc[manifest["file"].duplicated(), "file"].tolist()
    if dupes:
        raise ManifestError(f"{path}: files listed twice: {dupes}; keep one row per file")
    root = Path(folder).resolve()
    for name in manifest["file"]:
        target = (root / name).resolve()
        if root not in target.parents:
            raise ManifestError(f"{path}: row {name!r} points outside the data folder; "
                                "name files relative to the folder")
        if not target.exists():
            warnings.warn(f"{path}: row {name!r} names a file that does not exist; "
                          "fix the name or delete the row", stacklevel=2)
    bad_dates = manifest.loc[
        (manifest["published"] != "")
        & pd.to_datetime(manifest["published"], errors="coerce", format="ISO8601").isna(),
        "file",
    ].tolist()
    if bad_dates:
        warnings.warn(f"{path}: dates that are not YYYY-MM-DD for {bad_dates}; they are left empty",
                      stacklevel=2)
        manifest = manifest.assign(
            published=manifest["published"].where(~manifest["file"].isin(bad_dates), ""))
    return manifest


def _manifest_rows(files: list[Path], roots: list[Path]) -> dict[Path, dict]:
    rows: dict[Path, dict] = {}
    for root in dict.fromkeys(roots):
        for rec in read_manifest(root).to_dict("records"):
            rows[(root / rec["file"]).resolve()] = rec
    return rows


def _root_of(path: Path, given: list[Path]) -> Path:
    for g in given:
        if g.is_dir() and (g == path or g in path.parents):
            return g
    return path.parent


def load_article(path: Path, meta: dict | None = None) -> dict:
    """One article as a dict with the columns of :data:`ARTICLE_COLUMNS`."""
    meta = meta or {}
    row = {
        "article_id": path.stem, "path": str(path), "status": "ok", "error": "",
        "title": meta.get("title") or "", "outlet": meta.get("outlet") or "",
        "published": meta.get("published") or "", "url": meta.get("url") or "",
        "genre": meta.get("genre") or UNLABELLED, "reposted_from": meta.get("reposted_from") or "",
        "encoding": "", "text": "", "body": "", "body_spans": [], "removed": [],
        "appeals": [], "appeal_spans": [], "credited_source": "",
    }
    try:
        decoded = read_article_file(path)
    except ArticleError as exc:
        return {**row, "status": "error", "error": str(exc)}
    text = decoded.text
    cleaned = clean_article(text)
    return {
        **row,
        "encoding": decoded.encoding,
        "text": text,
        "title": row["title"] or cleaned.title or _first_words(body_text(text, cleaned.body_spans)),
        "body": body_text(text, cleaned.body_spans),
        "body_spans": cleaned.body_spans,
        "removed": [r.__dict__ for r in cleaned.removed],
        "appeals": [text[s:e] for s, e in cleaned.appeals],
        "appeal_spans": cleaned.appeals,
        "credited_source": cleaned.credited_source or "",
    }


def _first_words(body: str, n: int = 12) -> str:
    words = body.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def load_articles(path: str | Path | list[str | Path] | None = None,
                  with_readability: bool = True) -> pd.DataFrame:
    """Load every article under ``path`` (file, folder or list of them; default ``data/raw``).

    Returns one row per file, columns :data:`ARTICLE_COLUMNS` plus readability (``words``,
    ``sentences``, ``flesch_reading_ease``, ``flesch_kincaid_grade``) of the body.
    Metadata comes from ``manifest.csv`` in the folder given (or beside a file given).
    """
    given = [Path(p) for p in (path if isinstance(path, list) else [path or RAW_DIR])]
    files = [f for f in discover_files(given) if f.name != MANIFEST_NAME]
    meta = _manifest_rows(files, [_root_of(f, given) for f in files])
    rows = [load_article(f, meta.get(f.resolve())) for f in files]
    frame = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    frame = _flag_duplicate_ids(frame)
    if with_readability:
        frame = frame.pipe(add_readability)
    return frame


def _flag_duplicate_ids(frame: pd.DataFrame) -> pd.DataFrame:
    dup = frame["article_id"].duplicated(keep=False)
    if not dup.any():
        return frame
    message = frame["article_id"].map(
        lambda a: f"article id {a!r} is used by several files "
                  f"({', '.join(frame.loc[frame['article_id'] == a, 'path'])}); rename one of them")
    return frame.assign(status=frame["status"].where(~dup, "error"),
                        error=frame["error"].where(~dup, message))


def add_readability(frame: pd.DataFrame) -> pd.DataFrame:
    """Add textstat readability of each article's body (NaN for error rows)."""
    scores = pd.DataFrame(
        [readability(body) if status == "ok" else readability("")
         for body, status in zip(frame["body"], frame["status"])],
        index=frame.index,
    )
    return frame.join(scores)


def removed_table(articles: pd.DataFrame) -> pd.DataFrame:
    """What boilerplate was removed from each article, one row per removed piece."""
    rows = [
        {"article_id": aid, "reason": r["reason"], "start": r["start"], "end": r["end"],
         "text": r["text"]}
        for aid, removed in zip(articles["article_id"], articles["removed"])
        for r in removed
    ]
    return pd.DataFrame(rows, columns=["article_id", "reason", "start", "end", "text"])
