"""The array versions of the attribute ruler and the lemmatizer give spaCy's own parse."""
from __future__ import annotations

import pickle

import pytest
from spacy.matcher import Matcher
from spacy.tokens import DocBin

from analysis.nlp import stock_model
from analysis.rule_components import ArrayMatcher, Unsupported, speed_up

#: Texts that reach every kind of pattern of the model's ruler: contractions with lemma
#: rules ("ain't", "gonna", "y'all", "nothin'", "let's", "c'mon"), whitespace tokens,
#: "there is", pronoun case by dependency, "but" as an adverb, auxiliaries, and oddities.
TRICKY = [
    "",
    "   ",
    "\n\n",
    "I ain't gonna say it, y'all, 'cause there's nothin' to say.",
    "Let's go. C'mon, you know it. They gave it to me and you.",
    "There were two of them; it was but a dream, wasn't it?",
    "He'd have done it.  Did he?\n\nShe has, and had, and does.",
    "Which one? That one, which he said he'd wanted all along.",
    "Gotta run 😀 — “quoted”, ‘single’… and so on!!!",
    "Der Bundestag hat am Donnerstag abgestimmt.",
    "U.S. officials said Tuesday: \"We're not holding anything back.\"",
]


@pytest.fixture(scope="module")
def two_models():
    stock, array = stock_model(), stock_model()
    assert speed_up(array) == ["attribute_ruler", "lemmatizer"]
    return stock, array


def parse_bytes(nlp, texts: list[str]) -> list[bytes]:
    return [DocBin(docs=[d], store_user_data=False).to_bytes() for d in nlp.pipe(texts)]


def token_fields(nlp, texts: list[str]) -> list[list[tuple]]:
    return [[(t.text, t.lemma_, t.pos_, str(t.morph), t.tag_, t.dep_) for t in d]
            for d in nlp.pipe(texts)]


def test_the_parse_is_spacys_on_tricky_texts(two_models):
    stock, array = two_models
    assert token_fields(array, TRICKY) == token_fields(stock, TRICKY)
    assert parse_bytes(array, TRICKY) == parse_bytes(stock, TRICKY)


def test_the_parse_is_spacys_on_the_seed_articles(two_models, seed_dir):
    stock, array = two_models
    texts = [p.read_text(encoding="utf-8") for p in sorted(seed_dir.glob("*.txt"))]
    assert len(texts) == 5
    assert parse_bytes(array, texts) == parse_bytes(stock, texts)


def test_a_second_pass_reads_the_known_lemmas_and_gives_the_same(two_models):
    stock, array = two_models
    texts = TRICKY[3:6]
    first = token_fields(array, texts)
    assert array.get_pipe("lemmatizer")._lemma_by_key  # the lemmas are now known
    assert token_fields(array, texts) == first == token_fields(stock, texts)


def test_the_ruler_keeps_rules_that_set_lemmas_before_the_lemmatizer(two_models):
    _, array = two_models
    tokens = {t.text: t.lemma_ for t in array("I ain't gonna stop.")}
    assert (tokens["ai"], tokens["gon"], tokens["na"]) == ("be", "go", "to")


PATTERNS = {
    "lower": [[{"LOWER": "the"}]],
    "tag and lower": [[{"TAG": "DT", "LOWER": "a"}]],
    "in": [[{"LOWER": {"IN": ["cat", "dog"]}}]],
    "not in": [[{"TAG": {"NOT_IN": ["NN", "DT", ""]}, "DEP": {"IN": ["nsubj", "ROOT"]}}]],
    "regex": [[{"LOWER": {"REGEX": "^c.t$"}}]],
    "two tokens": [[{"LOWER": "the"}, {"TAG": "NN"}], [{"DEP": "det"}, {"LOWER": "dog"}]],
    "space": [[{"IS_SPACE": True}]],
    "not space": [[{"IS_SPACE": False, "TAG": "_SP"}]],
}


def test_the_array_matcher_finds_what_spacys_matcher_finds(two_models):
    stock, _ = two_models
    matcher = Matcher(stock.vocab)
    keyed = []
    for name, patterns in PATTERNS.items():
        key = stock.vocab.strings.add(name)
        matcher.add(key, patterns)
        keyed.append((key, patterns))
    ours = ArrayMatcher(keyed)
    for doc in stock.pipe(TRICKY + ["The cat saw the dog and a cot.\n\nThe dog ran."]):
        want = sorted(matcher(doc, allow_missing=True, as_spans=False))
        assert sorted(ours(doc)) == want
    assert want  # the last text matches several patterns


@pytest.mark.parametrize("pattern", [
    [{"LOWER": "a", "OP": "?"}],
    [{"LEMMA": "be"}],
    [{"LOWER": {"FUZZY": "cat"}}],
])
def test_patterns_it_does_not_cover_are_refused(pattern):
    with pytest.raises(Unsupported):
        ArrayMatcher([(1, [pattern])])


def test_a_ruler_with_uncovered_patterns_keeps_spacys_matcher():
    nlp = stock_model()
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "x", "OP": "+"}]], {"LEMMA": "x"})
    assert speed_up(nlp) == ["lemmatizer"]
    assert isinstance(ruler.matcher, Matcher)


def test_speeding_up_twice_changes_nothing_more(two_models):
    _, array = two_models
    assert speed_up(array) == []
    assert token_fields(array, TRICKY) == token_fields(two_models[0], TRICKY)


def test_the_pipeline_loads_the_array_versions(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler").matcher, ArrayMatcher)
    assert getattr(nlp.get_pipe("lemmatizer"), "_array_version", False)


def test_the_pipeline_with_the_array_versions_can_be_pickled(two_models):
    stock, array = two_models
    copy = pickle.loads(pickle.dumps(array))
    assert isinstance(copy.get_pipe("attribute_ruler").matcher, ArrayMatcher)
    assert token_fields(copy, TRICKY) == token_fields(stock, TRICKY)
