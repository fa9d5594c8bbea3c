"""A reply's code blocks land in the code library as they close, with where they came from."""

from httpx import AsyncClient
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import User
from tests.conversations.conftest import (
    CONVERSATIONS,
    ask,
    make_key,
    messages_of,
    new_conversation,
    ok,
    upload_csv,
)
from tests.fakes.openai_server import FakeOpenAI

LIBRARY = "/api/v1/code-blocks/"
TWO_BLOCKS = "Intro:\n```python\nx = 1\n```\nNext:\n```python\ny = 2\nz = 3\n```\nDone."


async def test_blocks_carry_the_reply_its_model_and_the_attached_files(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user)
    fake_openai.enqueue(text=TWO_BLOCKS)
    fake_openai.behave(text="Both ran.")  # the interpretation of the runs, then the title
    sales = await upload_csv(client, user_headers)
    conversation = await new_conversation(
        client, user_headers, title="Blocks", file_ids=[sales["id"]]
    )

    events = await ask(client, user_headers, conversation["id"])

    announced = [event.data for event in events if event.name == "code_block"]
    assert [block["code"] for block in announced] == ["x = 1", "y = 2\nz = 3"]
    entries = [
        ok(await client.get(f"{LIBRARY}{block['id']}", headers=user_headers)) for block in announced
    ]
    assert [entry["block_index"] for entry in entries] == [0, 1]
    assert all(
        entry["files"] == [{"id": sales["id"], "filename": "sales.csv"}] for entry in entries
    )
    listed = ok(await client.get(LIBRARY, headers=user_headers, params={"q": "z"}))
    assert [found["id"] for found in listed["data"]] == [announced[1]["id"]]
    reply = (await messages_of(client, user_headers, conversation["id"]))[1]
    assert [(block["id"], block["version"]) for block in reply["code_blocks"]] == [
        (block["id"], 1) for block in announced
    ]


async def test_a_block_left_open_by_a_failure_is_shown_but_not_kept(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user)
    fake_openai.behave(text=TWO_BLOCKS, cut_after_chunks=9)  # cut inside the second block
    conversation = await new_conversation(client, user_headers, title="Cut")

    events = await ask(client, user_headers, conversation["id"])

    assert events[-1].name == "error"
    announced = [event.data for event in events if event.name == "code_block"]
    assert [block["code"] for block in announced] == ["x = 1"]
    library = ok(await client.get(LIBRARY, headers=user_headers))
    assert [entry["id"] for entry in library["data"]] == [announced[0]["id"]]
    reply = (await messages_of(client, user_headers, conversation["id"]))[1]
    assert [block["id"] for block in reply["code_blocks"]] == [announced[0]["id"]]


async def test_the_library_keeps_a_deleted_conversations_blocks(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user)
    fake_openai.behave(text=TWO_BLOCKS)
    conversation = await new_conversation(client, user_headers, title="Gone soon")
    events = await ask(client, user_headers, conversation["id"])
    first = next(event.data for event in events if event.name == "code_block")

    deleted = await client.delete(f"{CONVERSATIONS}{conversation['id']}", headers=user_headers)

    assert deleted.status_code == 204
    entry = ok(await client.get(f"{LIBRARY}{first['id']}", headers=user_headers))
    assert (entry["code"], entry["conversation_id"], entry["message_id"]) == ("x = 1", None, None)
