import uuid
from pathlib import Path
from typing import Any

import pytest
from httpx import AsyncClient
from sqlmodel.ext.asyncio.session import AsyncSession

from app.files.ingest import parquet
from app.models import User
from tests.conftest import auth_headers, make_user
from tests.files.conftest import FILES, Upload, gzipped, stored_files

NUMBERS = b"n,square\n" + b"".join(f"{i},{i * i}\n".encode() for i in range(1, 121))


async def uploaded(
    upload: Upload, content: bytes = b"a,b\n1,2\n", **options: str
) -> dict[str, Any]:
    response = await upload(content, **options)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_list_shows_the_users_files_newest_first(
    upload: Upload, client: AsyncClient, user_headers: dict[str, str]
) -> None:
    first = await uploaded(upload, filename="first.csv")
    second = await uploaded(upload, filename="second.csv")

    response = await client.get(FILES, headers=user_headers)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [f["id"] for f in body["data"]] == [second["id"], first["id"]]
    assert "profile" not in body["data"][0]
    assert set(body["data"][0]) == {
        "id",
        "filename",
        "size_bytes",
        "mime_type",
        "sha256",
        "row_count",
        "column_count",
        "encoding",
        "delimiter",
        "compression",
        "uploaded_at",
    }


async def test_list_pages_and_sorts(
    upload: Upload, client: AsyncClient, user_headers: dict[str, str]
) -> None:
    for name, rows in [("beta.csv", 3), ("Alpha.csv", 1), ("gamma.csv", 2)]:
        await uploaded(upload, b"a\n" + b"1\n" * rows, filename=name)

    async def names(**params: str | int) -> list[str]:
        response = await client.get(FILES, headers=user_headers, params=params)
        assert response.status_code == 200
        return [f["filename"] for f in response.json()["data"]]

    assert await names(sort="filename", order="asc") == ["Alpha.csv", "beta.csv", "gamma.csv"]
    assert await names(sort="filename", order="desc") == ["gamma.csv", "beta.csv", "Alpha.csv"]
    assert await names(sort="size_bytes", order="asc") == ["Alpha.csv", "gamma.csv", "beta.csv"]
    assert await names(sort="uploaded_at", order="asc") == ["beta.csv", "Alpha.csv", "gamma.csv"]
    assert await names(sort="filename", order="asc", skip=1, limit=1) == ["beta.csv"]
    page = await client.get(FILES, headers=user_headers, params={"skip": 2, "limit": 5})
    assert page.json()["count"] == 3
    assert len(page.json()["data"]) == 1


async def test_list_searches_file_names_ignoring_case(
    upload: Upload, client: AsyncClient, user_headers: dict[str, str]
) -> None:
    await uploaded(upload, filename="Sales 2024.csv")
    await uploaded(upload, filename="costs_100%.csv")
    await uploaded(upload, filename="costs_1000.csv")

    async def search(q: str) -> list[str]:
        response = await client.get(FILES, headers=user_headers, params={"q": q})
        return sorted(f["filename"] for f in response.json()["data"])

    assert await search("SALES") == ["Sales 2024.csv"]
    assert await search("100%") == ["costs_100%.csv"]
    assert await search("costs") == ["costs_100%.csv", "costs_1000.csv"]
    assert await search("nothing like it") == []


@pytest.mark.parametrize(
    "params",
    [{"sort": "rows"}, {"order": "up"}, {"limit": 0}, {"limit": 101}, {"skip": -1}],
)
async def test_list_refuses_bad_parameters(
    client: AsyncClient, user_headers: dict[str, str], params: dict[str, str | int]
) -> None:
    response = await client.get(FILES, headers=user_headers, params=params)

    assert response.status_code == 422
    assert response.json()["error"] == "ValidationError"


async def test_detail_returns_the_profile(
    upload: Upload, client: AsyncClient, user_headers: dict[str, str]
) -> None:
    created = await uploaded(upload, NUMBERS)

    response = await client.get(f"{FILES}{created['id']}", headers=user_headers)

    assert response.status_code == 200
    assert response.json() == created


