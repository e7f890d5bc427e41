"""DuckDB warehouse: ordered migrations, the single writer, and read-only query access."""

from pipeline.warehouse.connection import connect, connect_readonly, require_database
from pipeline.warehouse.migrations import migrate

__all__ = ["connect", "connect_readonly", "migrate", "require_database"]
