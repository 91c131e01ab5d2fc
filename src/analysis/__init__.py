"""Source-reliability toolkit for news articles.

Load articles, extract sourcing evidence (quotes, speakers, typed sources, hedges) as spans
with character offsets into the original text, score and compare them.
"""
from .articles import load_articles
from .extract import extract_evidence

__all__ = ["load_articles", "extract_evidence", "score_articles", "compare_articles"]
__version__ = "0.1.0"


def __getattr__(name: str):
    # score_articles pulls in pandas-heavy scoring code; import it on first use.
    if name == "score_articles":
        from .scoring import score_articles

        return score_articles
    if name == "compare_articles":
        from .compare import compare_articles

        return compare_articles
    raise AttributeError(name)
