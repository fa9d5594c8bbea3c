import threading
import time
import uuid
from datetime import timedelta
from typing import Any

import jwt
import pytest
from pwdlib.hashers.bcrypt import BcryptHasher
from pydantic import SecretStr

from app.core import security
from app.core.config import settings


async def test_password_hash_is_argon2id_and_verifies() -> None:
    hashed = await security.hash_password("a-password-1")

    assert hashed.startswith("$argon2id$")
    assert await security.verify_password("a-password-1", hashed) == (True, None)
    assert (await security.verify_password("another-one-1", hashed))[0] is False


async def test_hashing_runs_outside_the_event_loop_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[threading.Thread] = []
    real_hash = security._password_hash().hash

    def recording_hash(password: str, *, salt: bytes | None = None) -> str:
        threads.append(threading.current_thread())
        return real_hash(password, salt=salt)

    monkeypatch.setattr(security._password_hash(), "hash", recording_hash)

    await security.hash_password("a-password-1")

    assert threads
    assert threads[0] is not threading.main_thread()


async def test_a_legacy_bcrypt_hash_verifies_and_is_upgraded_to_argon2() -> None:
    legacy = BcryptHasher(rounds=4).hash("old-password-1")  # cheap: only the format matters here

    valid, upgraded = await security.verify_password("old-password-1", legacy)

    assert valid is True
    assert upgraded is not None
    assert upgraded.startswith("$argon2id$")


def test_token_round_trip_keeps_user_version_and_purpose() -> None:
    user_id = uuid.uuid4()
    token = security.create_token(
        user_id=user_id, token_version=3, purpose="access", expires_in=timedelta(minutes=1)
    )

    claims = security.decode_token(token, purpose="access")

    assert claims == security.TokenClaims(user_id=user_id, token_version=3, purpose="access")
    assert jwt.get_unverified_header(token)["alg"] == "HS256"


def test_a_token_for_one_purpose_is_refused_for_another() -> None:
    token = security.create_access_token(user_id=uuid.uuid4(), token_version=0)

    with pytest.raises(jwt.InvalidTokenError):
        security.decode_token(token, purpose="password-reset")


def test_a_remembered_token_is_still_refused_for_another_purpose() -> None:
    token = security.create_access_token(user_id=uuid.uuid4(), token_version=0)
    security.decode_token(token, purpose="access")  # verified once, then remembered

    with pytest.raises(jwt.InvalidTokenError):
        security.decode_token(token, purpose="password-reset")


def test_a_remembered_token_expires_on_time(monkeypatch: pytest.MonkeyPatch) -> None:
    token = security.create_token(
        user_id=uuid.uuid4(), token_version=0, purpose="access", expires_in=timedelta(minutes=5)
    )
    security.decode_token(token, purpose="access")  # verified once, then remembered
    later = time.time() + 5 * 60 + 1
    monkeypatch.setattr(time, "time", lambda: later)

    with pytest.raises(jwt.ExpiredSignatureError):
        security.decode_token(token, purpose="access")


def test_a_remembered_token_is_verified_again_under_another_secret(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    token = security.create_access_token(user_id=uuid.uuid4(), token_version=0)
    security.decode_token(token, purpose="access")  # verified once, then remembered
    rotated = settings.model_copy(update={"SECRET_KEY": SecretStr("another-secret-" * 4)})
    monkeypatch.setattr("app.core.security.settings", rotated)

    with pytest.raises(jwt.InvalidSignatureError):
        security.decode_token(token, purpose="access")


def test_a_refused_token_is_not_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    """A token that fails verification is verified (and fails) again on every use."""
    token = security.create_access_token(user_id=uuid.uuid4(), token_version=0)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    decodes: list[str] = []
    real_decode = jwt.decode

    def counting_decode(*args: Any, **kwargs: Any) -> dict[str, Any]:
        decodes.append(args[0])
        return real_decode(*args, **kwargs)

    monkeypatch.setattr(jwt, "decode", counting_decode)

    for _ in range(2):
        with pytest.raises(jwt.InvalidTokenError):
            security.decode_token(tampered, purpose="access")

    assert decodes == [tampered, tampered]
