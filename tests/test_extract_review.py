"""Pages written by a reviewer of the twenty-fourth session's extraction rules, each read wrong by
a rule as first written (a quote label ending a post, a copyright note in a caption ending a
story, a menu of <br> lines taken for verse, sibling teasers and replies pulled into a body, a
code block's comments scored as prose, a <noframes> notice taken for a story, a header cell or a
photographer taken for the author...). Each pins what a reader sees on that page."""

import json
from pathlib import Path

import pytest

from pipeline.records import RawPage

PAGES = Path(__file__).parent / "pages" / "review"
EXPECTED = json.loads((PAGES / "expected.json").read_text("utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_reviewed_page_reads_as_a_reader_sees_it(analyzer, name):
    kind, value = EXPECTED[name]
    result = analyzer.process(RawPage(name, (PAGES / name).read_bytes(), "html"), analyse=False)
    art = result.article
    if kind == "rejected":
        assert art is None, f"{name}: a notice and keywords are no story"
        return
    assert art is not None, f"{name}: {result.reject}"
    checks = {
        "body_has": lambda: value in art.body,
        "body_lacks": lambda: value not in art.body,
        "body_ends": lambda: art.body.strip().endswith(value),
        "site_not": lambda: art.site != value,
        "title": lambda: art.title == value,
        "author": lambda: art.author == value,
    }
    assert checks[kind](), (
        f"{name}: {kind} {value!r}; got title={art.title!r} author={art.author!r} site={art.site!r} body end={art.body[-60:]!r}"
    )
