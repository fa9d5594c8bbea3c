from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from asgi_lifespan import LifespanManager
from httpx import ASGITransport, AsyncClient
from sqlalchemy.ext.asyncio import AsyncConnection

from app.core.config import Settings
from app.main import create_app
from tests.conftest import use_test_transaction

INDEX = "<!doctype html><title>Red Panda</title><div id=root></div>"


async def client_serving(
    dist: Path, test_settings: Settings, connection: AsyncConnection
) -> AsyncIterator[AsyncClient]:
    app = create_app(test_settings.model_copy(update={"FRONTEND_DIST_DIR": dist}))
    use_test_transaction(app, connection)
    async with (
        LifespanManager(app) as manager,
        AsyncClient(transport=ASGITransport(app=manager.app), base_url="http://app.test") as http,
    ):
        yield http


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    folder = tmp_path / "dist"
    (folder / "assets").mkdir(parents=True)
    (folder / "index.html").write_text(INDEX)
    (folder / "assets" / "index-abc123.js").write_text("console.log('app')")
    (folder / "favicon.svg").write_text("<svg/>")
    (tmp_path / "secret.txt").write_text("outside the dist folder")
    return folder


@pytest.fixture
async def spa(
    dist: Path, test_settings: Settings, connection: AsyncConnection
) -> AsyncIterator[AsyncClient]:
    async for http in client_serving(dist, test_settings, connection):
        yield http


async def test_root_serves_the_index_page(spa: AsyncClient) -> None:
    response = await spa.get("/")

    assert response.status_code == 200
    assert response.text == INDEX
    assert response.headers["cache-control"] == "no-cache"


@pytest.mark.parametrize("path", ["/settings", "/admin", "/reset-password?token=abc", "/a/b/c"])
async def test_client_side_routes_fall_back_to_the_index_page(spa: AsyncClient, path: str) -> None:
    response = await spa.get(path)

    assert response.status_code == 200
    assert response.text == INDEX


async def test_hashed_assets_are_served_with_a_long_cache(spa: AsyncClient) -> None:
    response = await spa.get("/assets/index-abc123.js")

    assert response.status_code == 200
    assert response.text == "console.log('app')"
    assert "max-age=31536000" in response.headers["cache-control"]
    assert "javascript" in response.headers["content-type"]


async def test_other_build_files_are_served_as_they_are(spa: AsyncClient) -> None:
    response = await spa.get("/favicon.svg")

    assert response.status_code == 200
    assert response.text == "<svg/>"


async def test_missing_asset_is_404_not_the_index_page(spa: AsyncClient) -> None:
    response = await spa.get("/assets/gone-123.js")

    assert response.status_code == 404
    assert INDEX not in response.text


async def test_paths_cannot_escape_the_dist_folder(spa: AsyncClient) -> None:
    for path in ("/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt"):
        response = await spa.get(path)

        assert "outside the dist folder" not in response.text


async def test_api_paths_never_get_the_index_page(spa: AsyncClient) -> None:
    response = await spa.get("/api/v1/unknown", headers={"Accept": "text/html"})

    assert response.status_code == 404
    assert response.json()["error"] == "NotFound"


async def test_api_still_works_next_to_the_spa(spa: AsyncClient) -> None:
    response = await spa.get("/api/v1/health")

    assert response.json()["database"] == "ok"


async def test_posting_to_a_page_is_405(spa: AsyncClient) -> None:
    response = await spa.post("/settings")

    assert response.status_code == 405
    assert response.json()["error"] == "MethodNotAllowed"


async def test_without_a_build_the_root_says_the_frontend_is_not_built(
    tmp_path: Path, test_settings: Settings, connection: AsyncConnection
) -> None:
    async for http in client_serving(tmp_path / "no-dist", test_settings, connection):
        response = await http.get("/")

        assert response.status_code == 200
        assert "frontend is not built" in response.text
        assert (await http.get("/api/v1/health")).status_code == 200
