"""A fake Anthropic API: GET /v1/models and POST /v1/messages, streamed as the Messages API's server-sent
events (message_start, content_block_start, content_block_delta, content_block_stop, message_delta,
message_stop)."""

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.fakes.server import FakeError, FakeProviderServer, Script

_ERRORS: dict[FakeError, tuple[int, str, str]] = {
    "unauthorized": (401, "authentication_error", "invalid x-api-key"),
    "rate_limited": (
        429,
        "rate_limit_error",
        "Number of request tokens has exceeded your per-minute rate limit.",
    ),
    # What Anthropic really answers when an account has no credit left: a 400, not a 429.
    "quota_exhausted": (
        400,
        "invalid_request_error",
        "Your credit balance is too low to access the Anthropic API. Please go to Plans & "
        "Billing to upgrade or purchase credits.",
    ),
    "model_not_found": (404, "not_found_error", "model: missing-model"),
    "context_too_long": (
        400,
        "invalid_request_error",
        "prompt is too long: 210000 tokens > 200000 maximum",
    ),
    "server_error": (500, "api_error", "Internal server error"),
}


class FakeAnthropic(FakeProviderServer):
    api_path = ""

    def routes(self) -> list[Route]:
        return [
            Route("/v1/models", self._list_models, methods=["GET"]),
            Route("/v1/messages", self._messages, methods=["POST"]),
        ]

    def key_of(self, request: Request) -> str | None:
        # The SDK sends an API key as `x-api-key` or, in recent versions, as a bearer token.
        authorization = request.headers.get("authorization", "")
        if authorization.startswith("Bearer "):
            return authorization.removeprefix("Bearer ")
        return request.headers.get("x-api-key")

    def error_response(self, error: FakeError, *, script: Script, key: str | None) -> Response:
        status_code, kind, message = _ERRORS[error]
        if error == "unauthorized" and key:
            message = f"invalid x-api-key: {key}"
        headers = (
            {"retry-after": str(script.retry_after_seconds)} if error == "rate_limited" else {}
        )
        body = {
            "type": "error",
            "error": {"type": kind, "message": message},
            "request_id": f"req_{uuid.uuid4().hex[:16]}",
        }
        return JSONResponse(body, status_code=status_code, headers=headers)

    async def _list_models(self, request: Request) -> Response:
        recorded = await self.record(request)
        refusal = await self.models_refusal(recorded)
        if refusal is not None:
            return refusal
        models = [
            {
                "type": "model",
                "id": model,
                "display_name": model.replace("-", " ").title(),
                "created_at": "2026-01-01T00:00:00Z",
            }
            for model in self.models
        ]
        return JSONResponse(
            {
                "data": models,
                "has_more": False,
                "first_id": models[0]["id"] if models else None,
                "last_id": models[-1]["id"] if models else None,
            }
        )

    async def _messages(self, request: Request) -> Response:
        recorded = await self.record(request)
        script = self.next_script()
        refusal = self.refusal(recorded, script.error)
        if refusal is not None:
            return refusal
        body = recorded.json or {}
        model = str(body.get("model", "fake-model"))
        if not body.get("stream"):
            await asyncio.sleep(script.first_token_delay_seconds)
            message = _message(model, script)
            message["content"] = [{"type": "text", "text": script.text}]
            message["stop_reason"] = "end_turn"
            message["usage"]["output_tokens"] = script.output_tokens
            return JSONResponse(message)
        return self.event_stream(self._events(model, script))

    async def _events(self, model: str, script: Script) -> AsyncIterator[str]:
        yield _event("message_start", {"type": "message_start", "message": _message(model, script)})
        yield _event(
            "content_block_start",
            {
                "type": "content_block_start",
                "index": 0,
                "content_block": {"type": "text", "text": ""},
            },
        )
        yield _event("ping", {"type": "ping"})
        async for _, text in self.paced(script):
            yield _event(
                "content_block_delta",
                {
                    "type": "content_block_delta",
                    "index": 0,
                    "delta": {"type": "text_delta", "text": text},
                },
            )
        yield _event("content_block_stop", {"type": "content_block_stop", "index": 0})
        yield _event(
            "message_delta",
            {
                "type": "message_delta",
                "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                "usage": {"output_tokens": script.output_tokens},
            },
        )
        yield _event("message_stop", {"type": "message_stop"})


def _event(name: str, data: dict[str, Any]) -> str:
    return f"event: {name}\ndata: {json.dumps(data)}\n\n"


def _message(model: str, script: Script) -> dict[str, Any]:
    return {
        "id": f"msg_{uuid.uuid4().hex[:20]}",
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": [],
        "stop_reason": None,
        "stop_sequence": None,
        "usage": {"input_tokens": script.input_tokens, "output_tokens": 1},
    }
