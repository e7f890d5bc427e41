from pathlib import Path

from pipeline.settings import PROJECT_ROOT
from pipeline.targets import Catalogue

CATALOGUE = Catalogue.load(PROJECT_ROOT / "data" / "lexicons" / "targets.toml")


def test_catalogue_has_both_targets():
    assert CATALOGUE.ids == ["nvidia", "deepseek"]


def test_simplified_traditional_english_and_products_mention_nvidia():
    for text in (
        "英伟达发布财报",
        "輝達股價",
        "英偉達",
        "NVIDIA and NVDA",
        "老黄又涨了",
        "NV这波回调是送钱",  # the stock forums' shorthand
        "黄教主又开发布会了",
        "黄仁勋说",
        "黃仁勳說",
        "H20禁售",
    ):
        assert "nvidia" in CATALOGUE.mentioned(text), text


def test_deepseek_names_and_people():
    for text in ("DeepSeek发布", "深度求索", "梁文锋", "梁文鋒"):
        assert "deepseek" in CATALOGUE.mentioned(text), text


def test_weak_aliases_count_only_where_the_target_is_named():
    assert CATALOGUE.mentioned("R1 的推理能力很强") == set()
    assert CATALOGUE.mentioned("DeepSeek 的 R1 推理能力很强") == {"deepseek"}
    assert [m.text for m in CATALOGUE.find("DeepSeek 的 R1 很强") if m.target == "deepseek"] == [
        "DeepSeek",
        "R1",
    ]


def test_a_weak_alias_tells_its_target_to_a_reader_who_knows_it_already():
    assert CATALOGUE.weakly_named("R1 的推理能力很强") == {"deepseek"}
    assert CATALOGUE.weakly_named("英伟达的H20还会卖") == set()  # a product, no weak alias


def test_ascii_terms_do_not_match_inside_longer_words():
    assert CATALOGUE.mentioned("DSP芯片和R10路由器") == set()
    assert CATALOGUE.mentioned("NVMe硬盘和ENV变量") == set()


def test_related_sector_words_are_not_mentions():
    assert CATALOGUE.mentioned("GPU 需求旺盛") == set()


def test_mention_offsets_point_into_the_text():
    text = "我看好英伟达"
    [m] = CATALOGUE.find(text)
    assert text[m.start : m.end] == "英伟达"


def test_names_typed_in_full_width_letters_are_mentions_as_written():
    text = "我看好ＮＶＩＤＩＡ，ＤｅｅｐＳｅｅｋ的Ｒ１也不错"
    found = CATALOGUE.find(text)
    assert [(m.target, m.text) for m in found] == [
        ("nvidia", "ＮＶＩＤＩＡ"),
        ("deepseek", "ＤｅｅｐＳｅｅｋ"),
        ("deepseek", "Ｒ１"),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)
    # Still whole words: Ｒ１０ is not R1, and full-width punctuation is no letter.
    assert CATALOGUE.mentioned("ＤｅｅｐＳｅｅｋ的Ｒ１０") == {"deepseek"}
    assert [m.text for m in CATALOGUE.find("ＤｅｅｐＳｅｅｋ的Ｒ１０")] == ["ＤｅｅｐＳｅｅｋ"]
    assert CATALOGUE.id_for("ＮＶＩＤＩＡ") == "nvidia"


def test_adding_a_target_needs_no_code_change(tmp_path: Path):
    base = (PROJECT_ROOT / "data" / "lexicons" / "targets.toml").read_text("utf-8")
    extra = (
        '\n[[target]]\nid = "amd"\nlabel = "AMD"\nnames = ["AMD", "超威"]\npeople = ["苏姿丰"]\n'
    )
    path = tmp_path / "targets.toml"
    path.write_text(base + extra, "utf-8")
    cat = Catalogue.load(path)
    assert cat.ids == ["nvidia", "deepseek", "amd"]
    assert cat.mentioned("苏姿丰说 AMD 的 MI300 卖得很好") == {"amd"}


def test_a_duplicate_id_is_named_alone(tmp_path: Path):
    import pytest

    from pipeline.errors import ConfigError

    toml = tmp_path / "targets.toml"
    toml.write_text(
        '[[target]]\nid = "nvidia"\nnames = ["英伟达"]\n'
        '[[target]]\nid = "amd"\nnames = ["超威"]\n'
        '[[target]]\nid = "nvidia"\nnames = ["辉达"]\n',
        "utf-8",
    )
    with pytest.raises(ConfigError, match=r"more than one \[\[target\]\] with id nvidia;"):
        Catalogue.load(toml)


