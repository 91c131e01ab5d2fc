"""Loading articles into a DataFrame: one row per file, with the manifest's metadata.

``load_articles(path)`` is the entry point. Every file given gets a row and nothing is
dropped or merged silently:

- a file that cannot be analysed gets ``status = "error"`` and an ``error`` message naming
  the problem and the remedy; the other files load;
- an article that loads but deserves care (it does not look English, its manifest row has a
  bad date…) keeps ``status = "ok"`` and says so in ``warning``;
- manifest mistakes never stop a run (:mod:`analysis.manifest`): a row naming a missing
  file, or a path outside the data folder, becomes an error row of its own; problems with
  one row go to that article's ``warning``;
- every error and warning is also kept as a :class:`~analysis.problems.Problem` in the
  ``problems`` column, so that summaries never parse the messages back.

``load_articles`` ends with at most a few Python warnings (one per manifest-wide problem, one
listing skipped files of other types, one line listing the articles with warnings, one
listing near-identical articles), so
notebooks and the command line show every problem once.
"""
from __future__ import annotations

import re
import warnings
from pathlib import Path, PurePosixPath

import pandas as pd

from .boilerplate import body_text, clean_article
from .formats.duplicates import duplicate_summary, flag_duplicates
from .lexicons import lexicon_set
from .manifest import (MANIFEST_COLUMNS, OPTIONAL_MANIFEST_COLUMNS, ManifestWarning, iso_date,
                       read_manifest, web_address)
from .paths import MANIFEST_NAME, RAW_DIR
from .problems import Problem, messages, summary
from .problems import error as error_problem
from .problems import warning as warning_problem
from .readability import readability
from .short_texts import length_problem, length_warning
from .formats import EXTRACTED_FROM, FORMAT_BY_SUFFIX, CorpusColumns, read_file
from .formats.corpus import save_table
from .textio import WEBPAGE_SUFFIXES, ArticleError, decode_bytes, discover, read_limited

__all__ = ["ARTICLE_COLUMNS", "MANIFEST_COLUMNS", "OPTIONAL_MANIFEST_COLUMNS", "ArticleWarning",
           "ManifestWarning", "add_readability", "load_article", "load_articles",
           "problem_summary", "read_manifest", "removed_table"]
UNLABELLED = "unlabelled"
#: Columns of :func:`load_articles`, in order (docs/data-dictionary.md lists them).
ARTICLE_COLUMNS = [
    "article_id", "path", "text_path", "title", "outlet", "author", "published", "url", "genre",
    "reposted_from", "story", "status", "error", "warning", "encoding", "text", "body",
    "body_spans", "removed", "appeals", "appeal_spans", "credited_source", "section",
    "source_file", "format", "duplicate_of", "problems",
]
#: Names a corpus column cannot keep (it is renamed ``corpus_<name>``).
RESERVED_COLUMNS = frozenset(ARTICLE_COLUMNS) | {"words", "sentences", "flesch_reading_ease",
                                                 "flesch_kincaid_grade"}
#: Below this share of common English function words (lexicons/english_function_words.txt)
#: among its words, a text is flagged as not English. English prose measures 0.28-0.35,
#: German, Spanish, French, Italian, Dutch and Portuguese news 0.00-0.04.
MIN_ENGLISH_SHARE = 0.12
#: Texts with fewer words than this are too short to judge their language.
MIN_WORDS_TO_JUDGE = 30
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
LANGUAGE_REASON = "text does not look English"


class ArticleWarning(UserWarning):
    """Articles loaded with a warning (see their ``warning`` column)."""


# --------------------------------------------------------------------------- one article


def _blank_row(path: Path, meta: dict) -> dict:
    """An article row before its file is read: metadata from the manifest, nothing else."""
    problems = list(meta.get("problems") or [])
    return {
        "article_id": path.stem, "path": str(path), "text_path": "",
        "status": "error" if messages(problems, "error") else "ok",
        "error": messages(problems, "error"), "warning": messages(problems, "warning"),
        "title": meta.get("title") or "", "outlet": meta.get("outlet") or "",
        "author": meta.get("author") or "", "published": meta.get("published") or "",
        "url": meta.get("url") or "", "genre": meta.get("genre") or UNLABELLED,
        "reposted_from": meta.get("reposted_from") or "", "story": meta.get("story") or "",
        "encoding": "", "text": "", "body": "",
        "body_spans": [], "removed": [], "appeals": [], "appeal_spans": [], "credited_source": "",
        "section": "", "source_file": str(path), "format": "", "duplicate_of": "",
        "problems": problems,
    }


