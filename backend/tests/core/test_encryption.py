from collections.abc import Callable, Iterator

import pytest
from cryptography.fernet import Fernet
from pydantic import SecretStr

from app.core import encryption
from app.core.config import settings

UseKeys = Callable[..., None]


def new_key() -> str:
    return Fernet.generate_key().decode()


@pytest.fixture
def use_keys(monkeypatch: pytest.MonkeyPatch) -> Iterator[UseKeys]:
    """Switch ENCRYPTION_KEYS (primary first) for the rest of the test."""

    def use(*keys: str) -> None:
        monkeypatch.setattr(settings, "ENCRYPTION_KEYS", SecretStr(",".join(keys)))
        encryption._fernet.cache_clear()

    yield use
    encryption._fernet.cache_clear()


def test_a_secret_round_trips_and_is_not_stored_in_clear(use_keys: UseKeys) -> None:
    use_keys(new_key())

    stored = encryption.encrypt_secret("sk-live-123456789")

    assert "sk-live" not in stored
    assert encryption.decrypt_secret(stored) == "sk-live-123456789"


def test_after_rotation_old_secrets_still_decrypt_and_can_be_reencrypted(
    use_keys: UseKeys,
) -> None:
    old_key, fresh_key = new_key(), new_key()
    use_keys(old_key)
    stored_with_old = encryption.encrypt_secret("sk-rotate-me")

    use_keys(fresh_key, old_key)
    assert encryption.decrypt_secret(stored_with_old) == "sk-rotate-me"
    rotated = encryption.reencrypt_secret(stored_with_old)
    use_keys(fresh_key)

    assert encryption.decrypt_secret(rotated) == "sk-rotate-me"
    with pytest.raises(encryption.SecretUnreadable):
        encryption.decrypt_secret(stored_with_old)


def test_a_value_encrypted_with_an_unknown_key_is_unreadable(use_keys: UseKeys) -> None:
    use_keys(new_key())
    foreign = Fernet(new_key()).encrypt(b"sk-foreign").decode()

    with pytest.raises(encryption.SecretUnreadable):
        encryption.decrypt_secret(foreign)


def test_garbage_is_unreadable_not_a_crash(use_keys: UseKeys) -> None:
    use_keys(new_key())

    with pytest.raises(encryption.SecretUnreadable):
        encryption.decrypt_secret("définitely not a token")