def test_words_that_only_hold_a_nickname_are_no_mentions():
    """老黄 in 老黄牛 and 老黄历, DS in 任天堂DS made a car maker's and a console's posts read
    bullish on NVIDIA and DeepSeek, with their forecasts given to them."""
    for text in ("像老黄牛一样埋头苦干", "翻翻老黄历就知道", "我买了一台任天堂DS", "DS游戏卡带"):
        assert CATALOGUE.mentioned(text) == set(), text
    assert CATALOGUE.mentioned("老黄这次又赢了，DS也开源了新模型") == {"nvidia", "deepseek"}
    # ...where the longer word is his: the forums' 老黄牛逼, 老黄瓜分了市场, 老黄历经三十年
    for text in ("老黄牛逼！", "老黄瓜分了整个AI芯片市场", "老黄历经三十年才等到今天"):
        assert CATALOGUE.mentioned(text) == {"nvidia"}, text


def _with_amd(tmp_path: Path, amd: str, first: bool = False) -> Catalogue:
    base = (PROJECT_ROOT / "data" / "lexicons" / "targets.toml").read_text("utf-8")
    amd = f'[[target]]\nid = "amd"\nnames = ["AMD", "超威"]\n{amd}\n'
    path = tmp_path / "targets.toml"
    path.write_text(amd + "\n" + base if first else base + "\n" + amd, "utf-8")
    return Catalogue.load(path)


def test_a_users_target_excludes_words_of_its_own(tmp_path: Path):
    cat = _with_amd(tmp_path, 'exclude = ["超威风", "超威猛"]')
    assert cat.mentioned("外观超威风，续航也超威猛") == set()
    assert cat.mentioned("超威的MI300卖得很好") == {"amd"}
    # read as words, leftmost and longest: an exclude word is one word, not a mask of a span
    # another target's term may start inside
    cat = _with_amd(tmp_path, 'exclude = ["超威风"]')
    assert cat.mentioned("超威风英伟达") == {"nvidia"}


def test_related_words_shared_by_two_targets_are_each_ones_whatever_the_order(tmp_path: Path):
    """The first target listed took a shared word for itself: NVIDIA's 显卡 and GPU went to AMD
    listed before it, and the seed page's scores changed with the order of the targets."""
    cat = _with_amd(tmp_path, 'related = ["GPU", "显卡", "算力"]', first=True)
    text = "英伟达说GPU和显卡还是紧缺，AMD也一样"
    found = {(m.target, m.text) for m in cat.find(text) if m.kind == "related"}
    assert found == {("nvidia", "GPU"), ("nvidia", "显卡"), ("amd", "GPU"), ("amd", "显卡")}


def test_a_weak_term_that_names_another_target_is_refused(tmp_path: Path):
    """It stood for AMD wherever AMD was named, and NVIDIA lost the mention."""
    import pytest

    from pipeline.errors import ConfigError

    with pytest.raises(
        ConfigError, match=r"'英伟达' is listed as a weak term of 'amd', but it names 'nvidia'"
    ):
        _with_amd(tmp_path, 'weak = ["英伟达"]', first=True)


def test_an_id_that_cannot_name_a_column_or_a_cell_is_refused(tmp_path: Path):
    """id = "AMD, Inc." was taken, and broke the report's CSV (a cell split at its comma)."""
    import pytest

    from pipeline.errors import ConfigError

    for bad in ("AMD, Inc.", "a<b>", "超威", " amd"):
        path = tmp_path / "targets.toml"
        path.write_text(f'[[target]]\nid = "{bad}"\nnames = ["AMD"]\n', "utf-8")
        with pytest.raises(ConfigError, match="ASCII letters, digits"):
            Catalogue.load(path)


def test_terms_that_could_never_match_as_meant_are_refused(tmp_path: Path):
    """ " AMD " matched nothing, 的 as an alias made nearly every page name AMD (the seed came
    out AMD bullish), label = 5 was taken."""
    import pytest

    from pipeline.errors import ConfigError

    for extra, says in (
        ('names = [" AMD "]', "has spaces around it"),
        ('names = ["AMD"]\naliases = ["的"]', "is one character"),
        ('names = ["AMD"]\nlabel = 5', "label must be a string"),
    ):
        path = tmp_path / "targets.toml"
        path.write_text(f'[[target]]\nid = "amd"\n{extra}\n', "utf-8")
        with pytest.raises(ConfigError, match=says):
            Catalogue.load(path)


