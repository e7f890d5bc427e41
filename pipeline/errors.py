"""Named errors. Each message says which input is at fault and what to do about it."""

from __future__ import annotations


class DuokongError(Exception):
    """Base class: the CLI turns these into a one-line message and a non-zero exit."""


class ConfigError(DuokongError):
    pass


class InputError(DuokongError):
    """An input path or URL list that cannot be used at all (not one bad page inside it)."""


class PageRejected(DuokongError):
    """One page cannot be used; the batch goes on and records a Reject."""

    def __init__(self, stage: str, reason: str, detail: str) -> None:
        super().__init__(f"{stage}: {reason}: {detail}")
        self.stage = stage
        self.reason = reason
        self.detail = detail


class WarehouseError(DuokongError):
    pass


class ReadOnlyQueryError(WarehouseError):
    pass


class UnknownModelError(DuokongError):
    pass


class SaveError(DuokongError):
    """A model could not be written where asked; what was there before is unchanged."""
