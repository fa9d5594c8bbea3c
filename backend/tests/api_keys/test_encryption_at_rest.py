"""Keys are stored encrypted with the settings' key, and rotation re-encrypts them with a new one."""

import asyncio
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator

import pytest
from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel.ext.asyncio.session import AsyncSession

from app.api_keys.rotate import reencrypt_api_keys
from app.core import encryption
from app.core.config import settings
from app.models import ApiKey
from app.models.user import User
from tests.api_keys.conftest import OPENAI_KEY, AddKey, added
from tests.conftest import session_on
from tests.live_server import BACKEND_DIR


async def _stored(db: AsyncSession, key_id: str) -> ApiKey:
    stored = await db.get(ApiKey, uuid.UUID(key_id))
    assert stored is not None
    await db.refresh(stored)
    return stored


async def test_the_column_holds_ciphertext_that_the_settings_key_decrypts(
    add_key: AddKey, db: AsyncSession
) -> None:
    key = await added(add_key)

    stored = await _stored(db, key["id"])
    raw = (
        await db.exec(  # type: ignore[call-overload]
            text("SELECT encrypted_key FROM api_key WHERE id = :id"), params={"id": stored.id}
        )
    ).scalar_one()

    assert OPENAI_KEY not in raw
    assert OPENAI_KEY[:8] not in raw
    primary = Fernet(settings.encryption_keys[0])
    assert primary.decrypt(raw.encode()).decode() == OPENAI_KEY


@pytest.fixture
def new_primary_key(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A new key put first in ENCRYPTION_KEYS, the old one kept after it."""
    new_key = Fernet.generate_key().decode()
    old_keys = settings.ENCRYPTION_KEYS.get_secret_value()
    monkeypatch.setattr(
        settings, "ENCRYPTION_KEYS", type(settings.ENCRYPTION_KEYS)(f"{new_key},{old_keys}")
    )
    encryption._fernet.cache_clear()
    yield new_key
    encryption._fernet.cache_clear()


async def test_rotation_reencrypts_every_key_with_the_new_primary(
    add_key: AddKey, db: AsyncSession, new_primary_key: str
) -> None:
    keys = [await added(add_key, label=f"Key {number}") for number in range(3)]
    before = {key["id"]: (await _stored(db, key["id"])).encrypted_key for key in keys}

    count = await reencrypt_api_keys(db, batch_size=2)

    assert count == 3
    for key_id, old_ciphertext in before.items():
        stored = await _stored(db, key_id)
        assert stored.encrypted_key != old_ciphertext
        assert Fernet(new_primary_key).decrypt(stored.encrypted_key.encode()).decode() == OPENAI_KEY


async def test_rotation_refuses_a_value_no_listed_key_decrypts(
    add_key: AddKey, db: AsyncSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    await added(add_key)
    monkeypatch.setattr(
        settings, "ENCRYPTION_KEYS", type(settings.ENCRYPTION_KEYS)(Fernet.generate_key().decode())
    )
    encryption._fernet.cache_clear()
    try:
        with pytest.raises(encryption.SecretUnreadable):
            await reencrypt_api_keys(db)
    finally:
        monkeypatch.undo()
        encryption._fernet.cache_clear()


async def test_rotation_command_reencrypts_the_database(
    engine: AsyncEngine, database_url: str
) -> None:
    # The command runs in its own process, so its data must be committed; it is removed afterwards.
    old_key = settings.encryption_keys[0]
    new_key = Fernet.generate_key().decode()
    async with engine.connect() as connection, session_on(connection) as session:
        owner = User(email=f"rotate-{uuid.uuid4().hex[:8]}@example.com", hashed_password="x")
        session.add(owner)
        await session.flush()
        api_key = ApiKey(
            user_id=owner.id,
            provider="openai",
            label="Rotated",
            encrypted_key=Fernet(old_key).encrypt(OPENAI_KEY.encode()).decode(),
            key_last4=OPENAI_KEY[-4:],
        )
        session.add(api_key)
        await session.commit()
        await connection.commit()
    try:
        environment = {
            **os.environ,
            "DATABASE_URL": database_url,
            "ENCRYPTION_KEYS": f"{new_key},{old_key}",
        }
        finished = await asyncio.to_thread(
            subprocess.run,
            [sys.executable, "-m", "app.api_keys.rotate"],
            cwd=BACKEND_DIR,
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert finished.returncode == 0, finished.stderr
        assert "Re-encrypted 1 API key with the primary encryption key." in finished.stderr
        async with engine.connect() as connection:
            stored = (
                await connection.execute(
                    text("SELECT encrypted_key FROM api_key WHERE id = :id"), {"id": api_key.id}
                )
            ).scalar_one()
        assert Fernet(new_key).decrypt(stored.encode()).decode() == OPENAI_KEY
        with pytest.raises(InvalidToken):
            Fernet(old_key).decrypt(stored.encode())
    finally:
        async with engine.connect() as connection:
            await connection.execute(text('DELETE FROM "user" WHERE id = :id'), {"id": owner.id})
            await connection.commit()
