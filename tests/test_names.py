"""The first-name gender table (1990 US Census, and nomquamgender for the names the Census
lacks) that helps resolve "he" and "she"; how the article's titles and pronouns weigh in is
pinned in test_speakers.py and test_sources.py."""
from __future__ import annotations

import json

import pytest

from analysis.cli import main
from analysis.names import (NamesError, first_name_gender, genders, known_first_name,
                            opens_with_first_name, world_genders, write_table)

#: Two tiny Census files: name, percentage, cumulative percentage, rank.
FEMALE = "MARY           2.629  2.629      1\nKELLY          0.283  2.912      2\n" \
         "JORDAN         0.012  2.924      3\n"
MALE = "JAMES          3.318  3.318      1\nKELLY          0.063  3.381      2\n" \
       "JORDAN         0.056  3.437      3\nMARY           0.009  3.446      4\n"


@pytest.fixture
def census(tmp_path):
    d = tmp_path / "census"
    d.mkdir()
    (d / "dist.female.first").write_text(FEMALE, encoding="latin-1")
    (d / "dist.male.first").write_text(MALE, encoding="latin-1")
    return d


def test_a_name_has_a_gender_only_when_one_sex_carries_it_far_more_often():
    female = {"mary": 2.629, "kelly": 0.283, "jordan": 0.012}
    male = {"james": 3.318, "kelly": 0.063, "jordan": 0.056, "mary": 0.009}
    assert genders(female, male) == {"james": "male", "mary": "female"}
    assert genders(female, male, ratio=4) == {"james": "male", "jordan": "male",
                                              "kelly": "female", "mary": "female"}


def test_written_table_reads_back(census, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    assert write_table(census, out) == {"female": 1, "male": 1, "either": 0, "world": 0}
    assert "Census" in (out / "first_names.tsv").read_text(encoding="utf-8")
    assert first_name_gender("Mary Smith", out) == "female"
    assert first_name_gender("Kelly Ayotte", out) is None
    assert first_name_gender("Mary", out) is None  # one word is a surname, not a first name


def test_the_command_rebuilds_the_table_and_says_what_is_missing(census, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    assert main(["first-names", str(census), "--out", str(out)]) == 0
    assert (out / "first_names.tsv").is_file()
    with pytest.raises(NamesError):
        write_table(tmp_path, out)
    assert main(["first-names", str(tmp_path), "--out", str(out)]) == 2
    assert "dist.female.first" in capsys.readouterr().err


def test_the_shipped_table():
    assert first_name_gender("Hillary Clinton") == "female"
    assert first_name_gender("Donald Trump") == "male"
    assert first_name_gender("Kelly Ayotte") is None  # carried by both: the article decides
    assert first_name_gender("Clinton") is None


#: nomquamgender's rows: [sources, people, share of women, ...].
WORLD = {
    "ivanka": [20, 5000, 0.99, 3],     # in: female
    "sadiq": [17, 1009, 0.018, 3],     # in: male
    "aparna": [12, 800, 0.9, 3],       # in: exactly nine women for one man
    "tulsi": [14, 643, 0.661, 3],      # in: both sexes carry it, either
    "sullivan": [20, 9999, 0.02, 3],   # out: a US surname
    "love": [18, 8668, 0.99, 3],       # out: a common English word
    "zed": [3, 900, 0.0, 3],           # out: too few sources
    "mary": [30, 90000, 0.2, 3],       # out: the Census decided it
    "j.r.": [20, 900, 0.0, 3],         # out: not a name word
}
SURNAMES = "SMITH          1.006  1.006      1\nSULLIVAN       0.100  1.106      2\n"


def test_world_names_come_in_only_when_common_and_no_word_or_surname():
    assert world_genders(WORLD, {"mary", "james"}, {"smith", "sullivan"}) == \
        {"aparna": "female", "ivanka": "female", "sadiq": "male", "tulsi": "either"}


def test_the_command_adds_world_names_and_marks_where_each_comes_from(census, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    world = tmp_path / "name_data.json"
    world.write_text(json.dumps(WORLD), encoding="utf-8")
    assert main(["first-names", str(census), "--world", str(world), "--out", str(out)]) == 2
    assert "dist.all.last" in capsys.readouterr().err  # the surnames are needed too
    (census / "dist.all.last").write_text(SURNAMES, encoding="latin-1")
    assert main(["first-names", str(census), "--world", str(world), "--out", str(out)]) == 0
    rows = [line.split("\t") for line in (out / "first_names.tsv").read_text().splitlines()
            if not line.startswith("#")]
    assert ["mary", "female", "census"] in rows and ["sadiq", "male", "world"] in rows
    assert first_name_gender("Ivanka Trump", out) == "female"
    assert first_name_gender("Mary Smith", out) == "female"  # the Census, not the world
    assert not known_first_name("Sullivan", out)
    assert known_first_name("Tulsi", out) and first_name_gender("Tulsi Gabbard", out) is None
    # the Census names both sexes carry come in too, unless they are common surnames
    assert ["kelly", "either", "census"] in rows and ["jordan", "either", "census"] in rows
    (census / "dist.all.last").write_text(SURNAMES + "KELLY          0.100  1.206      3\n",
                                          encoding="latin-1")
    again = tmp_path / "again"  # the table is read once per folder
    again.mkdir()
    assert main(["first-names", str(census), "--world", str(world), "--out", str(again)]) == 0
    assert not known_first_name("Kelly", again) and known_first_name("Jordan", again)
    assert not known_first_name("Jordan", again, either=False)
    world.write_text("[1, 2]", encoding="utf-8")
    assert main(["first-names", str(census), "--world", str(world), "--out", str(out)]) == 2


def test_the_shipped_table_knows_names_the_census_lacks():
    assert first_name_gender("Ivanka Trump") == "female"
    assert first_name_gender("Sadiq Khan") == "male"
    assert first_name_gender("Volodymyr Zelensky") == "male"
    assert first_name_gender("Aparna Mathur") == "female"
    assert not known_first_name("Sullivan")  # a surname, not a first name
    assert not known_first_name("Said")  # a word before it is an Arabic name
    assert first_name_gender("Tulsi Gabbard") is None  # both sexes carry it
    assert known_first_name("Tulsi") and known_first_name("Bernie")  # of either sex
    assert not known_first_name("Kelly")  # also a common surname
    assert opens_with_first_name("Bernie Sanders") and not opens_with_first_name("Bernie")
    assert not opens_with_first_name("CHRIS Smith")  # capitals: an acronym
