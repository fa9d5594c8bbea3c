from collections.abc import AsyncIterator

import pytest
from httpx import AsyncClient

from app.core.config import settings

SIGNUP = "/api/v1/users/signup"


def oversized_json() -> bytes:
    padding = "x" * settings.MAX_JSON_BODY_BYTES
    return (
        '{"email": "a@example.com", "password": "good-pass-1", "full_name": "' + padding + '"}'
    ).encode()


async def test_body_over_the_limit_with_content_length_is_413(client: AsyncClient) -> None:
    response = await client.post(
        SIGNUP, content=oversized_json(), headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 413
    assert response.json()["error"] == "PayloadTooLarge"
    assert str(settings.MAX_JSON_BODY_BYTES) in response.json()["detail"]


async def test_chunked_body_over_the_limit_is_cut_off_while_streaming(client: AsyncClient) -> None:
    body = oversized_json()

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(body), 64 * 1024):
            yield body[start : start + 64 * 1024]

    response = await client.post(
        SIGNUP, content=chunks(), headers={"Content-Type": "application/json"}
    )

    assert "content-length" not in {name.lower() for name in response.request.headers}
    assert response.status_code == 413
    assert response.json()["error"] == "PayloadTooLarge"


async def test_form_body_over_the_limit_is_413(client: AsyncClient) -> None:
    response = await client.post(
        "/api/v1/login/access-token",
        data={"username": "a@example.com", "password": "p" * (settings.MAX_JSON_BODY_BYTES + 1)},
    )

    assert response.status_code == 413


@pytest.mark.parametrize("size", [0, 100])
async def test_bodies_within_the_limit_pass(client: AsyncClient, size: int) -> None:
    response = await client.post(
        SIGNUP,
        json={"email": "fits@example.com", "password": "good-pass-1", "full_name": "x" * size},
    )

    assert response.status_code == 201
