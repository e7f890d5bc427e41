"""One Settings object for every stage: packaged defaults, a user TOML file, then environment.

Why one object: every stage receives the same options, and impossible values fail once, at
construction, with the list of allowed values, instead of deep inside a batch.
"""

from __future__ import annotations

import logging
import os
import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from pipeline.errors import ConfigError

log = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FREQS = ("week", "month")


# The prediction filters there are (pipeline/claims.py: WITH_VECTORS, NAME), and none.
CLAIM_MODELS = ("claims.v3", "claims.v2", "")
# What a setting's type is called in an error message (batch_size must be an integer).
KIND_NAMES = {int: "an integer", str: "a string", bool: "true or false", float: "a number"}


@dataclass(frozen=True)
class Settings:
    db: str
    report: str
    samples: str
    targets_file: str
    userdict: str
    stance_cues: str
    prediction_cues: str
    boilerplate_patterns: str
    model: str
    models_dir: str
    claim_model: str
    batch_size: int
    workers: int
    max_page_bytes: int
    min_body_chars: int
    report_freq: str
    cron: str
    lock_wait_s: int
    fetch_timeout_s: int
    fetch_retries: int
    fetch_host_interval_ms: int
    fetch_hosts_at_once: int

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be at least 1, got {self.batch_size}")
        if self.workers < 0:
            raise ConfigError(f"workers must be 0 (one per core) or more, got {self.workers}")
        if self.report_freq not in FREQS:
            raise ConfigError(
                f"report_freq must be one of {', '.join(FREQS)}, got {self.report_freq!r}"
            )
        for name in ("lock_wait_s", "fetch_retries", "fetch_host_interval_ms"):
            if getattr(self, name) < 0:
                raise ConfigError(f"{name} must be 0 or more, got {getattr(self, name)}")
        if self.fetch_hosts_at_once < 1:
            raise ConfigError(
                f"fetch_hosts_at_once must be at least 1, got {self.fetch_hosts_at_once}"
            )
        if self.fetch_timeout_s < 1:
            raise ConfigError(
                f"fetch_timeout_s must be at least 1 second, got {self.fetch_timeout_s}"
            )
        if self.claim_model not in CLAIM_MODELS:
            raise ConfigError(
                f"claim_model must be one of {', '.join(repr(m) for m in CLAIM_MODELS)} "
                f"('' keeps every claim the rules find), got {self.claim_model!r}"
            )
        if self.min_body_chars < 1:
            raise ConfigError(f"min_body_chars must be positive, got {self.min_body_chars}")
        if self.max_page_bytes < 1024:
            raise ConfigError(
                f"max_page_bytes must be at least 1024 (a page's bytes), got {self.max_page_bytes}"
            )

    def path(self, name: str) -> Path:
        """A path setting, a relative one read from the project root: only the packaged
        defaults are relative here (load_settings makes a user file's and a variable's
        absolute), and they name the checkout's data and models."""
        value = Path(getattr(self, name)).expanduser()
        return value if value.is_absolute() else PROJECT_ROOT / value

    def model_dir(self, name: str) -> Path:
        """Where a trained model named like "linear.v1" is saved and loaded (models/linear-v1)."""
        return self.path("models_dir") / name.replace(".", "-")

    def db_path(self) -> Path:
        """The database path: relative to the current directory, as a user typing --db expects."""
        return Path(self.db).expanduser()

    def report_path(self) -> Path:
        """The report's default file sits beside its database: found where the database is,
        and one database's report never overwrites another's. The default database's
        (data/duokong.duckdb) is reports/stance-report.html in the same working directory; a
        database of its own (--db elsewhere) gets <db folder>/<db name>-stance-report.html,
        distinct even from that of a database of the same name elsewhere."""
        default = Path(_DEFAULTS["report"])
        if Path(self.report) != default:
            return self.path("report")
        if Path(self.db) == Path(_DEFAULTS["db"]):
            return default
        return self.db_path().with_name(f"{self.db_path().stem}-{default.name}")

    def with_overrides(self, **values: Any) -> Settings:
        return replace(self, **{k: v for k, v in values.items() if v is not None})


def _coerce(name: str, value: str, default: Any) -> Any:
    if isinstance(default, bool):
        return value.lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        try:
            return int(value)
        except ValueError:
            raise ConfigError(f"DUOKONG_{name.upper()} must be an integer, got {value!r}") from None
    return value


# The settings that name a file or a folder.
PATH_SETTINGS = frozenset(
    {
        "db",
        "report",
        "samples",
        "targets_file",
        "userdict",
        "stance_cues",
        "prediction_cues",
        "boilerplate_patterns",
        "models_dir",
    }
)

