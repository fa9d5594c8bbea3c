import uuid

from httpx import AsyncClient
from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import CodeBlock, User
from tests.code_blocks.library import (
    CONVERSATIONS,
    FILES,
    LIBRARY,
    SALES_CODE,
    edit,
    new_conversation,
    ok,
    refused,
    reply_in,
    save_reply_block,
    save_snippet,
    upload_csv,
)
from tests.conftest import auth_headers, make_user

PLOT_CODE = """\
import matplotlib.pyplot as plt
from scipy import stats


class Summary:
    pass


def top_regions(frame, n=3):
    return frame.nlargest(n, "amount")


best = top_regions(df[df["amount"] > 0])
best.plot(kind="bar")
result = best
"""


async def test_a_saved_snippet_is_analysed_and_titled(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    saved = await save_snippet(client, user_headers, PLOT_CODE, tags=[" Charts ", "charts", "KPI"])

    assert saved["source"] == "user"
    assert saved["version"] == 1
    assert saved["versions_count"] == 1
    assert saved["lineage_id"] == saved["id"] == saved["latest_version_id"]
    assert saved["is_latest"] is True
    assert saved["parent_version_id"] is None
    assert saved["language"] == "python"
    assert saved["imports"] == ["matplotlib.pyplot", "scipy"]
    assert saved["functions_defined"] == ["top_regions"]
    assert saved["classes_defined"] == ["Summary"]
    assert {"best", "result"} <= set(saved["variables_created"])
    assert "amount" in saved["columns_referenced"]
    assert saved["syntax_error"] is None
    assert saved["has_syntax_error"] is False
    assert saved["executed_successfully"] is None
    assert saved["tags"] == ["charts", "kpi"]
    assert saved["title"]
    assert len(saved["title"]) <= 120
    assert saved["code"] == PLOT_CODE
    assert saved["code_preview"] == "\n".join(PLOT_CODE.splitlines()[:12]).rstrip()
    assert saved["conversation_id"] is None
    assert saved["conversation_title"] is None
    assert saved["files"] == []
    assert saved["created_at"] == saved["version_created_at"]
    read = ok(await client.get(f"{LIBRARY}{saved['id']}", headers=user_headers))
    assert read == saved


async def test_a_given_title_description_and_language_are_kept(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    saved = await save_snippet(
        client,
        user_headers,
        "SELECT region, sum(amount) FROM sales GROUP BY region",
        title="  Sales per region ",
        description="For the monthly report.",
        language="PostgreSQL",
    )

    assert saved["title"] == "Sales per region"
    assert saved["description"] == "For the monthly report."
    assert saved["language"] == "sql"
    assert saved["imports"] == []
    assert saved["syntax_error"] is None


async def test_code_that_does_not_parse_is_kept_with_its_error(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    saved = await save_snippet(
        client, user_headers, "import pandas as pd\nresult = (df[", language="py"
    )

    assert saved["language"] == "python"
    assert saved["syntax_error"]
    assert saved["has_syntax_error"] is True
    assert saved["imports"] == []


async def test_reply_blocks_show_their_conversation_and_files(
    client: AsyncClient, db: AsyncSession, user: User, user_headers: dict[str, str]
) -> None:
    file = await upload_csv(client, user_headers)
    other_file = await upload_csv(client, user_headers, filename="gone.csv")
    conversation = await new_conversation(client, user_headers, title="Sales review")
    message = await reply_in(db, owner=user, conversation_id=conversation["id"])
    block = await save_reply_block(
        db,
        owner=user,
        conversation_id=conversation["id"],
        message=message,
        index=2,
        file_ids=[file["id"], other_file["id"]],
        prose_before="Here is the total amount for each region, largest first:",
    )
    ok(await client.delete(f"{FILES}{other_file['id']}", headers=user_headers), 204)

    read = ok(await client.get(f"{LIBRARY}{block.id}", headers=user_headers))

    assert read["source"] == "chat"
    assert read["conversation_id"] == conversation["id"]
    assert read["conversation_title"] == "Sales review"
    assert read["message_id"] == str(message.id)
    assert read["block_index"] == 2
    assert read["provider"] == "openai"
    assert read["model"] == "gpt-4o-mini"
    assert read["files"] == [{"id": file["id"], "filename": "sales.csv"}]
    assert "region" in read["title"].lower()


async def test_the_library_outlives_the_conversation(
    client: AsyncClient, db: AsyncSession, user: User, user_headers: dict[str, str]
) -> None:
    conversation = await new_conversation(client, user_headers, title="Short-lived")
    message = await reply_in(db, owner=user, conversation_id=conversation["id"])
    block = await save_reply_block(
        db, owner=user, conversation_id=conversation["id"], message=message
    )

    ok(await client.delete(f"{CONVERSATIONS}{conversation['id']}", headers=user_headers), 204)

    read = ok(await client.get(f"{LIBRARY}{block.id}", headers=user_headers))
    assert read["conversation_id"] is None
    assert read["conversation_title"] is None
    assert read["message_id"] is None
    assert read["code"] == SALES_CODE


async def test_delete_removes_every_version(
    client: AsyncClient, db: AsyncSession, user_headers: dict[str, str]
) -> None:
    first = await save_snippet(client, user_headers, "x = 1")
    second = await edit(client, user_headers, first["id"], code="x = 2")
    await edit(client, user_headers, second["id"], code="x = 3")
    kept = await save_snippet(client, user_headers, "y = 1")

    ok(await client.delete(f"{LIBRARY}{second['id']}", headers=user_headers), 204)

    lineage = col(CodeBlock.lineage_id) == uuid.UUID(first["id"])
    remaining = (await db.exec(select(func.count()).select_from(CodeBlock).where(lineage))).one()
    assert remaining == 0
    refused(
        await client.get(f"{LIBRARY}{first['id']}", headers=user_headers), 404, "CodeBlockNotFound"
    )
    refused(
        await client.delete(f"{LIBRARY}{first['id']}", headers=user_headers),
        404,
        "CodeBlockNotFound",
    )
    ok(await client.get(f"{LIBRARY}{kept['id']}", headers=user_headers))


async def test_deleting_the_user_deletes_their_library(
    client: AsyncClient, db: AsyncSession, user_headers: dict[str, str]
) -> None:
    first = await save_snippet(client, user_headers, "x = 1")
    await edit(client, user_headers, first["id"], code="x = 2")

    ok(await client.delete("/api/v1/users/me", headers=user_headers), 204)

    count = (await db.exec(select(func.count()).select_from(CodeBlock))).one()
    assert count == 0


async def test_another_users_block_is_404_everywhere(
    client: AsyncClient, db: AsyncSession, user_headers: dict[str, str]
) -> None:
    other = auth_headers(await make_user(db))
    theirs = await save_snippet(client, other, "secret = 42")
    their_v2 = await edit(client, other, theirs["id"], code="secret = 43")
    url = f"{LIBRARY}{theirs['id']}"

    for response in [
        await client.get(url, headers=user_headers),
        await client.get(f"{LIBRARY}{their_v2['id']}", headers=user_headers),
        await client.patch(url, headers=user_headers, json={"title": "mine"}),
        await client.patch(url, headers=user_headers, json={"code": "secret = 0"}),
        await client.delete(url, headers=user_headers),
        await client.get(f"{url}/versions", headers=user_headers),
        await client.get(f"{url}/export", headers=user_headers, params={"format": "py"}),
        await client.get(f"{url}/export", headers=user_headers, params={"format": "ipynb"}),
    ]:
        assert refused(response, 404, "CodeBlockNotFound") == "Code block not found."
    ok(await client.get(url, headers=other))
    unknown = await client.get(f"{LIBRARY}{uuid.uuid4()}", headers=user_headers)
    refused(unknown, 404, "CodeBlockNotFound")


async def test_the_library_needs_a_login(client: AsyncClient) -> None:
    for response in [
        await client.get(LIBRARY),
        await client.get(f"{LIBRARY}facets"),
        await client.post(LIBRARY, json={"code": "x = 1"}),
        await client.get(f"{LIBRARY}{uuid.uuid4()}"),
    ]:
        refused(response, 401, "NotAuthenticated")


async def test_facets_count_the_latest_versions_most_frequent_first(
    client: AsyncClient, db: AsyncSession, user_headers: dict[str, str]
) -> None:
    first = await save_snippet(client, user_headers, "import pandas as pd\nx = 1", tags=["sales"])
    await edit(client, user_headers, first["id"], code="import numpy as np\nx = 2")
    await save_snippet(client, user_headers, "import pandas as pd\ny = 1", tags=["sales", "kpi"])
    await save_snippet(client, user_headers, "import pandas\nimport numpy", tags=["kpi", "sales"])
    await save_snippet(client, user_headers, "SELECT 1", language="sql", tags=["adhoc"])
    await save_snippet(client, auth_headers(await make_user(db)), "import os", tags=["theirs"])

    facets = ok(await client.get(f"{LIBRARY}facets", headers=user_headers))

    assert facets["tags"] == [
        {"value": "sales", "count": 3},
        {"value": "kpi", "count": 2},
        {"value": "adhoc", "count": 1},
    ]
    assert facets["languages"] == [{"value": "python", "count": 3}, {"value": "sql", "count": 1}]
    assert facets["imports"] == [{"value": "numpy", "count": 2}, {"value": "pandas", "count": 2}]
