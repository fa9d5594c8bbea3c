import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from pydantic import ValidationError

from app.core.config import Settings, load_settings
from app.core.local_secrets import ensure_local_secrets, read_secrets_file

STRONG_SECRET = "s" * 48
STRONG_ADMIN_PASSWORD = "a-real-admin-password-7"


def production_settings(**overrides: str) -> Settings:
    values = {
        "ENVIRONMENT": "production",
        "SECRET_KEY": STRONG_SECRET,
        "ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "FIRST_SUPERUSER_PASSWORD": STRONG_ADMIN_PASSWORD,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


@pytest.fixture
def no_secrets_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SECRET_KEY", "ENCRYPTION_KEYS", "FIRST_SUPERUSER_PASSWORD", "ENVIRONMENT"):
        monkeypatch.delenv(name, raising=False)


def test_production_starts_with_real_secrets() -> None:
    assert production_settings().ENVIRONMENT == "production"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SECRET_KEY", "changethis"),
        ("SECRET_KEY", ""),
        ("ENCRYPTION_KEYS", ""),
        ("FIRST_SUPERUSER_PASSWORD", "changethis"),
        ("FIRST_SUPERUSER_PASSWORD", "changethis1"),
    ],
)
@pytest.mark.parametrize("environment", ["staging", "production"])
def test_outside_local_a_missing_or_default_secret_refuses_to_start(
    name: str, value: str, environment: str
) -> None:
    with pytest.raises(ValidationError, match=f"Refusing to start.*{name}"):
        production_settings(ENVIRONMENT=environment, **{name: value})


def test_outside_local_a_short_signing_key_refuses_to_start() -> None:
    with pytest.raises(ValidationError, match="at least 32 characters"):
        production_settings(SECRET_KEY="short-but-not-default")


def test_an_encryption_key_that_is_not_a_fernet_key_refuses_to_start() -> None:
    with pytest.raises(ValidationError, match="Fernet keys"):
        production_settings(ENCRYPTION_KEYS="not-a-key")


def test_outside_local_missing_secrets_are_not_generated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_secrets_in_environment: None
) -> None:
    monkeypatch.setenv("ENVIRONMENT", "production")
    secrets_file = tmp_path / ".local" / "secrets.env"

    with pytest.raises(ValidationError, match="Refusing to start"):
        load_settings(env_file=tmp_path / ".env", secrets_file=secrets_file)

    assert not secrets_file.exists()


def test_local_development_generates_secrets_once_and_reuses_them(
    tmp_path: Path, no_secrets_in_environment: None
) -> None:
    secrets_file = tmp_path / ".local" / "secrets.env"

    first = load_settings(env_file=tmp_path / ".env", secrets_file=secrets_file)
    second = load_settings(env_file=tmp_path / ".env", secrets_file=secrets_file)

    assert first.ENVIRONMENT == "local"
    assert len(first.SECRET_KEY.get_secret_value()) >= 64
    Fernet(first.encryption_keys[0])
    assert second.SECRET_KEY == first.SECRET_KEY
    assert second.ENCRYPTION_KEYS == first.ENCRYPTION_KEYS
    assert stat.S_IMODE(secrets_file.stat().st_mode) == 0o600


def test_local_development_keeps_secrets_given_in_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_secrets_in_environment: None
) -> None:
    monkeypatch.setenv("SECRET_KEY", "given-by-the-developer")

    loaded = load_settings(env_file=tmp_path / ".env", secrets_file=tmp_path / "secrets.env")

    assert loaded.SECRET_KEY.get_secret_value() == "given-by-the-developer"
    assert loaded.encryption_keys  # the missing one was generated


def test_processes_starting_together_agree_on_one_set_of_secrets(tmp_path: Path) -> None:
    secrets_file = tmp_path / "secrets.env"

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: ensure_local_secrets(secrets_file), range(16)))

    assert all(result == results[0] for result in results)
    assert read_secrets_file(secrets_file) == results[0]


def test_a_secrets_file_missing_one_secret_is_completed_without_losing_the_other(
    tmp_path: Path,
) -> None:
    secrets_file = tmp_path / "secrets.env"
    secrets_file.write_text("# old file\nSECRET_KEY=kept-from-before\n")

    secrets = ensure_local_secrets(secrets_file)

    assert secrets["SECRET_KEY"] == "kept-from-before"
    Fernet(secrets["ENCRYPTION_KEYS"])


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://u@h:5432/db", "postgresql+psycopg://u@h:5432/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
    ],
)
def test_database_urls_are_pointed_at_psycopg(given: str, expected: str) -> None:
    loaded = production_settings(DATABASE_URL=given)

    assert loaded.DATABASE_URL == expected


def test_a_malformed_rate_limit_refuses_to_start() -> None:
    with pytest.raises(ValidationError, match="rate limit"):
        production_settings(RATE_LIMIT_LOGIN="often")
