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
