"""Bytes → text, for pages in any encoding Chinese sites have used.

Order of evidence: a byte-order mark, the HTTP charset, a declaration in the page (<meta>, the
XML prolog, or the CleanEval <text encoding=…> wrapper), then charset-normalizer. A declaration
is only believed when the bytes decode under it: pages that declare gb2312 but are UTF-8 are
common. gb2312 and gbk are read as GB18030, their superset, so rare characters survive. A
single-byte charset (a server's default ISO-8859-1) is believed last, when no Chinese reading
of the bytes holds: under it a Chinese page keeps no Chinese to analyse.
"""

from __future__ import annotations

import codecs
import logging
import re

from charset_normalizer import from_bytes

from pipeline.errors import PageRejected
from pipeline.lostbytes import PLACEHOLDER, mark_lost

log = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["']|<text[^>]+encoding\s*=\s*["'])"""
    rb"""([A-Za-z0-9_\-]+)""",
    re.IGNORECASE,
)
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
    "ascii": "utf-8",
    "us-ascii": "utf-8",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
}
# Codec names (as codecs.lookup gives them) of charsets with one byte a character.
_SINGLE_BYTE = ("cp125", "iso8859", "koi8", "mac-", "cp437", "cp850", "cp874", "tis-620")
_MAGIC = {
    b"\x89PNG": "PNG image",
    b"%PDF": "PDF document",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"PK\x03\x04": "ZIP archive",
    b"\x1f\x8b": "gzip data",
    b"\x7fELF": "ELF executable",
    b"RIFF": "RIFF media",
}


