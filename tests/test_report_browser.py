"""The HTML report as a person sees it: rendered by headless Chromium, offline.

Needs Chromium (`make test` installs Debian's package where it can, as CI does); elsewhere the
test skips and says so.
"""

import pytest

from pipeline.batch import process_pages, read_inputs
from pipeline.browser import browser_page, chromium_path
from pipeline.report import write_report
from pipeline.sources import discover
from pipeline.warehouse import connect
from pipeline.warehouse.load import write_results
from tests.conftest import SAMPLES

pytestmark = pytest.mark.skipif(
    chromium_path() is None,
    reason="Chromium is not installed (apt-get install chromium); `make test` installs it",
)


def _samples_warehouse(folder, settings):
    con = connect(folder / "w.duckdb")
    write_results(
        con,
        process_pages(read_inputs(discover([SAMPLES]), settings), settings),
        "t",
        settings.model,
    )
    return con


@pytest.fixture(scope="module")
def report_html(tmp_path_factory, settings):
    tmp = tmp_path_factory.mktemp("report")
    con = _samples_warehouse(tmp, settings)
    pid = con.execute("SELECT id FROM predictions ORDER BY due NULLS LAST LIMIT 1").fetchone()[0]
    con.execute(
        "INSERT INTO prediction_outcomes VALUES (?, 'correct', current_date, 'test', NULL, now())",
        [pid],
    )
    return write_report(con, tmp / "report.html")


def test_report_renders_offline_with_charts_and_chinese(report_html):
    with browser_page() as page:
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(report_html.as_uri())
        assert page.locator("h1").inner_text() == "多空 duokong: stance report"
        for target in ("nvidia", "deepseek"):
            section = page.locator(f"#target-{target}")
            assert section.is_visible()
            chart = section.locator("svg")
            assert chart.is_visible() and chart.bounding_box()["height"] > 100
            assert section.locator("svg rect").count() > 5
            assert "articles mention" in section.inner_text()
        text = page.locator("body").inner_text()
        assert "Where stance moved most" in text and "Latest evidence" in text
        assert "英伟达" in text or "DeepSeek" in text
        assert "Resolved predictions" in text and "100%" in text
        assert "Stance model linear.v2" in text  # the default model
        assert [u for u in requests if not u.startswith("file://")] == []


def test_a_long_source_name_leaves_the_quote_its_room(tmp_path, settings):
    """A long site or author name took the width and squeezed each due quote to a few
    characters a line."""
    con = _samples_warehouse(tmp_path, settings)
    con.execute(
        "UPDATE articles SET author = 'TheVeryLongHandleOfAnInvestorWhoWritesEverywhere_2026', "
        "site = 'Long Tail Finance And Technology Commentary Aggregator Network Online'"
    )
    html = write_report(con, tmp_path / "report.html")
    with browser_page() as page:
        page.set_viewport_size({"width": 1000, "height": 800})
        page.goto(html.as_uri())
        row = page.locator("table:has(th:text-is('quote')) tr:has(td)").first
        quote = row.locator("td").nth(4).bounding_box()["width"]
        table = page.locator("table:has(th:text-is('quote'))").first.bounding_box()["width"]
        assert quote > 0.35 * table, (quote, table)
