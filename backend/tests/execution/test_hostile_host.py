"""Code trying to reach the host: its files, the server's environment, the network, new processes."""

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.config import LOCAL_SECRETS_FILE, settings
from app.execution.client import Sandbox
from app.execution.schemas import Dataset
from tests.execution.containment import assert_failed, run_contained, worker_environment


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A local TCP server the code tries to reach; it must never see a connection."""
    server = socket.create_server(("127.0.0.1", 0))
    server.setblocking(False)
    yield server
    with pytest.raises(BlockingIOError):
        server.accept()
    server.close()


@pytest.mark.parametrize(
    "path", ["/etc/shadow", "/etc/passwd", str(LOCAL_SECRETS_FILE), f"/proc/{os.getpid()}/environ"]
)
async def test_host_files_cannot_be_read(strict_sandbox: Sandbox, path: str) -> None:
    result = await run_contained(strict_sandbox, f"result = open({path!r}).read()")

    assert_failed(result, "FileNotFoundError", "No such file")


async def test_a_world_readable_file_of_the_host_is_out_of_sight(
    strict_sandbox: Sandbox, tmp_path: Path, sales: Dataset
) -> None:
    secret = tmp_path / "notes.txt"
    secret.write_text("host secret")
    secret.chmod(0o644)
    code = (
        f"import os\nresult = [os.path.exists({str(secret)!r}), "
        f"os.path.exists({str(sales.parquet_path)!r}), os.listdir('/')]"
    )
    result = await run_contained(strict_sandbox, code)

    assert result.result is not None
    exists_secret, exists_data, top = result.result["value"]
    assert (exists_secret, exists_data) == (False, False)
    assert "etc" not in top
    assert "proc" not in top
    assert "home" not in top


async def test_the_servers_environment_and_secrets_are_not_in_the_run(
    strict_sandbox: Sandbox,
) -> None:
    secret = settings.SECRET_KEY.get_secret_value()
    # The code rebuilds the secret at run time, so its own text does not count as a find.
    code = f"""
import gc, os
needle = {secret[::-1]!r}[::-1]
found = [name for name, value in os.environ.items() if needle in value]
for thing in gc.get_objects():
    values = thing.values() if isinstance(thing, dict) else thing if isinstance(thing, list | tuple) else ()
    for value in values:
        if value is not needle and isinstance(value, str) and needle in value:
            found.append(type(thing).__name__)
result = {{"found": found, "environment": sorted(os.environ)}}
"""
    result = await run_contained(strict_sandbox, code)

    assert result.status == "succeeded", result.error
    assert result.result is not None
    assert result.result["value"]["found"] == []
    assert "SECRET_KEY" not in result.result["value"]["environment"]
    assert secret.encode() not in worker_environment(strict_sandbox)
    assert b"DATABASE_URL" not in worker_environment(strict_sandbox)


async def test_nothing_can_be_written_outside_the_scratch_folder(
    strict_sandbox: Sandbox, tmp_path: Path
) -> None:
    target = tmp_path / "written-by-code.txt"
    for path in (str(target), "/usr/lib/evil.py", "/written.txt"):
        result = await run_contained(strict_sandbox, f"open({path!r}, 'w').write('x')")

        assert result.status == "failed"
        assert result.error is not None
        assert result.error.kind in ("FileNotFoundError", "OSError", "PermissionError")
    assert not target.exists()
    assert not Path("/written.txt").exists()  # noqa: ASYNC240 - a one-off check in a test


async def test_the_scratch_folder_is_capped(strict_sandbox: Sandbox) -> None:
    result = await run_contained(strict_sandbox, "open('/tmp/big', 'wb').write(b'x' * 50_000_000)")

    assert_failed(result, "OSError", "File too large")


async def test_no_connection_reaches_a_local_server(
    strict_sandbox: Sandbox, listener: socket.socket, sales: Dataset
) -> None:
    port = listener.getsockname()[1]
    attempts = [
        f"import socket\nsocket.create_connection(('127.0.0.1', {port}), timeout=2)",
        f"import urllib.request\nurllib.request.urlopen('http://127.0.0.1:{port}/', timeout=2)",
        f"import pandas as pd\npd.read_csv('http://127.0.0.1:{port}/data.csv')",
    ]
    for code in attempts:
        result = await run_contained(strict_sandbox, code, [sales])

        assert result.status == "failed"
        assert result.error is not None
        assert "Operation not permitted" in result.error.message, result.error


@pytest.mark.parametrize(
    "code",
    [
        "import subprocess\nsubprocess.run(['touch', {marker!r}])",
        "import os\nstatus = os.system('touch {marker}')\nassert status == 0, f'os.system: {{status}}'",
        "import os\nos.posix_spawn('/usr/bin/touch', ['touch', {marker!r}], {{}})",
        "import os\nif os.fork() == 0:\n    open({marker!r}, 'w')",
        "import os\nwhile True:\n    os.fork()",
    ],
    ids=["subprocess", "os.system", "posix_spawn", "fork", "fork bomb"],
)
async def test_no_process_can_be_started(
    strict_sandbox: Sandbox, tmp_path: Path, code: str
) -> None:
    marker = tmp_path / "spawned"

    result = await run_contained(strict_sandbox, code.format(marker=str(marker)))

    assert result.status == "failed"
    assert result.error is not None
    assert result.error.kind in ("PermissionError", "AssertionError"), result.error
    assert not marker.exists()
