"""What evidence and signal records are: their columns and kinds, without the parser.

The extractors (:mod:`analysis.extract`) and the features (:mod:`analysis.framing.features`)
make these records from a spaCy parse; scoring them, charting them and highlighting them
needs only these names, so the notebooks (which read stored analyses, :mod:`analysis.store`)
never import spaCy.
"""
from __future__ import annotations

import numpy as np

#: Columns of the evidence records, in order (docs/data-dictionary.md defines them).
EVIDENCE_COLUMNS = [
    "article_id", "kind", "start", "end", "text", "speaker_start", "speaker_end", "speaker",
    "source_type", "name", "cue", "in_quote", "rule", "source_id", "counted",
]


def relied_on(counted) -> bool:
    """Whether a source record with this ``counted`` value is a source the article relies on:
    only an explicit false (a source only shown acting, an unresolved pronoun) is not; a
    record without the field (None, NaN: older records, other kinds) is."""
    return not isinstance(counted, (bool, np.bool_)) or bool(counted)


#: Record kinds that are quotations of a source (with speaker fields).
QUOTE_KINDS = ("quote", "wire_quote")
#: Kinds of signal records (:mod:`analysis.framing.features`), with what each means (shown on
#: hover and in legends).
SIGNAL_KINDS = {
    "transition": "stock transition opening a sentence (lexicon transitions)",
    "stock_phrase": "word over-used in generated text (lexicon stock_phrases)",
    "loaded": "loaded, value-laden word (lexicon loaded_terms)",
    "evaluative": "evaluative word grading importance or quality (lexicon evaluative_terms)",
    "we": "first-person plural in the writer's own words",
    "you": "the reader addressed directly",
    "call_to_action": "phrase urging the reader or the public to act",
    "number": "specific number or date",
    "unattributed_claim": "writer's sentence stating obligation or certainty with no source",
}
