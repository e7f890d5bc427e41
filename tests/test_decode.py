import pytest

from pipeline.decode import decode
from pipeline.errors import PageRejected

SIMPLIFIED = "英伟达的股价会不会继续上涨？我们认为需求仍然强劲，深度求索的模型也很便宜。"
TRADITIONAL = "輝達的股價會不會繼續上漲？我們認為需求仍然強勁，深度求索的模型也很便宜。"


def test_gbk_without_declaration_decodes():
    text, enc = decode(f"<html><body><p>{SIMPLIFIED}</p></body></html>".encode("gbk"), "x.html")
    assert SIMPLIFIED in text
    assert enc == "gb18030"


def test_big5_without_declaration_decodes():
    text, enc = decode(f"<p>{TRADITIONAL}</p>".encode("big5"), "x.html")
    assert TRADITIONAL in text
    assert enc.startswith("big5")


def test_declared_gb2312_read_as_gb18030():
    page = f'<meta charset="gb2312"><p>{SIMPLIFIED}</p>'.encode("gbk")
    text, enc = decode(page, "x.html")
    assert SIMPLIFIED in text and enc == "gb18030"


def test_stale_gbk_declaration_over_utf8_bytes():
    page = f'<meta http-equiv="Content-Type" content="text/html; charset=gbk"><p>{SIMPLIFIED}</p>'
    text, enc = decode(page.encode("utf-8"), "x.html")
    assert SIMPLIFIED in text and enc == "utf-8"


@pytest.mark.parametrize(
    "declared, text, codec, expected",
    [
        (
            "gb2312",
            TRADITIONAL,
            "big5",
            "big5hkscs",
        ),  # Big5 bytes decode as GBK, into rare characters
        ("big5", SIMPLIFIED, "gbk", "gb18030"),
    ],
)
def test_a_gbk_or_big5_declaration_over_the_other_codecs_bytes(declared, text, codec, expected):
    page = f'<meta charset="{declared}"><p>{text}</p>'.encode(codec)
    decoded, enc = decode(page, "x.html")
    assert text in decoded and enc == expected


def test_http_charset_wins_over_guessing():
    text, _ = decode(SIMPLIFIED.encode("gbk"), "u", http_charset="GBK")
    assert text == SIMPLIFIED


@pytest.mark.parametrize(
    "codec, http_charset, declared",
    [
        ("gbk", "ISO-8859-1", "gb2312"),  # a server's default header over the page's own meta
        ("gbk", None, "iso-8859-1"),  # a template's stale declaration over GBK bytes
        ("big5", "windows-1252", "big5"),
        ("utf-8", "ISO-8859-1", "utf-8"),
    ],
)
def test_a_single_byte_charset_does_not_turn_a_chinese_page_into_mojibake(
    codec, http_charset, declared
):
    text = TRADITIONAL if codec == "big5" else SIMPLIFIED
    page = f'<meta http-equiv="Content-Type" content="text/html; charset={declared}"><p>{text}</p>'
    decoded, _ = decode(page.encode(codec), "crawl.warc#1", http_charset=http_charset)
    assert text in decoded


@pytest.mark.parametrize(
    "text",
    [
        "Résumé of the café scene, a naïve façade.",
        "Markets rallied on Friday. ©Reuters 2024",  # ©R is 命 in Big5
        "Home·News·Markets",  # a middle dot between words reads as GBK
        "The an\xadnouncement came late.",  # a soft hyphen
    ],
)
def test_a_latin1_page_is_still_read_as_latin1(text):
    page = f"<meta charset=iso-8859-1><p>{text}</p>"
    decoded, enc = decode(page.encode("latin-1"), "x.html", http_charset="ISO-8859-1")
    assert text in decoded and enc == "cp1252"


def test_utf8_bom():
    text, enc = decode("\ufeff".encode() + SIMPLIFIED.encode(), "x.txt")
    assert text == SIMPLIFIED and enc == "utf-8"


def test_cleaneval_wrapper_encoding_is_honoured():
    page = f'<text id="http://a.example" title="t" encoding="gb2312"><p>{SIMPLIFIED}</p></text>'
    text, _ = decode(page.encode("gbk"), "x.html")
    assert SIMPLIFIED in text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty-file"),
        (b"   \n", "empty-file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary-file"),
        (b"%PDF-1.7\n%\xe2\xe3", "binary-file"),
        (b"\x00\x01\x02\x03binary", "binary-file"),
        (bytes(range(256)) * 8, "binary-file"),
    ],
)
def test_unusable_bytes_are_rejected_with_reason(data, reason):
    with pytest.raises(PageRejected) as err:
        decode(data, "bad.html")
    assert err.value.reason == reason
    assert "bad.html" in err.value.detail


