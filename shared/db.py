"""Database engine and transactions.

SQLite is the embedded default, PostgreSQL the scale-out database. For SQLite we follow
SQLAlchemy's documented recipe: the driver's own transaction handling is switched off and
every transaction starts with BEGIN IMMEDIATE, so that concurrent read-then-write
transactions wait for the lock (busy_timeout) instead of failing with "database is locked".
WAL lets readers continue while one writer works. secure_delete makes deleted rows
(shredded keys, withdrawn contributions) unreadable in the file's free pages.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker


def _configure_sqlite(engine: Engine, begin: str) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)


def _private_sqlite_file(url: str) -> None:
    """The database file readable by its owner only, like the key file: it holds every
    name and all the metadata. SQLite gives its -wal and -shm files the main file's mode,
    so creating the file first (or tightening one made before) covers them too."""
    path = make_url(url).database
    if not path or path == ":memory:" or path.startswith("file:"):
        return
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        for name in (path, path + "-wal", path + "-shm"):
            if os.path.exists(name):
                os.chmod(name, 0o600)
    except OSError:
        pass  # a missing folder or someone else's file: SQLite reports it on first use


def make_engine(url: str, *, read_only: bool = False, **kwargs: Any) -> Engine:
    if url.startswith("postgresql://"):
        # psycopg 3 is the driver we ship; the bare scheme would pick psycopg2.
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    if url.startswith("sqlite"):
        _private_sqlite_file(url)
        engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)
        # Writers take the lock up front; readers (WAL) never wait for writers.
        _configure_sqlite(engine, "BEGIN" if read_only else "BEGIN IMMEDIATE")
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


class Database:
    """Owns the engine and hands out sessions; services open their own transactions."""

    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self.url = url
        self.engine = make_engine(url, **engine_kwargs)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.read_engine = (
            make_engine(url, read_only=True, **engine_kwargs) if self.is_sqlite else self.engine
        )
        self._read_sessions = sessionmaker(self.read_engine, expire_on_commit=False)
        self._local = threading.local()  # greenlet-local under gevent's monkey-patching

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error.

        Nesting is refused: on SQLite an inner BEGIN IMMEDIATE would wait for the outer
        one's lock until busy_timeout, so a nested call is a bug to surface at once.
        """
        if getattr(self._local, "active", False):
            raise RuntimeError("nested Database.transaction(): pass the session down instead")
        self._local.active = True
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
            self._local.active = False

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only transaction: on SQLite a deferred one, so hot read paths (socket
        identity checks, replays) never queue behind writers for the write lock."""
        if getattr(self._local, "active", False):
            raise RuntimeError("nested Database.reading(): pass the session down instead")
        self._local.active = True
        session = self._read_sessions()
        try:
            yield session
        finally:
            # close() ends the transaction (the pool rolls it back) without expiring what was
            # read, so callers keep usable objects.
            session.close()
            self._local.active = False

    def checkpoint(self) -> None:
        """Fold the WAL into the main file and truncate it, so freed pages leave no trace."""
        if self.is_sqlite:
            # Outside any transaction: a checkpoint cannot run inside BEGIN IMMEDIATE.
            raw = self.engine.raw_connection()
            try:
                raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                raw.close()

    def dispose(self) -> None:
        self.engine.dispose()
        self.read_engine.dispose()

    def ping(self) -> None:
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
