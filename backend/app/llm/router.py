from fastapi import APIRouter

from app.auth.dependencies import CurrentUser
from app.core.db import SessionDep
from app.core.errors import error_responses
from app.llm import schemas
from app.llm.choices import model_choices
from app.llm.usage import usage_report

router = APIRouter(tags=["llm"])


@router.get("/usage", responses=error_responses(401, 403, validation=False))
async def read_usage(session: SessionDep, user: CurrentUser) -> schemas.Usage:
    """Tokens the user's LLM calls used, per month (UTC), provider and model."""
    return await usage_report(session, owner=user)


@router.get("/llm/models", responses=error_responses(401, 403, validation=False))
async def list_model_choices(session: SessionDep, user: CurrentUser) -> schemas.ModelChoices:
    """What the model picker offers: the built-in assistant first, then each of the user's keys."""
    return await model_choices(session, owner=user)
