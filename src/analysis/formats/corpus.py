"""Corpus files with one article per row: ``.csv``, ``.jsonl`` (JSON Lines), ``.parquet``.

One column holds the article text (``text_column``; by default the first of
:data:`TEXT_COLUMNS` the file has), one may hold its id (``id_column``; by default
``article_id`` or ``id`` when present). Columns named like the article metadata fill it
(:data:`META_COLUMNS`: ``title``, ``outlet``, ``author``, ``published`` or ``date``,
``url``, ``genre``, ``section``, ``reposted_from``, ``story``); every other column is kept as a column
of its own (``story``, ``lang``…). Rows are read one at a time, so a corpus of any length
is read like a folder of files: each row becomes one article (a row without text, an error
row); the text of each is stored under ``data/interim/corpus/`` and indexed by the offsets.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..paths import write_atomic
from ..textio import CORPUS_SUFFIXES, MAX_FILE_BYTES, ArticleError
from .dates import parse_date
from .piece import Piece
from .store import clean_text, store_dir

#: Column names taken for the article text when ``text_column`` is not given, in order.
TEXT_COLUMNS = ("text", "body", "content", "article", "article_text", "full_text", "maintext")
#: Column names taken for the article id when ``id_column`` is not given, in order.
ID_COLUMNS = ("article_id", "id")
#: Article metadata and the corpus column names that give it (the first one present).
META_COLUMNS = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "publication", "newspaper", "source"),
    "author": ("author", "byline", "authors"),
    "published": ("published", "date", "published_at", "publish_date", "pub_date"),
    "url": ("url", "link"),
    "genre": ("genre",),
    "section": ("section",),
    "reposted_from": ("reposted_from",),
    "story": ("story",),
}
#: Corpus files larger than this are not read (an article's text stays under
#: :data:`analysis.textio.MAX_FILE_BYTES`).
MAX_CORPUS_BYTES = 2 * 1024 ** 3
WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']+$", re.IGNORECASE)
COLUMN_REMEDY = ("name the column holding the article text: load_articles(path, "
                 "text_column=NAME) or --text-column NAME")


@dataclass(frozen=True)
class CorpusColumns:
    """Which corpus columns hold the text and the id (None: found by name)."""

    text: str | None = None
    id: str | None = None


def read_corpus(path: Path, columns: CorpusColumns = CorpusColumns()) -> list[Piece]:
    """Every row of a corpus file as a :class:`Piece`, in order."""
    name = str(path)
    size = path.stat().st_size
    if size > MAX_CORPUS_BYTES:
        raise ArticleError(name, f"too large ({size / 1024 ** 3:.1f} GB, over the "
                                 f"{MAX_CORPUS_BYTES // 1024 ** 3} GB limit for a corpus file)",
                           "split it into several files")
    suffix = path.suffix.lower()
    header, rows = {".csv": _csv_rows, ".jsonl": _jsonl_rows, ".parquet": _parquet_rows}[suffix](path)
    where = "line" if suffix == ".jsonl" else "row"
    text_col = _pick(header, columns.text, TEXT_COLUMNS)
    if text_col is None:
        looked = repr(columns.text) if columns.text else "named " + ", ".join(TEXT_COLUMNS)
        raise ArticleError(name, f"no column of article text (looked for {looked}; its columns "
                                 f"are {', '.join(map(repr, header)) or 'none'})", COLUMN_REMEDY)
    id_col = _pick(header, columns.id, ID_COLUMNS)
    if columns.id and id_col is None:
        raise ArticleError(name, f"no id column {columns.id!r} (its columns are "
                                 f"{', '.join(map(repr, header))})",
                           "give an id column the file has, or none (rows are numbered)")
    meta_cols = {key: next((h for h in header if h.lower() in names), None)
                 for key, names in META_COLUMNS.items()}
    used = {text_col, id_col, *meta_cols.values()}
    seen: set[str] = set()
    pieces = []
    for number, record in rows:
        if isinstance(record, str):  # a line that could not be read
            pieces.append(Piece(number=number, error=f"{where} {number}: {record}"))
            continue
        piece = _piece(record, number, f"{where} {number}", text_col, id_col, meta_cols)
        piece.extra = {k: _plain(v) for k, v in record.items() if k not in used and k is not None}
        if piece.article_id and piece.article_id in seen:
            piece.warning = _join(piece.warning, f"{where} {number}: id {piece.article_id!r} is "
                                  "used by an earlier row; this one is numbered instead")
            piece.article_id = ""
        seen.add(piece.article_id)
        pieces.append(piece)
    return pieces


#: Name of the corpus file a DataFrame of texts is saved as (its rows' ids: ``table_001``…).
TABLE_NAME = "table.jsonl"


def save_table(frame, columns: CorpusColumns = CorpusColumns()) -> Path:
    """A pandas DataFrame with one article per row, saved as a JSON Lines corpus file under
    ``data/interim/tables/<hash>/`` (:data:`TABLE_NAME`), so that it loads as any corpus file
    does; the same rows give the same file. Raises ValueError when no column holds the text
    (``columns.text``, else one of :data:`TEXT_COLUMNS`), ``columns.id`` is not a column, or
    the DataFrame has no rows."""
    if frame.empty:
        raise ValueError("this DataFrame has no rows: there is no article to load")
    header = [str(c) for c in frame.columns]
    if _pick(header, columns.text, TEXT_COLUMNS) is None:
        looked = repr(columns.text) if columns.text else "named " + ", ".join(TEXT_COLUMNS)
        raise ValueError(f"no column of article text in this DataFrame (looked for {looked}; "
                         f"its columns are {', '.join(map(repr, header)) or 'none'}): "
                         "load_articles(frame, text_column=NAME)")
    if columns.id and _pick(header, columns.id, ID_COLUMNS) is None:
        raise ValueError(f"no id column {columns.id!r} in this DataFrame (its columns are "
                         f"{', '.join(map(repr, header))}); reset_index() makes the index one")
    data = frame.to_json(orient="records", lines=True, date_format="iso", force_ascii=False,
                         default_handler=str).encode("utf-8")
    path = store_dir("tables") / hashlib.sha256(data).hexdigest()[:20] / TABLE_NAME
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    return path


def _pick(header: list[str], asked: str | None, names: tuple[str, ...]) -> str | None:
    """The column asked for (matched exactly, else ignoring case), or the first of ``names``."""
    if asked:
        return asked if asked in header else next((h for h in header if h.lower() == asked.lower()), None)
    lower = {h.lower(): h for h in reversed(header)}
    return next((lower[n] for n in names if n in lower), None)


def _piece(record: dict, number: int, where: str, text_col: str, id_col: str | None,
           meta_cols: dict) -> Piece:
    raw = record.get(text_col)
    text = "" if _missing(raw) else clean_text(str(raw))
    warnings = []
    meta = {}
    for key, column in meta_cols.items():
        value = "" if column is None or _missing(record.get(column)) else " ".join(str(record[column]).split())
        if key == "published" and value:
            value, bad = parse_date(value), value
            if not value:
                warnings.append(f"{where}: {column} {bad!r} is not a date; left empty — write "
                                "it as e.g. 2024-05-31")
        elif key == "url" and value and not WEB_ADDRESS.match(value):
            warnings.append(f"{where}: url {value!r} is not a web address; left empty")
            value = ""
        if value:
            meta[key] = value
    article_id = "" if id_col is None else _id(record.get(id_col))
    if id_col is not None and not article_id:
        warnings.append(f"{where}: no id in column {id_col!r}; the row is numbered instead")
    piece = Piece(text=text, number=number, article_id=article_id, meta=meta,
                  warning=" | ".join(warnings))
    if not text.strip():
        piece.error = (f"{where}: no text in column {text_col!r}; fill it in or delete the row")
        piece.text = ""
    elif len(text) > MAX_FILE_BYTES:
        piece.error = f"{where}: text too long ({len(text)} characters); split the article"
        piece.text = ""
    return piece


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value == ""


def _id(value) -> str:
    """An id cell as text: ``12`` for 12 and 12.0; '' when empty."""
    if _missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _plain(value):
    """A cell as a plain value that JSON keeps (dates and other objects as text)."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    return str(value)


