"""Typed settings: the only place that reads the environment.

Values come from environment variables, then `<repo>/.env` (development defaults), then
`<repo>/.local/secrets.env` (random secrets generated on the first local run).
"""

from pathlib import Path
from typing import Annotated, Literal, Self

from cryptography.fernet import Fernet
from limits import parse as parse_rate_limit
from pydantic import EmailStr, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from app.core.local_secrets import ensure_local_secrets

REPO_ROOT = Path(__file__).resolve().parents[3]
ENV_FILE = REPO_ROOT / ".env"
LOCAL_SECRETS_FILE = REPO_ROOT / ".local" / "secrets.env"

# Values that appear in examples, templates and our own .env: never acceptable outside local development.
KNOWN_DEVELOPMENT_SECRETS = frozenset(
    {"", "changethis", "changethis1", "changeme", "secret", "password", "admin"}
)

Environment = Literal["local", "staging", "production"]
PositiveInt = Annotated[int, Field(gt=0)]
PositiveFloat = Annotated[float, Field(gt=0)]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=(ENV_FILE, LOCAL_SECRETS_FILE),
        env_file_encoding="utf-8",
        env_ignore_empty=False,
        extra="ignore",
    )

    ENVIRONMENT: Environment = "local"
    PROJECT_NAME: str = "Red Panda"
    LOG_LEVEL: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    DATABASE_URL: str = "postgresql+psycopg://postgres@127.0.0.1:54329/redpanda"
    DATABASE_POOL_SIZE: PositiveInt = 20
    DATABASE_MAX_OVERFLOW: Annotated[int, Field(ge=0)] = 30

    SECRET_KEY: SecretStr = SecretStr("")
    ENCRYPTION_KEYS: SecretStr = SecretStr("")
    ACCESS_TOKEN_EXPIRE_MINUTES: PositiveInt = 60 * 24
    PASSWORD_RESET_TOKEN_EXPIRE_MINUTES: PositiveInt = 30
    PASSWORD_HASH_TIME_COST: PositiveInt = 3
    PASSWORD_HASH_MEMORY_COST_KIB: Annotated[int, Field(ge=64)] = 65536

    FRONTEND_HOST: str = "http://127.0.0.1:8000"
    FRONTEND_DIST_DIR: Path = REPO_ROOT / "frontend" / "dist"
    MAX_JSON_BODY_BYTES: PositiveInt = 1024 * 1024

    FIRST_SUPERUSER: EmailStr = "admin@example.com"
    FIRST_SUPERUSER_PASSWORD: SecretStr = SecretStr("changethis1")

    SMTP_HOST: str = ""
    SMTP_PORT: PositiveInt = 587
    SMTP_USER: str = ""
    SMTP_PASSWORD: SecretStr = SecretStr("")
    SMTP_TLS: bool = True
    SMTP_SSL: bool = False
    SMTP_TIMEOUT_SECONDS: PositiveInt = 10
    EMAILS_FROM_EMAIL: str = "noreply@example.com"
    EMAILS_FROM_NAME: str = "Red Panda"

    SENTRY_DSN: str = ""

    # Uploaded files: the originals and their Parquet copies live under DATA_DIR.
    DATA_DIR: Path = REPO_ROOT / ".local" / "data"
    MAX_UPLOAD_BYTES: PositiveInt = 100 * 1024 * 1024
    # What a .csv.gz may expand to: a small compressed file can hide an enormous one.
    MAX_UNCOMPRESSED_BYTES: PositiveInt = 1024 * 1024 * 1024
    MAX_COLUMNS: PositiveInt = 5000
    # One line (one row) longer than this is refused; it also sizes the parser's blocks.
    MAX_LINE_BYTES: PositiveInt = 16 * 1024 * 1024

    # LLM providers. The base URLs are the official APIs; tests point them at local fake servers.
    OPENAI_API_BASE_URL: str = "https://api.openai.com/v1"
    ANTHROPIC_API_BASE_URL: str = "https://api.anthropic.com"
    # Longest silence between two pieces of a reply (and the whole of a non-streamed call).
    LLM_REQUEST_TIMEOUT_SECONDS: PositiveFloat = 60
    # Longest wait for the first piece of text of a reply.
    LLM_FIRST_TOKEN_TIMEOUT_SECONDS: PositiveFloat = 60
    # Checking a key (listing its models) happens while the user waits on a form: kept short.
    LLM_VALIDATION_TIMEOUT_SECONDS: PositiveFloat = 15
    # Whether an openai_compatible base URL may point at loopback or private addresses (a local Ollama,
    # say). Unset means: allowed in local development only. Elsewhere it would let any user make the
    # server call into its own network with their requests (SSRF).
    LLM_ALLOW_PRIVATE_BASE_URLS: bool | None = None
    # Earlier question/answer pairs sent with each new question.
    CHAT_HISTORY_TURNS: PositiveInt = 6

    # Longest a code library search (or its filter menus) may run before PostgreSQL stops it.
    SEARCH_STATEMENT_TIMEOUT_MS: PositiveInt = 2000

    # Code runs (app.execution): limits of one run, and the sandbox's shared resources.
    SANDBOX_TIMEOUT_SECONDS: PositiveFloat = 30
    SANDBOX_MEMORY_BYTES: PositiveInt = 2 * 1024 * 1024 * 1024  # on top of the data already loaded
    SANDBOX_CPU_SECONDS: PositiveInt = 30
    # Threads, in fact: a run cannot start processes at all.
    SANDBOX_MAX_PROCESSES: PositiveInt = 64
    SANDBOX_MAX_OPEN_FILES: PositiveInt = 64
    # Size of a run's scratch folder, and of any one file written there.
    SANDBOX_MAX_WRITE_BYTES: PositiveInt = 64 * 1024 * 1024
    # Printed output kept per run.
    SANDBOX_MAX_OUTPUT_BYTES: PositiveInt = 64 * 1024
    # A table result kept whole as CSV for download; larger ones are previewed only.
    SANDBOX_MAX_CSV_BYTES: PositiveInt = 20 * 1024 * 1024
    SANDBOX_CONCURRENCY: PositiveInt = 4
    # Files kept loaded between runs (per app process), and for how long once unused.
    SANDBOX_CACHE_BYTES: PositiveInt = 2 * 1024 * 1024 * 1024
    SANDBOX_CACHE_IDLE_SECONDS: PositiveInt = 600
    # Run code even when this host cannot isolate it (no root, no seccomp...). Never in production.
    SANDBOX_ALLOW_UNISOLATED: bool = False

    RATE_LIMIT_ENABLED: bool = True
    RATE_LIMIT_STORAGE_URI: str = "memory://"
    RATE_LIMIT_LOGIN: str = "10/minute"
    RATE_LIMIT_SIGNUP: str = "10/hour"
    RATE_LIMIT_PASSWORD_RECOVERY: str = "5/hour"  # noqa: S105 - a rate, not a password

    @field_validator("DATABASE_URL")
    @classmethod
    def _use_psycopg_driver(cls, value: str) -> str:
        # Accept the usual libpq-style URLs and point SQLAlchemy at psycopg 3 (async capable).
        for prefix in ("postgres://", "postgresql://"):
            if value.startswith(prefix):
                return "postgresql+psycopg://" + value.removeprefix(prefix)
        return value

    @field_validator("RATE_LIMIT_LOGIN", "RATE_LIMIT_SIGNUP", "RATE_LIMIT_PASSWORD_RECOVERY")
    @classmethod
    def _parse_rate_limit(cls, value: str) -> str:
        try:
            parse_rate_limit(value)
        except ValueError as error:
            raise ValueError(f"not a rate limit such as '10/minute': {value!r}") from error
        return value

    @field_validator("FIRST_SUPERUSER")
    @classmethod
    def _lower_case_email(cls, value: str) -> str:
        return value.lower()

    @field_validator("FRONTEND_HOST")
    @classmethod
    def _strip_trailing_slash(cls, value: str) -> str:
        return value.rstrip("/")

    @model_validator(mode="after")
    def _check_secrets(self) -> Self:
        keys = self.encryption_keys
        for key in keys:
            try:
                Fernet(key)
            except ValueError as error:
                raise ValueError(
                    "ENCRYPTION_KEYS must be comma-separated Fernet keys "
                    "(generate one with: python -c 'from cryptography.fernet import Fernet; "
                    "print(Fernet.generate_key().decode())')"
                ) from error
        if self.ENVIRONMENT == "local":
            return self
        problems = [
            f"{name} is missing or a known development default"
            for name, value in (
                ("SECRET_KEY", self.SECRET_KEY.get_secret_value()),
                ("ENCRYPTION_KEYS", self.ENCRYPTION_KEYS.get_secret_value()),
                ("FIRST_SUPERUSER_PASSWORD", self.FIRST_SUPERUSER_PASSWORD.get_secret_value()),
            )
            if value.strip().lower() in KNOWN_DEVELOPMENT_SECRETS
        ]
        if self.SECRET_KEY.get_secret_value() and len(self.SECRET_KEY.get_secret_value()) < 32:
            problems.append("SECRET_KEY must be at least 32 characters long")
        if problems:
            raise ValueError(
                f"Refusing to start with ENVIRONMENT={self.ENVIRONMENT}: " + "; ".join(problems)
            )
        return self

    @field_validator("OPENAI_API_BASE_URL", "ANTHROPIC_API_BASE_URL")
    @classmethod
    def _strip_base_url_slash(cls, value: str) -> str:
        return value.rstrip("/")

    @property
    def allow_private_base_urls(self) -> bool:
        """LLM_ALLOW_PRIVATE_BASE_URLS, defaulting to true in local development and false elsewhere."""
        if self.LLM_ALLOW_PRIVATE_BASE_URLS is None:
            return self.ENVIRONMENT == "local"
        return self.LLM_ALLOW_PRIVATE_BASE_URLS

    @property
    def encryption_keys(self) -> list[str]:
        """Fernet keys, primary first."""
        raw = self.ENCRYPTION_KEYS.get_secret_value()
        return [key.strip() for key in raw.split(",") if key.strip()]


def load_settings(
    *, env_file: Path = ENV_FILE, secrets_file: Path = LOCAL_SECRETS_FILE
) -> Settings:
    """Build the settings; in local development, fill missing secrets from (or into) `secrets_file`."""
    loaded = Settings(_env_file=(env_file, secrets_file))
    needs_secrets = not loaded.SECRET_KEY.get_secret_value() or not loaded.encryption_keys
    if loaded.ENVIRONMENT == "local" and needs_secrets:
        generated = ensure_local_secrets(secrets_file)
        loaded = Settings(
            _env_file=(env_file, secrets_file),
            SECRET_KEY=SecretStr(loaded.SECRET_KEY.get_secret_value() or generated["SECRET_KEY"]),
            ENCRYPTION_KEYS=SecretStr(
                loaded.ENCRYPTION_KEYS.get_secret_value() or generated["ENCRYPTION_KEYS"]
            ),
        )
    return loaded


settings = load_settings()
