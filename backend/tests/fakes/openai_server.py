"""A fake OpenAI API (also what openai_compatible servers speak): GET /v1/models and
POST /v1/chat/completions, streamed as `data: {chunk}` lines ending with `data: [DONE]`."""

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.fakes.server import FakeError, FakeProviderServer, Script

CREATED = 1_767_225_600


def _error(status_code: int, message: str, *, kind: str, code: str | None) -> dict[str, Any]:
    return {
        "status": status_code,
        "body": {"error": {"message": message, "type": kind, "param": None, "code": code}},
    }


class FakeOpenAI(FakeProviderServer):
    api_path = "/v1"

    def routes(self) -> list[Route]:
        return [
            Route("/v1/models", self._list_models, methods=["GET"]),
            Route("/v1/chat/completions", self._chat, methods=["POST"]),
        ]

    def key_of(self, request: Request) -> str | None:
        authorization = request.headers.get("authorization", "")
        return (
            authorization.removeprefix("Bearer ") if authorization.startswith("Bearer ") else None
        )

    def error_response(self, error: FakeError, *, script: Script, key: str | None) -> Response:
        errors = {
            "unauthorized": _error(
                401,
                f"Incorrect API key provided: {key}. You can find your API key at "
                "https://platform.openai.com/account/api-keys.",
                kind="invalid_request_error",
                code="invalid_api_key",
            ),
            "rate_limited": _error(
                429,
                "Rate limit reached for requests. Please try again in "
                f"{script.retry_after_seconds}s.",
                kind="requests",
                code="rate_limit_exceeded",
            ),
            "quota_exhausted": _error(
                429,
                "You exceeded your current quota, please check your plan and billing details.",
                kind="insufficient_quota",
                code="insufficient_quota",
            ),
            "model_not_found": _error(
                404,
                "The model `missing-model` does not exist or you do not have access to it.",
                kind="invalid_request_error",
                code="model_not_found",
            ),
            "context_too_long": _error(
                400,
                "This model's maximum context length is 8192 tokens. However, your messages "
                "resulted in 9000 tokens. Please reduce the length of the messages.",
                kind="invalid_request_error",
                code="context_length_exceeded",
            ),
            "server_error": _error(
                500,
                "The server had an error while processing your request. Sorry about that!",
                kind="server_error",
                code=None,
            ),
        }
        headers = (
            {"retry-after": str(script.retry_after_seconds)} if error == "rate_limited" else {}
        )
        chosen = errors[error]
        return JSONResponse(chosen["body"], status_code=chosen["status"], headers=headers)

    async def _list_models(self, request: Request) -> Response:
        recorded = await self.record(request)
        refusal = await self.models_refusal(recorded)
        if refusal is not None:
            return refusal
        models = [
            {"id": model, "object": "model", "created": CREATED, "owned_by": "fake"}
            for model in self.models
        ]
        return JSONResponse({"object": "list", "data": models})

    async def _chat(self, request: Request) -> Response:
        recorded = await self.record(request)
        script = self.next_script()
        refusal = self.refusal(recorded, script.error)
        if refusal is not None:
            return refusal
        body = recorded.json or {}
        model = str(body.get("model", "fake-model"))
        if not body.get("stream"):
            await asyncio.sleep(script.first_token_delay_seconds)
            return JSONResponse(_completion(model, script))
        include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        return self.event_stream(self._chunks(model, script, include_usage=include_usage))

    async def _chunks(
        self, model: str, script: Script, *, include_usage: bool
    ) -> AsyncIterator[str]:
        completion_id = f"chatcmpl-{uuid.uuid4().hex[:12]}"

        def chunk(delta: dict[str, Any], finish_reason: str | None = None) -> str:
            choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
            return _data(_chunk_envelope(completion_id, model, [choice], include_usage))

        first = True
        async for _, text in self.paced(script):
            yield chunk({"role": "assistant", "content": text} if first else {"content": text})
            first = False
        yield chunk({}, finish_reason="stop")
        if include_usage:
            usage_chunk = _chunk_envelope(completion_id, model, [], include_usage)
            usage_chunk["usage"] = _usage(script)
            yield _data(usage_chunk)
        yield "data: [DONE]\n\n"


def _data(payload: dict[str, Any]) -> str:
    return f"data: {json.dumps(payload)}\n\n"


def _chunk_envelope(
    completion_id: str, model: str, choices: list[dict[str, Any]], include_usage: bool
) -> dict[str, Any]:
    envelope: dict[str, Any] = {
        "id": completion_id,
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "system_fingerprint": None,
        "choices": choices,
    }
    if include_usage:
        envelope["usage"] = None
    return envelope


def _usage(script: Script) -> dict[str, int]:
    return {
        "prompt_tokens": script.input_tokens,
        "completion_tokens": script.output_tokens,
        "total_tokens": script.input_tokens + script.output_tokens,
    }


def _completion(model: str, script: Script) -> dict[str, Any]:
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": script.text},
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": _usage(script),
    }
