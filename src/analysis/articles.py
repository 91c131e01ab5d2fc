"""Loading articles into a DataFrame: one row per file, with the manifest's metadata.

``load_articles(path)`` is the entry point. Every file given gets a row and nothing is
dropped or merged silently:

- a file that cannot be analysed gets ``status = "error"`` and an ``error`` message naming
  the problem and the remedy; the other files load;
- an article that loads but deserves care (it does not look English, its manifest row has a
  bad date…) keeps ``status = "ok"`` and says so in ``warning``;
- manifest mistakes never stop a run: a row naming a missing file, or a path outside the data
  folder, becomes an error row of its own; problems with one row go to that article's
  ``warning``; problems with the whole manifest (it cannot be read, it has no ``file``
  column) are a :class:`ManifestWarning` and the articles load without its metadata.

``load_articles`` ends with at most a few Python warnings (one per manifest-wide problem, one
listing skipped files of other types, one line listing the articles with warnings), so
notebooks and the command line show every problem once.
"""
from __future__ import annotations

import csv
import difflib
import io
import re
import warnings
from pathlib import Path, PurePosixPath

import pandas as pd

from .boilerplate import body_text, clean_article
from .lexicons import lexicon_set
from .paths import MANIFEST_NAME, RAW_DIR
from .readability import readability
from .textio import (
    WEBPAGE_SUFFIXES, ArticleError, decode_bytes, discover, read_limited,
)

MANIFEST_COLUMNS = ["file", "outlet", "title", "published", "url", "genre", "reposted_from", "notes"]
#: Manifest columns used when present and not missed when absent.
OPTIONAL_MANIFEST_COLUMNS = ["author", "story"]
UNLABELLED = "unlabelled"
#: Columns of :func:`load_articles`, in order (the README's data dictionary lists them).
ARTICLE_COLUMNS = [
    "article_id", "path", "text_path", "title", "outlet", "author", "published", "url", "genre",
    "reposted_from", "story", "status", "error", "warning", "encoding", "text", "body", "body_spans",
    "removed", "appeals", "appeal_spans", "credited_source",
]
#: Below this share of common English function words (lexicons/english_function_words.txt)
#: among its words, a text is flagged as not English. English prose measures 0.28-0.35,
#: German, Spanish, French, Italian, Dutch and Portuguese news 0.00-0.04.
MIN_ENGLISH_SHARE = 0.12
#: Texts with fewer words than this are too short to judge their language.
MIN_WORDS_TO_JUDGE = 30
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MANIFEST_LINE = re.compile(r"^.*?" + re.escape(MANIFEST_NAME) + r" line \d+:")
FILE_PREFIX = re.compile(r"^[^:]*?\.[A-Za-z0-9]{1,10}: ")
#: Separates several warnings of one article.
WARNING_SEP = " | "


class ManifestWarning(UserWarning):
    """A problem with a whole ``manifest.csv``: its metadata is used in part or not at all."""


class ArticleWarning(UserWarning):
    """Articles loaded with a warning (see their ``warning`` column)."""


# --------------------------------------------------------------------------- manifest


def read_manifest(folder: Path) -> pd.DataFrame:
    """Rows of ``folder/manifest.csv`` (an empty frame when there is none), checked.

    Columns: :data:`MANIFEST_COLUMNS`, ``author``, ``line`` (line number in the file),
    ``target`` (the file named, resolved), ``error`` (why the row cannot be used: the file is
    missing or outside the folder) and ``warning`` (what was wrong and was set aside: a bad
    date, a bad URL, a second row for the same file). Problems with the whole manifest
    are a :class:`ManifestWarning` and give an empty frame. Never raises.
    """
    folder = Path(folder)
    path = folder / MANIFEST_NAME
    columns = MANIFEST_COLUMNS + OPTIONAL_MANIFEST_COLUMNS + ["line", "target", "error", "warning"]
    empty = pd.DataFrame(columns=columns)
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
    return _flag_repeated_rows(pd.DataFrame(rows, columns=columns))


def _warn_manifest(message: str) -> None:
    warnings.warn(message, ManifestWarning, stacklevel=4)


