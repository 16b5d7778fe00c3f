"""Apply Alembic migrations programmatically (the `tertulia db upgrade` command)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from shared.db import Database
from tertulia.paths import resource


def alembic_config(database_url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resource("migrations")))
    cfg.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return cfg


def upgrade(database: Database, revision: str = "head") -> None:
    cfg = alembic_config(database.url)
    with database.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)