# Read once: settings are loaded in many places (every worker, every command). Values are
# scalars, so sharing the dict is safe as long as it is copied before it is changed.
_DEFAULTS: dict[str, Any] = tomllib.loads(
    resources.files("pipeline").joinpath("defaults.toml").read_text("utf-8")
)


def load_settings(config_file: str | Path | None = None) -> Settings:
    defaults = _DEFAULTS
    values: dict[str, Any] = dict(defaults)
    origin: dict[str, str] = {}  # key -> where its value was set, for error messages
    # An empty DUOKONG_CONFIG (an unset shell variable, DUOKONG_CONFIG=$CFG) is no file named:
    # it skipped ./duokong.toml, and the run wrote the default database without a word.
    user_file = config_file or os.environ.get("DUOKONG_CONFIG") or None
    if user_file is None and Path("duokong.toml").is_file():
        user_file = "duokong.toml"
    if user_file:
        path = Path(user_file)
        if path.is_dir():
            raise ConfigError(f"config file {path} is a folder; name a .toml file in it")
        if not path.is_file():
            raise ConfigError(
                f"config file {path} does not exist; unset DUOKONG_CONFIG or create it"
            )
        try:
            user = tomllib.loads(path.read_text("utf-8"))
        except UnicodeDecodeError:
            raise ConfigError(f"config file {path} is not UTF-8; save it as UTF-8") from None
        except OSError as exc:
            raise ConfigError(f"config file {path} cannot be read: {exc}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
        unknown = sorted(set(user) - set(defaults))
        if unknown:
            raise ConfigError(
                f"config file {path} sets unknown keys {unknown}; allowed: {sorted(defaults)}"
            )
        for key, value in user.items():
            if type(value) is not type(defaults[key]):
                raise ConfigError(
                    f"config file {path}: {key} must be {KIND_NAMES[type(defaults[key])]}, "
                    f"got {value!r}"
                )
        # A relative path in the file is read from the file's folder, wherever duokong runs
        # (as a compose file or pyproject.toml is): a config beside its database and its own
        # catalogue keeps working from any directory.
        base = path.expanduser().resolve().parent
        for key in PATH_SETTINGS & user.keys():
            given = Path(user[key]).expanduser()
            user[key] = str(given if given.is_absolute() else base / given)
        values.update(user)
        origin.update({key: f"config file {path}" for key in user})
    for f in fields(Settings):
        env = os.environ.get(f"DUOKONG_{f.name.upper()}")
        if env == "" and f.name in PATH_SETTINGS:
            # DUOKONG_DB= read as the working directory: "database . is a folder"
            raise ConfigError(
                f"DUOKONG_{f.name.upper()} is set but empty; give it a path, or unset it"
            )
        if env is not None:
            values[f.name] = _coerce(f.name, env, defaults[f.name])
            origin[f.name] = f"DUOKONG_{f.name.upper()}"
            if f.name in PATH_SETTINGS - {"db"}:  # db_path() reads db from here already
                values[f.name] = _from_working_directory(values[f.name])
    _warn_unknown_variables(defaults)
    try:
        return Settings(**values)
    except ConfigError as exc:  # say where the bad value was set: a key alone may hide in env
        key = str(exc).split(" ", 1)[0]
        raise ConfigError(f"{exc} (set by {origin[key]})" if key in origin else str(exc)) from None


def _from_working_directory(value: str) -> str:
    """A relative path in a variable is the shell's, typed where the user stands (as --db is);
    without this, path() would read it from the checkout, far from the file the user meant."""
    given = Path(value).expanduser()
    return str(given if given.is_absolute() else Path.cwd() / given)


# Variables of ours that are no setting: the config file's path, and the checkout's for Prefect.
_OTHER_VARIABLES = {"DUOKONG_CONFIG", "DUOKONG_HOME"}
_warned: set[str] = set()


def _warn_unknown_variables(defaults: dict[str, Any]) -> None:
    """A mistyped variable (DUOKONG_BATCHSIZE) would be ignored without a word."""
    known = {f"DUOKONG_{key.upper()}" for key in defaults} | _OTHER_VARIABLES | _warned
    for name in sorted(n for n in os.environ if n.startswith("DUOKONG_") and n not in known):
        _warned.add(name)  # once a process: settings are loaded in many places
        log.warning(
            "%s is no duokong setting and is ignored; settings: %s",
            name,
            ", ".join(f"DUOKONG_{key.upper()}" for key in sorted(defaults)),
        )
