"""The files a run reads: the owner's own, in the order given, as the sandbox's Datasets."""

import uuid
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy.orm import QueryableAttribute, defer
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.conversations.prompt import dataset_names
from app.execution.schemas import Dataset
from app.files.exceptions import FileNotFound
from app.files.service import DATA_GONE
from app.files.storage import PARQUET, FileStorage, StoredObjectMissing
from app.models import File


async def owned_files(
    session: AsyncSession,
    *,
    owner_id: uuid.UUID,
    file_ids: Sequence[uuid.UUID],
    with_profile: bool = False,
) -> list[File]:
    """These files of the owner's, in the order given; FileNotFound (404) if any is not one."""
    wanted = list(dict.fromkeys(file_ids))
    found = {file.id: file for file in await _files(session, owner_id, wanted, with_profile)}
    if len(found) != len(wanted):
        raise FileNotFound
    return [found[file_id] for file_id in wanted]


async def existing_files(
    session: AsyncSession, *, owner_id: uuid.UUID, file_ids: Sequence[uuid.UUID]
) -> list[File]:
    """Those of these files that still exist (runs outlive their files), profiles left out."""
    return list(await _files(session, owner_id, list(dict.fromkeys(file_ids)), False))


async def datasets_for(
    session: AsyncSession,
    *,
    owner_id: uuid.UUID,
    file_ids: list[uuid.UUID],
    storage: FileStorage,
) -> list[tuple[File, Dataset]]:
    """The owner's files with their Datasets, named as the prompt names them (`dfs` keys)."""
    files = await owned_files(session, owner_id=owner_id, file_ids=file_ids)
    names = dataset_names([file.filename for file in files])
    pairs: list[tuple[File, Dataset]] = []
    for file, name in zip(files, names, strict=True):
        try:
            path = await storage.local_path(file.storage_key, PARQUET)
        except StoredObjectMissing as error:
            raise FileNotFound(DATA_GONE) from error
        dataset = Dataset(name=name, parquet_path=path, file_id=file.id, sha256=file.sha256)
        pairs.append((file, dataset))
    return pairs


async def _files(
    session: AsyncSession, owner_id: uuid.UUID, file_ids: list[uuid.UUID], with_profile: bool
) -> Sequence[File]:
    if not file_ids:
        return []
    query = select(File).where(col(File.id).in_(file_ids), col(File.user_id) == owner_id)
    if not with_profile:
        query = query.options(defer(cast(QueryableAttribute[Any], File.profile), raiseload=True))
    return (await session.exec(query)).all()
