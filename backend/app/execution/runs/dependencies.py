import uuid
from typing import Annotated

from fastapi import Depends

from app.auth.dependencies import CurrentUser
from app.core.db import SessionDep
from app.execution.runs import service
from app.models import Execution


async def get_owned_execution(
    session: SessionDep, user: CurrentUser, execution_id: uuid.UUID
) -> Execution:
    return await service.get_execution(session, owner=user, execution_id=execution_id)


# One of the user's runs; another user's is ExecutionNotFound (404).
OwnedExecution = Annotated[Execution, Depends(get_owned_execution)]
