"""Where file bytes live: a small interface, with a local-folder implementation.

Layout under the storage root: `files/<user_id>/<file_id>/original` (the bytes as uploaded) and
`.../data.parquet` (the parsed copy the sandbox loads). Work in progress is staged in a private folder
under `staging/` on the same disk and moved into place only when it is complete, so a reader never
sees a half-written object and a failed upload leaves nothing behind once its staging folder goes.
An object store would implement the same methods (staging stays on local disk: the parser needs it).
"""

import shutil
import tempfile
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator
from pathlib import Path

import anyio

ORIGINAL = "original"
PARQUET = "data.parquet"
DOWNLOAD_CHUNK_BYTES = 256 * 1024


class StoredObjectMissing(Exception):
    """The object is not (or no longer) in storage."""


def file_key(*, user_id: uuid.UUID, file_id: uuid.UUID) -> str:
    return f"files/{user_id}/{file_id}"


def user_prefix(user_id: uuid.UUID) -> str:
    return f"files/{user_id}"


class FileStorage(ABC):
    @abstractmethod
    async def create_staging_dir(self) -> Path:
        """A new empty local folder for one upload's work in progress."""

    @abstractmethod
    async def discard_staging_dir(self, path: Path) -> None:
        """Remove a staging folder and everything in it."""

    @abstractmethod
    async def discard_stale_staging(self, *, older_than_seconds: float) -> None:
        """Remove staging folders left by uploads a crash interrupted."""

    @abstractmethod
    async def store(self, key: str, name: str, source: Path) -> None:
        """Move a finished local file into place as `key/name`."""

    @abstractmethod
    async def open_chunks(self, key: str, name: str) -> AsyncIterator[bytes]:
        """The object's bytes, a chunk at a time; raises StoredObjectMissing before the first."""

    @abstractmethod
    async def local_path(self, key: str, name: str) -> Path:
        """A local path to read the object from (Parquet readers need one); raises StoredObjectMissing."""

    @abstractmethod
    async def delete_prefix(self, prefix: str) -> None:
        """Remove every object under `prefix` (nothing there is not an error)."""


class LocalFileStorage(FileStorage):
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    async def create_staging_dir(self) -> Path:
        def create() -> Path:
            staging = self.root / "staging"
            staging.mkdir(parents=True, exist_ok=True)
            return Path(tempfile.mkdtemp(dir=staging))

        return await anyio.to_thread.run_sync(create)

    async def discard_staging_dir(self, path: Path) -> None:
        await anyio.to_thread.run_sync(lambda: shutil.rmtree(path, ignore_errors=True))

    async def discard_stale_staging(self, *, older_than_seconds: float) -> None:
        def discard() -> None:
            # Only old ones: other app processes may share the folder and be uploading right now.
            deadline = time.time() - older_than_seconds
            staging = self.root / "staging"
            for folder in staging.iterdir() if staging.is_dir() else ():
                if folder.stat().st_mtime < deadline:
                    shutil.rmtree(folder, ignore_errors=True)

        await anyio.to_thread.run_sync(discard)

    async def store(self, key: str, name: str, source: Path) -> None:
        target = self._path(key, name)

        def move() -> None:
            target.parent.mkdir(parents=True, exist_ok=True)
            # The staging folder is on the same disk: a rename, atomic and instant.
            source.replace(target)

        await anyio.to_thread.run_sync(move)

    async def open_chunks(self, key: str, name: str) -> AsyncIterator[bytes]:
        try:
            handle = await anyio.open_file(self._path(key, name), "rb")
        except FileNotFoundError as error:
            raise StoredObjectMissing(f"{key}/{name}") from error
        return _chunks_of(handle)

    async def local_path(self, key: str, name: str) -> Path:
        path = self._path(key, name)
        if not await anyio.Path(path).is_file():
            raise StoredObjectMissing(f"{key}/{name}")
        return path

    async def delete_prefix(self, prefix: str) -> None:
        folder = self._path(prefix)
        await anyio.to_thread.run_sync(lambda: shutil.rmtree(folder, ignore_errors=True))

    def _path(self, *parts: str) -> Path:
        path = self.root.joinpath(*parts).resolve()
        # Keys are built from UUIDs; this guards the root against any other caller.
        if not path.is_relative_to(self.root) or path == self.root:
            raise ValueError(f"Storage key outside the storage root: {'/'.join(parts)}")
        return path


async def _chunks_of(handle: anyio.AsyncFile[bytes]) -> AsyncIterator[bytes]:
    async with handle:
        while chunk := await handle.read(DOWNLOAD_CHUNK_BYTES):
            yield chunk
