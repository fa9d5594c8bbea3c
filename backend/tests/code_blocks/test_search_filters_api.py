import uuid
from datetime import UTC, datetime

from httpx import AsyncClient
from sqlmodel import col, update
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import CodeBlock, User
from tests.code_blocks.library import (
    found_titles,
    new_conversation,
    reply_in,
    save_reply_block,
    save_snippet,
    search,
    upload_csv,
)


async def set_fields(db: AsyncSession, block_id: str, **values: object) -> None:
    statement = update(CodeBlock).where(col(CodeBlock.id) == uuid.UUID(block_id)).values(**values)
    await db.exec(statement)
    await db.commit()


async def test_every_tag_given_must_match(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    await save_snippet(client, user_headers, "x = 1", title="Both", tags=["sales", "kpi"])
    await save_snippet(client, user_headers, "x = 1", title="Sales", tags=["sales"])
    await save_snippet(client, user_headers, "x = 1", title="None")

    assert await found_titles(client, user_headers, tag="sales") == ["Sales", "Both"]
    assert await found_titles(client, user_headers, tag=["sales", " KPI "]) == ["Both"]
    assert await found_titles(client, user_headers, tag=["sales", "missing"]) == []


async def test_language_filter_knows_the_aliases(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    await save_snippet(client, user_headers, "x = 1", title="Python")
    await save_snippet(client, user_headers, "SELECT 1", title="SQL", language="sql")

    assert await found_titles(client, user_headers, language="py") == ["Python"]
    assert await found_titles(client, user_headers, language="PostgreSQL") == ["SQL"]
    assert await found_titles(client, user_headers, language="rust") == []


async def test_import_filter_matches_the_module_or_its_submodules(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    await save_snippet(client, user_headers, "import matplotlib.pyplot as plt", title="Pyplot")
    await save_snippet(client, user_headers, "import matplotlib", title="Matplotlib")
    await save_snippet(client, user_headers, "import matplotlib_venn", title="Venn")
    await save_snippet(client, user_headers, "from pandas.api import types", title="Pandas API")

    assert sorted(await found_titles(client, user_headers, **{"import": "matplotlib"})) == [
        "Matplotlib",
        "Pyplot",
    ]
    assert await found_titles(client, user_headers, **{"import": "matplotlib.pyplot"}) == ["Pyplot"]
    assert await found_titles(client, user_headers, **{"import": "matplot"}) == []
    assert await found_titles(client, user_headers, **{"import": "pandas"}) == ["Pandas API"]


async def test_conversation_and_file_filters(
    client: AsyncClient, db: AsyncSession, user: User, user_headers: dict[str, str]
) -> None:
    sales = await upload_csv(client, user_headers, "sales.csv")
    costs = await upload_csv(client, user_headers, "costs.csv")
    first = await new_conversation(client, user_headers, title="First")
    second = await new_conversation(client, user_headers, title="Second")
    for conversation, file_ids, code in [
        (first, [sales["id"]], "a = 1"),
        (first, [sales["id"], costs["id"]], "b = 1"),
        (second, [costs["id"]], "c = 1"),
    ]:
        message = await reply_in(db, owner=user, conversation_id=conversation["id"])
        await save_reply_block(
            db,
            owner=user,
            conversation_id=conversation["id"],
            message=message,
            code=code,
            file_ids=file_ids,
        )
    await save_snippet(client, user_headers, "d = 1")

    async def codes(**params: str) -> list[str]:
        body = await search(client, user_headers, **params)
        assert body["count"] == len(body["data"])
        return sorted(entry["code_preview"] for entry in body["data"])

    assert await codes(conversation_id=first["id"]) == ["a = 1", "b = 1"]
    assert await codes(conversation_id=second["id"]) == ["c = 1"]
    assert await codes(file_id=costs["id"]) == ["b = 1", "c = 1"]
    assert await codes(file_id=sales["id"], conversation_id=second["id"]) == []
    assert await codes(conversation_id=str(uuid.uuid4())) == []
    entry = (await search(client, user_headers, conversation_id=second["id"]))["data"][0]
    assert entry["conversation_title"] == "Second"
    assert entry["source"] == "chat"


async def test_created_between(
    client: AsyncClient, db: AsyncSession, user_headers: dict[str, str]
) -> None:
    for title, day in [("March", 3), ("April", 4), ("May", 5)]:
        saved = await save_snippet(client, user_headers, "x = 1", title=title)
        await set_fields(db, saved["id"], lineage_created_at=datetime(2026, day, 1, tzinfo=UTC))

    assert await found_titles(client, user_headers, created_after="2026-04-01T00:00:00Z") == [
        "May",
        "April",
    ]
    assert await found_titles(client, user_headers, created_before="2026-04-01T00:00:00Z") == [
        "March"
    ]
    between = {"created_after": "2026-03-15T00:00:00+02:00", "created_before": "2026-05-01"}
    assert await found_titles(client, user_headers, **between) == ["April"]
    # A time without a zone is UTC.
    assert await found_titles(client, user_headers, created_after="2026-05-01T00:00:00") == ["May"]


async def test_run_status(
    client: AsyncClient, db: AsyncSession, user_headers: dict[str, str]
) -> None:
    for title, status in [("Ran", True), ("Failed", False), ("Never run", None)]:
        saved = await save_snippet(client, user_headers, "x = 1", title=title)
        await set_fields(db, saved["id"], executed_successfully=status)

    assert await found_titles(client, user_headers, status="succeeded") == ["Ran"]
    assert await found_titles(client, user_headers, status="failed") == ["Failed"]
    assert await found_titles(client, user_headers, status="not_run") == ["Never run"]


async def test_filters_and_search_combine(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    await save_snippet(client, user_headers, "import pandas\nx = 1", title="Revenue", tags=["a"])
    await save_snippet(client, user_headers, "import numpy\nx = 1", title="Revenue", tags=["b"])
    await save_snippet(client, user_headers, "import pandas\nx = 1", title="Costs", tags=["a"])

    body = await search(client, user_headers, q="revenue", tag="a", **{"import": "pandas"})

    assert body["count"] == 1
    assert [entry["tags"] for entry in body["data"]] == [["a"]]


async def test_sorting_and_paging(
    client: AsyncClient, db: AsyncSession, user_headers: dict[str, str]
) -> None:
    saved = {}
    for title, day in [("banana", 2), ("Apple", 1), ("cherry", 3)]:
        saved[title] = await save_snippet(client, user_headers, "x = 1", title=title)
        await set_fields(
            db, saved[title]["id"], lineage_created_at=datetime(2026, 1, day, tzinfo=UTC)
        )
    await set_fields(db, saved["Apple"]["id"], updated_at=datetime(2100, 1, 1, tzinfo=UTC))

    assert await found_titles(client, user_headers) == ["cherry", "banana", "Apple"]
    assert await found_titles(client, user_headers, sort="newest") == ["cherry", "banana", "Apple"]
    assert await found_titles(client, user_headers, sort="relevance") == [
        "cherry",
        "banana",
        "Apple",
    ]
    assert await found_titles(client, user_headers, sort="oldest") == ["Apple", "banana", "cherry"]
    assert await found_titles(client, user_headers, sort="title") == ["Apple", "banana", "cherry"]
    assert (await found_titles(client, user_headers, sort="updated"))[0] == "Apple"

    page = await search(client, user_headers, skip=1, limit=1)
    assert page["count"] == 3
    assert [entry["title"] for entry in page["data"]] == ["banana"]
    beyond = await search(client, user_headers, skip=3)
    assert beyond == {"data": [], "count": 3}


async def test_a_page_holds_24_entries_by_default(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    for number in range(26):
        await save_snippet(client, user_headers, f"x = {number}", title=f"Snippet {number}")

    first = await search(client, user_headers)
    last = await search(client, user_headers, skip=24)

    assert first["count"] == last["count"] == 26
    assert len(first["data"]) == 24
    seen = [entry["id"] for entry in first["data"] + last["data"]]
    assert len(set(seen)) == 26
