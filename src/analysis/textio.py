"""Reading article files: decoding, size limits and the errors a user can act on.

Offsets everywhere in the project refer to the text as decoded here: the byte-order mark is
not part of the text, line endings are kept as they are (CRLF stays CRLF), zero-width
characters and emoji are kept (a character is a Python ``str`` code point).

Decoding, in order: UTF-8 with BOM, UTF-32 / UTF-16 with BOM, UTF-8, else cp1252 (the
Windows encoding whose curly quotes are bytes 0x93/0x94). Anything else is an
:class:`ArticleError` naming the problem and the remedy: an empty file, only whitespace,
binary data (a PDF, an image, NUL or control bytes), undecodable bytes, a file that cannot be
read, or one larger than :data:`MAX_FILE_BYTES`.
"""
from __future__ import annotations

import bisect
import codecs
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .paths import MANIFEST_NAME
from .problems import Problem

#: Files larger than this are not analysed (status ``error``); see docs/maintaining.md. 20 MB is
#: about 20 million characters of text, far beyond any article: a larger file is an archive,
#: a database dump or several articles in one. (A saved web page keeps its limit on the
#: .html file; its extracted text is much smaller.)
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Extensions picked up when a folder is given.
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
#: Saved web pages: their main text is extracted (see :mod:`analysis.webpage`).
WEBPAGE_SUFFIXES = (".html", ".htm")
#: Corpus files, one article per row (read by :mod:`analysis.formats.corpus`).
CORPUS_SUFFIXES = (".csv", ".jsonl", ".parquet")
#: Document formats a user may drop into the folder expecting them to be read: ``.pdf`` and
#: ``.docx`` are read (:mod:`analysis.formats`); the others are picked up so that each gets
#: an error row saying what to do.
DOCUMENT_SUFFIXES = (".pdf", ".doc", ".docx", ".odt", ".rtf", ".pages", ".epub",
                     ".mht", ".mhtml", ".webarchive")
#: Leading bytes of common binary formats, for a precise message.
MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP image, WAV audio or AVI video)"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt/.epub document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "a Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
)
TEXT_REMEDY = "copy the article text into a .txt file (UTF-8) or save the web page as .html"


class ArticleError(Exception):
    """A problem with one input file, phrased for the user: what is wrong and what to do.

    ``str(error)`` is ``"<file>: <reason>; <remedy>"``; :attr:`reason` alone is short enough
    for a one-line summary. ``ArticleError(message)`` with a ready message also works.
    """

    def __init__(self, name: str, reason: str | None = None, remedy: str | None = None):
        message = name if reason is None else f"{name}: {reason}; {remedy or 'see the README'}"
        super().__init__(message)
        self.name, self.reason, self.remedy = name, reason or message, remedy or ""

    @property
    def problem(self) -> Problem:
        """This error as the :class:`~analysis.problems.Problem` of its file's row."""
        return Problem("error", str(self), self.reason)


@dataclass(frozen=True)
class Decoded:
    """Text of a file and the encoding it was read with."""

    text: str
    encoding: str


