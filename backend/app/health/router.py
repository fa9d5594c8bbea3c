from fastapi import APIRouter

from app.core.db import SessionDep
from app.core.errors import error_responses
from app.health import service
from app.health.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/health", responses=error_responses(503, validation=False))
async def health_check(session: SessionDep) -> Health:
    """Whether the service and its database are up."""
    return await service.check_health(session)
