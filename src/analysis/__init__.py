"""Source-reliability toolkit for news articles.

Load articles, extract sourcing evidence (quotes, speakers, typed sources, hedges) as spans
with character offsets into the original text, score and compare them.
"""
from .articles import load_articles

__all__ = ["load_articles", "extract_evidence", "score_articles"]
__version__ = "0.1.0"


def __getattr__(name: str):
    # both pull in heavy code (the parser, pandas); import them on first use, so that
    # reading stored analyses (the notebooks) never imports spaCy
    if name == "extract_evidence":
        from .extract import extract_evidence

        return extract_evidence
    if name == "score_articles":
        from .scoring import score_articles

        return score_articles
    raise AttributeError(name)
