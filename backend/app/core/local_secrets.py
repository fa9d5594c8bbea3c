"""Random secrets for local development, generated once into an untracked file and reused.

Two processes may start at the same moment (the server and a migration, say), so the file is created
under an exclusive lock and written atomically with mode 600: every process ends up with the same keys.
"""

import fcntl
import os
import secrets
import tempfile
from pathlib import Path

from cryptography.fernet import Fernet

SECRET_NAMES = ("SECRET_KEY", "ENCRYPTION_KEYS")


def _generate(name: str) -> str:
    if name == "ENCRYPTION_KEYS":
        return Fernet.generate_key().decode()
    return secrets.token_urlsafe(64)


def read_secrets_file(path: Path) -> dict[str, str]:
    """Parse a KEY=VALUE file; blank lines and comments are skipped."""
    values: dict[str, str] = {}
    if not path.exists():
        return values
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or "=" not in stripped:
            continue
        key, _, value = stripped.partition("=")
        values[key.strip()] = value.strip()
    return values


def _write_atomically(path: Path, values: dict[str, str]) -> None:
    body = "# Generated on first run for local development. Never commit this file.\n"
    body += "".join(f"{key}={value}\n" for key, value in values.items())
    descriptor, temporary_name = tempfile.mkstemp(dir=path.parent, prefix=".secrets-")
    try:
        os.fchmod(descriptor, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(body)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary_name, path)
    except BaseException:
        Path(temporary_name).unlink(missing_ok=True)
        raise


def ensure_local_secrets(path: Path) -> dict[str, str]:
    """Return SECRET_KEY and ENCRYPTION_KEYS from `path`, creating whichever is missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = path.with_name(path.name + ".lock")
    with lock_path.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            values = read_secrets_file(path)
            missing = [name for name in SECRET_NAMES if not values.get(name)]
            if missing:
                values.update({name: _generate(name) for name in missing})
                _write_atomically(path, values)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return {name: values[name] for name in SECRET_NAMES}