def test_utf16_declaration_without_bom_is_not_believed():
    page = f'<meta charset="utf-16"><p>{SIMPLIFIED}</p>'.encode()
    text, enc = decode(page, "x.html")
    assert SIMPLIFIED in text and enc == "utf-8"


def test_utf8_file_with_a_pasted_gbk_paragraph_decodes_line_by_line():
    utf8 = "英伟达的财报又超预期了。\n数据中心收入创新高。\n".encode()
    gbk = "深度求索发布了新模型。\n".encode("gbk")
    text, enc = decode(utf8 + gbk + "我继续看好英伟达。".encode(), "mixed.txt")
    assert enc == "utf-8+gb18030"
    assert "深度求索发布了新模型" in text and "我继续看好英伟达" in text and "\ufffd" not in text


def test_a_utf8_template_around_a_longer_gbk_article_keeps_both_readable():
    """A CMS writing its template in UTF-8 and the article in GBK: read whole as GB18030 (most
    of the bytes are GBK), the title and byline turned to mojibake. A GBK page whose byte pairs
    happen to form UTF-8 (学校 as ѧУ) stays GB18030."""
    head = '<html><head><meta charset="utf-8"><title>英伟达财报点评</title></head><body>'
    byline = "<p>作者：张三 来源：科技频道</p>"
    article = "<p>" + "深度求索发布了新模型，我认为英伟达明年的数据中心收入还会增长。" * 6 + "</p>"
    page = head.encode() + byline.encode() + article.encode("gbk") + b"</body></html>"
    text, enc = decode(page, "template.html")
    assert enc == "utf-8+gb18030"
    assert "英伟达财报点评" in text and "作者：张三" in text and "深度求索发布了新模型" in text
    school = ("<p>" + "学校的校园里，溪水流过。" * 20 + "</p>").encode("gbk")
    text, enc = decode(school, "school.html")
    assert enc == "gb18030" and "学校的校园" in text


def test_a_stray_nul_costs_the_page_nothing_wherever_it_stands():
    """A NUL in the first 4 KB rejected a page as binary; further on it was kept."""
    page = f"<html><body><p>{SIMPLIFIED}</p></body></html>".encode()
    for at in (10, len(page) - 10):
        text, _ = decode(page[:at] + b"\x00" + page[at:], "x.html")
        assert SIMPLIFIED in text and "\x00" not in text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_not_called_binary(codec):
    page = f"<html><head><title>英伟达</title></head><body><p>{SIMPLIFIED}</p></body></html>"
    text, enc = decode(page.encode(codec), "x.html")
    assert SIMPLIFIED in text and enc == codec


@pytest.mark.parametrize(
    "data",
    ["\u3000\n".encode(), "\ufeff\u00a0\n\u3000 \n".encode(), "\u3000\u3000".encode("gb18030")],
    ids=["ideographic-space", "bom-and-no-break-space", "gb18030-spaces"],
)
def test_a_page_of_unicode_whitespace_only_is_an_empty_file(data):
    """Whitespace only once decoded (U+3000, NBSP) is as empty as 0 bytes: the text-dump
    extractor once failed on it with an IndexError and asked for the page to be reported."""
    with pytest.raises(PageRejected) as err:
        decode(data, "blank.txt")
    assert err.value.reason == "empty-file" and "blank.txt" in str(err.value)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_chinese_in_utf16_without_a_bom_is_read_not_refused_as_binary(encoding):
    """Ideographs hold no NUL byte, so only the line breaks' NULs showed: such a dump was
    refused as binary. Random bytes are not read as UTF-16 for that (tests below)."""
    text = "英伟达的护城河依然很深，DeepSeek的出现并不会削弱市场对GPU的需求。\n我认为明年还会涨。\n"
    assert decode(text.encode(encoding), "dump.txt") == (text, encoding)


def test_random_bytes_with_nuls_are_not_taken_for_chinese_utf16():
    import random

    rng = random.Random(7)
    for _ in range(200):
        data = bytes(rng.randrange(256) for _ in range(600)) + b"\x00\n\x00"
        with pytest.raises(PageRejected) as err:
            decode(data, "noise.bin")
        assert err.value.reason == "binary-file"


@pytest.mark.parametrize("codec", ["gbk", "big5", "utf-8"])
def test_chinese_saved_again_through_latin1_is_read_back(codec):
    """A page re-saved double-encoded (its GBK bytes read as Latin-1, written as UTF-8) read as
    »áÓÐ…: the analysis saw no Chinese, and the article was replaced by the garble."""
    page = (
        "<html><head><meta charset='utf-8'><title>英偉達還會漲嗎</title></head><body>"
        "<p>我認為英偉達的股價在半年內還會創新高，數據中心的需求遠沒有見頂。</p></body></html>"
    )
    garbled = page.encode(codec).decode("latin-1").encode("utf-8")
    text, encoding = decode(garbled, "p.html")
    assert "英偉達的股價在半年內還會創新高" in text and encoding.endswith("in utf-8")


