"""Secrets at rest (users' LLM keys): the only way in and out of their encrypted form.

ENCRYPTION_KEYS lists Fernet keys, primary first. New values are encrypted with the primary key; any
listed key decrypts. To rotate, put a new key first, keep the old ones until `reencrypt_secret` has run over
the stored values, then drop them.
"""

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from app.core.config import settings
from app.core.errors import AppError


class SecretUnreadable(AppError):
    status_code = 500
    default_message = "A stored secret could not be decrypted with the configured keys."


@lru_cache(maxsize=1)
def _fernet() -> MultiFernet:
    return MultiFernet([Fernet(key) for key in settings.encryption_keys])


def encrypt_secret(plaintext: str) -> str:
    return _fernet().encrypt(plaintext.encode("utf-8")).decode("ascii")


def decrypt_secret(ciphertext: str) -> str:
    try:
        return _fernet().decrypt(ciphertext.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError) as error:
        raise SecretUnreadable from error


def reencrypt_secret(ciphertext: str) -> str:
    """Re-encrypt with the primary key (key rotation)."""
    try:
        return _fernet().rotate(ciphertext.encode("ascii")).decode("ascii")
    except (InvalidToken, UnicodeError) as error:
        raise SecretUnreadable from error
