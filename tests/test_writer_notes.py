"""The relaying writer's note (编者按, 译者按): kept out of a dump's body, as the extraction gold
drops it, and read by the stance stage as the writer's own view, which is whose the label is."""

from __future__ import annotations

import json

import duckdb
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.extract.notes import is_writer_note
from pipeline.reanalyze import reanalyze_warehouse
from pipeline.records import RawPage
from pipeline.settings import load_settings
from pipeline.warehouse import connect
from pipeline.warehouse.load import write_results

NOTE = (
    "译者按：英伟达的估值已经透支了未来几年的增长，我认为高效模型会让算力需求见顶，"
    "它的股价大概率要回调，今年很难再创新高。"
)
# A translated report that takes no side: without the note, nothing says what the writer thinks.
STORY = [
    "英伟达周二在加州圣何塞举行年度开发者大会，发布了新一代数据中心芯片和配套的网络设备。"
    "公司表示，新芯片将于今年下半年开始向云服务商供货。",
    "发布会上，公司高管介绍了新芯片的能效指标，并展示了与多家服务器厂商的合作方案。"
    "多家云服务商的代表出席了活动。",
    "据悉，公司将在下个月公布本财年第一季度的业绩。",
]
HEADLINE = "外媒：英伟达发布新一代数据中心芯片"


def _dump(note: str | None = NOTE) -> str:
    lines = ["译界科技", HEADLINE, "2025-03-06 10:20 来源：外刊", *([note] if note else []), *STORY]
    return "\n".join(lines) + "\n"


def _html(note: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in [note, *STORY])
    return (
        f"<html><head><title>{HEADLINE}_译界科技</title></head><body><article><h1>{HEADLINE}</h1>"
        f"<div class='info'>2025-03-06 10:20</div>{paragraphs}</article></body></html>"
    )


def _nvidia(result):
    return next(s for s in result.stances if s.target == "nvidia")


def test_a_dump_keeps_the_note_apart_from_its_body(lexicon_analyzer):
    article = lexicon_analyzer.process(RawPage("n.txt", _dump().encode(), "text")).article
    assert article.note == NOTE
    assert "译者按" not in article.body and article.body.startswith("英伟达周二")
    # the body, and so the article's id, are what they were before notes were kept
    plain = lexicon_analyzer.process(RawPage("p.txt", _dump(None).encode(), "text")).article
    assert (article.body, article.id) == (plain.body, plain.id)
    assert plain.note == ""


def test_the_note_carries_the_writers_view_into_the_stance(lexicon_analyzer):
    noted = lexicon_analyzer.process(RawPage("n.txt", _dump().encode(), "text"))
    plain = lexicon_analyzer.process(RawPage("p.txt", _dump(None).encode(), "text"))
    assert _nvidia(plain).label == "neutral"
    assert _nvidia(noted).label == "bearish"
    assert any(sentence in NOTE for sentence in _nvidia(noted).evidence)
    # the note's claim is the writer's own; every quote is of the note or of the stored body
    [claim] = [p for p in noted.predictions if p.quote in NOTE]
    assert (claim.target, claim.direction, claim.speaker) == ("nvidia", "down", "author")
    assert all(p.quote in noted.article.body for p in noted.predictions if p is not claim)
    assert not [p for p in plain.predictions if p.target == "nvidia" and p.direction == "down"]


def test_a_marked_up_pages_translators_note_is_read_too(lexicon_analyzer):
    # 【译者按】 paragraphs are dropped from a marked-up page's body as well
    note = "【译者按】" + NOTE.removeprefix("译者按：")
    result = lexicon_analyzer.process(RawPage("n.html", _html(note).encode(), "html"))
    assert result.article.note == note and note not in result.article.body
    assert _nvidia(result).label == "bearish"


def test_an_editors_note_written_as_a_paragraph_of_a_marked_up_story_stays_in_its_body(
    lexicon_analyzer,
):
    # as the HTML gold keeps it: read once, in the body, not again from the note
    note = "编者按：" + NOTE.removeprefix("译者按：")
    article = lexicon_analyzer.process(RawPage("e.html", _html(note).encode(), "html")).article
    assert article.body.startswith(note) and article.note == ""


