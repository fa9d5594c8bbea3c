"""Reading the app's event streams the way a browser does: as they arrive, and hanging up mid-way.

httpx's ASGITransport waits for the whole response before returning it, so it can neither show
events as they come nor disconnect half-way. This transport runs the app in a task of its own and
hands the body over piece by piece; closing the response early sends the app `http.disconnect`,
then waits for the app to finish (its clean-up included) before returning.
"""

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
from starlette.types import ASGIApp, Message

APP_FINISH_TIMEOUT_SECONDS = 10


class _Body(httpx.AsyncByteStream):
    def __init__(
        self,
        chunks: "asyncio.Queue[bytes | None]",
        hang_up: asyncio.Event,
        app: "asyncio.Task[None]",
    ) -> None:
        self._chunks = chunks
        self._hang_up = hang_up
        self._app = app

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while (chunk := await self._chunks.get()) is not None:
            yield chunk

    async def aclose(self) -> None:
        self._hang_up.set()
        await asyncio.wait_for(self._app, APP_FINISH_TIMEOUT_SECONDS)


class StreamingASGITransport(httpx.AsyncBaseTransport):
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": request.method,
            "headers": [(name.lower(), value) for name, value in request.headers.raw],
            "scheme": request.url.scheme,
            "path": request.url.path,
            "raw_path": request.url.raw_path.split(b"?")[0],
            "query_string": request.url.query,
            "server": (request.url.host, request.url.port),
            "client": ("127.0.0.1", 123),
            "root_path": "",
        }
        chunks: asyncio.Queue[bytes | None] = asyncio.Queue()
        hang_up = asyncio.Event()
        started: asyncio.Future[Message] = asyncio.get_running_loop().create_future()
        request_sent = False

        async def receive() -> Message:
            nonlocal request_sent
            if not request_sent:
                request_sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            await hang_up.wait()
            return {"type": "http.disconnect"}

        async def send(message: Message) -> None:
            if message["type"] == "http.response.start":
                started.set_result(message)
            elif message["type"] == "http.response.body":
                if message.get("body"):
                    chunks.put_nowait(message["body"])
                if not message.get("more_body", False):
                    chunks.put_nowait(None)

        async def run() -> None:
            try:
                await self.app(scope, receive, send)
            except BaseException as error:
                if not started.done():
                    started.set_exception(error)
                raise
            finally:
                chunks.put_nowait(None)

        app_task = asyncio.create_task(run())
        start = await started
        return httpx.Response(
            start["status"],
            headers=[(bytes(name), bytes(value)) for name, value in start.get("headers", [])],
            stream=_Body(chunks, hang_up, app_task),
        )


@dataclass(frozen=True)
class Event:
    name: str
    data: dict[str, Any]


async def read_events(response: httpx.Response) -> AsyncIterator[Event]:
    """The response's server-sent events, as they arrive (comments, such as pings, skipped)."""
    name, data = "message", list[str]()
    async for line in response.aiter_lines():
        if not line:
            if data:
                yield Event(name, json.loads("\n".join(data)))
            name, data = "message", []
        elif line.startswith("event:"):
            name = line.removeprefix("event:").strip()
        elif line.startswith("data:"):
            data.append(line.removeprefix("data:").removeprefix(" "))


async def all_events(response: httpx.Response) -> list[Event]:
    return [event async for event in read_events(response)]
