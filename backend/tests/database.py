"""A fresh, fully migrated PostgreSQL database for one test run."""

import os
import uuid

import psycopg
from psycopg import sql
from sqlalchemy import make_url

from app.prestart import migrate

MAINTENANCE_DATABASE = "postgres"


def server_url() -> str:
    """The PostgreSQL server tests may create databases on: TEST_DATABASE_URL, else DATABASE_URL."""
    url = os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL")
    if not url:
        raise RuntimeError(
            "Set TEST_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server the tests may create "
            "databases on, e.g. TEST_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
        )
    return url


def _libpq_url(url: str, *, database: str | None = None) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


def create_test_database(admin_url: str) -> str:
    """Create a uniquely named database on the server of `admin_url`, migrate it, return its URL."""
    name = f"redpanda_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_libpq_url(admin_url), autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = make_url(admin_url).set(drivername="postgresql+psycopg", database=name)
    test_url = url.render_as_string(hide_password=False)
    migrate(test_url)
    return test_url


def drop_test_database(url: str) -> None:
    name = make_url(url).database
    if not name:
        raise ValueError(f"No database name in {make_url(url)!r}")
    maintenance_url = _libpq_url(url, database=MAINTENANCE_DATABASE)
    with psycopg.connect(maintenance_url, autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