def _join(*parts: str) -> str:
    return " | ".join(p for p in parts if p)


# ------------------------------------------------------------------ reading rows
# Each reader returns the column names and an iterator of ``(number, record)``, a record
# being a dict of the row's cells, or a message when the row could not be read.


def _csv_encoding(path: Path) -> str:
    with open(path, "rb") as handle:
        head = handle.read(4)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:  # the whole file, a block at a time, so that a late cp1252 byte is found
        with open(path, encoding="utf-8", newline="") as handle:
            for _ in iter(lambda: handle.read(1 << 20), ""):
                pass
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


def _csv_rows(path: Path) -> tuple[list[str], Iterator]:
    encoding = _csv_encoding(path)
    with open(path, encoding=encoding, newline="") as handle:
        first = handle.readline()
    delimiter = max(",;\t", key=first.count)
    header = [h.strip() for h in next(csv.reader(io.StringIO(first), delimiter=delimiter), [])]

    def rows() -> Iterator:
        limit = csv.field_size_limit()
        csv.field_size_limit(max(limit, MAX_FILE_BYTES + 1))
        try:
            with open(path, encoding=encoding, newline="") as handle:
                reader = csv.reader(handle, delimiter=delimiter)
                next(reader, None)
                for number, cells in enumerate(reader, 1):
                    if any(c.strip() for c in cells):
                        yield number, dict(zip(header, cells))
        except csv.Error as exc:
            raise ArticleError(str(path), f"not a readable CSV file ({exc})",
                               "save it again as CSV (comma-separated, UTF-8)") from None
        finally:
            csv.field_size_limit(limit)

    return header, rows()