def _with_problems(row: dict, *problems: Problem) -> dict:
    """``row`` with ``problems`` added (its ``error``, ``warning`` and ``status`` follow)."""
    found = [*row["problems"], *problems]
    failed = bool(messages(found, "error"))
    return {**row, "problems": found, "error": messages(found, "error"),
            "warning": messages(found, "warning"), "status": "error" if failed else "ok"}


def load_article(path: Path, meta: dict | None = None) -> dict:
    """One article as a dict with the columns of :data:`ARTICLE_COLUMNS`.

    A saved web page (``.html``/``.htm``, or any file that starts like an HTML document) is
    replaced by the main text trafilatura extracts from it; ``text_path`` names the file
    holding that text and every offset refers to it.
    """
    path = Path(path)
    row = _blank_row(path, meta or {})
    if row["status"] == "error":
        return row
    try:
        text, encoding, text_path, page = _read_text(path)
    except ArticleError as exc:
        return _with_problems(row, exc.problem)
    row["format"] = "web page" if page else "text"
    return _article_row(row, text, encoding, text_path, page, "the saved page" if page else "")


def _article_row(row: dict, text: str, encoding: str, text_path: str, found: dict,
                 extracted_from: str = "") -> dict:
    """``row`` completed from the article's ``text``: metadata the manifest leaves empty
    taken from ``found`` (what the file says), body and boilerplate, warnings. A text
    extracted from a page or a document (``extracted_from``) too short to be an article is
    an error row (:mod:`analysis.short_texts`)."""
    cleaned = clean_article(text)
    body = body_text(text, cleaned.body_spans)
    page_meta = {k: row[k] or found.get(k, "") for k in ("title", "outlet", "author", "published",
                                                         "url", "section", "reposted_from",
                                                         "story")}
    if row["genre"] == UNLABELLED and found.get("genre"):
        page_meta["genre"] = found["genre"]
    reason, remedy = length_problem(body, extracted_from)
    if reason:
        return {**_with_problems(row, ArticleError(row["path"], reason, remedy).problem),
                **page_meta, "text_path": text_path}
    short, language = length_warning(body, extracted_from), language_warning(body)
    row = _with_problems(row, *([warning_problem(short, short)] if short else []),
                         *([warning_problem(language, LANGUAGE_REASON)] if language else []))
    return {
        **row, **page_meta,
        "text_path": text_path, "encoding": encoding, "text": text, "body": body,
        "title": page_meta["title"] or cleaned.title or _first_words(body),
        "body_spans": cleaned.body_spans,
        "removed": [r.__dict__ for r in cleaned.removed],
        "appeals": [text[s:e] for s, e in cleaned.appeals],
        "appeal_spans": cleaned.appeals,
        "credited_source": cleaned.credited_source or "",
    }


def load_file(path: Path, meta: dict | None = None,
              columns: CorpusColumns = CorpusColumns()) -> list[dict]:
    """The articles of one file as rows (see :func:`load_article`): several for an archive
    export or a corpus, one for any other file (:mod:`analysis.formats`).

    An article of a file holding several gets the id ``<file stem>_<its number>``
    (``export_003``), or the id its corpus row gives; ``path`` and ``source_file`` name the
    file, ``text_path`` the stored text its offsets index.
    """
    path = Path(path)
    row = _blank_row(path, meta or {})
    if row["status"] == "error":
        return [row]
    try:
        read = read_file(path, columns)
    except ArticleError as exc:
        return [{**_with_problems(row, exc.problem),
                 "format": FORMAT_BY_SUFFIX.get(path.suffix.lower(), "")}]
    if read is None:
        return [load_article(path, meta)]
    width = max(3, len(str(max((p.number or 0 for p in read.pieces), default=0))))
    several = len(read.pieces) > 1 or any(p.number for p in read.pieces)
    rows = []
    for piece in read.pieces:
        article_id = piece.article_id or (f"{path.stem}_{piece.number:0{width}d}"
                                          if several and piece.number else path.stem)
        extra = {(f"corpus_{k}" if k in RESERVED_COLUMNS else k): v for k, v in piece.extra.items()}
        base = _with_problems({**row, **extra, "article_id": article_id, "format": read.format},
                              *([warning_problem(piece.warning, piece.warning)]
                                if piece.warning else []))
        if piece.error:
            known = {k: base[k] or v for k, v in piece.meta.items() if k in base}
            rows.append({**_with_problems(base, error_problem(f"{path}: {piece.error}",
                                                              piece.error)), **known})
            continue
        rows.append(_article_row(base, piece.text, read.encoding, piece.text_path, piece.meta,
                                 EXTRACTED_FROM.get(read.format, "")))
    return rows


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
            "published": iso_date(page.date)[0], "url": web_address(page.url)[0]}
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
    return (f"{LANGUAGE_REASON} (common English words are {share:.0%} of its {n} "
            f"words, English prose has {MIN_ENGLISH_SHARE:.0%} or more); the extractor is built "
            "for English, so its scores may be meaningless")