def test_a_catalogue_saved_with_a_byte_order_mark_loads(tmp_path: Path):
    path = tmp_path / "targets.toml"
    path.write_bytes(b"\xef\xbb\xbf" + '[[target]]\nid = "amd"\nnames = ["超威"]\n'.encode())
    assert Catalogue.load(path).ids == ["amd"]


def test_a_word_several_targets_list_names_no_one_target(tmp_path: Path):
    """--target GPU picked NVIDIA, the first target listing it, where AMD lists it too."""
    import pytest

    from pipeline.targets import AmbiguousTarget

    cat = _with_amd(tmp_path, 'related = ["GPU", "显卡"]')
    with pytest.raises(AmbiguousTarget, match=r"amd, nvidia|nvidia, amd"):
        cat.id_for("gpu")
    assert (cat.id_for("AMD"), cat.id_for("英伟达"), cat.id_for("超威")) == ("amd", "nvidia", "amd")


def test_a_table_misnamed_or_a_stray_top_level_key_is_refused_naming_it(tmp_path: Path):
    """[[targets]] (a letter too many) was left out silently: the run went on without AMD and
    nothing said so."""
    import pytest

    from pipeline.errors import ConfigError

    base = (PROJECT_ROOT / "data" / "lexicons" / "targets.toml").read_text("utf-8")
    for extra, says in (
        ('\n[[targets]]\nid = "amd"\nnames = ["AMD"]\n', r"\['targets'\]; write \[\[target\]\]"),
        ('names = ["AMD"]\n', r"unknown top-level keys \['names'\]"),
    ):
        path = tmp_path / "targets.toml"
        path.write_text(extra + base if extra.startswith("names") else base + extra, "utf-8")
        with pytest.raises(ConfigError, match=says):
            Catalogue.load(path)


def test_a_target_lacking_its_names_says_which_target_and_what_is_missing(tmp_path: Path):
    import pytest

    from pipeline.errors import ConfigError

    path = tmp_path / "targets.toml"
    path.write_text('[[target]]\nid = "amd"\naliases = ["超威"]\n', "utf-8")
    with pytest.raises(ConfigError, match=r"number 1 \(id 'amd'\) has no names"):
        Catalogue.load(path)


def test_two_targets_may_not_share_a_word_spelled_in_other_case(tmp_path: Path):
    """NVIDIA lists NV; a target listing nv passed, and --target NV then named neither."""
    import pytest

    from pipeline.errors import ConfigError

    with pytest.raises(ConfigError, match=r"'NV' and 'nv' is listed under both 'nvidia' and 'amd'"):
        _with_amd(tmp_path, 'aliases = ["nv"]')


def test_latin_names_of_three_letters_or_more_match_in_any_case(tmp_path: Path):
    """amd and INTEL as commentators type them matched nothing: the page was read for no
    target. Two-letter terms keep their case (DS, not ds)."""
    cat = _with_amd(tmp_path, "")
    text = "我一直觉得amd被低估了，nVidia太贵，cuda的生态还在。ds这个缩写不算。"
    assert [(m.target, m.text) for m in cat.find(text)] == [
        ("amd", "amd"),
        ("nvidia", "nVidia"),
        ("nvidia", "cuda"),
    ]
    assert [m.text for m in cat.find("AMDX和Intelligence都不是")] == []


def test_a_term_is_found_in_either_script(tmp_path: Path):
    """超微半导体 in the catalogue found no page writing 超微半導體 (nor the other way round),
    and the Traditional page's claims about AMD went to the one target it did name."""
    cat = _with_amd(tmp_path, 'aliases = ["超微半导体"]\npeople = ["蘇姿豐"]')
    text = "我認為超微半導體明年的營收會再創新高，苏姿丰功不可没。"
    assert [(m.target, m.text) for m in cat.find(text)] == [
        ("amd", "超微半導體"),
        ("amd", "苏姿丰"),
    ]
    assert cat.id_for("超微半導體") == "amd"
    # an exclude word is one in either script too (超威胁 listed, 超威脅 written)
    cat = _with_amd(tmp_path, 'exclude = ["超威胁"]')
    assert cat.find("这对它是超威脅") == [] and cat.find("超威胁") == []