async def test_preview_pages_through_the_rows(
    upload: Upload, client: AsyncClient, user_headers: dict[str, str]
) -> None:
    created = await uploaded(upload, NUMBERS)
    url = f"{FILES}{created['id']}/preview"

    first = await client.get(url, headers=user_headers)
    page = await client.get(url, headers=user_headers, params={"skip": 100, "limit": 50})
    past_the_end = await client.get(url, headers=user_headers, params={"skip": 500})

    assert first.status_code == 200
    assert first.json()["columns"] == ["n", "square"]
    assert first.json()["rows"][:2] == [[1, 1], [2, 4]]
    assert len(first.json()["rows"]) == 50
    assert page.json() == {
        "columns": ["n", "square"],
        "rows": [[i, i * i] for i in range(101, 121)],
        "skip": 100,
        "limit": 50,
        "total_rows": 120,
    }
    assert past_the_end.status_code == 200
    assert past_the_end.json()["rows"] == []
    assert past_the_end.json()["total_rows"] == 120


async def test_preview_pages_span_row_groups(
    upload: Upload,
    client: AsyncClient,
    user_headers: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parquet, "ROW_GROUP_ROWS", 7)
    created = await uploaded(upload, NUMBERS)

    response = await client.get(
        f"{FILES}{created['id']}/preview", headers=user_headers, params={"skip": 5, "limit": 20}
    )

    assert response.json()["rows"] == [[i, i * i] for i in range(6, 26)]


async def test_preview_shows_dates_as_dates(
    upload: Upload, client: AsyncClient, user_headers: dict[str, str]
) -> None:
    created = await uploaded(upload, b"day,at\n2024-05-01,2024-05-01 08:30:00\n")

    response = await client.get(f"{FILES}{created['id']}/preview", headers=user_headers)

    assert response.json()["rows"] == [["2024-05-01", "2024-05-01T08:30:00"]]


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 501}, {"skip": -1}])
async def test_preview_refuses_bad_paging(
    upload: Upload, client: AsyncClient, user_headers: dict[str, str], params: dict[str, int]
) -> None:
    created = await uploaded(upload)

    response = await client.get(
        f"{FILES}{created['id']}/preview", headers=user_headers, params=params
    )

    assert response.status_code == 422


async def test_download_returns_the_exact_original_bytes(
    upload: Upload, client: AsyncClient, user_headers: dict[str, str]
) -> None:
    original = "name;price\r\nCafé;3 €\r\n".encode("cp1252")
    created = await uploaded(upload, original, filename="Café prices.csv")

    response = await client.get(f"{FILES}{created['id']}/download", headers=user_headers)

    assert response.status_code == 200
    assert response.content == original
    assert response.headers["content-type"] == "text/csv; charset=windows-1252"
    assert response.headers["content-length"] == str(len(original))
    assert response.headers["content-disposition"] == (
        "attachment; filename=\"Caf_ prices.csv\"; filename*=UTF-8''Caf%C3%A9%20prices.csv"
    )


async def test_download_of_a_gzip_file_returns_the_compressed_bytes(
    upload: Upload, client: AsyncClient, user_headers: dict[str, str]
) -> None:
    original = gzipped(NUMBERS)
    created = await uploaded(upload, original, filename="numbers.csv.gz")

    response = await client.get(f"{FILES}{created['id']}/download", headers=user_headers)

    assert response.content == original
    assert response.headers["content-type"] == "application/gzip"


async def test_rename_changes_the_name_only(
    upload: Upload, client: AsyncClient, user_headers: dict[str, str]
) -> None:
    created = await uploaded(upload, filename="draft.csv")

    response = await client.patch(
        f"{FILES}{created['id']}", headers=user_headers, json={"filename": "  final/report.csv "}
    )

    assert response.status_code == 200
    assert response.json() == {**created, "filename": "report.csv"}
    detail = await client.get(f"{FILES}{created['id']}", headers=user_headers)
    assert detail.json()["filename"] == "report.csv"