# --------------------------------------------------------------------------- many articles


def load_articles(path: str | Path | list[str | Path] | pd.DataFrame | None = None,
                  with_readability: bool = True, *, text_column: str | None = None,
                  id_column: str | None = None) -> pd.DataFrame:
    """Load every article under ``path`` (file, folder or list of them; default ``data/raw``),
    or every row of a DataFrame of texts (read as a corpus file, :func:`save_table`).

    Returns one row per article, columns :data:`ARTICLE_COLUMNS` (then the other columns of
    corpus files) plus readability (``words``, ``sentences``, ``flesch_reading_ease``,
    ``flesch_kincaid_grade``) of the body. A file holds one article, or several (an archive
    export, a corpus file: see :mod:`analysis.formats`); ``text_column`` and ``id_column``
    name the columns of a corpus file that hold the text and the id (by default found by
    name). Near-identical texts are flagged in ``duplicate_of``.
    Metadata comes from ``manifest.csv`` in the folder given (or beside a file given); its
    ``file`` column names a file, or the id of an article of a file holding several
    (``export_003``). A manifest row of a folder given whose file was not found (or cannot
    be used) gets an error row of its own. Raises :class:`ArticleError` only for a path
    that does not exist.
    """
    if isinstance(path, pd.DataFrame):
        path = save_table(path, CorpusColumns(text_column, id_column))
    given = [Path(p) for p in (path if isinstance(path, list) else [path or RAW_DIR])]
    found = discover(given)
    files = [f for f in found.files if f.name != MANIFEST_NAME]
    folders = [g for g in given if g.is_dir()]
    roots = {f: _root_of(f, folders) for f in files}
    manifests = {root: read_manifest(root) for root in dict.fromkeys(roots.values())}
    for folder in (g for g in folders if g not in manifests):
        manifests[folder] = read_manifest(folder)
    meta = {rec["target"]: rec for m in manifests.values() for rec in m.to_dict("records")}
    columns = CorpusColumns(text_column, id_column)
    extra = _listed_but_not_found(files, given, manifests)
    loaded = [(f, row) for f in files
              for row in _load_in_folder(f, meta.get(f.resolve()), roots[f], folders, columns)]
    extra = _apply_rows_by_id([row for _, row in loaded], [roots[f] for f, _ in loaded], extra, meta)
    loaded += [(f, row) for f in extra
               for row in _load_in_folder(f, meta.get(f.resolve()), _root_of(f, folders), folders,
                                          columns)]
    rows = [row for _, row in loaded]
    extra_columns = list(dict.fromkeys(k for r in rows for k in r if k not in ARTICLE_COLUMNS))
    frame = (pd.DataFrame(rows, columns=ARTICLE_COLUMNS + extra_columns)
             .pipe(_unique_ids, [roots.get(f) or _root_of(f, folders) for f, _ in loaded])
             .pipe(flag_duplicates))
    if with_readability:
        frame = frame.pipe(add_readability)
    _warn_skipped(found.skipped)
    _warn_problems(frame)
    if duplicate_summary(frame):
        warnings.warn(duplicate_summary(frame), ArticleWarning, stacklevel=2)
    return frame


#: The columns of :func:`load_articles` that analysing an article reads: a DataFrame that has
#: them is taken as loaded.
ARTICLE_FIELDS = ("article_id", "text", "body_spans", "status", "error")


def as_loaded(articles, text_column: str | None = None,
              id_column: str | None = None) -> pd.DataFrame:
    """``articles`` as :func:`load_articles` returns them, without readability: a DataFrame
    it returned, as given; a DataFrame of texts of one's own, or a path or a list of paths,
    loaded (``text_column``, ``id_column`` as :func:`load_articles` takes them)."""
    if isinstance(articles, pd.DataFrame):
        if all(c in articles.columns for c in ARTICLE_FIELDS):
            return articles
    elif not isinstance(articles, (str, Path)):
        articles = list(articles)
    return load_articles(articles, with_readability=False, text_column=text_column,
                         id_column=id_column)


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


def _load_in_folder(path: Path, meta: dict | None, root: Path, folders: list[Path],
                    columns: CorpusColumns = CorpusColumns()) -> list[dict]:
    """:func:`load_file`, refusing a file found in a folder given whose real path (through
    links) lies outside that folder. A file named on the command line is read as asked."""
    target = path.resolve()
    if meta is not None and meta.get("error"):
        return [load_article(path, meta)]  # the manifest row's own error
    if root in folders and path.exists() and root.resolve() not in target.parents:
        reason = f"a link to {target}, outside the data folder, is not read"
        return [_with_problems(_blank_row(path, {}), error_problem(
            f"{path}: {reason}; copy the article into the folder instead", reason))]
    return load_file(path, meta, columns)


