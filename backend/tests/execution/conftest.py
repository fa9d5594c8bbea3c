"""One sandbox (one worker) for the execution tests, with small limits so bombs end quickly.

Datasets are written the way uploads write them: a pandas frame -> Arrow -> Parquet (files.ingest).
"""

import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from app.execution.client import Sandbox, SandboxConfig
from app.execution.sandbox.limits import RunLimits
from app.execution.schemas import Dataset
from app.files.ingest.columns import for_parquet
from app.files.ingest.parquet import write_parquet

TEST_LIMITS = RunLimits(
    timeout_seconds=20,
    memory_bytes=512 * 1024 * 1024,
    cpu_seconds=4,
    max_processes=32,
    max_open_files=64,
    max_write_bytes=8 * 1024 * 1024,
    max_output_bytes=16 * 1024,
    max_csv_bytes=256 * 1024,
)
TEST_CONFIG = SandboxConfig(
    limits=TEST_LIMITS,
    concurrency=4,
    allow_unisolated=False,
    cache_bytes=1024 * 1024 * 1024,
    cache_idle_seconds=600,
)

MakeDataset = Callable[..., Dataset]


async def started_sandbox(config: SandboxConfig = TEST_CONFIG) -> Sandbox:
    sandbox = Sandbox(config)
    await sandbox.start()
    await sandbox.run("result = 1", [], precheck_code=False)  # waits for the worker and its probe
    return sandbox


@pytest.fixture(scope="session")
async def strict_sandbox() -> AsyncIterator[Sandbox]:
    """Named apart from the suite's shared `sandbox` (default limits), which the app fixture uses."""
    started = await started_sandbox()
    assert started.isolation.level == "full", started.isolation.describe()
    yield started
    await started.stop()


@pytest.fixture(scope="session")
def make_dataset(tmp_path_factory: pytest.TempPathFactory) -> MakeDataset:
    """A Parquet copy of `frame` stored like an upload (files/<user>/<file>/data.parquet)."""

    def make(frame: pd.DataFrame, name: str = "sales", user_id: uuid.UUID | None = None) -> Dataset:
        file_id = uuid.uuid4()
        folder = (
            tmp_path_factory.getbasetemp() / "files" / str(user_id or uuid.uuid4()) / str(file_id)
        )
        folder.mkdir(parents=True)
        path = folder / "data.parquet"
        write_parquet(for_parquet(pa.Table.from_pandas(frame, preserve_index=False)), path)
        return Dataset(name=name, parquet_path=path, file_id=file_id, sha256=uuid.uuid4().hex)

    return make


def sales_frame(rows: int = 120) -> pd.DataFrame:
    days = pd.date_range("2024-01-01", periods=rows, freq="D")
    return pd.DataFrame(
        {
            "order_date": days,
            "region": [["North", "South", "East", "West"][i % 4] for i in range(rows)],
            "product": [f"Product {i % 5}" for i in range(rows)],
            "quantity": [1 + i % 7 for i in range(rows)],
            "revenue": [float(10 * (i % 13) + 5) for i in range(rows)],
            "comment": [
                ["great price", "late delivery", "", "broken box"][i % 4] for i in range(rows)
            ],
        }
    )


@pytest.fixture(scope="session")
def sales(make_dataset: MakeDataset) -> Dataset:
    return make_dataset(sales_frame())


def with_limits(config: SandboxConfig, **changes: object) -> SandboxConfig:
    return replace(config, **changes)  # type: ignore[arg-type]


def data_path(dataset: Dataset) -> Path:
    return dataset.parquet_path
