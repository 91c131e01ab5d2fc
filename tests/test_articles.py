"""Article rows: columns, language warning, ids, error summaries and safe display (issue 6)."""
from __future__ import annotations

import warnings

import pandas as pd
import pytest

from analysis import load_articles
from analysis.articles import (
    ARTICLE_COLUMNS, MIN_ENGLISH_SHARE, ArticleWarning, english_share, language_warning,
    load_article, problem_summary,
)
from analysis.paths import RAW_DIR

GERMAN = ("Die Bundesregierung hat am Dienstag ein neues Gesetz zur Förderung erneuerbarer "
          "Energien beschlossen. „Wir sind sehr zufrieden mit dem Ergebnis“, sagte der Minister "
          "nach der Sitzung in Berlin. Kritiker bemängeln jedoch, dass die Maßnahmen nicht weit "
          "genug gehen und die Kosten vor allem von den Verbrauchern getragen werden müssen.")
SPANISH = ("El Gobierno aprobó el martes una nueva ley para fomentar las energías renovables. "
           "«Estamos muy satisfechos con el resultado», dijo el ministro tras la reunión en "
           "Madrid. Sin embargo, los críticos señalan que las medidas no van lo suficientemente "
           "lejos y que los costes recaerán sobre todo en los consumidores.")
ENGLISH = ("The government approved a new law on Tuesday to promote renewable energy. “We are "
           "very pleased with the result,” the minister said after the meeting in Berlin. "
           "Critics, however, say that the measures do not go far enough and that the costs "
           "will be borne mainly by consumers.")

OTHER_LANGUAGES = {  # news prose written for this check
    'fr': ('Le gouvernement a adopté mardi une nouvelle loi pour encourager les énergies '
          'renouvelables. « Nous sommes très satisfaits du résultat », a déclaré le ministre '
          'après la réunion à Paris. Les critiques estiment toutefois que les mesures ne vont '
          'pas assez loin et que les coûts seront supportés surtout par les consommateurs. '
          "Selon le ministère, en 2030 au moins quatre-vingts pour cent de l'électricité "
          'devront provenir de sources renouvelables.'),
    'it': ('Il governo ha approvato martedì una nuova legge per incentivare le energie '
          'rinnovabili. «Siamo molto soddisfatti del risultato», ha detto il ministro dopo la '
          'riunione a Roma. I critici sostengono però che le misure non vanno abbastanza '
          'lontano e che i costi ricadranno soprattutto sui consumatori. Secondo il ministero, '
          "nel 2030 almeno l'ottanta per cento dell'elettricità dovrà provenire da fonti "
          'rinnovabili.'),
    'nl': ('De regering heeft dinsdag een nieuwe wet aangenomen om hernieuwbare energie te '
          'bevorderen. "We zijn heel tevreden met het resultaat", zei de minister na de '
          'vergadering in Den Haag. Critici vinden echter dat de maatregelen niet ver genoeg '
          'gaan en dat de kosten vooral door de consumenten worden gedragen. Volgens het '
          'ministerie moet in 2030 ten minste tachtig procent van de stroom uit hernieuwbare '
          'bronnen komen.'),
    'pt': ('O governo aprovou na terça-feira uma nova lei para incentivar as energias '
          'renováveis. "Estamos muito satisfeitos com o resultado", disse o ministro após a '
          'reunião em Lisboa. Os críticos afirmam, no entanto, que as medidas não vão '
          'suficientemente longe e que os custos recairão sobretudo sobre os consumidores. '
          'Segundo o ministério, em 2030 pelo menos oitenta por cento da eletricidade deverá '
          'vir de fontes renováveis.'),
}


def test_new_columns_are_part_of_the_contract():
    for column in ("text_path", "author", "warning"):
        assert column in ARTICLE_COLUMNS
    assert ARTICLE_COLUMNS.index("warning") == ARTICLE_COLUMNS.index("error") + 1


@pytest.mark.parametrize("text", [GERMAN, SPANISH])
def test_non_english_text_is_scored_with_a_warning(tmp_path, text):
    (tmp_path / "foreign.txt").write_text(text, encoding="utf-8")
    with pytest.warns(ArticleWarning, match=r"1 of 1 files loaded with a warning: foreign.txt "
                                            r"\(text does not look English\)"):
        row = load_articles(tmp_path).iloc[0]
    assert row["status"] == "ok" and row["error"] == ""
    assert row["warning"].startswith("text does not look English (common English words are ")
    assert row["warning"].endswith("so its scores may be meaningless")
    assert row["words"] > 30  # still analysed


@pytest.mark.parametrize("lang", sorted(OTHER_LANGUAGES))
def test_other_european_languages_are_flagged(lang):
    share, words = english_share(OTHER_LANGUAGES[lang])
    assert words >= 30 and share < MIN_ENGLISH_SHARE / 2
    assert language_warning(OTHER_LANGUAGES[lang]).startswith("text does not look English")


