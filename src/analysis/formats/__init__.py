"""Files that hold articles other than as one plain text or saved web page.

:func:`read_file` is the dispatch the loader uses: it returns the articles of a file in one
of these formats, or None for a file that is one article of text (``.txt``, ``.md``,
``.html``), which :func:`analysis.articles.load_article` reads.

=================  ==================================================  =================
format             recognised by                                       reader
=================  ==================================================  =================
``lexisnexis``     a ``.txt`` with an ``N of M DOCUMENTS`` line        :mod:`.lexisnexis`
``nexis-docx``     a ``.docx`` with ``Body`` and ``End of Document``   :mod:`.nexis_docx`
``docx``           any other ``.docx``                                 :mod:`.docx`
``pdf``            ``.pdf``                                            :mod:`.pdf`
``csv``, ``jsonl``,
``parquet``        the extension: one article per row                  :mod:`.corpus`
=================  ==================================================  =================

Every article's text is stored under ``data/interim/<kind>/`` (:mod:`.store`); the row's
``text_path`` names it and every offset indexes it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..textio import ArticleError, decode_bytes, read_limited
from .corpus import CORPUS_SUFFIXES, CorpusColumns, read_corpus
from .piece import Piece
from .store import data_key, file_key, stored_pieces

__all__ = ["CORPUS_SUFFIXES", "DOCUMENT_FORMAT_SUFFIXES", "EXTRACTED_FROM", "FORMAT_BY_SUFFIX",
           "CorpusColumns", "Piece", "Read", "read_file"]

#: Documents read by a reader of this package (other document types stay error rows).
DOCUMENT_FORMAT_SUFFIXES = (".pdf", ".docx")
#: PDF and Word files larger than this are not read (images make them large; their text
#: is small).
MAX_DOCUMENT_BYTES = 200 * 1024 * 1024
#: Readers' versions: a new version extracts again instead of reading stored texts.
VERSIONS = {"lexisnexis": "lexisnexis-v1", "docx": "docx-v1", "pdf": "pdf-v1",
            "corpus": "corpus-v2"}
#: What extracted the text of each format, for the length check of the loader ("" for a
#: format whose text is the article as written: an export or a corpus row).
EXTRACTED_FROM = {"pdf": "the PDF", "docx": "the Word document"}


#: The format of a file that could not be read, by its extension.
FORMAT_BY_SUFFIX = {".pdf": "pdf", ".docx": "docx", ".csv": "csv", ".jsonl": "jsonl",
                    ".parquet": "parquet", ".txt": "text", ".md": "text", ".html": "web page",
                    ".htm": "web page"}


@dataclass
class Read:
    """The articles of one file, in order, and how the file was read."""

    format: str
    pieces: list[Piece]
    encoding: str = ""


def read_file(path: Path, columns: CorpusColumns = CorpusColumns()) -> Read | None:
    """The articles of ``path`` when it is in one of this package's formats, else None.

    Raises :class:`~analysis.textio.ArticleError` when the file cannot be read at all.
    """
    suffix = path.suffix.lower()
    if suffix in CORPUS_SUFFIXES:
        _check_file(path)
        key = file_key(path, VERSIONS["corpus"], columns.text or "", columns.id or "")
        return Read(suffix[1:], stored_pieces("corpus", key, lambda: read_corpus(path, columns)))
    if suffix == ".pdf":
        from .pdf import read_pdf

        data = _document_bytes(path)
        key = data_key(data, VERSIONS["pdf"])
        return Read("pdf", stored_pieces("pdf", key, lambda: [read_pdf(data, str(path))]))
    if suffix == ".docx":
        return _read_docx(path)
    if suffix == ".txt":
        return _read_lexisnexis(path)
    return None


def _check_file(path: Path) -> None:
    """Raise the loader's usual :class:`ArticleError` for a missing, odd or empty file."""
    if not path.is_file():
        read_limited(path)  # raises the message for what it is
    if path.stat().st_size == 0:
        raise ArticleError(str(path), "empty file", "save the articles into it or remove it")


def _document_bytes(path: Path) -> bytes:
    data = read_limited(path, MAX_DOCUMENT_BYTES)
    if not data:
        raise ArticleError(str(path), "empty file", "save the article into it or remove it")
    return data


def _read_docx(path: Path) -> Read:
    from . import nexis_docx
    from .docx import read_paragraphs, word_document

    data = _document_bytes(path)
    key = data_key(data, VERSIONS["docx"])

    def extract() -> list[Piece]:
        paragraphs, title = read_paragraphs(data, str(path))
        if nexis_docx.looks_like_export(paragraphs):
            return nexis_docx.read_export(paragraphs)
        return [word_document(paragraphs, title)]

    pieces = stored_pieces("docx", key, extract)
    return Read("nexis-docx" if any(p.number for p in pieces) else "docx", pieces)


def _read_lexisnexis(path: Path) -> Read | None:
    from . import lexisnexis

    try:
        with open(path, "rb") as handle:
            head = handle.read(lexisnexis.PEEK_BYTES)
    except OSError:
        return None  # the loader's own read reports it
    if not lexisnexis.looks_like_export(head):
        return None
    data = read_limited(path)
    decoded = decode_bytes(data, str(path))
    key = data_key(data, VERSIONS["lexisnexis"])
    pieces = stored_pieces("lexisnexis", key, lambda: lexisnexis.read_export(decoded.text))
    return Read("lexisnexis", pieces, decoded.encoding)
