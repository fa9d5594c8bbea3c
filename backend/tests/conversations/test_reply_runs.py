"""A reply's Python blocks run in the sandbox once its text is complete: results stream back, a
failed block gets one fix from the model, and the reply ends with an interpretation."""

from pathlib import Path
from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import User
from tests.conversations.conftest import (
    ask,
    make_key,
    messages_of,
    names,
    new_conversation,
    ok,
    reply_text,
    upload_csv,
)
from tests.fakes.openai_server import FakeOpenAI

GOOD = "Totals:\n```python\nresult = df.groupby('region')['amount'].sum()\n```\n"
BROKEN = "Totals:\n```python\nresult = df.groupby('area')['amount'].sum()\n```\n"
FIX = "Use the right column:\n```python\nresult = df.groupby('region')['amount'].sum()\n```\n"
INTERPRETATION = "North sells the most."


def data(events: list[Any], name: str) -> list[dict[str, Any]]:
    return [event.data for event in events if event.name == name]


async def conversation_with_sales(client: AsyncClient, headers: dict[str, str]) -> dict[str, Any]:
    sales = await upload_csv(client, headers)
    return await new_conversation(client, headers, title="Sales", file_ids=[sales["id"]])


async def test_a_block_runs_and_the_reply_ends_with_an_interpretation(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user)
    fake_openai.enqueue(text=GOOD, input_tokens=100, output_tokens=20)
    fake_openai.enqueue(text=INTERPRETATION, input_tokens=50, output_tokens=5)
    conversation = await conversation_with_sales(client, user_headers)

    events = await ask(client, user_headers, conversation["id"])

    order = names(events)
    assert order.index("code_block") < order.index("execution_started")
    assert order.index("execution_started") < order.index("execution_result") < order.index("done")
    execution = data(events, "execution_result")[0]["execution"]
    assert execution["status"] == "succeeded"
    assert execution["result"]["kind"] == "series"
    assert dict(zip(execution["result"]["index"], execution["result"]["values"], strict=True)) == {
        "North": 17.5,
        "South": 20.0,
    }
    assert reply_text(events) == GOOD + "\n\n" + INTERPRETATION
    usage = data(events, "usage")[0]
    assert (usage["input_tokens"], usage["output_tokens"]) == (150, 25)
    interpret_request = fake_openai.chat_requests[1].json
    assert "<run_output>" in interpret_request["messages"][-1]["content"]
    reply = (await messages_of(client, user_headers, conversation["id"]))[1]
    assert reply["content"].endswith(INTERPRETATION)
    assert [run["id"] for run in reply["code_blocks"][0]["runs"]] == [execution["id"]]
    entry = ok(
        await client.get(f"/api/v1/code-blocks/{execution['code_block_id']}", headers=user_headers)
    )
    assert entry["executed_successfully"] is True


async def test_a_failed_block_gets_one_fix_saved_as_its_next_version(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user)
    fake_openai.enqueue(text=BROKEN)
    fake_openai.enqueue(text=FIX)
    fake_openai.enqueue(text=INTERPRETATION)
    conversation = await conversation_with_sales(client, user_headers)

    events = await ask(client, user_headers, conversation["id"])

    first, fixed = data(events, "code_block")
    runs = [result["execution"] for result in data(events, "execution_result")]
    assert [run["status"] for run in runs] == ["failed", "succeeded"]
    assert "area" in runs[0]["error"]["message"]
    assert fixed["fixed_from"] == first["id"]
    assert (fixed["index"], fixed["version"]) == (first["index"], 2)
    assert "'region'" in fixed["code"]
    assert "KeyError" in fake_openai.chat_requests[1].json["messages"][-1]["content"]
    versions = ok(
        await client.get(f"/api/v1/code-blocks/{first['id']}/versions", headers=user_headers)
    )
    assert [version["version"] for version in versions["data"]] == [2, 1]
    reply = (await messages_of(client, user_headers, conversation["id"]))[1]
    block = reply["code_blocks"][0]
    assert [run["status"] for run in block["runs"]] == ["failed", "succeeded"]
    assert block["fixed_version"]["id"] == fixed["id"]


async def test_with_auto_run_off_nothing_runs(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user)
    ok(
        await client.patch(
            "/api/v1/users/me", headers=user_headers, json={"settings": {"auto_run": False}}
        )
    )
    fake_openai.behave(text=GOOD)
    conversation = await conversation_with_sales(client, user_headers)

    events = await ask(client, user_headers, conversation["id"])

    assert "execution_started" not in names(events)
    assert reply_text(events) == GOOD
    assert len(fake_openai.chat_requests) == 1


async def test_the_built_in_assistant_runs_its_code_and_describes_the_result(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    conversation = await conversation_with_sales(client, user_headers)

    events = await ask(client, user_headers, conversation["id"], "Total amount by region")

    runs = [result["execution"] for result in data(events, "execution_result")]
    assert runs
    assert all(run["status"] == "succeeded" for run in runs)
    assert "The result" in reply_text(events).split("```")[-1]


async def test_the_run_button_runs_a_reply_block_on_all_its_files_and_keeps_the_run(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user)
    settings = {"settings": {"auto_run": False}}
    ok(await client.patch("/api/v1/users/me", headers=user_headers, json=settings))
    fake_openai.behave(text="Both:\n```python\nresult = sorted(dfs)\n```\n")
    first = await upload_csv(client, user_headers)
    second = await upload_csv(client, user_headers, filename="more.csv")
    conversation = await new_conversation(
        client, user_headers, title="Two", file_ids=[first["id"], second["id"]]
    )
    events = await ask(client, user_headers, conversation["id"])
    block = data(events, "code_block")[0]
    reply_id = events[-1].data["message"]["id"]
    run_url = f"/api/v1/code-blocks/{block['id']}/runs"
    file_ids = [first["id"], second["id"]]

    ran = ok(
        await client.post(
            run_url, headers=user_headers, json={"file_ids": file_ids, "message_id": reply_id}
        ),
        201,
    )
    wrong_reply = await client.post(
        run_url,
        headers=user_headers,
        json={"file_ids": file_ids, "message_id": events[0].data["user_message"]["id"]},
    )

    [run] = ran["data"]
    assert (run["status"], run["source"], run["file_ids"]) == ("succeeded", "chat", file_ids)
    assert run["result"]["value"] == ["more", "sales"]
    assert wrong_reply.status_code == 404
    reply = (await messages_of(client, user_headers, conversation["id"]))[1]
    assert [found["id"] for found in reply["code_blocks"][0]["runs"]] == [run["id"]]


def remove_parquet_copies(data_dir: Path) -> None:
    for parquet in data_dir.rglob("data.parquet"):
        parquet.unlink()


async def test_a_reply_whose_file_data_is_gone_completes_without_running(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
    app: FastAPI,
) -> None:
    await make_key(db, user)
    fake_openai.behave(text=GOOD)
    conversation = await conversation_with_sales(client, user_headers)
    remove_parquet_copies(app.state.file_storage.root)

    events = await ask(client, user_headers, conversation["id"])

    assert "execution_started" not in names(events)
    assert names(events)[-1] == "done"