def normalise_charset(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().lower().strip("\"'")
    name = _SUPERSETS.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    m = _DECLARED.search(data[:4096])
    return normalise_charset(m.group(1).decode("ascii", "ignore")) if m else None


# Bytes that no text holds (C0 controls other than tab, newlines, form feed and ESC, which
# ISO-2022 uses): in a binary file about one byte in ten, in a page none but a stray NUL or two.
_CONTROL_BYTES = frozenset(range(0, 9)) | frozenset(range(14, 27)) | frozenset(range(28, 32))
BINARY_SHARE = 0.05
# UTF-16 saved without a byte-order mark: markup and digits are ASCII, so every other byte is
# NUL, on one side of each pair.
UTF16_NUL_SHARE = 0.3


def sniff_binary(data: bytes) -> str | None:
    """The kind of binary file data is, or None when it may be text: a known file signature,
    or a head with more control bytes than text has."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    head = data[:4096]
    if sum(b in _CONTROL_BYTES for b in head) > BINARY_SHARE * len(head):
        return "binary data (NUL and other control bytes)"
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """utf-16-le or utf-16-be when data is UTF-16 with no byte-order mark, else None."""
    head = data[:4096]
    half = len(head) // 2
    if half < 8:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > UTF16_NUL_SHARE * half and even < BINARY_SHARE * half:
        return "utf-16-le"
    if even > UTF16_NUL_SHARE * half and odd < BINARY_SHARE * half:
        return "utf-16-be"
    return _chinese_utf16(head)


# Chinese saved as UTF-16 without a byte-order mark: read in the right byte order, nearly every
# character is an ideograph, CJK or general punctuation, or ASCII; bytes of any other kind read
# as UTF-16 spread over the whole plane (about 40 % of random pairs fall among ideographs).
CHINESE_UTF16_SHARE = 0.95


def _chinese_utf16(head: bytes) -> str | None:
    """utf-16-le or utf-16-be for Chinese text in UTF-16 with no BOM. Its ideographs hold no
    NUL byte, so the NUL count that finds ASCII-heavy UTF-16 misses it, and its line breaks'
    NULs had it refused as binary."""
    if b"\x00" not in head:
        return None
    pairs = head[: len(head) // 2 * 2]
    for encoding in ("utf-16-le", "utf-16-be"):
        text = pairs.decode(encoding, errors="replace")
        if len(text) >= 8 and sum(map(_chinese_text, text)) >= CHINESE_UTF16_SHARE * len(text):
            return encoding
    return None


def _chinese_text(ch: str) -> bool:
    return (
        "\u4e00" <= ch <= "\u9fff"  # CJK unified ideographs
        or "\u3400" <= ch <= "\u4dbf"  # extension A
        or "\u3000" <= ch <= "\u303f"  # CJK punctuation
        or "\uff00" <= ch <= "\uffef"  # full-width forms
        or "\u2000" <= ch <= "\u206f"  # general punctuation (“ ” …)
        or (ch.isascii() and (ch.isprintable() or ch in "\r\n\t"))
    )


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


# A few bytes UTF-8 refuses in a page that is otherwise UTF-8 (a cut character, a Windows-1252
# quote pasted in, one corrupt byte) are dropped, not read as another charset: read as GB18030
# as a whole, one 0x80 byte turned the whole page to mojibake, and read as GBK runs, a “ before
# a Chinese character took that character's bytes with it. At most this many such places, or
# one per STRAY_PER_CHARS characters read as UTF-8, each at most STRAY_RUN bytes long (a pasted
# GBK phrase is a longer run, which _mixed_runs reads).
STRAY_PLACES = 3
STRAY_PER_CHARS = 200
STRAY_RUN = 3
MIN_UTF8_CHARS = 20


def utf8_with_strays(data: bytes) -> str | None:
    """The bytes as UTF-8 with a few stray bytes dropped (_stray_char), or None where they are
    no UTF-8 page with strays (too few UTF-8 characters, too many or too long bad runs)."""
    runs: list[list[int]] = []

    def note(exc: UnicodeDecodeError) -> tuple[str, int]:
        if runs and runs[-1][1] == exc.start:
            runs[-1][1] = exc.end
        else:
            runs.append([exc.start, exc.end])
        return _stray_char(data[exc.start : exc.end]), exc.end

    codecs.register_error("duokong-strays", note)
    text = data.decode("utf-8", errors="duokong-strays")
    read = sum(1 for ch in text if ord(ch) > 127) - sum(end - start for start, end in runs)
    if read < MIN_UTF8_CHARS or any(end - start > STRAY_RUN for start, end in runs):
        return None
    if len(runs) > max(STRAY_PLACES, read // STRAY_PER_CHARS):
        return None
    if any(_two_byte_char_beside(data, start, end) for start, end in runs):
        return None  # GBK pairs, read in part as UTF-8: _mixed_runs reads them
    return text


def _two_byte_char_beside(data: bytes, start: int, end: int) -> bool:
    """Whether a two-byte UTF-8 character past Latin-1 (U+0100 to U+07FF: Greek, Cyrillic,
    Syriac, modifier letters…) stands right before or after a run of bytes UTF-8 refuses: GBK
    pairs pasted into a UTF-8 page read so in part (总的来说 as \u0735 and \u02f5 between the
    dropped bytes), where a stray byte stands among Chinese characters or ASCII. Not Latin-1's
    (a no-break space, ·, ©, °, ×, é), which Chinese pages hold beside a pasted quote."""

    def two_byte(at: int) -> bool:
        return (
            at >= 0
            and at + 1 < len(data)
            and 0xC4 <= data[at] <= 0xDF
            and 0x80 <= data[at + 1] <= 0xBF
        )

    return two_byte(end) or two_byte(start - 2)


def _stray_char(bad: bytes) -> str:
    """A Windows-1252 quote, dash or ellipsis (“, ”, —: a word processor's, pasted in) as
    itself; any other bad bytes are dropped (a lone 0x80 is a corrupt byte more often than €).
    Kept as U+FFFD, they stood in the stored text inside a word (英伟\ufffd达), where the
    target's name and the tokenizer's words no longer matched."""
    if len(bad) == 1 and (bad[0] == 0x85 or 0x91 <= bad[0] <= 0x97):
        return bad.decode("cp1252")  # … ‘ ’ “ ” • – —
    return ""


def _utf8_three_bytes(data: bytes, at: int) -> bool:
    """Whether a three-byte UTF-8 character (Chinese, its punctuation) starts at. Two in a row
    end a GBK run pasted into UTF-8 text (总的来说，我… read on as GBK turned ，我… to
    mojibake); one alone may be two GBK pairs (瀚的 as E5 AB B5 C4)."""
    return (
        at + 2 < len(data)
        and 0xE0 <= data[at] <= 0xEF
        and 0x80 <= data[at + 1] <= 0xBF
        and 0x80 <= data[at + 2] <= 0xBF
    )


def _mixed_runs(data: bytes) -> str | None:
    """UTF-8 with pasted GBK runs (a scraper concatenating sources), decoded run by run: read as
    GB18030 as a whole, every UTF-8 character would turn to mojibake. Each byte UTF-8 refuses
    starts a GB18030 run that lasts while the bytes form GB18030 pairs. Mixed only when most
    non-ASCII characters came out as UTF-8: GBK text rarely forms valid UTF-8 by chance."""
    from_gb = 0

    def gb_run(exc: UnicodeDecodeError) -> tuple[str, int]:
        nonlocal from_gb
        i = exc.start
        while (
            i + 1 < len(data)
            and 0x81 <= data[i] <= 0xFE
            and 0x40 <= data[i + 1] <= 0xFE
            and not (_utf8_three_bytes(data, i) and _utf8_three_bytes(data, i + 3))
        ):
            i += 2
        if i == exc.start:
            return "\ufffd", exc.start + 1
        text = data[exc.start : i].decode("gb18030", errors="replace")
        from_gb += len(text)
        return text, i

    codecs.register_error("duokong-gb-runs", gb_run)
    text = data.decode("utf-8", errors="duokong-gb-runs")
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    from_utf8 = non_ascii - from_gb
    if from_gb == 0 or from_utf8 < 2:
        return None
    if from_utf8 >= non_ascii / 2:
        return text
    # Mostly GBK: mixed still when the UTF-8 runs read as ordinary Chinese where the whole
    # read as GB18030 does not (a UTF-8 template around a GBK article: its title and byline
    # turned to mojibake such as 娣峰悎缂栫爜). Byte pairs of a GBK page that happen to form
    # UTF-8 give rare characters, which lower the mixed reading's share instead.
    whole = data.decode("gb18030", errors="replace")
    if _ordinary_share(text) > _ordinary_share(whole) + MIXED_MARGIN:
        return text
    return None


# How much more ordinary text a mostly-GBK page must read as with its UTF-8 runs kept than read
# whole as GB18030, for the runs to be taken as UTF-8.
MIXED_MARGIN = 0.02
_FULL_WIDTH = re.compile("[\u3000-\u303f\uff00-\uffef]")


def _ordinary_share(text: str) -> float:
    """Of the characters past ASCII, the share that are common Chinese characters or Chinese
    punctuation: mojibake gives rare characters, and GBK pairs read as UTF-8 give Greek or
    Cyrillic letters (学校 as ѧУ), both of which lower it."""
    wide = [ch for ch in text if ord(ch) > 127]
    if not wide:
        return 0.0
    return sum(ch in _COMMON or bool(_FULL_WIDTH.match(ch)) for ch in wide) / len(wide)


def decode(data: bytes, source: str, http_charset: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used). Raises PageRejected for empty or binary input.

    Empty is judged on the text too: a dump of ideographic spaces (U+3000) or no-break spaces
    is whitespace only once decoded, and the extractors take a page to hold a line."""
    text, encoding = _decoded(data, source, http_charset)
    undone = _double_encoding_undone(text)
    if undone is not None:
        log.info("%s: Chinese read as Latin-1 and saved again (mojibake), read back", source)
        if "\ufffd" in text:
            log.warning(
                "%s: its mojibake lost %d byte(s) on the way (U+FFFD): the characters they were "
                "part of stay U+FFFD, lost",
                source,
                text.count("\ufffd"),
            )
        text, encoding = undone[0], f"{undone[1]} in {encoding}"
    elif _lossy_mojibake(text):
        raise PageRejected(
            "decode",
            "mojibake",
            f"{source} is Chinese that a tool read as Windows-1252 (or Latin-1) and saved "
            "again, losing bytes on the way (each now U+FFFD), and it cannot be read back; "
            "save the page again from its source, in its own encoding",
        )
    if not text.replace("\ufeff", "").strip():
        raise PageRejected(
            "decode", "empty-file", f"{source} has no content (0 bytes or only whitespace)"
        )
    return text, encoding


# Latin-1 letters a page must hold, and how few Chinese characters beside them, before it is
# read as Chinese saved through a single-byte charset (GBK's 会有 shown as »áÓÐ and saved so).
MIN_MOJIBAKE_LETTERS = 20
_LATIN1_HIGH = re.compile("[\x80-\xff]")


def _double_encoding_undone(text: str) -> tuple[str, str] | None:
    """Chinese text that a tool read as Latin-1 (or Windows-1252) and saved again, read back:
    the page's characters are the bytes of a GBK, Big5 or UTF-8 page one by one. None where the
    text holds Chinese already, too few such letters, or characters no such byte gives, or
    where the bytes read back as no ordinary Chinese."""
    letters = len(_LATIN1_HIGH.findall(text))  # on every page: a regex, not a Python loop
    if letters < MIN_MOJIBAKE_LETTERS:
        return None
    if len(_CJK.findall(text)) * 20 > letters:
        return _mojibake_runs_undone(text)
    return _read_back(text)


def _read_back(text: str, min_chinese: int = MIN_MOJIBAKE_LETTERS // 2) -> tuple[str, str] | None:
    """The text's characters as the bytes they were shown from (Latin-1, and Windows-1252 for
    0x80–0x9f: “, €, …), read as ordinary Chinese in UTF-8, GB18030 or Big5; None where a
    character is no such byte or the bytes read as no ordinary Chinese."""
    out = bytearray()
    lost: list[int] = []
    for ch in text:
        if ord(ch) < 0x100:
            out.append(ord(ch))
            continue
        if ch == "\ufffd":
            # a byte Windows-1252 has no character for, lost by a decode with errors="replace"
            lost.append(len(out))
            out.append(PLACEHOLDER)
            continue
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            return None
    data = bytes(out)
    if lost:
        return _lossy_read_back(data, lost)
    utf8 = _strict(data, "utf-8")
    if utf8 is not None and _common_share(utf8) > 0.3:
        return utf8, "utf-8"
    return _chinese_legacy(data, min_chinese=min_chinese)


def _lossy_read_back(data: bytes, lost: list[int]) -> tuple[str, str] | None:
    """UTF-8 read back from mojibake that lost bytes on the way (the five Windows-1252 leaves
    undefined, each turned into U+FFFD): the characters around them are whole, and each one they
    were part of is marked lost (pipeline/lostbytes.py). Stored as it was, such a page was
    mojibake from its title on (è‹±ä¼Ÿè¾¾ for 英伟达). GBK and Big5 lose no bytes this way in the
    characters Chinese text uses (their bytes are 0xA1 and above)."""
    marked = mark_lost(data, lost)
    utf8 = None if marked is None else _strict(marked, "utf-8")
    if utf8 is None or _common_share(utf8) <= 0.3:
        return None
    return utf8, "utf-8"


def _lossy_mojibake(text: str) -> bool:
    """Whether text is Chinese mojibake with bytes lost (U+FFFD among Latin-1 letters) that
    could not be read back: its bytes, each lost one as ?, read as ordinary Chinese all the
    same. Refused, not stored as the garbage it is."""
    if "\ufffd" not in text:
        return False
    letters = len(_LATIN1_HIGH.findall(text))
    if letters < MIN_MOJIBAKE_LETTERS or len(_CJK.findall(text)) * 20 > letters:
        return False
    data = b"".join(
        bytes([ord(ch)]) if ord(ch) < 0x100 else ch.encode("cp1252", errors="replace")
        for ch in text
    )
    return any(
        _common_share(data.decode(enc, errors="replace")) > 0.3
        for enc in ("utf-8", "gb18030", "big5hkscs")
    )


# A stretch of mojibake inside a page that is Chinese elsewhere (a CMS's template in good
# Chinese around an article a tool read as Latin-1 and saved again): letters Latin-1 or
# Windows-1252 shows for high bytes, with at most a few ASCII characters between them
# (DeepSeek, a number), and MIN_MOJIBAKE_LETTERS of them in a row at least.
_MOJIBAKE_RUN = re.compile(
    "(?:[\x80-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\ufffd]"
    "|[\x20-\x7f]{1,12}(?=[\x80-\xff]))+"
)


# Once a page holds a long stretch of mojibake read back, its shorter ones (a headline, a
# byline: ÕÅÎ° for 张伟) are read back too, from this many letters.
MIN_MOJIBAKE_LETTERS_AFTER = 4


def _mojibake_runs_undone(text: str) -> tuple[str, str] | None:
    """Each stretch of mojibake in a page that holds Chinese already, read back on its own
    (_read_back): repaired only when the whole page was mojibake, such an article stayed
    unreadable in its good template, its stance evidence mojibake too."""
    first = _runs_read_back(text, MIN_MOJIBAKE_LETTERS)
    if first is None:
        return None
    second = _runs_read_back(first[0], MIN_MOJIBAKE_LETTERS_AFTER)
    return first if second is None else (second[0], first[1])


def _runs_read_back(text: str, least: int) -> tuple[str, str] | None:
    parts: list[str] = []
    last, codecs_used = 0, set()
    for m in _MOJIBAKE_RUN.finditer(text):
        run = m.group(0).rstrip(" ")
        if len(_LATIN1_HIGH.findall(run)) < least:
            continue
        read = _read_back(run, min_chinese=least // 2)
        if read is None:
            continue
        parts += [text[last : m.start()], read[0]]
        last = m.start() + len(run)
        codecs_used.add(read[1])
    if not codecs_used:
        return None
    return "".join(parts) + text[last:], "+".join(sorted(codecs_used))


def _decoded(data: bytes, source: str, http_charset: str | None) -> tuple[str, str]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc.replace("-sig", "")
    if enc := utf16_without_bom(data):
        return data.decode(enc, errors="replace"), enc
    binary = sniff_binary(data)
    if binary:
        raise PageRejected("decode", "binary-file", f"{source} looks like {binary}, not a web page")
    if b"\x00" in data:
        # A stray NUL (a scraper's buffer, a bad copy) is no character of the page.
        log.debug("%s: NUL bytes dropped", source)
        data = data.replace(b"\x00", b"")
    candidates = [normalise_charset(http_charset), declared_charset(data)]
    single_byte = None
    for enc in candidates:
        # UTF-16/32 without a BOM is nearly always a stale declaration (WHATWG treats it so).
        if not enc or enc.startswith(("utf-16", "utf-32")):
            continue
        if enc.startswith(_SINGLE_BYTE) and not data.isascii():
            # A server's default (charset=ISO-8859-1) or a template's stale declaration over
            # GBK or UTF-8 bytes: a single-byte charset cannot write Chinese, and reading a
            # Chinese page under it leaves no Chinese to analyse. Believed only when no
            # Chinese reading of the bytes holds.
            single_byte = single_byte or enc
            continue
        text = _strict(data, enc)
        if text is None:
            continue
        # A GBK/Big5 declaration over bytes that are valid UTF-8 is a stale declaration:
        # multi-byte UTF-8 sequences almost never form valid GBK text by chance.
        if enc != "utf-8" and not data.isascii():
            utf8 = _strict(data, "utf-8")
            if utf8 is not None:
                return utf8, "utf-8"
        if enc in _OTHER_LEGACY:
            text, enc = _likelier_legacy(data, text, enc)
        return text, enc
    utf8 = _strict(data, "utf-8")
    if utf8 is not None:
        return utf8, "utf-8"
    strays = utf8_with_strays(data)
    if strays is not None:
        log.warning("%s: UTF-8 with a few bytes that are no UTF-8, dropped", source)
        return strays, "utf-8"
    if single_byte is not None:
        chinese = _chinese_legacy(data, min_chinese=MIN_CHINESE_OVER_SINGLE_BYTE)
        if chinese is not None:
            log.debug("%s: declared %s, read as %s", source, single_byte, chinese[1])
            return chinese
        text = _strict(data, single_byte)
        if text is not None:
            return text, single_byte
    mixed = _mixed_runs(data)
    if mixed is not None:
        log.debug("%s: UTF-8 with GB18030 lines", source)
        return mixed, "utf-8+gb18030"
    chinese = _chinese_legacy(data)
    if chinese is not None:
        return chinese
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        enc = normalise_charset(best.encoding) or best.encoding
        log.debug("%s: charset-normalizer guessed %s", source, enc)
        return data.decode(enc, errors="replace"), enc
    return data.decode("gb18030", errors="replace"), "gb18030"


# Frequent characters of Chinese text, Simplified and Traditional. Big5 bytes read as GB18030
# (or the reverse) decode without error but give rare characters, so the share of frequent ones
# tells the right codec.
_COMMON = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会也你对生能而子那得于着下自之年过发"
    "后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前"
    "开但因只从想实日者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重"
    "并物手应向头文体政美相见被利什二等产或新己制身果加西月话合回特代内信表化老给世位次度门任常先"
    "海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活更别打女变四神总何电数安少报才"
    "结反受目太量再感建务做接必场件计管期市直资命金指许统区保至形社便空决治展科司基眼书非则听白却"
    "界达光放强即像难且权思象完设式色路记品住告类求据程边死张该交规万取拉格望觉术领共确传清今切让"
    "识候带导争运笑飞风步改收根干造言联持组每济车亲极快办议往元英证近失转令准布始怎呢存未远叫台单"
    "影具罗字爱击流备连调深商算质团集百需价花华城级整府离况请技际约示复息究线似官火断精满支视消越"
    "器容照须增研写称企功吗包片史委乎查轻易早曾除找装广显吧引历首局突专费号另周较注语仅考落随选列"
    "响虽推势参希构房半节投某案维划致律足态护兴派验责营星够章音跟底站严例防供效续施留讲型料终答紧"
    "绝奇察段依批群项故按围织害双境客纪采举攻密低朝友诉止细愿千值仍钱破网热助倒育属坐限速刻乐否刚"
    "状率甚独球般普怕创假久错承印晚试股拿脑预谁益若哪微继送急惊伤素药适波夜省初喜卫源食险待述陆习"
    "們個這來說時為會國對後過麼還進學發經現當種動開實點長問題間電應體則與從務員無機關業於區產裡頭"
    "場將當總價術際據運資營達東車報見買賣強親樣變認讓術標義識議讀覺擊歷壓氣熱線約級紅響處條觀"
    "晶片輝偉算力模型芯片显卡股市场"
)


# Big5 declared as gb2312 (or GBK as big5): Big5 bytes fall inside GB18030's double-byte range,
# so the wrong codec decodes them without error, into rare characters.
_OTHER_LEGACY = {"gb18030": "big5hkscs", "big5hkscs": "gb18030"}


def _likelier_legacy(data: bytes, text: str, enc: str) -> tuple[str, str]:
    """The declared GBK/Big5 reading, unless the other one reads as far more ordinary Chinese."""
    other = _strict(data, _OTHER_LEGACY[enc])
    if other is None:
        return text, enc
    declared, alternative = _common_share(text), _common_share(other)
    if alternative > 0.3 and alternative > declared + 0.2:
        return other, _OTHER_LEGACY[enc]
    return text, enc


_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


# Chinese characters a GBK or Big5 reading must give before it overrides a declared single-byte
# charset: a Latin-1 page's few high bytes (©R, a middle dot, a soft hyphen) can read as one
# or two ordinary Chinese characters, a Chinese page mislabelled Latin-1 as hundreds.
MIN_CHINESE_OVER_SINGLE_BYTE = 20


def _chinese_legacy(data: bytes, min_chinese: int = 0) -> tuple[str, str] | None:
    """GB18030 or Big5, whichever decodes the bytes into ordinary Chinese (None when neither:
    both decode many non-Chinese byte strings without error, into rare characters), with at
    least min_chinese Chinese characters."""
    scored = []
    for enc in ("gb18030", "big5hkscs"):
        text = _strict(data, enc)
        if text is not None and len(_CJK.findall(text)) >= min_chinese:
            scored.append((_common_share(text), enc, text))
    if scored:
        share, enc, text = max(scored)
        if share > 0.3:
            return text, enc
    return None


def _common_share(text: str) -> float:
    cjk = _CJK.findall(text)
    if not cjk:
        return 0.0
    return sum(ch in _COMMON for ch in cjk) / len(cjk)
