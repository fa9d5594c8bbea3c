"""One log line per request: method, path, status, duration.

Never logged: query strings (the e-mailed reset link carries its token there), headers (Authorization),
bodies (passwords). Path parameters are logged by name (`/api/v1/password-recovery/{email}`), so
e-mail addresses and ids in paths stay out of the logs too.
"""

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

logger = logging.getLogger("app.requests")


class RequestLoggingMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status_code = 500  # what the client gets if the app raises before answering

        async def recording_send(message: Message) -> None:
            nonlocal status_code
            if message["type"] == "http.response.start":
                status_code = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, recording_send)
        finally:
            duration_ms = (time.perf_counter() - started) * 1000
            logger.info("%s %s %d %.1fms", scope["method"], _path(scope), status_code, duration_ms)


def _path(scope: Scope) -> str:
    path = str(scope["path"])
    # Filled in by the router when a route matched, e.g. {"email": "ann@example.com"}.
    parameters: dict[str, object] = scope.get("path_params") or {}
    if not parameters:
        return path
    names_by_value = {str(value): name for name, value in parameters.items()}
    segments = path.split("/")
    return "/".join(
        f"{{{names_by_value[segment]}}}" if segment in names_by_value else segment
        for segment in segments
    )


def configure_logging(level: str) -> None:
    """Send the app's logs to stderr (uvicorn configures only its own loggers)."""
    root = logging.getLogger()
    if not root.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    logging.getLogger("app").setLevel(level)
