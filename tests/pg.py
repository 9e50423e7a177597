"""The PostgreSQL side of the tests: a fresh database per test, copied from an initialised template.

Set MSFOOD_TEST_PG_URL to a database on a server the tests may create databases on (for example
what `scripts/pg_test_server.sh start DIR` prints). Without it the PostgreSQL cases are skipped,
saying why. Each pytest worker keeps its own template (an initialised station, like the SQLite
template) and makes every test's database from it with CREATE DATABASE ... TEMPLATE, dropped after.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

PG_URL = os.environ.get("MSFOOD_TEST_PG_URL", "").strip()
BACKENDS = ("sqlite", "postgresql")


def with_database(url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


@contextmanager
def admin() -> Iterator[Any]:
    """A connection to the server (autocommit, for CREATE and DROP DATABASE)."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    engine = create_engine(PG_URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def _quote(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise ValueError(name)
    return f'"{name}"'


def drop_database(name: str) -> None:
    with admin() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {_quote(name)} WITH (FORCE)")


def create_database(name: str, *, template: str | None = None) -> str:
    """A new database (a copy of `template`, or an empty one sorting text as a Chinese server's
    would: ICU zh-CN, where it is available, so that nothing may rely on a C locale); its URL."""
    from sqlalchemy.exc import DBAPIError

    with admin() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {_quote(name)} WITH (FORCE)")
        if template:
            conn.exec_driver_sql(f"CREATE DATABASE {_quote(name)} TEMPLATE {_quote(template)}")
        else:
            try:
                conn.exec_driver_sql(
                    f"CREATE DATABASE {_quote(name)} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'zh-CN'"
                )
            except DBAPIError:  # a server without ICU (or before PostgreSQL 15)
                conn.exec_driver_sql(f"CREATE DATABASE {_quote(name)}")
    return with_database(PG_URL, name)


def worker_name(prefix: str, worker: str) -> str:
    return f"msfood_{prefix}_{worker}".lower().replace("-", "_")


class Templates:
    """Per worker: initialised template databases by name, made once with `make(url)`."""

    def __init__(self, worker: str) -> None:
        self.worker = worker
        self.made: dict[str, str] = {}

    def get(self, key: str, make: Callable[[str], None]) -> str:
        if key not in self.made:
            name = worker_name(f"tpl_{key}", self.worker)
            url = create_database(name)
            make(url)
            self.made[key] = name
        return self.made[key]

    def drop_all(self) -> None:
        for name in self.made.values():
            drop_database(name)
        self.made.clear()


@contextmanager
def fresh_copy(template: str) -> Iterator[str]:
    """A database copied from `template` for one test; dropped afterwards."""
    name = f"msfood_t_{uuid.uuid4().hex[:16]}"
    url = create_database(name, template=template)
    try:
        yield url
    finally:
        drop_database(name)
