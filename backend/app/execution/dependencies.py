from typing import Annotated

from fastapi import Depends, Request

from app.execution.client import Sandbox
from app.execution.runs.exceptions import SandboxUnavailable


async def get_sandbox(request: Request) -> Sandbox:
    """The app's sandbox, started with the app (see app.main). `async`, as app.files.dependencies says."""
    sandbox: Sandbox | None = getattr(request.app.state, "sandbox", None)
    if sandbox is None:
        raise SandboxUnavailable
    return sandbox


SandboxDep = Annotated[Sandbox, Depends(get_sandbox)]
