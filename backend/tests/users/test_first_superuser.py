from httpx import AsyncClient
from sqlmodel import func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.config import settings
from app.models import User
from app.users import service


async def test_start_up_creates_the_first_admin_who_can_log_in(
    client: AsyncClient, admin: User
) -> None:
    response = await client.post(
        "/api/v1/login/access-token",
        data={
            "username": settings.FIRST_SUPERUSER,
            "password": settings.FIRST_SUPERUSER_PASSWORD.get_secret_value(),
        },
    )

    assert response.status_code == 200
    assert admin.is_superuser
    assert admin.is_active


async def test_creating_the_first_admin_again_changes_nothing(
    db: AsyncSession, admin: User
) -> None:
    created = await service.ensure_first_superuser(
        db, email=settings.FIRST_SUPERUSER.upper(), password="whatever-pass-1"
    )

    assert created is False
    count = (await db.exec(select(func.count()).select_from(User))).one()
    assert count == 1