@pytest.mark.parametrize(
    "line, note",
    [
        ("编者按：近期算力板块持续走强，本报约请业内人士撰文，观点仅代表作者。", True),
        ("【编者按】近期算力板块持续走强，本报约请业内人士撰文。", True),
        ("譯者按：原文作者對輝達十分樂觀，但譯者並不認同。", True),
        ("编者的话：这是本刊第三次讨论算力泡沫。", True),
        # a label alone: its text is the next line, which stays in the body
        ("编者按：", False),
        ("【译者按】", False),
        # 译者注 explains a word in passing; no view
        ("（译者注：PTX是英伟达GPU的中间指令集。）", False),
        ("我按照编者按的要求改了标题。", False),
    ],
)
def test_which_lines_are_a_writers_note(line, note):
    assert is_writer_note(line) is note


def test_analyze_json_prints_the_note(tmp_path, monkeypatch):
    page = tmp_path / "n.txt"
    page.write_text(_dump(), encoding="utf-8")
    monkeypatch.setenv("DUOKONG_MODEL", "lexicon.v1")
    out = CliRunner().invoke(main, ["extract", str(page), "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    obj = json.loads(out.output.splitlines()[0])
    assert obj["note"] == NOTE and NOTE not in obj["body"]
    # as text: the note marked as a quote between the headline and the body
    out = CliRunner().invoke(main, ["extract", str(page), "--format", "text"])
    assert out.output.splitlines()[:3] == [f"# {HEADLINE}", f"> {NOTE}", STORY[0]]


def test_the_warehouse_stores_the_note_and_a_reanalysis_reads_it(tmp_path, lexicon_analyzer):
    db = tmp_path / "n.duckdb"
    result = lexicon_analyzer.process(RawPage(str(tmp_path / "n.txt"), _dump().encode(), "text"))
    con = connect(db)
    write_results(con, [result], "r0", "lexicon.v1")
    assert con.execute("SELECT note FROM articles").fetchall() == [(NOTE,)]
    con.close()
    # read again from the stored text alone (its input is gone), by another model
    settings = load_settings().with_overrides(db=str(db), model="lexicon.v1", workers=1)
    con = connect(db)
    con.execute("DELETE FROM stances")
    con.close()
    reanalyze_warehouse(settings, missing=True, report=str(tmp_path / "r.html"))
    con = connect(db)
    try:
        row = con.execute(
            "SELECT label, evidence FROM stances WHERE target = 'nvidia' AND model = 'lexicon.v1'"
        ).fetchone()
    finally:
        con.close()
    assert row[0] == "bearish" and any(e in NOTE for e in row[1])


def test_a_database_from_before_notes_is_upgraded_in_place(tmp_path, lexicon_analyzer):
    # a warehouse whose articles table has no note column, as every one did before
    db = tmp_path / "old.duckdb"
    con = connect(db)
    con.execute("DELETE FROM schema_migrations WHERE name = 'article_notes'")
    con.execute("ALTER TABLE articles DROP COLUMN note")
    con.close()
    with duckdb.connect(str(db)) as raw:
        assert "note" not in [c[0] for c in raw.execute("DESCRIBE articles").fetchall()]
    result = lexicon_analyzer.process(RawPage(str(tmp_path / "n.txt"), _dump().encode(), "text"))
    con = connect(db)
    try:
        write_results(con, [result], "r1", "lexicon.v1")
        assert con.execute("SELECT note FROM articles").fetchall() == [(NOTE,)]
    finally:
        con.close()


def test_a_note_changed_on_a_page_read_again_counts_as_an_update(tmp_path, lexicon_analyzer):
    source = str(tmp_path / "n.txt")
    first = lexicon_analyzer.process(RawPage(source, _dump().encode(), "text"))
    other = NOTE.replace("大概率要回调", "可能要回调")
    again = lexicon_analyzer.process(RawPage(source, _dump(other).encode(), "text"))
    assert first.article.id == again.article.id  # the same body
    con = connect(tmp_path / "u.duckdb")
    try:
        write_results(con, [first], "r0", "lexicon.v1")
        counts = write_results(con, [again], "r1", "lexicon.v1")
        assert counts.updated == 1
        assert con.execute("SELECT note FROM articles").fetchall() == [(other,)]
    finally:
        con.close()
