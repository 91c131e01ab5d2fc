"""PolNeAR metrics on tiny hand-made brat files (never the real data)."""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis.evaluate import polnear
from analysis.evaluate.polnear import (Attribution, gold_quotes, load_gold, match, mutual_half,
                                       open_mark_before, quote_segments, read_ann, score)

TEXT = ("“We will win this race easily,” Smith said. Officials said the vote was close.\n"
        "“Short one,” Jones said.\n")


def ann_lines(text: str) -> str:
    def t(tid: str, kind: str, s: int, e: int) -> str:
        return f"{tid}\t{kind} {s} {e}\t{text[s:e]}"
    q = text.index("“We"), text.index("Smith") - 1
    smith = text.index("Smith"), text.index("Smith") + 5
    said = smith[1] + 1, smith[1] + 5
    off = text.index("Officials"), text.index("Officials") + 9
    content = text.index("the vote"), text.index("close") + 5
    return "\n".join([
        t("T1", "Content", *q), t("T2", "Source", *smith), t("T3", "Cue", *said),
        t("T4", "Source", *off), t("T5", "Content", *content),
        "E1\tAttribution:T3 Cue:T3 Source:T2 Content:T1",
        "E2\tAttribution-no-source:T5 Content:T5",
        "E3\tAttribution:T3 Source:T4 Content:T5",
    ]) + "\n"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    for sub in ("text", "attributions"):
        (tmp_path / "dev" / sub).mkdir(parents=True)
    (tmp_path / "dev" / "text" / "a1.txt").write_text(TEXT, encoding="utf-8")
    ann = tmp_path / "dev" / "attributions"
    (ann / "a1_ann1.ann").write_text(ann_lines(TEXT), encoding="utf-8")
    # a second annotator's file is ignored: the first one (sorted) is used
    (tmp_path / "dev" / "attributions" / "a1_ann2.ann").write_text("", encoding="utf-8")
    return tmp_path


def test_read_ann_links_roles(data_dir):
    attrs = read_ann(data_dir / "dev" / "attributions" / "a1_ann1.ann")
    assert len(attrs) == 3
    assert TEXT[slice(*attrs[0].source[0])] == "Smith"
    assert attrs[1].source == [] and attrs[1].content


def test_load_gold_uses_the_first_annotator(data_dir):
    gold = load_gold(data_dir, "dev")
    assert list(gold) == ["a1"] and len(gold["a1"][1]) == 3


def test_quote_segments_follow_the_definition():
    text = "x “a b c d” y “e f"
    assert quote_segments(text, 0, len(text)) == [(2, 11), (14, len(text))]
    closing_first = "a b c d” e"
    assert quote_segments(closing_first, 0, len(closing_first)) == [(0, 8)]
    # an opening mark inside an open quotation neither closes nor reopens it
    nested = "“a b “c d” e"
    assert quote_segments(nested, 0, len(nested)) == [(0, 10)]


def test_a_quotation_open_where_the_content_starts_starts_at_its_mark():
    curly = "He said: “We will build the wall,” he added."
    start = curly.index("We")  # content annotated from after the mark
    assert quote_segments(curly, start, curly.index(",”") + 2) == [(curly.index("“"),
                                                                   curly.index(",”") + 2)]
    transcript = 'Intro line.\n"PENCE: Well, we will see about that soon" said Pence.'
    start = transcript.index("Well")
    end = transcript.index("soon") + 5
    assert quote_segments(transcript, start, end) == [(transcript.index('"'), end)]
    # a quotation closed before the piece, or open only in an earlier paragraph, is not open
    closed = "“Done deal,” he said, and we will see about it."
    assert quote_segments(closed, closed.index("we"), len(closed)) == []
    earlier = "“An open quote\nNext paragraph says we will see about it."
    assert quote_segments(earlier, earlier.index("we"), len(earlier)) == []
    assert open_mark_before(curly, curly.index("We")) == curly.index("“")


def test_gold_quotes_need_four_words():
    text = "“one two three” and “one two three four”"
    attr = Attribution(source=[(0, 1)], content=[(0, len(text))])
    assert [text[s:e] for (s, e), _ in gold_quotes(text, [attr])] == ["“one two three four”"]


def test_matching_is_one_to_one_and_mutual():
    assert mutual_half((0, 10), (0, 6)) and not mutual_half((0, 10), (0, 4))
    assert match([(0, 10), (0, 10)], [(0, 10)], mutual_half) == [(0, 0)]


def test_score_of_perfect_and_of_wrong_predictions(data_dir):
    gold = load_gold(data_dir, "dev")
    q = TEXT.index("“We"), TEXT.index("Smith") - 1
    smith = TEXT.index("Smith"), TEXT.index("Smith") + 5
    off = TEXT.index("Officials"), TEXT.index("Officials") + 9
    perfect = [{"kind": "quote", "start": q[0], "end": q[1], "speaker_start": smith[0],
                "speaker_end": smith[1], "text": TEXT[q[0]:q[1]]},
               {"kind": "source", "start": smith[0], "end": smith[1]},
               {"kind": "source", "start": off[0], "end": off[1]}]
    got = score(gold, {"a1": perfect})
    assert got["quote_F1"] == 1.0 and got["quote_speaker_e2e"] == 1.0
    assert got["source_F1"] == 1.0 and got["gold_sources"] == 2 and got["gold_quotes"] == 1
    wrong = [dict(perfect[0], speaker_start=off[0], speaker_end=off[1], text="tampered"),
             {"kind": "source", "start": 0, "end": 3}]
    got = score(gold, {"a1": wrong})
    assert got["speaker_acc"] == 0.0 and got["offset_text_mismatches"] == 1
    assert (got["source_P"], got["source_R"]) == (0.0, 0.0)


def test_evaluate_runs_the_pipeline_in_process(data_dir, monkeypatch):
    seen = {}

    def fake_predict(texts, **kwargs):
        seen.update(texts)
        return {"a1": []}

    monkeypatch.setattr(polnear, "predict", fake_predict)
    got = polnear.evaluate_polnear(data_dir, "dev", progress=False)
    assert seen == {"a1": TEXT}
    assert got["articles"] == 1 and got["source_R"] == 0.0


def test_evaluate_end_to_end_on_a_tiny_split(data_dir):
    got = polnear.evaluate_polnear(data_dir, "dev", cache=False, progress=False)
    assert got["quote_F1"] == 1.0
    assert got["quote_speaker_e2e"] == 1.0
    assert got["source_R"] == 1.0