def test_a_page_of_latin_letters_stays_as_it_is():
    page = (
        "<p>Café, crème brûlée, naïve façade, Zürich, São Paulo, Ærø, smørrebrød.</p>" * 3
    ).encode()
    text, encoding = decode(page, "fr.html")
    assert "crème brûlée" in text and encoding == "utf-8"


def test_a_few_stray_bytes_in_a_utf8_page_cost_only_themselves():
    """One corrupt byte in a UTF-8 page sent the whole page to GB18030: every character came out
    as mojibake (鍗曚釜…). A cut character and a Windows-1252 quote pasted in did the same to the
    rest of their paragraph (input-format probe). A pasted GBK phrase is still read as GBK."""
    head = '<html><head><meta charset="utf-8"><title>英伟达财报点评</title></head><body><p>'
    prose = "英伟达本周公布的财报再次超出市场预期，数据中心业务收入同比增长超过九成。"
    tail = "我认为市场担忧的核心并不是业绩本身。</p></body></html>"
    one_bad = head.encode() + prose.encode() + b"\x80" + tail.encode()
    text, enc = decode(one_bad, "bad-byte.html")
    assert enc == "utf-8" and prose + "我认为市场担忧" in text
    cut = head.encode() + prose.encode() + "英".encode()[:2] + tail.encode()
    text, enc = decode(cut, "cut.html")
    assert enc == "utf-8" and "英伟达财报点评" in text and "我认为市场担忧" in text
    quoted = head.encode() + b"\x93" + "英伟达".encode() + b"\x94" + prose.encode() + tail.encode()
    text, enc = decode(quoted, "quotes.html")
    assert enc == "utf-8" and "“英伟达”" + prose in text
    pasted = head.encode() + prose.encode() + "深度求索发布了新模型".encode("gbk") + tail.encode()
    text, enc = decode(pasted, "pasted.html")
    assert enc == "utf-8+gb18030" and "深度求索发布了新模型" in text


def test_a_short_gbk_phrase_whose_pairs_read_partly_as_utf8_is_read_as_gbk():
    """(input probe) 总的来说 in GBK inside a UTF-8 page: two of its byte pairs form UTF-8
    letters (Syriac U+0735, a modifier U+02F5), so it passed for a few stray bytes and came out
    as ܵ˵ with the rest dropped. Read as GBK, and the UTF-8 after it as UTF-8."""
    head = '<html><head><meta charset="utf-8"><title>英伟达还能涨吗</title></head><body><p>'
    prose = "我一直觉得英伟达的护城河比很多人想的要深，我预计明年英伟达的数据中心收入还会继续增长。"
    page = (
        head.encode()
        + prose.encode()
        + b"</p><p>"
        + "总的来说".encode("gbk")
        + "，我对英伟达偏乐观。</p></body></html>".encode()
    )
    text, enc = decode(page, "phrase.html")
    assert enc == "utf-8+gb18030" and "总的来说，我对英伟达偏乐观。" in text and prose in text
    # (review) a GBK pair and the next pair's lead can form one UTF-8 character (瀚的 as E5 AB
    # B5): the run goes on; and a pasted quote beside a no-break space or a middle dot stays a
    # quote, the stray reading's
    for pasted, shown in [
        ("浩瀚的宇宙中我们都是过客".encode("gbk"), "浩瀚的宇宙中我们都是过客"),
        (b"\xc2\xa0\x93" + "引用的话".encode() + b"\x94", "\xa0“引用的话”"),
        ("埃隆·".encode() + b"\x93" + "马斯克".encode() + b"\x94", "埃隆·“马斯克”"),
    ]:
        text, _ = decode(head.encode() + prose.encode() + pasted + prose.encode(), "p.html")
        assert prose + shown + prose in text


def test_stray_bytes_in_a_utf8_page_are_dropped_not_stored_as_replacement_characters():
    """README promises that such a page "loses only those bytes"; they were stored as U+FFFD
    instead, one inside a word (英伟\ufffd达) hiding the target's name (input-format probe).
    A corrupt byte, a run of them and a cut character go; pasted Windows-1252 quotes stay."""
    words = "英伟达本周公布的财报再次超出市场预期，数据中心业务收入同比增长超过九成，"
    page = (
        b'<html><head><meta charset="utf-8"></head><body><p>'
        + "英伟".encode()
        + b"\xff\xfe"
        + "达".encode()
        + words.encode()
        + b"\x93smart\x94"
        + "英".encode()[:2]
        + "我认为市场担忧的核心并不是业绩本身。</p></body></html>".encode()
    )
    text, enc = decode(page, "garbage.html")
    assert enc == "utf-8" and "\ufffd" not in text
    assert "英伟达" + words + "“smart”我认为市场担忧" in text


