"""Refuse request bodies above MAX_JSON_BODY_BYTES, counted while they arrive.

A declared Content-Length over the limit is answered at once; a body without one (chunked) is cut off as
soon as the running total passes the limit, so an oversized body is never held in memory. Routes that
stream large bodies under a limit of their own (file uploads) are exempted by method and path.
"""

from collections.abc import Collection

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.errors import error_body

_DETAIL = "The request body is too large (the limit is {limit} bytes)."


class BodyTooLarge(HTTPException):
    # An HTTPException, so FastAPI lets it through while it reads the body and our handler renders it.
    def __init__(self, limit: int) -> None:
        super().__init__(status_code=413, detail=_DETAIL.format(limit=limit))


class BodySizeLimitMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body_bytes: int,
        exempt: Collection[tuple[str, str]] = (),
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        # Compared without a trailing slash: "/files" and "/files/" reach the same route.
        self.exempt = {(method, path.rstrip("/")) for method, path in exempt}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or (scope["method"], scope["path"].rstrip("/")) in self.exempt:
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            await self._refuse(scope, receive, send)
            return

        received_bytes = 0
        response_started = False

        async def limited_receive() -> Message:
            nonlocal received_bytes
            message = await receive()
            if message["type"] == "http.request":
                received_bytes += len(message.get("body", b""))
                if received_bytes > self.max_body_bytes:
                    raise BodyTooLarge(self.max_body_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            response_started = response_started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            # Raised outside a route's body parsing (a handler streaming the body itself).
            if response_started:
                raise
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        detail = _DETAIL.format(limit=self.max_body_bytes)
        response = JSONResponse(error_body("PayloadTooLarge", detail), status_code=413)
        await response(scope, receive, send)
