"""The first-name gender table (1990 US Census) that helps resolve "he" and "she"; how
the article's titles and pronouns weigh in is pinned in test_speakers.py and test_sources.py."""
from __future__ import annotations

import pytest

from analysis.cli import main
from analysis.names import NamesError, first_name_gender, genders, write_table

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
    assert write_table(census, out) == {"female": 1, "male": 1}
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
