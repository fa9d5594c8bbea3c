"""What the chat's stream calls: the datasets of a reply's files, recording its runs, reading them."""

import uuid

import pytest
from fastapi import FastAPI
from httpx import AsyncClient
from sqlmodel.ext.asyncio.session import AsyncSession

from app.execution.client import Sandbox
from app.execution.runs import service
from app.files.exceptions import FileNotFound
from app.files.storage import FileStorage
from app.models import User
from tests.code_blocks.library import new_conversation, reply_in, save_reply_block
from tests.conftest import make_user
from tests.execution.runs.library import OTHER_MARKET_CSV, entry, history, upload


def storage_of(app: FastAPI) -> FileStorage:
    storage: FileStorage = app.state.file_storage
    return storage


async def test_a_replys_files_become_datasets_named_as_the_prompt_names_them(
    client: AsyncClient, app: FastAPI, user: User, user_headers: dict[str, str], db: AsyncSession
) -> None:
    first = await upload(client, user_headers, filename="Sales 2024.csv")
    second = await upload(client, user_headers, OTHER_MARKET_CSV, "sales_2024.csv")
    file_ids = [uuid.UUID(second["id"]), uuid.UUID(first["id"])]

    pairs = await service.datasets_for(
        db, owner_id=user.id, file_ids=file_ids, storage=storage_of(app)
    )

    assert [(file.id, dataset.file_id) for file, dataset in pairs] == [(i, i) for i in file_ids]
    assert [dataset.name for _, dataset in pairs] == ["sales_2024", "sales_2024_2"]
    assert all(dataset.parquet_path.is_file() for _, dataset in pairs)
    assert [dataset.sha256 for _, dataset in pairs] == [second["sha256"], first["sha256"]]


async def test_another_users_file_is_not_a_dataset(
    client: AsyncClient, app: FastAPI, user_headers: dict[str, str], db: AsyncSession
) -> None:
    sales = await upload(client, user_headers)
    stranger = await make_user(db)

    with pytest.raises(FileNotFound):
        await service.datasets_for(
            db, owner_id=stranger.id, file_ids=[uuid.UUID(sales["id"])], storage=storage_of(app)
        )


async def test_a_replys_runs_are_kept_with_their_message_and_read_back_in_order(
    client: AsyncClient,
    app: FastAPI,
    sandbox: Sandbox,
    user: User,
    user_headers: dict[str, str],
    db: AsyncSession,
) -> None:
    sales = await upload(client, user_headers)
    other = await upload(client, user_headers, OTHER_MARKET_CSV, "other.csv")
    file_ids = [uuid.UUID(sales["id"]), uuid.UUID(other["id"])]
    conversation = await new_conversation(client, user_headers, file_ids=[sales["id"], other["id"]])
    message = await reply_in(db, owner=user, conversation_id=conversation["id"])
    block = await save_reply_block(
        db, owner=user, conversation_id=conversation["id"], message=message, code="result = 1 / 0"
    )
    pairs = await service.datasets_for(
        db, owner_id=user.id, file_ids=file_ids, storage=storage_of(app)
    )
    datasets = [dataset for _, dataset in pairs]
    await db.commit()  # nothing held open while the code runs

    failed = await sandbox.run(block.code, datasets)
    first = await service.record_run(
        db,
        owner_id=user.id,
        block=block,
        file_ids=file_ids,
        result=failed,
        source="chat",
        message_id=message.id,
    )
    fixed_code = "result = dfs['other']['revenue'].sum() + len(df)"
    succeeded = await sandbox.run(fixed_code, datasets)
    second = await service.record_run(
        db,
        owner_id=user.id,
        block=block,
        file_ids=file_ids,
        result=succeeded,
        source="chat",
        message_id=message.id,
    )
    await db.commit()

    assert failed.status == "failed"
    assert block.executed_successfully is True  # the last run's outcome, on the object too
    found = await service.chat_runs(db, message_ids=[message.id, uuid.uuid4()])
    assert list(found) == [block.lineage_id]
    assert [execution.id for execution in found[block.lineage_id]] == [first.id, second.id]
    public = service.to_public(second, [file for file, _ in reversed(pairs)])
    assert public.source == "chat"
    assert public.message_id == message.id
    assert public.result is not None
    assert public.result.model_dump() == {"kind": "scalar", "type": "int64", "value": 10}
    assert [file.filename for file in public.files] == ["sales.csv", "other.csv"]
    assert public.file_ids == file_ids
    detail = await entry(client, user_headers, str(block.id))
    assert (detail["run_count"], detail["distinct_file_count"]) == (2, 2)
    listed = await history(client, user_headers, str(block.id))
    assert [run["error"]["kind"] if run["error"] else None for run in listed["data"]] == [
        None,
        "ZeroDivisionError",
    ]
