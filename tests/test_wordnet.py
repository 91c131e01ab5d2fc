"""WordNet class tables: built from the database files, shipped, used for unseen words."""
from __future__ import annotations

import pytest

from analysis.cli import main
from analysis.wordnet import WordNetError, classes, names_person, read_wordnet, write_tables

LEXNAMES = "03\tnoun.Tops\t1\n10\tnoun.communication\t1\n14\tnoun.group\t1\n" \
           "18\tnoun.person\t1\n32\tverb.communication\t2\n31\tverb.cognition\t2\n"
#: Synsets of a tiny WordNet: data lines start with the offset and the class number.
DATA = {"noun": "  1 licence text\n00000001 18 n 01 woman 0 000 | an adult female\n"
                "00000002 14 n 01 womanhood 0 000 | women as a group\n"
                "00000003 10 n 01 report 0 000 | a written document\n",
        "verb": "00000004 32 v 01 say 0 000 | express in words\n"
                "00000005 31 v 01 say 0 000 | have an opinion\n"}
#: Index lines: lemma, pos, synset count, pointer count, pointers, sense counts, offsets.
INDEX = {"noun": "  1 licence text\nwoman n 2 1 @ 2 1 00000001 00000002\n"
                 "report n 1 1 @ 1 1 00000003\nnews_report n 1 1 @ 1 0 00000003\n",
         "verb": "say v 2 1 @ 2 1 00000004 00000005\n"}


@pytest.fixture
def dict_dir(tmp_path):
    d = tmp_path / "dict"
    d.mkdir()
    (d / "lexnames").write_text(LEXNAMES, encoding="latin-1")
    for pos in ("noun", "verb"):
        (d / f"data.{pos}").write_text(DATA[pos], encoding="latin-1")
        (d / f"index.{pos}").write_text(INDEX[pos], encoding="latin-1")
    return d


def test_read_gives_each_lemma_its_classes_most_frequent_sense_first(dict_dir):
    assert read_wordnet(dict_dir, "noun") == {"woman": ["person", "group"],
                                              "report": ["communication"]}
    assert read_wordnet(dict_dir, "verb") == {"say": ["communication", "cognition"]}


def test_written_tables_read_back_with_the_licence_in_the_header(dict_dir, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    assert write_tables(dict_dir, out) == {"noun": 2, "verb": 1}
    text = (out / "wordnet_nouns.tsv").read_text(encoding="utf-8")
    assert "Princeton University" in text and "WORDNET_LICENSE" in text
    assert classes("woman", "noun", out) == ("person", "group")
    assert classes("report", "noun", out) == ("communication",)
    assert classes("say", "verb", out) == ("communication", "cognition")
    assert classes("news_report", "noun", out) == ()


def test_a_folder_without_wordnet_is_a_clear_error(tmp_path, capsys):
    with pytest.raises(WordNetError):
        read_wordnet(tmp_path, "noun")
    assert main(["wordnet-classes", str(tmp_path), "--out", str(tmp_path)]) == 2
    assert "WordNet" in capsys.readouterr().err


def test_the_shipped_tables_know_people_and_speech():
    assert classes("bartender")[0] == "person"
    assert classes("offer")[0] != "person"
    assert classes("argue", "verb")[0] == "communication"
    assert classes("superdelegate") == ()
    from analysis.paths import LEXICON_DIR
    assert "Princeton" in (LEXICON_DIR / "WORDNET_LICENSE").read_text(encoding="utf-8")


def test_a_noun_names_a_person_by_its_commonest_sense():
    assert names_person("landlord") and names_person("spokesman")
    assert not names_person("company") and not names_person("sander")
