"""Re-encrypt every stored API key with the primary (first) key of ENCRYPTION_KEYS.

Rotation, step by step:
1. Generate a new key:
   python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'
2. Put it first in ENCRYPTION_KEYS, keeping the old ones after it (comma-separated), and restart the app:
   new keys are encrypted with it, and the old ones still decrypt what they encrypted.
3. Run `scripts/rotate-encryption-keys.sh` (which runs `python -m app.api_keys.rotate`): every stored key
   is re-encrypted with the new primary key (MultiFernet.rotate), in batches, each batch committed.
4. Remove the old keys from ENCRYPTION_KEYS and restart the app.

Running it again is harmless. It stops, naming no key, if a stored value cannot be decrypted with any
listed key (one of the old keys was removed too early).
"""

import asyncio
import logging
import sys

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.config import settings
from app.core.db import create_engine, create_session_factory
from app.core.encryption import SecretUnreadable, reencrypt_secret
from app.models import ApiKey

BATCH_SIZE = 500

logger = logging.getLogger("app.api_keys.rotate")


async def reencrypt_api_keys(session: AsyncSession, *, batch_size: int = BATCH_SIZE) -> int:
    """Re-encrypt every stored key with the primary key, committing batch by batch; returns the count."""
    count = 0
    last_id = None
    while True:
        query = select(ApiKey).order_by(col(ApiKey.id)).limit(batch_size)
        if last_id is not None:
            query = query.where(col(ApiKey.id) > last_id)
        batch = list((await session.exec(query)).all())
        if not batch:
            return count
        for api_key in batch:
            api_key.encrypted_key = reencrypt_secret(api_key.encrypted_key)
        await session.commit()
        count += len(batch)
        last_id = batch[-1].id


async def _main(database_url: str) -> int:
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            return await reencrypt_api_keys(session)
    finally:
        await engine.dispose()


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        count = asyncio.run(_main(settings.DATABASE_URL))
    except SecretUnreadable:
        logger.error(
            "A stored API key cannot be decrypted with any key in ENCRYPTION_KEYS: put back the key "
            "it was encrypted with (after the new primary key) and run this again."
        )
        sys.exit(1)
    logger.info(
        "Re-encrypted %d API key%s with the primary encryption key.",
        count,
        "" if count == 1 else "s",
    )


if __name__ == "__main__":
    main()
