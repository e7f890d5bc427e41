"""HTML extraction on page shapes we met in the development data, written small here."""

from pipeline.records import RawPage

BODY = "".join(
    f"<p>第{i}段：英伟达的数据中心业务继续增长，客户的订单排到了明年，毛利率维持在高位。</p>"
    for i in range(4)
)


def _extract(analyzer, html: str):
    return analyzer.process(RawPage("t.html", html.encode("utf-8"), "html"), analyse=False).article


def test_page_wrapped_in_one_form_keeps_its_article(analyzer):
    page = f"<html><body><form id='form1'><div class='nav'><a>首页</a><a>新闻</a></div><div>{BODY}</div></form></body></html>"
    art = _extract(analyzer, page)
    assert art is not None and art.body.startswith("第0段") and "首页" not in art.body


def test_self_closed_style_does_not_leak_css(analyzer):
    page = f"<html><body><div><style type='text/css' />body {{\nMARGIN: 0 0 0 0;\n}}\n{BODY}</div></body></html>"
    art = _extract(analyzer, page)
    assert "MARGIN" not in art.body and "{" not in art.body


def test_navigation_above_the_headline_is_cut(analyzer):
    title = "英伟达财报再超预期 数据中心收入创新高"
    page = (
        f"<html><head><title>{title}_某某网</title></head><body><div>"
        f"<p>登录/注册</p><p>无障碍浏览</p><p>当前位置：首页/要闻</p><p>{title}</p>{BODY}</div></body></html>"
    )
    art = _extract(analyzer, page)
    assert art.title == title and art.body.startswith("第0段")


def test_link_lines_and_misnamed_wrapper(analyzer):
    """A story inside <div class="nav"> stays; a related list made of links goes."""
    links = "".join(f"<p><a href='/{i}'>英伟达相关新闻标题第{i}条</a></p>" for i in range(6))
    page = f"<html><body><div class='nav'>{BODY}{links}</div></body></html>"
    art = _extract(analyzer, page)
    assert art.body.startswith("第0段") and "相关新闻标题" not in art.body


def test_headline_as_shown_and_dates_and_bylines(analyzer):
    """<title> carries the site; the page shows the headline with its own marks; an ASP date
    (month first, with AM/PM) after a publish label; reporters signing at the end."""
    page = (
        "<html><head><title>英伟达财报再超预期 - 某某网</title></head><body>"
        "<div class='till'>》英伟达财报再超预期</div><div>发布日期： 9/17/2025 5:54:13 AM</div>"
        f"<div>{BODY}<p>数据中心收入创新高。（张三 李四）</p></div></body></html>"
    )
    art = _extract(analyzer, page)
    assert art.title == "》英伟达财报再超预期"
    assert art.published.isoformat() == "2025-09-17"
    assert art.author == "张三 李四"