def test_mojibake_inside_a_good_chinese_template_is_read_back():
    """An article a tool read as Latin-1 (or Windows-1252) and saved again, inside a template
    in good Chinese: repaired only when the whole page was mojibake, the article stayed
    unreadable (input-format probe). European words with accents stay as they are."""
    prose = "英伟达本周公布的财报再次超出市场预期，数据中心业务收入同比增长超过九成。"
    template = "<html><head><meta charset='utf-8'><title>{t}_新浪科技</title></head><body>"
    template += (
        "<div>首页 | 科技 | 人工智能</div><h1>{t}</h1><p>作者：{a}</p><p>{p}</p></body></html>"
    )
    for codec, shown in (("gbk", "latin-1"), ("utf-8", "cp1252")):

        def moji(s: str, codec: str = codec, shown: str = shown) -> str:
            # as a browser shows them: the five bytes Windows-1252 leaves out as C1 controls
            return "".join(bytes([b]).decode(shown, "ignore") or chr(b) for b in s.encode(codec))

        page = template.format(t=moji("英伟达还会有新高吗"), a=moji("张伟"), p=moji(prose))
        text, _ = decode(page.encode(), f"{codec}.html")
        assert prose in text and "英伟达还会有新高吗" in text, codec
        if codec == "gbk":
            assert "作者：张伟" in text
    european = template.format(
        t="英伟达",
        a="张伟",
        p=prose + "Café Müller, résumé, naïve, Straße, Ångström, señor, Übergröße, déjà vu.",
    )
    assert decode(european.encode(), "eu.html")[0] == european


def _lossy(text: str) -> str:
    """text as a tool leaves it that reads UTF-8 as Windows-1252 with errors="replace": the
    five bytes Windows-1252 leaves out become U+FFFD, and it is saved again as UTF-8."""
    return text.encode().decode("cp1252", errors="replace")


def _lost_marked(text: str) -> str:
    """text with each character that held one of those bytes as U+FFFD."""
    lost = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
    return "".join("\ufffd" if lost & set(ch.encode()) else ch for ch in text)


def test_mojibake_that_lost_bytes_on_the_way_is_read_back_with_the_lost_characters_marked():
    """A UTF-8 page read as Windows-1252 with errors="replace" and saved again was stored as the
    mojibake it is, title è‹±ä¼Ÿè¾¾… and all, where its lossless twin was read back (input-format
    probe): the U+FFFD for the bytes lost kept it from being read back at all. The characters
    around each lost byte are whole; the one it was part of is U+FFFD (a guess at the byte gave
    下限 for 下降), in a whole page of mojibake and in an article inside a good template."""
    title, prose = (
        "英伟达还会有新高吗",
        "出口管制下，第105号样本的订单会回调至少百分之二十，需求下降。",
    )
    page = (
        "<html><head><meta charset='utf-8'><title>{t}</title></head><body><p>{p}</p></body></html>"
    )
    assert "\ufffd" in _lossy(prose)
    text, encoding = decode(page.format(t=_lossy(title), p=_lossy(prose)).encode(), "p.html")
    assert text == page.format(t=_lost_marked(title), p=_lost_marked(prose))
    assert encoding == "utf-8 in utf-8"
    template = (
        "<html><head><title>{t}_新浪科技</title></head><body><div>首页 | 科技</div><p>{p}</p>"
    )
    page = template.format(t=title, p=_lossy(prose * 2))
    text, _ = decode(page.encode(), "t.html")
    assert text == template.format(t=title, p=_lost_marked(prose * 2))


def test_mojibake_that_lost_bytes_and_cannot_be_read_back_is_refused():
    """Never stored as garbage: Chinese mojibake with bytes lost that reads back as no UTF-8
    (GBK, whose rare characters hold the bytes Windows-1252 leaves out) is a reject saying so."""
    prose = "英伟达本周公布的财报再次超出市场预期，数据中心业务收入同比增长超过九成。"
    page = f"<html><body><p>{prose}丂丄丅{prose}</p></body></html>"
    with pytest.raises(PageRejected) as err:
        decode(page.encode("gbk").decode("cp1252", errors="replace").encode(), "gbk.html")
    assert err.value.reason == "mojibake" and "cannot be read back" in err.value.detail
