"""An element's text laid out in lines, as a reader sees the page."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from pipeline.extract import patterns as P


def block_text(el: lxml_html.HtmlElement) -> str:
    """The element's text with a line break where a block or a <br> starts and ends. Minified
    pages put no whitespace between tags, and text_content() would glue the headline to the
    byline under it (标题张三/文)."""
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end", "comment", "pi")):
        if event in ("comment", "pi"):  # no text of their own, but the text after them counts
            if node.tail:
                parts.append(node.tail)
            continue
        breaks = node.tag in P.BLOCK_TAGS or node.tag == "br"
        if event == "start":
            if breaks:
                parts.append("\n")
            if node.text:
                parts.append(node.text)
        else:
            if breaks:
                parts.append("\n")
            if node is not el and node.tail:
                parts.append(node.tail)
    return "".join(parts)