def test_english_text_and_the_seeds_get_no_language_warning():
    assert language_warning(ENGLISH) == ""
    seeds = load_articles(RAW_DIR)
    assert (seeds["warning"] == "").all()
    for body in seeds["body"]:
        assert english_share(body)[0] > 2 * MIN_ENGLISH_SHARE


def test_short_texts_are_not_judged():
    assert language_warning("Der Minister sagte nein.") == ""
    share, words = english_share("Der Minister sagte nein.")
    assert words == 4 and share == 0.0


def test_error_rows_keep_their_manifest_metadata(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    row = load_article(tmp_path / "empty.txt", {"genre": "news", "outlet": "Daily"})
    assert (row["status"], row["genre"], row["outlet"], row["text"]) == (
        "error", "news", "Daily", "")
    assert row["error"] == (f"{tmp_path / 'empty.txt'}: empty file; save the article text into "
                            "it or remove it")
    assert set(row) == set(ARTICLE_COLUMNS)


def test_text_path_of_a_text_file_is_the_file_itself(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH)
    row = load_article(tmp_path / "a.txt")
    assert row["text_path"] == str(tmp_path / "a.txt") and row["text"] == ENGLISH


def test_a_link_out_of_the_data_folder_is_not_followed(tmp_path):
    outside = tmp_path / "private.txt"
    outside.write_text("The private note said so, officials said.")
    data = tmp_path / "data"
    data.mkdir()
    (data / "link.txt").symlink_to(outside)
    row = load_articles(data).iloc[0]
    assert row["status"] == "error" and row["text"] == ""
    assert "outside the data folder, is not read; copy the article into the folder" in row["error"]
    # named on the command line, the same link is read: the user asked for it
    assert load_articles(data / "link.txt").iloc[0]["status"] == "ok"


def test_problem_summary_is_one_line_naming_files_and_gists():
    from analysis.problems import error

    reasons = ["empty file", "", "binary data (a PNG image, not text)",
               "too large (30.0 MB, over the 20.0 MB limit)", "x", "y", "z"]
    frame = pd.DataFrame({
        "article_id": list("abcdefg"),
        "path": [f"/data/{x}.txt" for x in "abcdefg"],
        "status": ["error", "ok", "error", "error", "error", "error", "error"],
        "problems": [[error(f"/data/{x}.txt: {r}; do something", r)] if r else []
                     for x, r in zip("abcdefg", reasons)],
    })
    line = problem_summary(frame)
    assert "\n" not in line
    assert line.startswith("6 of 7 files could not be analysed: a.txt (empty file), c.txt "
                           "(binary data), d.txt (too large), e.txt (x), f.txt (y) and 1 more")
    assert line.endswith(" — see the error column")
    assert problem_summary(frame.assign(status="ok")) == ""


def test_problem_summary_without_paths_uses_ids():
    from analysis.problems import error

    frame = pd.DataFrame({"article_id": ["a"], "status": ["error"], "problems": [[error(
        "data/raw/a b.txt: undecodable bytes (byte 3); re-save", "undecodable bytes (byte 3)")]]})
    assert problem_summary(frame) == ("1 of 1 files could not be analysed: a (undecodable "
                                      "bytes) — see the error column")


def test_each_problem_is_kept_with_its_reason(tmp_path):
    # the summary's gists come from the problems found, never from parsing the messages
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "manifest.csv").write_text(
        "file,outlet,title,published,url,genre,reposted_from,notes\n"
        "empty.txt,,,31/05/2024,,news,,\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        row = load_articles(tmp_path).iloc[0]
    kinds = [(p.kind, p.gist) for p in row["problems"]]
    assert kinds == [("warning", "published '31/05/2024' is not a date"),
                     ("error", "empty file")]
    assert row["error"] == row["problems"][1].message and row["status"] == "error"
    assert row["warning"].startswith(f"{tmp_path / 'manifest.csv'} line 2: published")


def test_a_long_reason_is_cut_in_the_summary():
    from analysis.problems import warning

    assert len(warning("m", "word " * 40).gist) == 60


def test_article_text_shown_as_a_dataframe_in_a_notebook_is_escaped(tmp_path):
    (tmp_path / "xss.txt").write_text(
        'Officials said <script>alert(1)</script> and <img src=x onerror=alert(1)> were found.')
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArticleWarning)
        frame = load_articles(tmp_path)
    assert "<script>alert(1)</script>" in frame.loc[0, "text"]  # kept as the file's text
    for shown in (frame._repr_html_(), frame[["title", "text", "body"]].to_html()):
        assert "<script>" not in shown and "<img" not in shown
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
