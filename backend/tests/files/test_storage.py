import os
import time
from pathlib import Path

import pytest

from app.files.storage import LocalFileStorage, StoredObjectMissing


async def test_stale_staging_folders_are_removed_and_fresh_ones_kept(tmp_path: Path) -> None:
    storage = LocalFileStorage(tmp_path)
    stale = await storage.create_staging_dir()
    (stale / "original").write_bytes(b"half an upload")
    two_days_ago = time.time() - 2 * 24 * 60 * 60
    os.utime(stale, (two_days_ago, two_days_ago))
    fresh = await storage.create_staging_dir()

    await storage.discard_stale_staging(older_than_seconds=24 * 60 * 60)

    assert not stale.exists()
    assert fresh.exists()


async def test_stored_objects_are_moved_into_place_and_deleted_by_prefix(tmp_path: Path) -> None:
    storage = LocalFileStorage(tmp_path)
    staging = await storage.create_staging_dir()
    (staging / "original").write_bytes(b"a,b\n1,2\n")

    await storage.store("files/u/f", "original", staging / "original")

    assert not (staging / "original").exists()
    chunks = [chunk async for chunk in await storage.open_chunks("files/u/f", "original")]
    assert b"".join(chunks) == b"a,b\n1,2\n"
    await storage.delete_prefix("files/u")
    with pytest.raises(StoredObjectMissing):
        await storage.open_chunks("files/u/f", "original")


@pytest.mark.parametrize("key", ["../outside", "files/../../etc", "", "."])
async def test_keys_cannot_leave_the_storage_root(tmp_path: Path, key: str) -> None:
    storage = LocalFileStorage(tmp_path / "root")

    with pytest.raises(ValueError, match="outside the storage root"):
        await storage.delete_prefix(key)
