"""Prepare the database before the server starts: wait until it answers, then migrate to the latest schema.

Run as `python -m app.prestart`.
"""

import asyncio
import logging
import time
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from app.core.config import settings
from app.core.db import create_engine

BACKEND_DIR = Path(__file__).resolve().parents[1]
WAIT_FOR_DATABASE_SECONDS = 30

logger = logging.getLogger("app.prestart")


def alembic_config(database_url: str) -> Config:
    config = Config(BACKEND_DIR / "alembic.ini")
    config.set_main_option("script_location", str(BACKEND_DIR / "alembic"))
    config.attributes["database_url"] = database_url
    # In-process callers keep their own logging; alembic.ini's setup is for the command line.
    config.attributes["configure_logging"] = False
    return config


def migrate(database_url: str) -> None:
    command.upgrade(alembic_config(database_url), "head")


async def _database_answers(database_url: str) -> bool:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        return True
    except OperationalError:
        return False
    finally:
        await engine.dispose()


def wait_for_database(database_url: str, *, timeout_seconds: float) -> None:
    # The database may still be starting (a fresh container or the project-local cluster).
    deadline = time.monotonic() + timeout_seconds
    while not asyncio.run(_database_answers(database_url)):
        if time.monotonic() > deadline:
            raise SystemExit(f"The database did not answer within {timeout_seconds:.0f} seconds.")
        logger.info("Waiting for the database...")
        time.sleep(1)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    wait_for_database(settings.DATABASE_URL, timeout_seconds=WAIT_FOR_DATABASE_SECONDS)
    migrate(settings.DATABASE_URL)
    logger.info("The database schema is up to date.")


if __name__ == "__main__":
    main()