def _parse_manifest(path: Path) -> list[dict] | None:
    """Records of the manifest with normalised column names and a ``line`` number.

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
            rec["line"] = line
            if len(cells) > len(header):
                rec["warning"] = (f"{path} line {line} has {len(cells)} cells for "
                                  f"{len(header)} columns; the extra ones are ignored — put "
                                  "double quotes around a cell that holds a comma")
            records.append(rec)
        line = reader.line_num + 1
    return records


def _check_row(rec: dict, root: Path, manifest: Path) -> dict:
    """One manifest record with ``target``, ``error`` and ``warning`` filled in."""
    where = f"{manifest} line {rec['line']}"
    row = {c: rec.get(c, "") for c in MANIFEST_COLUMNS + OPTIONAL_MANIFEST_COLUMNS}
    row.update(line=rec["line"], error="", warning=rec.get("warning", ""))
    given = row["file"]
    name = given.replace("\\", "/")  # Windows separators
    target = (root / name).resolve()
    row.update(file=name, target=target)
    if PurePosixPath(name).is_absolute() or re.match(r"[A-Za-z]:/", name) or (
            root not in target.parents):
        row["error"] = (f"{where}: {given!r} points outside the data folder and is not read; "
                        f"name files relative to the folder holding {MANIFEST_NAME}")
    elif not target.exists():
        row["error"] = (f"{where}: listed in {MANIFEST_NAME} but does not exist"
                        f"{_did_you_mean(root, name)}; fix the name or delete the row")
    row["published"], bad_date = _iso_date(row["published"])
    row["url"], bad_url = _web_address(row["url"])
    problems = [row["warning"]] if row["warning"] else []
    if bad_date:
        problems.append(f"{where}: published {bad_date!r} is not a date (YYYY-MM-DD); left "
                        "empty — write it as e.g. 2024-05-31")
    if bad_url:
        problems.append(f"{where}: url {bad_url!r} is not a web address (http:// or https://); "
                        "left empty")
    row["warning"] = WARNING_SEP.join(problems)
    return row


def _did_you_mean(root: Path, name: str) -> str:
    """`` (did you mean 'Story.txt'?)`` for a close file name in the same folder, else ''."""
    folder = (root / name).parent
    try:
        names = [p.name for p in folder.iterdir()]
    except OSError:
        return ""
    close = difflib.get_close_matches(PurePosixPath(name).name, names, n=1, cutoff=0.8)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _iso_date(value: str) -> tuple[str, str]:
    """``(YYYY-MM-DD, "")`` for an ISO date or date-time, ``("", value)`` when it is not one."""
    if not value:
        return "", ""
    stamp = pd.to_datetime(value, errors="coerce", format="ISO8601") if ISO_DATE.match(value) else None
    if stamp is None or pd.isna(stamp):
        return "", value
    return stamp.strftime("%Y-%m-%d"), ""


def _web_address(value: str) -> tuple[str, str]:
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

    def note(row: pd.Series) -> str:
        if not repeated[row.name]:
            return row["warning"]
        first, *others = lines[row["target"]]
        text = (f"{MANIFEST_NAME} lists {row['file']!r} on lines "
                f"{', '.join(map(str, [first, *others]))}; line {first} is used — delete the others")
        return WARNING_SEP.join(filter(None, [row["warning"], text]))

    return (manifest.assign(warning=manifest.apply(note, axis=1))
            .loc[~(manifest["target"].duplicated() & usable)])


# --------------------------------------------------------------------------- one article


def _blank_row(path: Path, meta: dict) -> dict:
    """An article row before its file is read: metadata from the manifest, nothing else."""
    return {
        "article_id": path.stem, "path": str(path), "text_path": "", "status": "ok",
        "error": meta.get("error") or "", "warning": meta.get("warning") or "",
        "title": meta.get("title") or "", "outlet": meta.get("outlet") or "",
        "author": meta.get("author") or "", "published": meta.get("published") or "",
        "url": meta.get("url") or "", "genre": meta.get("genre") or UNLABELLED,
        "reposted_from": meta.get("reposted_from") or "", "story": meta.get("story") or "",
        "encoding": "", "text": "", "body": "",
        "body_spans": [], "removed": [], "appeals": [], "appeal_spans": [], "credited_source": "",
    }


def load_article(path: Path, meta: dict | None = None) -> dict:
    """One article as a dict with the columns of :data:`ARTICLE_COLUMNS`.

    A saved web page (``.html``/``.htm``, or any file that starts like an HTML document) is
    replaced by the main text trafilatura extracts from it; ``text_path`` names the file
    holding that text and every offset refers to it.
    """
    path = Path(path)
    row = _blank_row(path, meta or {})
    if row["error"]:
        return {**row, "status": "error"}
    try:
        text, encoding, text_path, page = _read_text(path)
    except ArticleError as exc:
        return {**row, "status": "error", "error": str(exc)}
    cleaned = clean_article(text)
    body = body_text(text, cleaned.body_spans)
    page_meta = {k: row[k] or page.get(k, "") for k in ("title", "outlet", "author", "published", "url")}
    return {
        **row, **page_meta,
        "text_path": text_path, "encoding": encoding, "text": text, "body": body,
        "title": page_meta["title"] or cleaned.title or _first_words(body),
        "warning": WARNING_SEP.join(filter(None, [row["warning"], language_warning(body)])),
        "body_spans": cleaned.body_spans,
        "removed": [r.__dict__ for r in cleaned.removed],
        "appeals": [text[s:e] for s, e in cleaned.appeals],
        "appeal_spans": cleaned.appeals,
        "credited_source": cleaned.credited_source or "",
    }


def _read_text(path: Path) -> tuple[str, str, str, dict]:
    """``(text, encoding, text_path, page metadata)`` of a file; pages go through trafilatura."""
    from .webpage import load_webpage, looks_like_html

    data = read_limited(path)
    decoded = None
    if path.suffix.lower() not in WEBPAGE_SUFFIXES:
        decoded = decode_bytes(data, str(path))
        if not looks_like_html(decoded.text):
            return decoded.text, decoded.encoding, str(path), {}
    page, text_path = load_webpage(data, str(path))
    meta = {"title": page.title, "outlet": page.sitename, "author": page.author,
            "published": _iso_date(page.date)[0], "url": _web_address(page.url)[0]}
    return page.text, page.encoding, str(text_path or ""), meta


def _first_words(body: str, n: int = 12) -> str:
    words = body.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def english_share(text: str) -> tuple[float, int]:
    """Share of common English function words among the words of ``text``, and the count."""
    words = WORD.findall(text.lower())
    common = lexicon_set("english_function_words")
    return (sum(w in common for w in words) / len(words) if words else 0.0), len(words)


def language_warning(text: str) -> str:
    """A warning when ``text`` does not look English, else ''. Texts under
    :data:`MIN_WORDS_TO_JUDGE` words are not judged."""
    share, n = english_share(text)
    if n < MIN_WORDS_TO_JUDGE or share >= MIN_ENGLISH_SHARE:
        return ""
    return (f"text does not look English (common English words are {share:.0%} of its {n} "
            f"words, English prose has {MIN_ENGLISH_SHARE:.0%} or more); the extractor is built "
            "for English, so its scores may be meaningless")


# --------------------------------------------------------------------------- many articles


def load_articles(path: str | Path | list[str | Path] | None = None,
                  with_readability: bool = True) -> pd.DataFrame:
    """Load every article under ``path`` (file, folder or list of them; default ``data/raw``).

    Returns one row per file, columns :data:`ARTICLE_COLUMNS` plus readability (``words``,
    ``sentences``, ``flesch_reading_ease``, ``flesch_kincaid_grade``) of the body.
    Metadata comes from ``manifest.csv`` in the folder given (or beside a file given); a
    manifest row of a folder given whose file was not found (or cannot be used) gets an error
    row of its own. Raises :class:`ArticleError` only for a path that does not exist.
    """
    given = [Path(p) for p in (path if isinstance(path, list) else [path or RAW_DIR])]
    found = discover(given)
    files = [f for f in found.files if f.name != MANIFEST_NAME]
    folders = [g for g in given if g.is_dir()]
    roots = {f: _root_of(f, folders) for f in files}
    manifests = {root: read_manifest(root) for root in dict.fromkeys(roots.values())}
    for folder in (g for g in folders if g not in manifests):
        manifests[folder] = read_manifest(folder)
    meta = {rec["target"]: rec for m in manifests.values() for rec in m.to_dict("records")}
    files += _listed_but_not_found(files, given, manifests)
    rows = [_load_in_folder(f, meta.get(f.resolve()), roots.get(f) or _root_of(f, folders), folders)
            for f in files]
    frame = (pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
             .pipe(_unique_ids, [roots.get(f) or _root_of(f, folders) for f in files]))
    if with_readability:
        frame = frame.pipe(add_readability)
    _warn_skipped(found.skipped)
    _warn_problems(frame)
    return frame


def _root_of(path: Path, folders: list[Path]) -> Path:
    """The folder given that holds ``path`` (its manifest applies), else its own folder."""
    for g in folders:
        if g == path or g in path.parents:
            return g
    return path.parent


def _listed_but_not_found(files: list[Path], given: list[Path],
                          manifests: dict[Path, pd.DataFrame]) -> list[Path]:
    """Files named by the manifest of a folder given that discovery did not pick up: missing
    ones and unusable rows (error rows follow), and existing files of other types or
    hidden names (they are read as the user asked)."""
    seen = {f.resolve() for f in files}
    extra = []
    for root, manifest in manifests.items():
        if root not in given or not root.is_dir():
            continue  # a single file was given: the rest of its manifest is not asked for
        for rec in manifest.to_dict("records"):
            if rec["target"] not in seen:
                seen.add(rec["target"])
                extra.append(root / rec["file"])
    return extra


def _load_in_folder(path: Path, meta: dict | None, root: Path, folders: list[Path]) -> dict:
    """:func:`load_article`, refusing a file found in a folder given whose real path (through
    links) lies outside that folder. A file named on the command line is read as asked."""
    target = path.resolve()
    if meta is not None and meta.get("error"):
        return load_article(path, meta)  # the manifest row's own error
    if root in folders and path.exists() and root.resolve() not in target.parents:
        return {**_blank_row(path, {}), "status": "error",
                "error": f"{path}: a link to {target}, outside the data folder, is not read; "
                         "copy the article into the folder instead"}
    return load_article(path, meta)


def _unique_ids(frame: pd.DataFrame, roots: list[Path]) -> pd.DataFrame:
    """Give files that share a name (``a/story.txt``, ``b/story.txt``) distinct ids: the path
    from their folder without the extension (``a/story``), or with it if that still clashes;
    each says so in ``warning``."""
    ids = frame["article_id"]
    if ids.is_unique:
        return frame
    relative = pd.Series([_relative(Path(p), r) for p, r in zip(frame["path"], roots)],
                         index=frame.index)
    candidates = [relative.map(lambda r: str(PurePosixPath(r).with_suffix(""))), relative,
                  frame["path"]]
    new = ids.copy()
    for candidate in candidates:
        clash = new.duplicated(keep=False)
        if not clash.any():
            break
        new = new.where(~clash, candidate)
    changed = new != ids
    notes = [
        f"{int((ids == ids[i]).sum())} files are named {ids[i]!r}, so this one's id is "
        f"{new[i]!r}; rename them to keep ids short and stable" if changed[i] else ""
        for i in frame.index
    ]
    warning = [WARNING_SEP.join(filter(None, [w, n])) for w, n in zip(frame["warning"], notes)]
    return frame.assign(article_id=new, warning=warning)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _warn_skipped(skipped: list[Path]) -> None:
    if skipped:
        shown = ", ".join(str(p) for p in skipped[:5]) + (f" and {len(skipped) - 5} more"
                                                          if len(skipped) > 5 else "")
        warnings.warn(f"{len(skipped)} file(s) skipped, not articles by their type: {shown} — "
                      "save articles as .txt, .md or .html", ArticleWarning, stacklevel=3)


def _warn_problems(frame: pd.DataFrame) -> None:
    line = problem_summary(frame, "warning")
    if line:
        warnings.warn(line, ArticleWarning, stacklevel=3)


def problem_summary(frame: pd.DataFrame, column: str = "error", limit: int = 5) -> str:
    """One line naming the rows with a non-empty ``column`` (``error`` or ``warning``) and
    the gist of each; '' when there is none.

    e.g. ``2 of 40 files could not be analysed: a.txt (empty file), b.bin (binary data) — see
    the error column``. ``frame`` needs ``column`` and ``path`` or ``article_id``.
    """
    if column not in frame.columns:
        return ""
    messages = frame[column].fillna("").astype(str)
    if column == "error" and "status" in frame.columns:
        messages = messages.where(frame["status"] != "ok", "")
    bad = messages != ""
    if not bad.any():
        return ""
    paths = frame["path"].fillna("") if "path" in frame.columns else frame["article_id"]
    names = [_display_name(p, a) for p, a in zip(paths, frame["article_id"])]
    if len(set(names)) < len(names):  # a/story.txt and b/story.txt: show their ids
        names = [a + Path(p).suffix if "path" in frame.columns else a
                 for p, a in zip(paths, frame["article_id"])]
    items = [f"{name} ({gist(msg, path)})"
             for name, path, msg, b in zip(names, paths, messages, bad) if b]
    shown = ", ".join(items[:limit]) + (f" and {len(items) - limit} more" if len(items) > limit else "")
    what = "could not be analysed" if column == "error" else "loaded with a warning"
    return f"{int(bad.sum())} of {len(frame)} files {what}: {shown} — see the {column} column"


def _display_name(path, article_id) -> str:
    """The file name of ``path`` (or the article id when there is no path)."""
    return Path(str(path)).name if path else str(article_id)


def gist(message: str, name: str = "") -> str:
    """The gist of an error or warning message: no file name, remedy, or parentheses."""
    first = str(message).split(WARNING_SEP)[0]
    name = str(name)
    if name and first.startswith(name + ":"):
        first = first[len(name) + 1:]
    elif MANIFEST_LINE.match(first):  # manifest messages start "<manifest> line N:"
        first = MANIFEST_LINE.sub("", first, count=1)
    elif FILE_PREFIX.match(first):  # "<some/file.txt>: reason", name unknown to the caller
        first = FILE_PREFIX.sub("", first, count=1)
    first = re.sub(r"\s*\([^()]*\)", "", first.split(";")[0]).strip()
    return first if len(first) <= 60 else first[:59] + "…"


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
