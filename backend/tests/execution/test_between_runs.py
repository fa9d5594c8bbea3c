"""Runs share nothing: not data, not files, not memory, not state, across users or within one."""

import uuid

import pandas as pd

from app.execution.client import Sandbox
from app.execution.sandbox.filesystem import SCRATCH, runtime_paths
from tests.execution.conftest import MakeDataset
from tests.execution.containment import descendants, memory_contains, run_contained

# The top-level folders of the read-only runtime (/usr, the interpreter, the virtualenv), except the
# scratch folder's: the runtime is mounted read-only, so nothing can be left there.
RUNTIME_TOPS = tuple(
    sorted({path.split("/")[1] for path in runtime_paths()} - {SCRATCH.strip("/")})
)


async def test_a_second_user_finds_nothing_of_the_first_users_run(
    strict_sandbox: Sandbox, make_dataset: MakeDataset
) -> None:
    marker = f"ALPHA-{uuid.uuid4().hex}"
    first = make_dataset(
        pd.DataFrame({"note": [marker] * 50, "n": range(50)}), user_id=uuid.uuid4()
    )
    second = make_dataset(
        pd.DataFrame({"note": ["beta"] * 50, "n": range(50)}), user_id=uuid.uuid4()
    )
    leave_traces = """
import pandas as pd
open("/tmp/left.txt", "w").write(df["note"].iloc[0])
pd.left_behind = df
result = df["note"].iloc[0]
"""
    assert (await run_contained(strict_sandbox, leave_traces, [first])).status == "succeeded"

    look_for_them = f"""
import gc, os, pandas as pd
needle = {marker[::-1]!r}[::-1]
hits = []
for folder, folders, names in os.walk("/"):
    # The runtime (/usr, the interpreter, the virtualenv) is mounted read-only: nothing can be left there.
    folders[:] = [f for f in folders if folder != "/" or f not in {RUNTIME_TOPS!r}]
    for name in names:
        try:
            if needle.encode() in open(os.path.join(folder, name), "rb").read(1_000_000):
                hits.append(os.path.join(folder, name))
        except OSError:
            pass
for thing in gc.get_objects():
    if isinstance(thing, pd.DataFrame):
        if thing.astype(str).apply(lambda column: column.str.contains(needle)).any().any():
            hits.append("a DataFrame")
hits += ["pandas attribute"] if hasattr(pd, "left_behind") else []
hits += [path for path in ({str(first.parquet_path)!r},) if os.path.exists(path)]
result = {{"hits": hits, "tmp": os.listdir("/tmp")}}
"""
    result = await run_contained(strict_sandbox, look_for_them, [second])

    assert result.status == "succeeded", result.error
    assert result.result == {"kind": "json", "value": {"hits": [], "tmp": []}}


async def test_only_the_holder_of_a_users_files_has_them_in_memory(
    strict_sandbox: Sandbox, make_dataset: MakeDataset
) -> None:
    marker = f"GAMMA-{uuid.uuid4().hex}"
    mine = make_dataset(pd.DataFrame({"secret": [marker] * 10}), user_id=uuid.uuid4())
    theirs = make_dataset(pd.DataFrame({"plain": ["x"] * 10}), user_id=uuid.uuid4())
    assert (await strict_sandbox.run("result = len(df)", [mine])).status == "succeeded"
    assert (await strict_sandbox.run("result = len(df)", [theirs])).status == "succeeded"
    assert strict_sandbox.worker_pid is not None

    # Read from the host: the worker and the two holders just started, byte by byte.
    mine_holder, their_holder = descendants(strict_sandbox.worker_pid)[-2:]

    assert memory_contains(mine_holder, marker.encode())
    assert not memory_contains(their_holder, marker.encode())
    assert not memory_contains(strict_sandbox.worker_pid, marker.encode())


async def test_runs_on_the_same_files_do_not_see_each_others_scratch_or_globals(
    strict_sandbox: Sandbox, make_dataset: MakeDataset
) -> None:
    dataset = make_dataset(pd.DataFrame({"n": range(10)}))
    first = await run_contained(
        strict_sandbox,
        "import numpy as np\nopen('/tmp/state', 'w').write('1')\nnp.left = 1\nimport json\njson.x = 2",
        [dataset],
    )
    second = await run_contained(
        strict_sandbox,
        "import os, json, numpy as np\n"
        "result = [os.listdir('/tmp'), hasattr(np, 'left'), hasattr(json, 'x')]",
        [dataset],
    )

    assert first.status == "succeeded"
    assert second.result == {"kind": "json", "value": [[], False, False]}
