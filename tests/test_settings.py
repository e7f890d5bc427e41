"""One Settings object: packaged defaults, a user TOML file, environment variables."""

from pathlib import Path

import pytest

from pipeline.errors import ConfigError
from pipeline.settings import load_settings
from pipeline.targets import Catalogue


def test_defaults(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    s = load_settings()
    assert (s.db, s.model, s.batch_size) == ("data/duokong.duckdb", "linear.v2", 500)


def test_user_file_overrides_only_its_keys_and_env_wins(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "duokong.toml").write_text('db = "x.duckdb"\nbatch_size = 10\n', "utf-8")
    monkeypatch.setenv("DUOKONG_BATCH_SIZE", "25")
    s = load_settings()
    assert (s.db, s.batch_size, s.model) == (str(tmp_path / "x.duckdb"), 25, "linear.v2")


def test_relative_paths_in_a_config_file_are_read_from_its_folder(monkeypatch, tmp_path):
    """A config kept beside its database and its own catalogue works from any directory; a
    relative DUOKONG_ variable is still the shell's, read from the working directory."""
    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    project.mkdir()
    elsewhere.mkdir()
    (project / "duokong.toml").write_text(
        'db = "warehouse.duckdb"\ntargets_file = "lexicons/targets.toml"\n'
        'report = "/srv/reports/x.html"\n',
        "utf-8",
    )
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("DUOKONG_CONFIG", str(project / "duokong.toml"))
    s = load_settings()
    assert s.db_path() == project / "warehouse.duckdb"
    assert s.path("targets_file") == project / "lexicons" / "targets.toml"
    assert s.report_path() == Path("/srv/reports/x.html")
    assert s.path("userdict").name == "userdict.txt"  # not set there: the packaged default
    monkeypatch.setenv("DUOKONG_DB", "mine.duckdb")
    assert load_settings().db_path() == Path("mine.duckdb")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('colour = "red"\n', "unknown keys"),
        ('batch_size = "10"\n', "batch_size must be an integer"),
        ("batch_size = 0\n", "at least 1"),
        ('report_freq = "day"\n', "week, month"),
        ("db = \n", "not valid TOML"),
        ("max_page_bytes = -1\n", "at least 1024"),
        ('claim_model = "nope.v1"\n', "claim_model must be one of 'claims.v3', 'claims.v2', ''"),
    ],
)
def test_bad_config_fails_at_construction_with_the_reason(monkeypatch, tmp_path, text, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "duokong.toml").write_text(text, "utf-8")
    with pytest.raises(ConfigError, match=message):
        load_settings()


