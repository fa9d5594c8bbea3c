"""Code that exhausts something (memory, CPU, output), ends its process, crashes or misbehaves."""

import asyncio
import time

import pytest

from app.execution.client import Sandbox
from app.execution.schemas import Dataset
from tests.execution.conftest import TEST_LIMITS
from tests.execution.containment import assert_failed, run_contained


async def test_memory_bomb_stops_at_the_limit(strict_sandbox: Sandbox, sales: Dataset) -> None:
    code = "hoard = []\nwhile True:\n    hoard.append(bytearray(50_000_000))"

    result = await run_contained(strict_sandbox, code, [sales])

    assert_failed(result, "MemoryError", "memory limit of 0.5 GiB")
    assert result.error is not None
    assert result.error.traceback == ["line 3, in <module>: hoard.append(bytearray(50_000_000))"]


async def test_one_huge_allocation_is_refused(strict_sandbox: Sandbox) -> None:
    result = await run_contained(
        strict_sandbox, "import numpy as np\nresult = np.ones(10**11).sum()"
    )

    assert_failed(result, "MemoryError")


async def test_busy_loop_is_killed_at_the_wall_clock_deadline(strict_sandbox: Sandbox) -> None:
    started = time.monotonic()

    result = await run_contained(strict_sandbox, "while True:\n    pass", timeout_seconds=1)

    assert result.status == "timed_out"
    assert result.error is not None
    assert result.error.kind == "TimeLimitExceeded"
    assert "1 s" in result.error.message
    assert time.monotonic() - started < 5


async def test_sleeping_code_is_killed_at_the_deadline_too(strict_sandbox: Sandbox) -> None:
    result = await run_contained(strict_sandbox, "import time\ntime.sleep(600)", timeout_seconds=1)

    assert result.status == "timed_out"


async def test_busy_loop_stops_at_the_cpu_limit(strict_sandbox: Sandbox) -> None:
    result = await run_contained(strict_sandbox, "while True:\n    pass")

    assert_failed(result, "CpuLimitExceeded", f"{TEST_LIMITS.cpu_seconds} s of CPU time")


async def test_other_runs_go_on_while_a_bomb_runs(strict_sandbox: Sandbox, sales: Dataset) -> None:
    bomb = asyncio.create_task(
        run_contained(strict_sandbox, "while True:\n    pass", timeout_seconds=3)
    )
    await asyncio.sleep(0.3)

    quick = await strict_sandbox.run("result = len(df)", [sales])

    assert quick.status == "succeeded"
    assert quick.duration_ms < 2000
    assert (await bomb).status == "timed_out"


async def test_output_bomb_is_capped(strict_sandbox: Sandbox) -> None:
    result = await run_contained(strict_sandbox, "print('x' * 50_000_000)\nresult = 'done'")

    assert result.status == "succeeded"
    assert len(result.stdout.encode()) < TEST_LIMITS.max_output_bytes + 200
    assert result.stdout.endswith("more bytes were not kept.")
    assert result.result == {"kind": "text", "text": "done", "truncated": False}


async def test_endless_printing_ends_at_a_limit(strict_sandbox: Sandbox) -> None:
    result = await run_contained(
        strict_sandbox, "while True:\n    print('spam' * 1000)", timeout_seconds=2
    )

    assert result.status in ("timed_out", "failed")


@pytest.mark.parametrize("code", ["raise SystemExit(3)", "exit()", "import sys\nsys.exit('bye')"])
async def test_exiting_is_an_error(strict_sandbox: Sandbox, code: str) -> None:
    result = await run_contained(strict_sandbox, code)

    assert_failed(result, "SystemExit", "assign the answer to `result`")


async def test_os_abort_is_reported_as_a_crash(strict_sandbox: Sandbox) -> None:
    result = await run_contained(strict_sandbox, "import os\nos.abort()")

    assert_failed(result, "Crashed", "Aborted")


async def test_leaving_through_os_exit_is_reported(strict_sandbox: Sandbox) -> None:
    result = await run_contained(strict_sandbox, "import os\nos._exit(0)")

    assert_failed(result, "NoResult", "exit code 0")


async def test_a_segfault_is_reported_as_a_crash(strict_sandbox: Sandbox) -> None:
    result = await run_contained(strict_sandbox, "import ctypes\nctypes.string_at(0)")

    assert_failed(result, "Crashed", "Segmentation fault")


async def test_a_result_whose_repr_raises(strict_sandbox: Sandbox) -> None:
    code = "class Odd:\n    def __repr__(self):\n        raise ValueError('no')\nresult = Odd()"

    result = await run_contained(strict_sandbox, code)

    assert result.status == "succeeded"
    assert result.result is not None
    assert "repr() failed with ValueError" in result.result["text"]


async def test_a_result_whose_repr_never_returns(strict_sandbox: Sandbox) -> None:
    code = (
        "class Odd:\n    def __repr__(self):\n        while True:\n            pass\nresult = Odd()"
    )

    result = await run_contained(strict_sandbox, code, timeout_seconds=1)

    assert result.status == "timed_out"


async def test_a_result_whose_str_conversion_raises_inside_a_table(strict_sandbox: Sandbox) -> None:
    code = (
        "import pandas as pd\nclass Odd:\n    def __repr__(self):\n        raise RuntimeError('x')\n"
        "result = pd.DataFrame({'a': [Odd()]})"
    )
    result = await run_contained(strict_sandbox, code)

    assert result.status in ("succeeded", "failed")
    if result.status == "failed":
        assert result.error is not None
        assert result.error.message.startswith("The result could not be shown")


async def test_writing_garbage_to_the_answer_socket_is_an_invalid_answer(
    strict_sandbox: Sandbox,
) -> None:
    code = """
import os, stat
def is_socket(fd):
    try:
        return stat.S_ISSOCK(os.fstat(fd).st_mode)
    except OSError:
        return False
answer = next(fd for fd in range(64) if is_socket(fd))
os.write(answer, b"\\x00\\x00\\x00\\x10" + b"not json at all!")
os._exit(0)
"""

    result = await run_contained(strict_sandbox, code)

    assert_failed(result, "InvalidAnswer")
