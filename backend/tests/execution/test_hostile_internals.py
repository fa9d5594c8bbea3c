"""Code reaching os, subprocess, builtins and ctypes through the libraries, with no import of them.

The pre-check would refuse most of these; here it is off, so each shows the operating-system
boundary holding on its own: what the code reaches is real, what it can do with it is nothing.
"""

import uuid
from pathlib import Path

import pytest

from app.execution.client import Sandbox
from app.execution.schemas import Dataset
from tests.execution.conftest import MakeDataset, sales_frame
from tests.execution.containment import assert_failed, run_contained

REACHES = {
    "pandas internals": "os = pd.io.common.os",
    "numpy ctypeslib": "os = np.ctypeslib.ctypes._os",
    "matplotlib cbook": "import matplotlib.cbook\nos = matplotlib.cbook.os",
    "__builtins__": "os = __builtins__.__import__('os')",
    "__subclasses__ walk": (
        "wrap = [c for c in ().__class__.__base__.__subclasses__() if c.__name__ == '_wrap_close'][0]\n"
        "os = wrap.__init__.__globals__['path'].os if 'path' in wrap.__init__.__globals__ "
        "else __import__('os')"
    ),
}


@pytest.mark.parametrize("reach", REACHES.values(), ids=REACHES.keys())
async def test_os_reached_through_libraries_finds_no_host(
    strict_sandbox: Sandbox, sales: Dataset, tmp_path: Path, reach: str
) -> None:
    marker = tmp_path / "reached"
    code = f"""{reach}
seen = {{"shadow": os.path.exists("/etc/shadow"), "proc": os.path.exists("/proc/1")}}
status = os.system("touch {marker}")
seen["system"] = status
open({str(marker)!r}, "w")
"""
    result = await run_contained(strict_sandbox, code, [sales])

    assert_failed(result, "FileNotFoundError")
    assert not marker.exists()


async def test_subprocess_found_by_walking_subclasses_cannot_start(
    strict_sandbox: Sandbox, tmp_path: Path
) -> None:
    marker = tmp_path / "popen"
    code = (
        "Popen = [c for c in ().__class__.__base__.__subclasses__() if c.__name__ == 'Popen'][0]\n"
        f"Popen(['touch', {str(marker)!r}]).wait()"
    )
    result = await run_contained(strict_sandbox, code)

    assert_failed(result, "PermissionError", "Operation not permitted")
    assert not marker.exists()


async def test_ctypes_through_numpy_cannot_call_out(
    strict_sandbox: Sandbox, tmp_path: Path
) -> None:
    marker = tmp_path / "ctypes"
    code = f"""
libc = np.ctypeslib.ctypes.CDLL(None)
status = libc.system(b"touch {marker}")
sock = libc.socket(2, 1, 0)
result = [status, sock, libc.getuid(), libc.unshare(0x10000000)]
"""
    result = await run_contained(strict_sandbox, code)

    assert result.status == "succeeded", result.error
    assert result.result is not None
    status, sock, uid, unshare = result.result["value"]
    assert status != 0
    assert sock == -1
    assert uid != 0
    assert unshare == -1
    assert not marker.exists()


async def test_a_segfault_through_ctypes_only_ends_the_run(strict_sandbox: Sandbox) -> None:
    result = await run_contained(strict_sandbox, "np.ctypeslib.ctypes.string_at(0)")

    assert_failed(result, "Crashed", "Segmentation fault")
    follow_up = await run_contained(strict_sandbox, "result = 2")
    assert follow_up.status == "succeeded"


async def test_walking_frames_and_the_heap_finds_no_trace_of_other_files(
    strict_sandbox: Sandbox, make_dataset: MakeDataset
) -> None:
    other = make_dataset(sales_frame(), user_id=uuid.uuid4())
    assert (await strict_sandbox.run("result = len(df)", [other])).status == "succeeded"
    mine = make_dataset(sales_frame(), user_id=uuid.uuid4())
    # The worker knew `other` when it forked the holder of `mine`: it must have left no trace.
    needle = str(other.file_id)
    code = f"""
import gc, sys, types
needle = {needle[::-1]!r}[::-1]
# Everything reachable from the stack (our frames, the holder's and the worker's below them) or known
# to the garbage collector, short of modules, classes and functions (the libraries themselves).
skip = (types.ModuleType, type, types.FunctionType, types.BuiltinFunctionType, types.CodeType)
module_dicts = {{id(module.__dict__) for module in list(sys.modules.values()) if module}}
todo, seen, found = list(gc.get_objects()), set(), []
frame = sys._getframe()
while frame is not None:
    todo.append(frame.f_locals)
    frame = frame.f_back
while todo:
    thing = todo.pop()
    if id(thing) in seen or id(thing) in module_dicts or isinstance(thing, skip):
        continue
    seen.add(id(thing))
    if isinstance(thing, str):
        if thing is not needle and needle in thing:
            found.append(thing[:80])
    elif not isinstance(thing, bytes | int | float):
        todo.extend(gc.get_referents(thing))
result = found
"""
    result = await run_contained(strict_sandbox, code, [mine])

    assert result.status == "succeeded", result.error
    assert result.result == {"kind": "json", "value": []}


@pytest.mark.parametrize(
    "code",
    [
        "import pickle\npickle.loads(b\"csubprocess\\ncheck_call\\n(](S'touch'\\nS'{marker}'\\netR.\")",
        (
            "import pickle, subprocess\n"
            "class Payload:\n"
            "    def __reduce__(self):\n"
            "        return (subprocess.check_call, (['touch', {marker!r}],))\n"
            "open('/tmp/payload.pkl', 'wb').write(pickle.dumps(Payload()))\n"
            "pd.read_pickle('/tmp/payload.pkl')"
        ),
    ],
    ids=["pickle.loads", "pd.read_pickle"],
)
async def test_unpickling_a_payload_cannot_run_commands(
    strict_sandbox: Sandbox, tmp_path: Path, code: str
) -> None:
    marker = tmp_path / "unpickled"

    result = await run_contained(strict_sandbox, code.format(marker=str(marker)))

    assert_failed(result, "PermissionError", "Operation not permitted")
    assert not marker.exists()


@pytest.mark.parametrize(
    "code",
    [
        "result = df.query(\"@pd.io.common.os.system('touch {marker}') == 0\", engine='python')",
        "result = df.query(\"@open('{marker}', 'w') == 0\", engine='python')",
        "result = pd.eval(\"__import__('os').system('touch {marker}')\", engine='python')",
        "result = df.eval(\"@pd.io.common.os.system('touch {marker}')\", engine='python')",
    ],
    ids=["query os.system", "query open", "pd.eval import", "df.eval"],
)
async def test_query_and_eval_with_the_python_engine(
    strict_sandbox: Sandbox, sales: Dataset, tmp_path: Path, code: str
) -> None:
    marker = tmp_path / "evaluated"

    result = await run_contained(strict_sandbox, code.format(marker=str(marker)), [sales])

    assert not marker.exists()
    if result.status == "succeeded":
        # os.system could be called, but its shell could not start: it answers "exit status 127".
        assert result.result is not None
        assert "32512" in str(result.result)
    else:
        assert result.error is not None
        assert result.error.message
