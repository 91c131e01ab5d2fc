"""Saved web pages: the main text and metadata of an ``.html`` file, with trafilatura.

Extraction runs on the local file only: the HTML string goes to
:func:`trafilatura.bare_extraction`, which parses it and never fetches anything (no URL is
given to it, links and images are not followed). The extracted text is written once to
``data/interim/webpages/<hash>.txt`` (``<hash>`` is the SHA-256 of the file's bytes) and
that text is what the article's evidence offsets refer to: the article row's ``text_path``
names the file, so anyone can open it and check an offset.
"""
from __future__ import annotations

import codecs
import hashlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from .paths import interim_dir, write_atomic
from .textio import ArticleError, Decoded, decode_bytes, has_visible_text

#: Characters and bytes looked at for a ``<meta charset>`` declaration.
CHARSET_WINDOW = 4096
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
#: Changes when extraction options change, so that older cached texts are not reused.
EXTRACTOR_VERSION = b"trafilatura-main-text-v1"
#: Labels browsers read as windows-1252 (WHATWG Encoding Standard), and so do we.
WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii",
                       "windows-1252", "cp1252", "x-cp1252"}
HTML_START = re.compile(r"\A[\ufeff\s]*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]",
                        re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class WebPage:
    """Main text of a saved page and what the page says about itself (empty when unknown)."""

    text: str
    title: str = ""
    author: str = ""
    date: str = ""
    sitename: str = ""
    url: str = ""
    encoding: str = ""


def looks_like_html(text: str) -> bool:
    """True if ``text`` is an HTML document (starts with ``<!DOCTYPE html`` or ``<html``)."""
    return bool(HTML_START.match(text[:CHARSET_WINDOW]))


def decode_html(data: bytes, name: str) -> Decoded:
    """HTML bytes as text: the ``<meta charset>`` the page declares when Python knows it and
    the bytes fit it, else :func:`analysis.textio.decode_bytes` (UTF-8, cp1252…)."""
    declared = CHARSET.search(data[:CHARSET_WINDOW])
    charset = declared.group(1).decode("ascii").lower() if declared else ""
    charset = "cp1252" if charset in WINDOWS_1252_LABELS else charset
    if charset and not charset.startswith(("utf-16", "utf-32")) and not data.startswith(BOMS):
        try:
            return Decoded(data.decode(charset), charset)
        except (LookupError, UnicodeDecodeError):
            pass  # unknown name or a wrong declaration: decode as any other file
    return decode_bytes(data, name)


def extract_webpage(html: str, name: str = "page", encoding: str = "") -> WebPage:
    """Main text and metadata of an HTML document (no network access).

    Raises :class:`ArticleError` when trafilatura finds no article text in it.
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_images=False, include_links=False,
                                          include_tables=True, as_dict=False)
    except Exception as exc:  # lxml and trafilatura errors on broken markup
        raise ArticleError(name, f"the web page could not be parsed ({type(exc).__name__})",
                           "open it in a browser and save the article text as .txt") from None
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    # lone surrogates (from entities like &#xD800;) cannot be stored as UTF-8: make them "?"
    text = text.encode("utf-8", "replace").decode("utf-8")
    if not has_visible_text(text):
        raise ArticleError(name, "no article text found in the web page (it may be an index "
                                 "page, or need JavaScript to show the article)",
                           "open the page in a browser and save the article text as .txt")
    return WebPage(text=text, title=_field(doc, "title"), author=_field(doc, "author"),
                   date=_field(doc, "date"), sitename=_field(doc, "sitename"),
                   url=_field(doc, "url"), encoding=encoding)


def _field(doc, name: str) -> str:
    value = getattr(doc, name, None)
    return " ".join(str(value).split()) if value else ""


def webpage_cache_dir() -> Path:
    """Where extracted page texts are kept: ``<interim>/webpages``."""
    return interim_dir() / "webpages"


def load_webpage(data: bytes, name: str) -> tuple[WebPage, Path | None]:
    """The page of ``data`` (the bytes of a saved .html file) and the cached text file.

    The text file is written on first use and read back afterwards, byte for byte, so the
    offsets of an earlier run still hold. The path is None when the cache folder cannot be
    written (the text is still returned).
    """
    key = hashlib.sha256(EXTRACTOR_VERSION + b"\0" + data).hexdigest()[:32]
    folder = webpage_cache_dir()
    text_path, meta_path = folder / f"{key}.txt", folder / f"{key}.json"
    cached = _read_cache(text_path, meta_path)
    if cached is not None:
        return cached, text_path
    decoded = decode_html(data, name)
    page = extract_webpage(decoded.text, name, decoded.encoding)
    meta = {k: v for k, v in asdict(page).items() if k != "text"}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(text_path, page.text.encode("utf-8"))
        write_atomic(meta_path, json.dumps(meta, ensure_ascii=False).encode("utf-8"))
    except OSError:
        return page, None  # a read-only cache folder must not stop the run
    return page, text_path


def _read_cache(text_path: Path, meta_path: Path) -> WebPage | None:
    try:
        text = text_path.read_bytes().decode("utf-8")
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        return WebPage(text=text, **{k: str(meta.get(k) or "") for k in
                                     ("title", "author", "date", "sitename", "url", "encoding")})
    except (OSError, ValueError, TypeError):
        return None  # missing or damaged cache: extract again
