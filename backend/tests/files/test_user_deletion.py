from pathlib import Path

from httpx import AsyncClient
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import User
from tests.conftest import auth_headers, make_user
from tests.files.conftest import FILES, Upload, file_row_count, stored_files


async def test_deleting_my_account_removes_my_files_from_disk(
    upload: Upload,
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    data_dir: Path,
) -> None:
    other = await make_user(db)
    await upload(b"a,b\n1,2\n")
    await upload(b"a,b\n1,2\n", headers=auth_headers(other))
    assert len(stored_files(data_dir)) == 4

    response = await client.delete("/api/v1/users/me", headers=user_headers)

    assert response.status_code == 204
    assert not (data_dir / "files" / str(user.id)).exists()
    assert {path.parts[-3] for path in stored_files(data_dir)} == {str(other.id)}
    assert await file_row_count(db) == 1


async def test_an_admin_deleting_a_user_removes_their_files(
    upload: Upload,
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    admin_headers: dict[str, str],
    data_dir: Path,
) -> None:
    await upload(b"a,b\n1,2\n")

    response = await client.delete(f"/api/v1/users/{user.id}", headers=admin_headers)

    assert response.status_code == 204
    assert stored_files(data_dir) == []
    assert await file_row_count(db) == 0


async def test_a_refused_account_deletion_keeps_the_files(
    upload: Upload, client: AsyncClient, admin: User, admin_headers: dict[str, str], data_dir: Path
) -> None:
    await upload(b"a,b\n1,2\n", headers=admin_headers)

    response = await client.delete("/api/v1/users/me", headers=admin_headers)

    assert response.status_code == 409  # the last administrator
    assert len(stored_files(data_dir)) == 2
    assert (await client.get(FILES, headers=admin_headers)).json()["count"] == 1
