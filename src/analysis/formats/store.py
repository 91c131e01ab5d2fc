"""Where the text of an article read out of a document or a corpus is kept.

The same mechanism as for saved web pages (:mod:`analysis.webpage`): what is extracted from
a file is written once under ``data/interim/<kind>/``, keyed by the SHA-256 of the file's
bytes and the reader's version, and read back byte for byte on later runs. A file holding
several articles (an archive export, a corpus) gives ``<key>.json`` (every article's
metadata, in order) and one ``<key>_<n>.txt`` per article; the article row's ``text_path``
names that text file, and every evidence offset of the article indexes it.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, fields
from pathlib import Path

from ..paths import interim_dir, write_atomic
from .piece import Piece

#: Bytes read at a time when hashing a file.
HASH_BLOCK = 1 << 20


def file_key(path: Path, version: str, *extra: str) -> str:
    """Hash of the file's bytes, the reader's ``version`` and ``extra`` (reader options)."""
    digest = hashlib.sha256("\0".join([version, *extra]).encode("utf-8") + b"\0")
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(HASH_BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()[:32]


def data_key(data: bytes, version: str) -> str:
    """Hash of ``data`` (a file's bytes already read) and the reader's ``version``."""
    return hashlib.sha256(version.encode("utf-8") + b"\0" + data).hexdigest()[:32]


def store_dir(kind: str) -> Path:
    """``<interim>/<kind>``: the texts read from one kind of file."""
    return interim_dir() / kind


def stored_pieces(kind: str, key: str, extract: Callable[[], list[Piece]]) -> list[Piece]:
    """The articles of a file: read from the store when they were extracted before, else
    ``extract()``-ed and written there (each :class:`Piece` gets its ``text_path``).

    A store that cannot be written does not stop the run: the pieces come back without a
    ``text_path``.
    """
    folder = store_dir(kind)
    index = folder / f"{key}.json"
    cached = _read(index, folder)
    if cached is not None:
        return cached
    pieces = extract()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        records = []
        for i, piece in enumerate(pieces, 1):
            record = {k: v for k, v in asdict(piece).items() if k not in ("text", "text_path")}
            if not piece.error:
                name = f"{key}_{i}.txt"
                write_atomic(folder / name, piece.text.encode("utf-8"))
                piece.text_path = str(folder / name)
                record["text_file"] = name
            records.append(record)
        write_atomic(index, json.dumps(records, ensure_ascii=False).encode("utf-8"))
    except OSError:
        for piece in pieces:
            piece.text_path = ""
    return pieces


def _read(index: Path, folder: Path) -> list[Piece] | None:
    """The pieces listed in ``index``, with their texts; None when missing or damaged."""
    names = {f.name for f in fields(Piece)}
    try:
        records = json.loads(index.read_text(encoding="utf-8"))
        pieces = []
        for record in records:
            text_file = record.pop("text_file", None)
            piece = Piece(**{k: v for k, v in record.items() if k in names})
            if text_file:
                piece.text = (folder / text_file).read_bytes().decode("utf-8")
                piece.text_path = str(folder / text_file)
            pieces.append(piece)
        return pieces
    except (OSError, ValueError, TypeError, AttributeError):
        return None


def clean_text(text: str) -> str:
    """``text`` as it can be stored in UTF-8: lone surrogates (from ``\\ud800`` escapes in
    JSON, or ``&#xD800;`` in markup) become ``?``."""
    return text.encode("utf-8", "replace").decode("utf-8")
