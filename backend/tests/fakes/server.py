"""The machinery both fake providers share: a uvicorn server in a background thread, the script of what
to answer, and the record of what was asked."""

import asyncio
import json
import logging
import re
import socket
import threading
import time
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field, replace
from types import TracebackType
from typing import Any, Literal, Self

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

FakeError = Literal[
    "unauthorized",
    "rate_limited",
    "quota_exhausted",
    "model_not_found",
    "context_too_long",
    "server_error",
]

DEFAULT_REPLY = "Here is the answer from the fake provider."
DEFAULT_MODELS = ("fake-model-large", "fake-model-small")
STARTUP_TIMEOUT_SECONDS = 10


@dataclass(frozen=True)
class Script:
    """How the fake answers a chat request."""

    text: str = DEFAULT_REPLY
    words_per_chunk: int = 1
    input_tokens: int = 42
    output_tokens: int = 17
    error: FakeError | None = None
    retry_after_seconds: int = 7
    first_token_delay_seconds: float = 0.0
    chunk_delay_seconds: float = 0.0
    # Close the connection abruptly after this many text chunks (no end of stream, no usage).
    cut_after_chunks: int | None = None
    # The same failures for the model list (GET /v1/models), and a delay before it answers.
    models_error: FakeError | None = None
    models_delay_seconds: float = 0.0

    def chunks(self) -> list[str]:
        words = re.findall(r"\s*\S+\s*|\s+", self.text)
        size = max(self.words_per_chunk, 1)
        return ["".join(words[start : start + size]) for start in range(0, len(words), size)]


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]  # lower-cased names
    json: Any
    api_key: str | None


class StreamCut(Exception):
    """Raised inside a streaming body to make uvicorn drop the connection mid-response."""


class _HideStreamCuts(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], StreamCut))


logging.getLogger("uvicorn.error").addFilter(_HideStreamCuts())


@dataclass
class _State:
    script: Script = field(default_factory=Script)
    queued: deque[Script] = field(default_factory=deque)
    models: list[str] = field(default_factory=lambda: list(DEFAULT_MODELS))
    accepted_keys: set[str] | None = None
    requests: list[RecordedRequest] = field(default_factory=list)
    streams_completed: int = 0
    streams_disconnected: int = 0


class FakeProviderServer:
    """Base of FakeOpenAI and FakeAnthropic: start with `with`, script with `behave`/`enqueue`."""

    api_path = "/v1"

    def __init__(self) -> None:
        self._state = _State()
        self._disconnected = threading.Event()
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self.port: int = self._socket.getsockname()[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    # -- what tests use ------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The base URL to give the provider's SDK."""
        return self.origin + self.api_path

    @property
    def requests(self) -> list[RecordedRequest]:
        return self._state.requests

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        return [request for request in self._state.requests if request.method == "POST"]

    @property
    def models(self) -> list[str]:
        return self._state.models

    @models.setter
    def models(self, models: list[str]) -> None:
        self._state.models = list(models)

    @property
    def accepted_keys(self) -> set[str] | None:
        return self._state.accepted_keys

    @accepted_keys.setter
    def accepted_keys(self, keys: set[str] | None) -> None:
        self._state.accepted_keys = keys

    @property
    def streams_completed(self) -> int:
        return self._state.streams_completed

    @property
    def streams_disconnected(self) -> int:
        return self._state.streams_disconnected

    def behave(self, **fields: Any) -> None:
        """Answer every following chat request this way (fields of `Script`; the rest default)."""
        self._state.script = Script(**fields)

    def enqueue(self, **fields: Any) -> None:
        """Answer only the next chat request this way (after earlier queued ones)."""
        self._state.queued.append(replace(self._state.script, **fields))

    def reset(self) -> None:
        self._state = _State()
        self._disconnected.clear()

    def wait_for_disconnect(self, timeout_seconds: float = 5.0) -> bool:
        """Whether a stream was closed by the client (now or within the timeout)."""
        return self._disconnected.wait(timeout_seconds)

    # -- lifecycle -----------------------------------------------------------------------------

    def __enter__(self) -> Self:
        config = uvicorn.Config(
            self._build_app(), lifespan="off", log_config=None, access_log=False, ws="none"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"{type(self).__name__} did not start")
            time.sleep(0.01)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)
        self._socket.close()

    # -- for the subclasses --------------------------------------------------------------------

    def routes(self) -> list[Route]:
        raise NotImplementedError

    def key_of(self, request: Request) -> str | None:
        raise NotImplementedError

    def error_response(self, error: FakeError, *, script: Script, key: str | None) -> Response:
        raise NotImplementedError

    def _build_app(self) -> Starlette:
        return Starlette(routes=self.routes())

    async def record(self, request: Request) -> RecordedRequest:
        body = await request.body()
        recorded = RecordedRequest(
            method=request.method,
            path=request.url.path,
            headers={name.lower(): value for name, value in request.headers.items()},
            json=json.loads(body) if body else None,
            api_key=self.key_of(request),
        )
        self._state.requests.append(recorded)
        return recorded

    def next_script(self) -> Script:
        return self._state.queued.popleft() if self._state.queued else self._state.script

    async def models_refusal(self, recorded: RecordedRequest) -> Response | None:
        """For the model list: the script's delay, then the error response it asks for, if any."""
        script = self._state.script
        await asyncio.sleep(script.models_delay_seconds)
        return self.refusal(recorded, script.models_error)

    def refusal(self, recorded: RecordedRequest, error: FakeError | None) -> Response | None:
        """The error response this request gets, if any: an unknown key first, then the script's."""
        accepted = self._state.accepted_keys
        if accepted is not None and recorded.api_key not in accepted:
            error = "unauthorized"
        if error is None:
            return None
        return self.error_response(error, script=self._state.script, key=recorded.api_key)

    def event_stream(self, events: AsyncIterator[str]) -> StreamingResponse:
        return StreamingResponse(
            self._watched(events),
            media_type="text/event-stream",
            headers={"cache-control": "no-cache"},
        )

    async def paced(self, script: Script) -> AsyncIterator[tuple[int, str]]:
        """The script's text chunks with its delays; raises StreamCut where the script cuts."""
        await asyncio.sleep(script.first_token_delay_seconds)
        for index, chunk in enumerate(script.chunks()):
            if script.cut_after_chunks is not None and index >= script.cut_after_chunks:
                raise StreamCut
            if index and script.chunk_delay_seconds:
                await asyncio.sleep(script.chunk_delay_seconds)
            yield index, chunk
        if script.cut_after_chunks is not None:
            raise StreamCut

    async def _watched(self, events: AsyncIterator[str]) -> AsyncIterator[bytes]:
        try:
            async for event in events:
                yield event.encode()
        except StreamCut:
            raise
        except BaseException:
            # Cancelled (the client went away) or closed before the end: a disconnect.
            self._state.streams_disconnected += 1
            self._disconnected.set()
            raise
        self._state.streams_completed += 1