def _jsonl_rows(path: Path) -> tuple[list[str], Iterator]:
    def rows() -> Iterator:
        with open(path, "rb") as handle:
            for number, raw in enumerate(handle, 1):
                line = raw.decode("utf-8", errors="replace").strip().lstrip("\ufeff")
                if not line:
                    continue
                try:
                    record = json.loads(line)
                except ValueError:
                    record = None
                yield number, (record if isinstance(record, dict) else
                               'not a JSON object; write one object per line ({"text": …})')

    first = next((r for _, r in rows() if isinstance(r, dict)), {})
    return list(first), rows()


def _parquet_file(path: Path, handles: list):
    """A fastparquet ``ParquetFile`` whose open files are kept in ``handles`` (to close)."""
    import warnings

    with warnings.catch_warnings():  # fastparquet sets a pandas option pandas 3 deprecates
        warnings.simplefilter("ignore")
        from fastparquet import ParquetFile

    def opener(name, mode="rb"):
        handles.append(open(name, mode))
        return handles[-1]

    return ParquetFile(str(path), open_with=opener)


def _parquet_rows(path: Path) -> tuple[list[str], Iterator]:
    handles: list = []
    try:
        header = list(_parquet_file(path, handles).columns)
    except ImportError:
        raise ArticleError(str(path), "Parquet files need fastparquet",
                           "install it: pip install fastparquet") from None
    except Exception as exc:  # fastparquet's errors for a file that is not Parquet
        raise ArticleError(str(path), f"not a readable Parquet file ({type(exc).__name__})",
                           "write it again with pandas' to_parquet, or save it as CSV") from None
    finally:
        for handle in handles:
            handle.close()

    def rows() -> Iterator:
        opened: list = []
        try:
            number = 0
            for group in _parquet_file(path, opened).iter_row_groups():  # a group at a time
                for record in group.to_dict("records"):
                    number += 1
                    yield number, record
        finally:
            for handle in opened:
                handle.close()

    return header, rows()
