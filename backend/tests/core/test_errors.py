from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from app.core.db import create_engine

SIGNUP = "/api/v1/users/signup"


@pytest.fixture
async def crash_client(app: FastAPI) -> AsyncIterator[AsyncClient]:
    async def crash() -> None:
        raise RuntimeError("a bug the tests put there on purpose")

    app.add_api_route("/api/v1/test-crash", crash, methods=["GET"])
    # The server re-raises unexpected errors after answering (so they are logged): don't fail the test.
    transport = ASGITransport(app=app, raise_app_exceptions=False)
    async with AsyncClient(transport=transport, base_url="http://app.test") as http:
        yield http


async def test_unknown_api_path_is_a_json_404(client: AsyncClient) -> None:
    response = await client.get("/api/v1/does-not-exist", headers={"Accept": "text/html"})

    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {
        "error": "NotFound",
        "detail": "No API endpoint at /api/v1/does-not-exist.",
    }


async def test_unknown_api_path_is_404_for_any_method(client: AsyncClient) -> None:
    response = await client.post("/api/v2/anything", json={})

    assert response.status_code == 404
    assert response.json()["error"] == "NotFound"


async def test_wrong_method_on_an_endpoint_is_405_in_the_error_shape(
    client: AsyncClient,
) -> None:
    response = await client.put("/api/v1/users/me")

    assert response.status_code == 405
    assert response.json() == {
        "error": "MethodNotAllowed",
        "detail": "This method is not allowed here.",
    }


async def test_unexpected_crash_is_a_500_in_the_error_shape(crash_client: AsyncClient) -> None:
    response = await crash_client.get("/api/v1/test-crash")

    assert response.status_code == 500
    assert response.json()["error"] == "InternalServerError"
    assert "a bug the tests put there" not in response.text


async def test_invalid_json_body_is_a_readable_422(client: AsyncClient) -> None:
    response = await client.post(
        SIGNUP, content=b'{"email": "a@example.com",', headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 422
    assert response.json() == {
        "error": "ValidationError",
        "detail": "The request body is not valid JSON.",
    }


@pytest.mark.parametrize(
    ("content", "content_type"),
    [(b"email=a@example.com", "application/x-www-form-urlencoded"), (b"hello", "text/plain")],
)
async def test_non_json_body_is_a_readable_422(
    client: AsyncClient, content: bytes, content_type: str
) -> None:
    response = await client.post(SIGNUP, content=content, headers={"Content-Type": content_type})

    assert response.status_code == 422
    assert response.json() == {
        "error": "ValidationError",
        "detail": "The request body must be a JSON object.",
    }


async def test_json_that_is_not_an_object_is_a_readable_422(client: AsyncClient) -> None:
    response = await client.post(SIGNUP, json=["a@example.com", "password-1"])

    assert response.status_code == 422
    assert response.json()["detail"] == "The request body must be a JSON object."


async def test_missing_body_is_a_readable_422(client: AsyncClient) -> None:
    response = await client.post(SIGNUP)

    assert response.status_code == 422
    assert response.json()["detail"] == "A JSON request body is required."


async def test_several_invalid_fields_are_all_named(client: AsyncClient) -> None:
    response = await client.post(SIGNUP, json={"email": "nope", "password": "x"})

    detail = response.json()["detail"]
    assert detail.startswith("email: ")
    assert "; password: String should have at least 8 characters" in detail


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        (
            "POST",
            SIGNUP,
            {"email": "nul@example.com", "password": "good-pass-1", "full_name": "a\x00b"},
        ),
        ("PATCH", "/api/v1/users/me", {"settings": {"default_model": "gpt\x00"}}),
    ],
)
async def test_nul_characters_are_a_validation_error_not_a_database_crash(
    client: AsyncClient,
    user_headers: dict[str, str],
    method: str,
    path: str,
    body: dict[str, object],
) -> None:
    response = await client.request(method, path, json=body, headers=user_headers)

    assert response.status_code == 422
    assert "must not contain NUL characters" in response.json()["detail"]


async def test_nul_character_in_a_login_is_just_a_wrong_login(client: AsyncClient) -> None:
    response = await client.post(
        "/api/v1/login/access-token", data={"username": "a\x00@example.com", "password": "x-1"}
    )

    assert response.status_code == 400
    assert response.json()["error"] == "IncorrectCredentials"


async def test_nul_character_in_a_search_is_ignored(
    client: AsyncClient, admin_headers: dict[str, str]
) -> None:
    response = await client.get("/api/v1/users/", params={"q": "admin\x00"}, headers=admin_headers)

    assert response.status_code == 200
    assert response.json()["count"] == 1


async def test_a_huge_offset_is_a_validation_error(
    client: AsyncClient, admin_headers: dict[str, str]
) -> None:
    response = await client.get("/api/v1/users/", params={"skip": 10**30}, headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["detail"].startswith("skip: ")


async def test_a_database_connection_lost_mid_request_is_a_503_to_retry(
    app: FastAPI, database_url: str, engine: AsyncEngine
) -> None:
    # A real lost connection: its server process is terminated while it sits in a pool that trusts it.
    pooled = create_engine(database_url, ping_after_idle_seconds=60.0)
    async with pooled.connect() as connection:
        pid = (await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one()
    async with engine.connect() as connection:
        await connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})

    async def query_on_the_lost_connection() -> None:
        async with pooled.connect() as connection:
            await connection.execute(text("SELECT 1"))

    app.add_api_route("/api/v1/test-lost-connection", query_on_the_lost_connection)
    try:
        async with AsyncClient(
            transport=ASGITransport(app=app), base_url="http://app.test"
        ) as http:
            response = await http.get("/api/v1/test-lost-connection")
    finally:
        await pooled.dispose()

    assert response.status_code == 503
    assert response.json() == {
        "error": "DatabaseUnavailable",
        "detail": "The connection to the database was interrupted. Please try again.",
    }
