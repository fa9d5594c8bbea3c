from fastapi import APIRouter

from app.core.db import SessionDep
from app.core.errors import error_responses
from app.execution.dependencies import SandboxDep
from app.health import service
from app.health.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/health", responses=error_responses(503, validation=False))
async def health_check(session: SessionDep, sandbox: SandboxDep) -> Health:
    """Whether the service and its database are up, and the isolation code runs under."""
    return await service.check_health(session, isolation=sandbox.isolation)
