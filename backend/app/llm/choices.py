"""The models a user can pick in the chat: the built-in assistant, then each of their keys."""

from sqlmodel.ext.asyncio.session import AsyncSession

from app.api_keys.service import list_user_api_keys
from app.llm.builtin import BUILTIN_LABEL, BUILTIN_MODEL
from app.llm.schemas import ModelChoice, ModelChoices
from app.models import User


async def model_choices(session: AsyncSession, *, owner: User) -> ModelChoices:
    builtin = ModelChoice(
        provider="builtin",
        api_key_id=None,
        label=BUILTIN_LABEL,
        models=[BUILTIN_MODEL],
        default_model=BUILTIN_MODEL,
        status="valid",
    )
    choices = [builtin]
    for api_key in await list_user_api_keys(session, owner=owner):
        models = list(api_key.models)
        if api_key.default_model and api_key.default_model not in models:
            models.insert(0, api_key.default_model)
        choices.append(
            ModelChoice.model_validate(
                {
                    "provider": api_key.provider,
                    "api_key_id": api_key.id,
                    "label": api_key.label,
                    "models": models,
                    "default_model": api_key.default_model,
                    "status": api_key.status,
                }
            )
        )
    return ModelChoices(data=choices)