def test_bad_env_value(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DUOKONG_WORKERS", "many")
    with pytest.raises(ConfigError, match="DUOKONG_WORKERS must be an integer"):
        load_settings()


@pytest.mark.parametrize(
    "body",
    ['names = "英伟达"', 'names = ["英伟达", ""]', "names = [1]"],
)
def test_catalogue_values_are_checked(tmp_path, body):
    path = tmp_path / "targets.toml"
    path.write_text(f'[[target]]\nid = "x"\n{body}\n', "utf-8")
    with pytest.raises(ConfigError, match="list of non-empty strings"):
        Catalogue.load(path)


def test_a_config_or_catalogue_not_in_utf8_is_one_clear_error(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "duokong.toml").write_bytes('db = "数据.duckdb"\n'.encode("gbk"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_settings()
    catalogue = tmp_path / "targets.toml"
    catalogue.write_bytes('[[target]]\nid = "amd"\nnames = ["超威"]\n'.encode("gbk"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        Catalogue.load(catalogue)
    with pytest.raises(ConfigError, match="cannot be read"):
        Catalogue.load(tmp_path)  # a folder given as the catalogue


@pytest.mark.parametrize(
    "entries, message",
    [
        ('[[target]]\nid = ""\nnames = ["超威"]\n', "needs an id of ASCII letters"),
        ('[[target]]\nid = 5\nnames = ["超威"]\n', "needs an id of ASCII letters"),
        (
            '[[target]]\nid = "nvidia"\nnames = ["英伟达"]\n'
            '[[target]]\nid = "amd"\nnames = ["超威", "英伟达"]\n',
            "under both 'nvidia' and 'amd'",
        ),
        # ids that differ in case only: --target amd could only ever reach the first
        (
            '[[target]]\nid = "AMD"\nnames = ["超威"]\n[[target]]\nid = "amd"\nnames = ["苏妈"]\n',
            "more than one \\[\\[target\\]\\] with id AMD, amd",
        ),
        ('[[target]]\nid = "amd"\nnames = ["超威"]\nexclude = ["威"]\n', "one character"),
    ],
)
def test_a_catalogue_entry_that_cannot_work_is_refused(tmp_path, entries, message):
    """Each refusal names the catalogue's file (two did not: a shared term, a repeated id)."""
    path = tmp_path / "targets.toml"
    path.write_text(entries, "utf-8")
    with pytest.raises(ConfigError, match=message) as refused:
        Catalogue.load(path)
    assert str(path) in str(refused.value)


def test_a_catalogue_written_with_one_bracket_or_a_target_without_names_is_refused(tmp_path):
    """[target] reads as one table, not a list of them: say to write [[target]] rather than
    that an id and names are missing; a target without names could never be found."""
    table = tmp_path / "table.toml"
    table.write_text('[target]\nid = "amd"\nlabel = "AMD"\nnames = ["AMD", "超威"]\n', "utf-8")
    with pytest.raises(ConfigError) as refused:
        Catalogue.load(table)
    assert str(refused.value) == (
        f"{table}: write each target under [[target]] (two brackets, one for each target), "
        "not [target]"
    )
    nameless = tmp_path / "nameless.toml"
    nameless.write_text(
        '[[target]]\nid = "nvidia"\nnames = ["英伟达"]\n[[target]]\nid = "amd"\nnames = []\n',
        "utf-8",
    )
    with pytest.raises(ConfigError) as refused:
        Catalogue.load(nameless)
    assert str(refused.value) == (
        f"{nameless}: target 'amd' has no names, the words that always mean it; "
        'give it at least one, e.g. names = ["amd"]'
    )


def test_each_database_has_its_own_default_report(tmp_path):
    from pipeline.settings import load_settings

    default = load_settings()
    other = default.with_overrides(db=str(tmp_path / "weibo.duckdb"))
    chosen = other.with_overrides(report=str(tmp_path / "mine.html"))
    assert default.report_path().name == "stance-report.html"
    assert other.report_path().name == "weibo-stance-report.html"
    assert other.report_path().parent == tmp_path  # beside it, wherever it is
    same_name = default.with_overrides(db=str(tmp_path / "sub" / "weibo.duckdb"))
    assert same_name.report_path() != other.report_path()
    assert chosen.report_path() == tmp_path / "mine.html"


def test_a_bad_value_names_where_it_was_set(monkeypatch, tmp_path):
    monkeypatch.setenv("DUOKONG_WORKERS", "-3")
    with pytest.raises(ConfigError, match=r"workers must be .* \(set by DUOKONG_WORKERS\)"):
        load_settings()
    monkeypatch.delenv("DUOKONG_WORKERS")
    config = tmp_path / "duokong.toml"
    config.write_text('report_freq = "day"\n')
    with pytest.raises(ConfigError, match=r"report_freq must be .* \(set by config file"):
        load_settings(config)


def test_a_mistyped_variable_is_warned_about(monkeypatch, caplog):
    monkeypatch.setenv("DUOKONG_BATCHSIZE", "3")
    with caplog.at_level("WARNING", logger="pipeline.settings"):
        load_settings()
    assert "DUOKONG_BATCHSIZE is no duokong setting" in caplog.text
    assert "DUOKONG_BATCH_SIZE" in caplog.text


def test_an_empty_config_variable_reads_the_working_directorys_file(monkeypatch, tmp_path):
    """DUOKONG_CONFIG=$CFG with CFG unset skipped ./duokong.toml: the run wrote the default
    database without a word (config probe). A folder named as the file says so."""
    (tmp_path / "duokong.toml").write_text('db = "here.duckdb"\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DUOKONG_CONFIG", "")
    assert load_settings().db_path() == tmp_path / "here.duckdb"
    monkeypatch.setenv("DUOKONG_CONFIG", str(tmp_path))
    with pytest.raises(ConfigError, match="is a folder"):
        load_settings()
