"""The verb sets that make an attribution, read from the lexicons as lemma hashes.

Each set is compared with :attr:`analysis.extract.docindex.DocIndex.lemma`:

- :func:`quote_cues`: every verb that can introduce a quote (``cue_verbs``,
  ``cue_verbs_clausal``, ``quote_cue_verbs``);
- :func:`attribution_cues`: the verbs of attribution of the source finder (``cue_verbs``,
  ``cue_verbs_clausal``);
- :func:`thought_only`: thought verbs that are no speech verbs ("believe", "know"), which
  attribute only with a clause;
- :func:`plain_speech`: plain speech verbs that stay attributions inside another one's
  content (``plain_speech_verbs``);
- :func:`addressee_verbs`: cue verbs whose object is the one spoken to ("told reporters").
"""
from __future__ import annotations

from functools import cache

from .docindex import lexicon_keys


@cache
def quote_cues() -> frozenset[int]:
    """Hashes of every verb lemma that can introduce a quote."""
    return frozenset().union(*(lexicon_keys(name) for name in
                               ("cue_verbs", "cue_verbs_clausal", "quote_cue_verbs")))


@cache
def attribution_cues() -> frozenset[int]:
    """Hashes of the attribution verbs (``cue_verbs`` and ``cue_verbs_clausal``)."""
    return lexicon_keys("cue_verbs") | lexicon_keys("cue_verbs_clausal")


@cache
def thought_only() -> frozenset[int]:
    """Thought verbs (``cue_verbs_clausal``) that are no speech verbs: attributions with a
    clause ("Trump believes that..."), seldom without ("they know the senator")."""
    return lexicon_keys("cue_verbs_clausal") - lexicon_keys("cue_verbs")


@cache
def plain_speech() -> frozenset[int]:
    """Plain speech verbs (``lexicons/plain_speech_verbs.txt``): they stay attributions inside
    another one's content ("he said Trump told aides..."); other predicates there are part of
    the content (PolNeAR annotates one level, and a reader must not see "Netanyahu ordered"
    as Netanyahu's claim in "the report claimed that Netanyahu ordered...")."""
    return lexicon_keys("plain_speech_verbs")


@cache
def addressee_verbs() -> frozenset[int]:
    """Cue verbs whose object is the one spoken to ("told reporters", "asked him"):
    ``lexicons/addressee_verbs.txt``."""
    return lexicon_keys("addressee_verbs")
