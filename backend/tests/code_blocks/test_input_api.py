"""Bad input of every kind is refused with a 4xx in the one error shape, never a 500."""

import uuid
from typing import Any

import pytest
from httpx import AsyncClient

from tests.code_blocks.library import LIBRARY, new_conversation, refused, save_snippet


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"q": "x" * 256}, "q"),
        ({"q": "nul\x00byte"}, "q"),
        ({"match": "fuzzy"}, "match"),
        ({"status": "crashed"}, "status"),
        ({"sort": "random"}, "sort"),
        ({"skip": -1}, "skip"),
        ({"skip": 2**31}, "skip"),
        ({"skip": "first"}, "skip"),
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"limit": "all"}, "limit"),
        ({"tag": [f"tag{n}" for n in range(21)]}, "tag"),
        ({"tag": "t" * 41}, "tag"),
        ({"tag": "  "}, "tag"),
        ({"language": "l" * 33}, "language"),
        ({"import": "not a module!"}, "import"),
        ({"import": "pandas..api"}, "import"),
        ({"conversation_id": "not-a-uuid"}, "conversation_id"),
        ({"file_id": "42"}, "file_id"),
        ({"created_after": "yesterday"}, "created_after"),
        ({"created_before": "2026-13-45"}, "created_before"),
        (
            {"created_after": "2026-05-02T00:00:00Z", "created_before": "2026-05-01T00:00:00Z"},
            "created_after must not be later than created_before",
        ),
        ({"colour": "red"}, "colour"),
    ],
)
async def test_bad_search_parameters_are_422(
    client: AsyncClient, user_headers: dict[str, str], params: dict[str, Any], named: str
) -> None:
    response = await client.get(LIBRARY, headers=user_headers, params=params)

    assert named in refused(response, 422, "ValidationError")


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({}, "code"),
        ({"code": ""}, "code"),
        ({"code": "  \n\t "}, "code"),
        ({"code": "x" * 100_001}, "code"),
        ({"code": 42}, "code"),
        ({"code": ["x = 1"]}, "code"),
        ({"code": "x = 1\x00"}, "code"),
        ({"code": "x = 1", "title": ""}, "title"),
        ({"code": "x = 1", "title": "t" * 201}, "title"),
        ({"code": "x = 1", "title": "two\nlines"}, "title"),
        ({"code": "x = 1", "description": "d" * 2001}, "description"),
        ({"code": "x = 1", "language": "l" * 33}, "language"),
        ({"code": "x = 1", "language": 3}, "language"),
        ({"code": "x = 1", "tags": "sales"}, "tags"),
        ({"code": "x = 1", "tags": [f"t{n}" for n in range(21)]}, "tags"),
        ({"code": "x = 1", "tags": ["t" * 41]}, "tags"),
        ({"code": "x = 1", "tags": [""]}, "tags"),
        ({"code": "x = 1", "tags": [7]}, "tags"),
        ({"code": "x = 1", "version": 3}, "version"),
    ],
)
async def test_bad_snippets_are_422(
    client: AsyncClient, user_headers: dict[str, str], body: dict[str, Any], named: str
) -> None:
    response = await client.post(LIBRARY, headers=user_headers, json=body)

    assert named in refused(response, 422, "ValidationError")


async def test_the_largest_snippet_is_accepted_and_a_larger_body_is_413(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    largest = "x = 1  # " + "a" * (100_000 - 9)
    saved = await save_snippet(client, user_headers, largest)
    assert len(saved["code"]) == 100_000

    response = await client.post(LIBRARY, headers=user_headers, json={"code": "x" * 2_000_000})
    refused(response, 413, "PayloadTooLarge")


async def test_a_body_that_is_not_json_is_422(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    response = await client.post(
        LIBRARY,
        headers={**user_headers, "Content-Type": "application/json"},
        content=b"{code: x",
    )

    assert "not valid JSON" in refused(response, 422, "ValidationError")


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"code": None}, "code"),
        ({"title": None}, "title"),
        ({"description": None}, "description"),
        ({"tags": None}, "tags"),
        ({"code": ""}, "code"),
        ({"code": "x" * 100_001}, "code"),
        ({"title": " "}, "title"),
        ({"tags": ["ok", "t" * 41]}, "tags"),
        ({"is_latest": False}, "is_latest"),
        ({"version": 9}, "version"),
    ],
)
async def test_bad_edits_are_422(
    client: AsyncClient, user_headers: dict[str, str], body: dict[str, Any], named: str
) -> None:
    saved = await save_snippet(client, user_headers, "x = 1")

    response = await client.patch(f"{LIBRARY}{saved['id']}", headers=user_headers, json=body)

    assert named in refused(response, 422, "ValidationError")


@pytest.mark.parametrize("path", ["not-a-uuid", "not-a-uuid/versions", "123/export?format=py"])
async def test_a_bad_id_is_422(
    client: AsyncClient, user_headers: dict[str, str], path: str
) -> None:
    response = await client.get(f"{LIBRARY}{path}", headers=user_headers)

    assert "code_block_id" in refused(response, 422, "ValidationError")


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({}, "format"),
        ({"format": "xyz"}, "format"),
        ({"format": "PY"}, "format"),
        ({"format": "py", "version": 0}, "version"),
        ({"format": "py", "version": "latest"}, "version"),
        ({"format": "py", "version": 2**31}, "version"),
    ],
)
async def test_bad_export_parameters_are_422(
    client: AsyncClient, user_headers: dict[str, str], params: dict[str, Any], named: str
) -> None:
    saved = await save_snippet(client, user_headers, "x = 1")

    response = await client.get(
        f"{LIBRARY}{saved['id']}/export", headers=user_headers, params=params
    )

    assert named in refused(response, 422, "ValidationError")


@pytest.mark.parametrize("file_format", ["py", "xyz", ""])
async def test_a_conversation_exports_only_as_a_notebook(
    client: AsyncClient, user_headers: dict[str, str], file_format: str
) -> None:
    conversation = await new_conversation(client, user_headers)

    response = await client.get(
        f"/api/v1/conversations/{conversation['id']}/export",
        headers=user_headers,
        params={"format": file_format},
    )

    assert "format" in refused(response, 422, "ValidationError")


async def test_unknown_conversation_export_is_404(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    response = await client.get(
        f"/api/v1/conversations/{uuid.uuid4()}/export", headers=user_headers
    )

    refused(response, 404, "ConversationNotFound")