def decode_bytes(data: bytes, name: str = "file") -> Decoded:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16/32 with BOM, else cp1252.

    Raises :class:`ArticleError` for empty, whitespace-only, binary or undecodable input.
    """
    if not data:
        raise ArticleError(name, "empty file", "save the article text into it or remove it")
    kind = binary_kind(data)
    if kind:
        raise ArticleError(name, f"binary data ({kind}, not text)", TEXT_REMEDY)
    text, encoding = _decode(data, name)
    if not has_visible_text(text):
        raise ArticleError(name, "only whitespace (no visible characters)",
                           "save the article text into it or remove it")
    if _looks_binary(text):
        raise ArticleError(name, "binary data (control characters), not text", TEXT_REMEDY)
    return Decoded(text, encoding)


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """Text and encoding name, by byte-order mark, else UTF-8, else cp1252."""
    boms = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
            (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
            (codecs.BOM_UTF16_BE, "utf-16"))
    for bom, encoding in boms:  # UTF-32 first: its LE mark starts like UTF-16's
        if data.startswith(bom):
            return _strict(data, encoding, name), encoding
    if b"\x00" in data:
        raise ArticleError(name, "binary data (NUL bytes), not text",
                           "if it is UTF-16 text without a byte-order mark, re-save it as UTF-8; "
                           "else " + TEXT_REMEDY)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _strict(data, "cp1252", name), "cp1252"


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ArticleError(
            name, f"undecodable bytes (not UTF-8, UTF-16 or cp1252; first bad byte at "
                  f"offset {exc.start})", "re-save the file as UTF-8 text"
        ) from None


def binary_kind(data: bytes) -> str | None:
    """What a binary file is (``"a PDF document"``…), from its first bytes; None for text."""
    return next((kind for magic, kind in MAGIC if data.startswith(magic)), None)


def has_visible_text(text: str) -> bool:
    """True if ``text`` has a character that is neither whitespace nor invisible (zero-width
    spaces and joiners, BOMs, soft hyphens: Unicode category Cf)."""
    import unicodedata

    return any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in text)


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t\f\v")
    return controls > max(8, len(sample) // 50)


def read_article_file(path: Path) -> Decoded:
    """Read and decode one file, turning every failure into an :class:`ArticleError`."""
    return decode_bytes(read_limited(path), str(path))


def read_limited(path: Path, limit: int | None = None) -> bytes:
    """The bytes of ``path``; :class:`ArticleError` if it is missing, not a regular file,
    unreadable or larger than ``limit`` (default :data:`MAX_FILE_BYTES`)."""
    limit = MAX_FILE_BYTES if limit is None else limit
    name = str(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        if Path(path).is_symlink():
            raise ArticleError(name, f"cannot be read (a link to {os.readlink(path)}, which does "
                                     "not exist)", "copy the article itself into the folder") from None
        raise ArticleError(name, f"cannot be read ({exc.strerror})",
                           "check the path and the permissions") from None
    if stat.S_ISDIR(info.st_mode):
        raise ArticleError(name, "cannot be read (a folder, not a file)",
                           "give the files inside it, or the folder without a file extension")
    if not stat.S_ISREG(info.st_mode):
        raise ArticleError(name, "cannot be read (not a regular file: a pipe, socket or device)",
                           "save the article as an ordinary file")
    if info.st_size > limit:
        raise ArticleError(name, _too_large(info.st_size, limit), "split it into separate articles")
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ArticleError(name, f"cannot be read ({exc.strerror})",
                           "check that you may read it (permissions) and try again") from None
    if len(data) > limit:
        raise ArticleError(name, _too_large(len(data), limit), "split it into separate articles")
    return data


def _too_large(size: int, limit: int) -> str:
    return f"too large ({_size(size)}, over the {_size(limit)} limit)"


def _size(n: int) -> str:
    """``20 MB``, ``21.5 MB`` (MB of 1024 × 1024 bytes) or ``100 bytes``."""
    if n < 1024 * 1024 // 10:
        return f"{n} bytes"
    return f"{n / 1024 / 1024:.1f}".removesuffix(".0") + " MB"


@dataclass
class Discovery:
    """Files to analyse, and files in the folders given that were left out (and why not)."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def discover(paths: list[str | Path]) -> Discovery:
    """Expand files and folders in a stable order.

    In a folder (recursively, not following links to other folders, skipping hidden names):
    every ``.txt``, ``.md``, ``.html``, ``.htm`` entry that is not a folder (so broken links
    and unreadable entries get an error row rather than vanish), corpus files of
    :data:`CORPUS_SUFFIXES` and documents of :data:`DOCUMENT_SUFFIXES`. Other files are
    ``skipped`` (except ``manifest.csv`` and the ``*_files`` folders browsers save beside a
    page); so is a ``manifest.csv`` in a subfolder.
    A path given by name is always taken. Raises :class:`ArticleError` for a path that does
    not exist.
    """
    found = Discovery()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files, skipped = _walk(path)
            found.files.extend(files)
            found.skipped.extend(skipped)
        elif path.exists() or path.is_symlink():
            found.files.append(path)
        else:
            raise ArticleError(str(path), "no such file or folder", "check the path")
    found.files = list(dict.fromkeys(found.files))
    return found


def _walk(folder: Path) -> tuple[list[Path], list[Path]]:
    """Article files and skipped files under ``folder`` (sorted)."""
    wanted = ARTICLE_SUFFIXES + DOCUMENT_SUFFIXES + CORPUS_SUFFIXES
    files, skipped = [], []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        here = Path(dirpath)
        for name in filenames:
            if name.startswith("."):
                continue
            path = here / name
            if path.suffix.lower() in wanted and name != MANIFEST_NAME:
                files.append(path)
            elif not (name == MANIFEST_NAME and here == folder) and not _is_page_asset(path, folder):
                skipped.append(path)
        for name in dirnames:  # os.walk lists links to folders as folders; name them
            if (here / name).is_symlink():
                skipped.append(here / name)
    return sorted(files), sorted(skipped)


def _is_page_asset(path: Path, root: Path) -> bool:
    """Inside a ``<page>_files`` folder, where browsers keep a saved page's images and scripts."""
    return any(part.endswith("_files") for part in path.relative_to(root).parts[:-1])


def discover_files(paths: list[str | Path]) -> list[Path]:
    """The files :func:`discover` finds (without the skipped ones)."""
    return discover(paths).files


def lf_text(text: str) -> tuple[str, Callable[[int], int]]:
    """``text`` with CRLF (and lone CR) line endings as LF, and a function mapping an offset
    into that copy back to an offset into ``text``.

    spaCy parses ``"\\r\\n"`` differently from ``"\\n"`` (another token, other sentence
    breaks), so an analysis that must not depend on line endings parses the LF copy and maps
    its offsets back: ``text[to_original(s):to_original(e)]`` is the span ``copy[s:e]`` with
    its line endings restored.
    """
    if "\r" not in text:
        return text, lambda i: i
    crs: list[int] = []  # offsets, in the copy, of each "\n" that lost its "\r"
    for pos in (m.start() for m in re.finditer("\r\n", text)):
        crs.append(pos - len(crs))
    copy = text.replace("\r\n", "\n").replace("\r", "\n")
    return copy, lambda i: i + bisect.bisect_left(crs, i)


OFFSET_KEYS = ("start", "end", "speaker_start", "speaker_end")


def restore_offsets(records: list[dict], to_original: Callable[[int], int], text: str) -> list[dict]:
    """Records found in the LF copy of ``text`` (see :func:`lf_text`), with their offsets
    mapped back into ``text`` and their ``text`` field cut from it again."""
    out = []
    for rec in records:
        rec = {**rec, **{k: to_original(rec[k]) for k in OFFSET_KEYS if rec.get(k) is not None}}
        if "text" in rec:
            rec["text"] = text[rec["start"]:rec["end"]]
        out.append(rec)
    return out
