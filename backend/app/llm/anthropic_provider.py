"""Anthropic through the official SDK: the Messages API's raw stream events.

message_start carries the input tokens, content_block_delta (text_delta) the text, message_delta the
output tokens, message_stop the end. The SDK's own retries are off, as for OpenAI.
"""

from collections.abc import AsyncIterator
from typing import Any

import anthropic
import anyio
import httpx2

from app.core.config import settings
from app.llm.base import (
    ChatRequest,
    ProviderName,
    StreamEvent,
    StreamInterrupted,
    TextDelta,
    Usage,
)
from app.llm.deadlines import FirstTokenDeadline
from app.llm.errors import from_anthropic, from_transport
from app.llm.http import shared_http_client

CONNECT_TIMEOUT_SECONDS = 10


class AnthropicProvider:
    def __init__(self, *, api_key: str, base_url: str) -> None:
        self.name: ProviderName = "anthropic"
        self._api_key = api_key
        self._base_url = base_url

    async def list_models(self) -> list[str]:
        client = self._client()
        try:
            # Newest first, as Anthropic lists them.
            return [model.id async for model in client.models.list(limit=100)]
        except anthropic.AnthropicError as error:
            raise from_anthropic(error, secret=self._api_key, streaming=False) from None

    async def stream(self, request: ChatRequest) -> AsyncIterator[StreamEvent]:
        client = self._client()
        streaming = False
        finished = False
        input_tokens = output_tokens = 0
        try:
            async with FirstTokenDeadline(settings.LLM_FIRST_TOKEN_TIMEOUT_SECONDS) as deadline:
                events = await client.messages.create(
                    model=request.model,
                    max_tokens=request.max_output_tokens,
                    system=request.system_prompt,
                    messages=self._messages(request),
                    stream=True,
                )
                try:
                    async for event in events:
                        if event.type == "message_start":
                            input_tokens = event.message.usage.input_tokens or 0
                        elif (
                            event.type == "content_block_delta" and event.delta.type == "text_delta"
                        ):
                            if event.delta.text:
                                deadline.met()
                                streaming = True
                                yield TextDelta(event.delta.text)
                        elif event.type == "message_delta":
                            output_tokens = event.usage.output_tokens or output_tokens
                            if event.usage.input_tokens:
                                input_tokens = event.usage.input_tokens
                        elif event.type == "message_stop":
                            finished = True
                finally:
                    # Also on cancellation: closing the response is what stops the provider's work.
                    with anyio.CancelScope(shield=True):
                        await events.close()
        except anthropic.AnthropicError as error:
            raise from_anthropic(error, secret=self._api_key, streaming=streaming) from None
        except httpx2.TransportError as error:
            raise from_transport(error, provider=self.name, streaming=streaming) from None
        if not finished:
            raise StreamInterrupted
        yield Usage(input_tokens=input_tokens, output_tokens=output_tokens)

    def _client(self) -> anthropic.AsyncAnthropic:
        return anthropic.AsyncAnthropic(
            api_key=self._api_key,
            auth_token=None,
            base_url=self._base_url,
            max_retries=0,
            timeout=httpx2.Timeout(
                settings.LLM_REQUEST_TIMEOUT_SECONDS, connect=CONNECT_TIMEOUT_SECONDS
            ),
            http_client=shared_http_client(),
        )

    @staticmethod
    def _messages(request: ChatRequest) -> list[Any]:
        return [{"role": turn.role, "content": turn.content} for turn in request.turns]
