"""Source-reliability toolkit for news articles.

Load articles, extract sourcing evidence (quotes, speakers, typed sources, hedges) as spans
with character offsets into the original text, score and compare them. The public API, in
one place:

- ``load_articles(path)``: the articles of a file, a folder or a list of paths as a
  DataFrame (:mod:`analysis.articles`);
- ``analyse_articles(articles)``: everything one run produces, an :class:`~analysis.api.Analysis`
  (articles, scores, evidence, signals, actors);
- ``extract_evidence(articles)``: the evidence records alone, as a DataFrame;
- ``score_articles(articles)``: the scorecard alone, one row per article;
- ``compare_articles(articles)``: the articles of one story side by side (shared quotes,
  claims and how each article backs them, sources, reuse: :mod:`analysis.compare`).

``articles`` is a DataFrame from ``load_articles``, a path, a list of paths or None
(``data/raw``). The names are imported on first use, so that ``import analysis`` stays
light (the command line imports only what its command needs).
"""
from __future__ import annotations

__all__ = ["load_articles", "analyse_articles", "extract_evidence", "score_articles",
           "compare_articles"]
__version__ = "0.1.0"

_HOMES = {"load_articles": "articles", "analyse_articles": "api", "extract_evidence": "api",
          "score_articles": "api", "compare_articles": "compare"}


def __getattr__(name: str):
    if name in _HOMES:
        from importlib import import_module

        return getattr(import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