@pytest.mark.parametrize("filename", ["", "   ", "\x07\x1b", "dir/", ".."])
async def test_rename_to_an_empty_name_is_422(
    upload: Upload, client: AsyncClient, user_headers: dict[str, str], filename: str
) -> None:
    created = await uploaded(upload, filename="keep.csv")

    response = await client.patch(
        f"{FILES}{created['id']}", headers=user_headers, json={"filename": filename}
    )

    assert response.status_code == 422
    assert response.json()["error"] == "ValidationError"
    assert response.json()["detail"].startswith("filename: ")
    detail = await client.get(f"{FILES}{created['id']}", headers=user_headers)
    assert detail.json()["filename"] == "keep.csv"


async def test_delete_removes_the_file_and_its_storage(
    upload: Upload, client: AsyncClient, user_headers: dict[str, str], data_dir: Path
) -> None:
    kept = await uploaded(upload, filename="kept.csv")
    deleted = await uploaded(upload, filename="deleted.csv")

    response = await client.delete(f"{FILES}{deleted['id']}", headers=user_headers)

    assert response.status_code == 204
    assert (await client.get(f"{FILES}{deleted['id']}", headers=user_headers)).status_code == 404
    listed = (await client.get(FILES, headers=user_headers)).json()
    assert [f["id"] for f in listed["data"]] == [kept["id"]]
    assert {path.parent.name for path in stored_files(data_dir)} == {kept["id"]}


async def test_a_file_whose_storage_vanished_is_a_404_not_a_crash(
    upload: Upload, client: AsyncClient, user: User, user_headers: dict[str, str], data_dir: Path
) -> None:
    created = await uploaded(upload)
    for path in stored_files(data_dir):
        path.unlink()

    preview = await client.get(f"{FILES}{created['id']}/preview", headers=user_headers)
    download = await client.get(f"{FILES}{created['id']}/download", headers=user_headers)
    delete = await client.delete(f"{FILES}{created['id']}", headers=user_headers)

    assert (preview.status_code, download.status_code) == (404, 404)
    assert preview.json()["error"] == "FileNotFound"
    assert "no longer available" in download.json()["detail"]
    assert delete.status_code == 204


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("GET", "", None),
        ("GET", "/preview", None),
        ("GET", "/download", None),
        ("PATCH", "", {"filename": "mine.csv"}),
        ("DELETE", "", None),
    ],
)
async def test_another_users_file_is_404(
    upload: Upload,
    client: AsyncClient,
    db: AsyncSession,
    data_dir: Path,
    method: str,
    suffix: str,
    body: dict[str, str] | None,
) -> None:
    created = await uploaded(upload, filename="private.csv")
    intruder = auth_headers(await make_user(db))

    response = await client.request(
        method, f"{FILES}{created['id']}{suffix}", headers=intruder, json=body
    )

    assert response.status_code == 404
    assert response.json() == {"error": "FileNotFound", "detail": "File not found."}
    assert len(stored_files(data_dir)) == 2
    listed = await client.get(FILES, headers=intruder)
    assert listed.json() == {"data": [], "count": 0}


@pytest.mark.parametrize("suffix", ["", "/preview", "/download"])
async def test_an_unknown_file_id_is_404(
    client: AsyncClient, user_headers: dict[str, str], suffix: str
) -> None:
    response = await client.get(f"{FILES}{uuid.uuid4()}{suffix}", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"] == "FileNotFound"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", FILES),
        ("GET", f"{FILES}{uuid.uuid4()}"),
        ("GET", f"{FILES}{uuid.uuid4()}/preview"),
        ("GET", f"{FILES}{uuid.uuid4()}/download"),
        ("PATCH", f"{FILES}{uuid.uuid4()}"),
        ("DELETE", f"{FILES}{uuid.uuid4()}"),
    ],
)
async def test_file_routes_need_a_login(client: AsyncClient, method: str, path: str) -> None:
    response = await client.request(method, path)

    assert response.status_code == 401
