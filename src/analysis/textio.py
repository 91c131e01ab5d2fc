"""Reading article files: decoding, size limits and the errors a user can act on.

Offsets everywhere in the project refer to the text as decoded here: the byte-order mark is
not part of the text, line endings are kept as they are (CRLF stays CRLF).
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

#: Files larger than this are not analysed (status ``error``); see the README.
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Extensions picked up when a folder is given.
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")


class ArticleError(Exception):
    """A problem with one input file, phrased for the user: what is wrong and what to do."""


@dataclass(frozen=True)
class Decoded:
    """Text of a file and the encoding it was read with."""

    text: str
    encoding: str


def decode_bytes(data: bytes, name: str = "file") -> Decoded:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252.

    Raises :class:`ArticleError` for empty, whitespace-only, binary or undecodable input.
    """
    if not data:
        raise ArticleError(f"{name}: the file is empty; save the article text into it or remove it")
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _strict(data[len(codecs.BOM_UTF8):], "utf-8", name), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _strict(data, "utf-16", name), "utf-16"
    elif b"\x00" in data:
        raise ArticleError(f"{name}: binary data (NUL bytes), not text; export the article as .txt or .html")
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _strict(data, "cp1252", name), "cp1252"
    if not text.strip():
        raise ArticleError(f"{name}: the file holds only whitespace; save the article text into it or remove it")
    if _looks_binary(text):
        raise ArticleError(f"{name}: binary data (control characters), not text; export the article as .txt or .html")
    return Decoded(text, encoding)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{name}: undecodable bytes (not UTF-8, UTF-16 or cp1252, byte {exc.start}); "
            "re-save the file as UTF-8"
        ) from None


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t\f\v")
    return controls > max(8, len(sample) // 50)


def read_article_file(path: Path) -> Decoded:
    """Read and decode one file, turning every failure into an :class:`ArticleError`."""
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ArticleError(f"{name}: cannot be read ({exc.strerror}); check the path and permissions") from None
    if size > MAX_FILE_BYTES:
        raise ArticleError(
            f"{name}: too large ({size / 1e6:.1f} MB > {MAX_FILE_BYTES / 1e6:.0f} MB limit); "
            "split it into separate articles"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{name}: cannot be read ({exc.strerror}); check the permissions") from None
    return decode_bytes(data, name)


def discover_files(paths: list[str | Path]) -> list[Path]:
    """Expand files and folders (recursively: every .txt, .md, .html inside) in a stable order.

    Raises :class:`ArticleError` for a path that does not exist.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                sorted(
                    p for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        elif path.exists():
            found.append(path)
        else:
            raise ArticleError(f"{path}: no such file or folder; check the path")
    return list(dict.fromkeys(found))
