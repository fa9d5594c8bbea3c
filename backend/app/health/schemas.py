from typing import Literal

from pydantic import BaseModel, Field

from app.execution.isolation import IsolationLevel


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    database: Literal["ok"] = "ok"
    # The isolation code runs under (app.execution.isolation): code runs only at "full", unless
    # SANDBOX_ALLOW_UNISOLATED; "starting" until the sandbox has been probed.
    sandbox: IsolationLevel = "starting"
    sandbox_missing: list[str] = Field(default_factory=list)