def _apply_rows_by_id(rows: list[dict], roots: list[Path], extra: list[Path],
                      meta: dict) -> list[Path]:
    """Apply manifest rows whose ``file`` names an article of a file holding several (its
    id, e.g. ``export_003``, or ``sub/export_003`` from the folder) to that article, in
    place; return the rest of ``extra`` (manifest rows naming no file found)."""
    by_id: dict[tuple[Path, str], dict] = {}
    for row, root in zip(rows, roots):
        if row["article_id"] != Path(row["path"]).stem:
            relative = _relative(Path(row["path"]).parent / row["article_id"], root)
            by_id.setdefault((root, row["article_id"]), row)
            by_id.setdefault((root, relative), row)
    left = []
    for path in extra:
        rec = meta.get(path.resolve())
        root = next((r for r in dict.fromkeys(roots) if rec and (r / rec["file"]) == path), None)
        row = by_id.get((root, rec["file"])) if root is not None else None
        if row is None or path.exists():
            left.append(path)
            continue
        for key in ("title", "outlet", "author", "published", "url", "genre", "reposted_from",
                    "story"):
            if rec.get(key):
                row[key] = rec[key]
        row.update(_with_problems(row, *(p for p in rec.get("problems", [])
                                         if p.kind == "warning")))
    return left


def _unique_ids(frame: pd.DataFrame, roots: list[Path]) -> pd.DataFrame:
    """Give files that share a name (``a/story.txt``, ``b/story.txt``) distinct ids: the path
    from their folder without the extension (``a/story``), or with it if that still clashes;
    each says so in ``warning``."""
    ids = frame["article_id"]
    if ids.is_unique:
        return frame
    relative = pd.Series([_relative(Path(p).with_name(a + Path(p).suffix), r)
                          for p, a, r in zip(frame["path"], ids, roots)], index=frame.index)
    candidates = [relative.map(lambda r: str(PurePosixPath(r).with_suffix(""))), relative,
                  frame["path"]]
    new = ids.copy()
    for candidate in candidates:
        clash = new.duplicated(keep=False)
        if not clash.any():
            break
        new = new.where(~clash, candidate)
    changed = new != ids
    rows = frame.to_dict("records")
    for i, row in zip(frame.index, rows):
        if changed[i]:
            reason = (f"{int((ids == ids[i]).sum())} files are named {ids[i]!r}, so this one's "
                      f"id is {new[i]!r}")
            row.update(_with_problems(row, warning_problem(
                f"{reason}; rename them to keep ids short and stable", reason)))
    return pd.DataFrame(rows, columns=frame.columns, index=frame.index).assign(article_id=new)


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
                      "save articles as .txt, .md, .html, .pdf, .docx, or rows of a .csv, .jsonl "
                      "or .parquet file", ArticleWarning, stacklevel=3)


def _warn_problems(frame: pd.DataFrame) -> None:
    line = problem_summary(frame, "warning")
    if line:
        warnings.warn(line, ArticleWarning, stacklevel=3)


def problem_summary(frame: pd.DataFrame, column: str = "error", limit: int = 5) -> str:
    """One line naming the rows with an ``error`` (or ``warning``, by ``column``) and the
    gist of each (from the ``problems`` column); '' when there is none.

    e.g. ``2 of 40 files could not be analysed: a.txt (empty file), b.bin (binary data) — see
    the error column``. ``frame`` needs ``problems`` and ``path`` or ``article_id``; with a
    ``status`` column only the rows not ``ok`` count as errors.
    """
    if "problems" not in frame.columns:
        return ""
    found = [[p for p in problems if p.kind == column] if isinstance(problems, list) else []
             for problems in frame["problems"]]
    if column == "error" and "status" in frame.columns:
        found = [f if status != "ok" else [] for f, status in zip(found, frame["status"])]
    paths = frame["path"].fillna("") if "path" in frame.columns else frame["article_id"]
    names = [_display_name(p, a) for p, a in zip(paths, frame["article_id"])]
    if len(set(names)) < len(names):  # a/story.txt and b/story.txt: show their ids
        names = [a + Path(p).suffix if "path" in frame.columns else a
                 for p, a in zip(paths, frame["article_id"])]
    items = [(name, problems[0].gist) for name, problems in zip(names, found) if problems]
    return summary(items, len(frame), column, limit)


def _display_name(path, article_id) -> str:
    """The file name of ``path`` (or the article id when there is no path)."""
    return Path(str(path)).name if path else str(article_id)


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
