"""Password hashing and signed tokens.

Hashing is deliberately slow (Argon2id), so it runs in a worker thread: the event loop keeps serving
other requests meanwhile. Tokens are HS256 JWTs carrying the user id (`sub`), a `purpose` (so a
password-reset token can never be used to call the API) and the user's token version (`ver`), which
every password change raises: tokens issued before the change stop working.
"""

import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Literal

import jwt
from anyio import to_thread
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher
from pwdlib.hashers.bcrypt import BcryptHasher

from app.core.config import settings

JWT_ALGORITHM = "HS256"
TokenPurpose = Literal["access", "password-reset"]
_REQUIRED_CLAIMS = ["sub", "exp", "iat", "purpose", "ver"]
# Enough for every user active in the last minutes of a busy worker; a forgotten token is verified again.
VERIFIED_TOKENS_REMEMBERED = 4096


@lru_cache(maxsize=1)
def _password_hash() -> PasswordHash:
    # Argon2id for new hashes; bcrypt is only there to verify (and upgrade) hashes imported from elsewhere.
    return PasswordHash(
        (
            Argon2Hasher(
                time_cost=settings.PASSWORD_HASH_TIME_COST,
                memory_cost=settings.PASSWORD_HASH_MEMORY_COST_KIB,
            ),
            BcryptHasher(),
        )
    )


async def hash_password(password: str) -> str:
    return await to_thread.run_sync(_password_hash().hash, password)


async def verify_password(password: str, hashed_password: str) -> tuple[bool, str | None]:
    """Check a password; the second value is a fresh hash when the stored one uses old parameters."""
    return await to_thread.run_sync(_password_hash().verify_and_update, password, hashed_password)


@dataclass(frozen=True, slots=True)
class TokenClaims:
    user_id: uuid.UUID
    token_version: int
    purpose: TokenPurpose


def create_token(
    *, user_id: uuid.UUID, token_version: int, purpose: TokenPurpose, expires_in: timedelta
) -> str:
    issued_at = datetime.now(UTC)
    payload = {
        "sub": str(user_id),
        "iat": issued_at,
        "exp": issued_at + expires_in,
        "purpose": purpose,
        "ver": token_version,
    }
    return jwt.encode(payload, settings.SECRET_KEY.get_secret_value(), algorithm=JWT_ALGORITHM)


def create_access_token(*, user_id: uuid.UUID, token_version: int) -> str:
    return create_token(
        user_id=user_id,
        token_version=token_version,
        purpose="access",
        expires_in=timedelta(minutes=settings.ACCESS_TOKEN_EXPIRE_MINUTES),
    )


def decode_token(token: str, *, purpose: TokenPurpose) -> TokenClaims:
    """Verify signature, algorithm, expiry and purpose. Raises `jwt.InvalidTokenError` otherwise."""
    verified = _verified_token(token, settings.SECRET_KEY.get_secret_value())
    # As PyJWT decides on decoding (no leeway), checked again on every use of a remembered token.
    if time.time() >= verified.expires_at:
        raise jwt.ExpiredSignatureError("Signature has expired")
    if verified.purpose != purpose:
        raise jwt.InvalidTokenError("token issued for another purpose")
    return TokenClaims(user_id=verified.user_id, token_version=verified.version, purpose=purpose)


@dataclass(frozen=True, slots=True)
class _VerifiedToken:
    user_id: uuid.UUID
    version: int
    purpose: str
    expires_at: float  # seconds since the epoch


# A client sends the same token with every request until it expires, and verifying it (PyJWT: the
# signature, then the claims) cost 0.3 ms of CPU amid a request, about 3 % of a question's on the way
# to its first token (docs/benchmarks.md): what a token says is remembered once its signature has
# been verified. Only valid tokens are remembered (a failure raises, and lru_cache keeps no
# exception), keyed by the signing secret too; expiry and purpose are still checked on every use,
# and whether the token is still its user's (a password change, a deactivation) is checked against
# the database by the caller, as before.
@lru_cache(maxsize=VERIFIED_TOKENS_REMEMBERED)
def _verified_token(token: str, secret: str) -> _VerifiedToken:
    payload = jwt.decode(
        token,
        secret,
        # Pinned: a token that names any other algorithm ("none", HS512, RS256...) is refused.
        algorithms=[JWT_ALGORITHM],
        options={"require": _REQUIRED_CLAIMS},
    )
    version = payload["ver"]
    if not isinstance(version, int) or isinstance(version, bool):
        raise jwt.InvalidTokenError("token version is not an integer")
    try:
        user_id = uuid.UUID(str(payload["sub"]))
    except ValueError as error:
        raise jwt.InvalidTokenError("subject is not a user id") from error
    return _VerifiedToken(
        user_id=user_id,
        version=version,
        purpose=str(payload["purpose"]),
        expires_at=float(payload["exp"]),
    )
