from datetime import datetime

from httpx import AsyncClient
from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import CodeBlock
from tests.code_blocks.library import LIBRARY, edit, ok, save_snippet, search

V1 = 'totals = df.groupby("region")["amount"].sum()\nresult = totals\n'
V2 = 'totals = df.groupby("country")["amount"].sum()\nresult = totals\n'
V3 = 'result = df["amount"].mean()\n'


def at(moment: str) -> datetime:
    return datetime.fromisoformat(moment)


async def versions_of(
    client: AsyncClient, headers: dict[str, str], block_id: str
) -> list[dict[str, object]]:
    body = ok(await client.get(f"{LIBRARY}{block_id}/versions", headers=headers))
    assert body["count"] == len(body["data"])
    return list(body["data"])


async def test_editing_the_code_makes_the_next_version(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    first = await save_snippet(client, user_headers, V1, title="Amount per region", tags=["sales"])

    second = await edit(client, user_headers, first["id"], code=V2)

    assert second["id"] != first["id"]
    assert second["lineage_id"] == first["id"]
    assert second["version"] == 2
    assert second["versions_count"] == 2
    assert second["parent_version_id"] == first["id"]
    assert second["is_latest"] is True
    assert second["latest_version_id"] == second["id"]
    assert second["code"] == V2
    assert "country" in second["columns_referenced"]
    assert "region" not in second["columns_referenced"]
    assert second["title"] == "Amount per region"
    assert second["tags"] == ["sales"]
    assert second["created_at"] == first["created_at"]
    assert at(second["version_created_at"]) > at(first["version_created_at"])
    old = ok(await client.get(f"{LIBRARY}{first['id']}", headers=user_headers))
    assert old["code"] == V1
    assert old["is_latest"] is False
    assert old["latest_version_id"] == second["id"]
    assert old["versions_count"] == 2
    listed = await search(client, user_headers)
    assert listed["count"] == 1
    assert [entry["id"] for entry in listed["data"]] == [second["id"]]
    assert listed["data"][0]["versions_count"] == 2


async def test_editing_an_old_version_makes_a_new_latest_from_it(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    first = await save_snippet(client, user_headers, V1)
    second = await edit(client, user_headers, first["id"], code=V2)

    third = await edit(client, user_headers, first["id"], code=V3)

    assert third["version"] == 3
    assert third["parent_version_id"] == first["id"]
    assert third["is_latest"] is True
    versions = await versions_of(client, user_headers, second["id"])
    assert [(v["version"], v["is_latest"]) for v in versions] == [(3, True), (2, False), (1, False)]
    assert [v["parent_version_id"] for v in versions] == [first["id"], first["id"], None]
    assert [v["code"] for v in versions] == [V3, V2, V1]
    assert set(versions[0]) == {
        "id",
        "version",
        "parent_version_id",
        "code",
        "language",
        "created_at",
        "is_latest",
        "executed_successfully",
        "syntax_error",
    }
    page = ok(
        await client.get(
            f"{LIBRARY}{first['id']}/versions",
            headers=user_headers,
            params={"skip": 1, "limit": 1},
        )
    )
    assert page["count"] == 3
    assert [v["version"] for v in page["data"]] == [2]


async def test_the_same_code_makes_no_new_version(
    client: AsyncClient, db: AsyncSession, user_headers: dict[str, str]
) -> None:
    first = await save_snippet(client, user_headers, V1)

    same = await edit(client, user_headers, first["id"], code=V1)
    unchanged = await edit(client, user_headers, first["id"])

    assert same["id"] == unchanged["id"] == first["id"]
    assert same["version"] == 1
    rows = (await db.exec(select(func.count()).select_from(CodeBlock))).one()
    assert rows == 1


async def test_a_new_language_makes_a_new_version(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    first = await save_snippet(client, user_headers, "SELECT 1", language="sql")

    second = await edit(client, user_headers, first["id"], language="postgres")
    third = await edit(client, user_headers, second["id"], language="text")

    assert second["id"] == first["id"]  # postgres is sql: nothing changed
    assert third["version"] == 2
    assert third["language"] == "text"


async def test_new_code_is_analysed_afresh_and_its_run_status_cleared(
    client: AsyncClient, db: AsyncSession, user_headers: dict[str, str]
) -> None:
    first = await save_snippet(client, user_headers, V1)
    block = (await db.exec(select(CodeBlock))).one()
    block.executed_successfully = True
    await db.commit()

    broken = await edit(client, user_headers, first["id"], code="result = (")

    assert broken["executed_successfully"] is None
    assert broken["has_syntax_error"] is True
    assert broken["columns_referenced"] == []
    old = ok(await client.get(f"{LIBRARY}{first['id']}", headers=user_headers))
    assert old["executed_successfully"] is True


async def test_title_description_and_tags_change_on_every_version(
    client: AsyncClient, db: AsyncSession, user_headers: dict[str, str]
) -> None:
    first = await save_snippet(client, user_headers, V1, title="Old name", tags=["a"])
    second = await edit(client, user_headers, first["id"], code=V2)

    renamed = await edit(
        client,
        user_headers,
        first["id"],
        title="Amount by area",
        description="Sums the amounts.",
        tags=["Sales", "kpi", "sales"],
    )

    assert renamed["id"] == first["id"]
    assert renamed["version"] == 1
    rows = (await db.exec(select(CodeBlock).order_by(col(CodeBlock.version)))).all()
    assert len(rows) == 2
    for row in rows:
        await db.refresh(row)
        assert (row.title, row.description, row.tags) == (
            "Amount by area",
            "Sums the amounts.",
            ["sales", "kpi"],
        )
    latest = ok(await client.get(f"{LIBRARY}{second['id']}", headers=user_headers))
    assert latest["title"] == "Amount by area"
    assert at(latest["updated_at"]) > at(second["updated_at"])


async def test_new_code_and_a_new_title_together(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    first = await save_snippet(client, user_headers, V1, title="Before")

    second = await edit(client, user_headers, first["id"], code=V2, title="After", tags=["x"])

    assert second["version"] == 2
    assert (second["title"], second["tags"]) == ("After", ["x"])
    old = ok(await client.get(f"{LIBRARY}{first['id']}", headers=user_headers))
    assert (old["title"], old["tags"]) == ("After", ["x"])
