"""Who wrote a story, read from the credits in its text: a byline in the header, a reporter's
credit in the first or last lines, a signature under the story, an editor where no writer is
named. Shared by the HTML and the text-dump extractors, which differ only in where they find
the header, the body and the text after it."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.extract import authors as A
from pipeline.extract import patterns as P


def first_plausible(site: str | None, *rules: Callable[[], str | None]) -> str | None:
    """The first author a rule finds that can name a person: a rule that picks up a label word
    or the site's name gives way to the next rule instead of ending the search."""
    for rule in rules:
        if (value := A.tidy_author(rule())) and A.plausible_author(value, site):
            return value
    return None


def before_comments(footer: str) -> str:
    """The text after the story up to the line that opens its comments (网友评论, 评论(5)…)."""
    lines = footer.split("\n")
    for i, line in enumerate(lines):
        if P.COMMENTS_OPEN.match(line.strip()):
            return "\n".join(lines[:i])
    return footer


def text_author(
    header: str, byline: str, paragraphs: list[str], footer: str, early: str = "", late: str = ""
) -> str | None:
    """A writer's byline in the text (credit_texts), reporters' credit lines that cleaning took
    out, then a bracketed signature; an editor is not taken here (editor_author)."""
    header, byline, head, tail, footer = credit_texts(header, byline, paragraphs, footer)
    for text in (header, byline, head):
        if text and (name := A.label_author(text, editors=False)):
            return name
    if m := P.RANKED_POSTER.search(header) or P.MAIL_FROM.search(header):
        return m.group(1)
    # Reporters' credit lines that cleaning took out of the first or the last lines (本报记者
    # 王燕平, a report's 执笔人：…); only reporters: an editor's credit there must not outrank a
    # signature at the end, and an editor below the story must not outrank its drafters.
    for text in (early, late):
        if text and (name := A.reporter_author(text)):
            return name
    # a writer's labelled credit that cleaning took out of the first lines (解答专家：刘长林 over
    # a Q&A page's answer); an editor's is not taken here
    if early and (name := A.label_author(early, editors=False)):
        return name
    # below the story only up to its comments: a commenter's 阿桂 发表于 … is not the writer
    below = before_comments(footer)
    for text in (tail, below):
        if text and (name := A.label_author(text, editors=False)):
            return name
    if m := P.FOOTER_POSTER.search(below):
        return m.group(1)
    if paragraphs and (name := A.signature_author(paragraphs[-1])):
        return name
    return None


def credit_texts(
    header: str, byline: str, paragraphs: list[str], footer: str
) -> tuple[str, str, str, str, str]:
    """Where a story's credits stand, nearest it first: the header, the byline line, the body's
    first five lines (a headline, a subtitle and a repeated headline can come before the byline
    line: 本报实习生 刘国栋 周炜本报记者 …), its last two lines, the text after it."""
    return header, byline, "\n".join(paragraphs[:5]), "\n".join(paragraphs[-2:]), footer


def editor_author(header: str, byline: str, paragraphs: list[str], footer: str) -> str | None:
    """The editor, credited as the author only where no writer is (来源：新闻晨报 编辑：山石),
    as immortal-autumn's gold does."""
    texts = credit_texts(header, byline, paragraphs, before_comments(footer))
    return next((name for text in texts if text and (name := A.label_author(text))), None)
