import json
from typing import Any

import nbformat
from httpx import AsyncClient, Response
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import User
from tests.code_blocks.library import (
    CONVERSATIONS,
    LIBRARY,
    edit,
    new_conversation,
    refused,
    reply_in,
    save_reply_block,
    save_snippet,
)
from tests.conftest import auth_headers, make_user

V1 = 'totals = df.groupby("region")["amount"].sum()\nresult = totals\n'
V2 = 'totals = df.groupby("country")["amount"].sum()\nresult = totals\n'


async def export(
    client: AsyncClient, headers: dict[str, str], block_id: str, **params: Any
) -> Response:
    response = await client.get(f"{LIBRARY}{block_id}/export", headers=headers, params=params)
    assert response.status_code == 200, response.text
    return response


def notebook_of(response: Response) -> dict[str, Any]:
    notebook: dict[str, Any] = json.loads(response.text)
    nbformat.validate(notebook)
    assert notebook["nbformat"] == 4
    return notebook


def source(cell: dict[str, Any]) -> str:
    lines = cell["source"]
    return lines if isinstance(lines, str) else "".join(lines)


def code_cells(response: Response) -> list[str]:
    return [source(cell) for cell in notebook_of(response)["cells"] if cell["cell_type"] == "code"]


def cells_holding(cells: list[str], codes: list[str]) -> list[int]:
    """The position of the cell holding each code, in the order given."""
    return [next(i for i, cell in enumerate(cells) if code.strip() in cell) for code in codes]


async def test_a_block_exports_as_a_python_script(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    saved = await save_snippet(client, user_headers, V1, title="Amount per région!")

    response = await export(client, user_headers, saved["id"], format="py")

    assert response.headers["content-type"] == "text/x-python; charset=utf-8"
    assert (
        response.headers["content-disposition"] == 'attachment; filename="amount_per_region_v1.py"'
    )
    script = response.text
    assert V1 in script
    assert "Amount per région!" in script
    assert "argparse" in script
    compile(script, "exported.py", "exec")


async def test_a_block_exports_as_a_valid_notebook(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    saved = await save_snippet(client, user_headers, V1, title="Amount per region")

    response = await export(client, user_headers, saved["id"], format="ipynb")

    assert response.headers["content-type"] == "application/x-ipynb+json"
    assert (
        response.headers["content-disposition"]
        == 'attachment; filename="amount_per_region_v1.ipynb"'
    )
    assert cells_holding(code_cells(response), [V1])
    assert "Amount per region" in source(notebook_of(response)["cells"][0])


async def test_any_version_can_be_exported(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    first = await save_snippet(client, user_headers, V1, title="Totals")
    second = await edit(client, user_headers, first["id"], code=V2)

    latest = await export(client, user_headers, second["id"], format="py")
    old_by_number = await export(client, user_headers, second["id"], format="py", version=1)
    old_by_id = await export(client, user_headers, first["id"], format="ipynb")
    new_from_old = await export(client, user_headers, first["id"], format="py", version=2)

    assert V2 in latest.text
    assert V1 not in latest.text
    assert V1 in old_by_number.text
    assert 'filename="totals_v1.py"' in old_by_number.headers["content-disposition"]
    assert cells_holding(code_cells(old_by_id), [V1])
    assert V2 in new_from_old.text
    missing = await client.get(
        f"{LIBRARY}{first['id']}/export",
        headers=user_headers,
        params={"format": "py", "version": 3},
    )
    assert refused(missing, 404, "VersionNotFound") == "This code block has no version 3."


async def test_code_that_is_not_python_is_not_exported(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    saved = await save_snippet(client, user_headers, "SELECT 1", language="sql")

    for file_format in ("py", "ipynb"):
        response = await client.get(
            f"{LIBRARY}{saved['id']}/export", headers=user_headers, params={"format": file_format}
        )
        assert "written in sql" in refused(response, 422, "ExportNotSupported")


async def test_a_conversation_exports_its_python_blocks_as_one_notebook(
    client: AsyncClient, db: AsyncSession, user: User, user_headers: dict[str, str]
) -> None:
    conversation = await new_conversation(client, user_headers, title="Quarterly review")
    first_reply = await reply_in(db, owner=user, conversation_id=conversation["id"])
    second_reply = await reply_in(db, owner=user, conversation_id=conversation["id"])
    seeded = [
        (second_reply, 0, "later = 3\n", "python"),
        (first_reply, 1, "second = 2\n", "python"),
        (first_reply, 0, "first = 1\n", "py"),
        (first_reply, 2, "ls -la\n", "bash"),
    ]
    blocks = {}
    for message, index, code, language in seeded:
        block = await save_reply_block(
            db,
            owner=user,
            conversation_id=conversation["id"],
            message=message,
            index=index,
            code=code,
            language=language,
        )
        blocks[code] = block
    await edit(client, user_headers, str(blocks["second = 2\n"].id), code="second = 22\n")
    await save_snippet(client, user_headers, "unrelated = 0\n")

    response = await client.get(f"{CONVERSATIONS}{conversation['id']}/export", headers=user_headers)

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/x-ipynb+json"
    assert (
        response.headers["content-disposition"] == 'attachment; filename="quarterly_review.ipynb"'
    )
    cells = code_cells(response)
    positions = cells_holding(cells, ["first = 1", "second = 22", "later = 3"])
    assert positions == sorted(positions)
    text = "\n".join(cells)
    for left_out in ("second = 2\n", "ls -la", "unrelated"):
        assert left_out not in text
    explicit = await client.get(
        f"{CONVERSATIONS}{conversation['id']}/export",
        headers=user_headers,
        params={"format": "ipynb"},
    )
    assert code_cells(explicit) == cells


async def test_a_conversation_without_python_blocks_has_nothing_to_export(
    client: AsyncClient, db: AsyncSession, user: User, user_headers: dict[str, str]
) -> None:
    empty = await new_conversation(client, user_headers)
    shell_only = await new_conversation(client, user_headers)
    message = await reply_in(db, owner=user, conversation_id=shell_only["id"])
    await save_reply_block(
        db,
        owner=user,
        conversation_id=shell_only["id"],
        message=message,
        code="ls -la",
        language="bash",
    )

    for conversation in (empty, shell_only):
        response = await client.get(
            f"{CONVERSATIONS}{conversation['id']}/export", headers=user_headers
        )
        assert "no Python code blocks" in refused(response, 409, "NothingToExport")


async def test_another_users_conversation_export_is_404(
    client: AsyncClient, db: AsyncSession, user_headers: dict[str, str]
) -> None:
    other_user = await make_user(db)
    other = auth_headers(other_user)
    theirs = await new_conversation(client, other, title="Private")
    message = await reply_in(db, owner=other_user, conversation_id=theirs["id"])
    await save_reply_block(db, owner=other_user, conversation_id=theirs["id"], message=message)

    response = await client.get(f"{CONVERSATIONS}{theirs['id']}/export", headers=user_headers)

    refused(response, 404, "ConversationNotFound")
    ok_for_owner = await client.get(f"{CONVERSATIONS}{theirs['id']}/export", headers=other)
    assert ok_for_owner.status_code == 200
