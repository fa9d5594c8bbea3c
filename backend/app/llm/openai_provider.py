"""OpenAI and OpenAI-compatible servers (Ollama, vLLM, LM Studio...) through the official SDK.

Replies stream from Chat Completions with `stream_options.include_usage`, so the last chunk carries the
token counts. The SDK's own retries are off: a rate limit or an outage is reported at once, with the wait
the provider asked for, instead of holding the user's request for a minute.
"""

from collections.abc import AsyncIterator
from typing import Any, Literal

import anyio
import httpx2
import openai
from openai.types.chat import ChatCompletion

from app.core.config import settings
from app.llm.base import (
    ChatRequest,
    ProviderFailure,
    ProviderName,
    ProviderUnreachable,
    StreamEvent,
    StreamInterrupted,
    TextDelta,
    Usage,
)
from app.llm.base_urls import non_public_address
from app.llm.deadlines import FirstTokenDeadline
from app.llm.errors import from_openai, from_transport
from app.llm.http import shared_http_client
from app.llm.openai_chunks import read_chunk

# Model ids OpenAI lists that cannot chat (embeddings, audio, images, moderation, legacy completions).
_NOT_CHAT = (
    "embedding",
    "whisper",
    "tts",
    "dall-e",
    "moderation",
    "davinci",
    "babbage",
    "transcribe",
    "audio",
    "realtime",
    "image",
    "search",
    "sora",
)
CONNECT_TIMEOUT_SECONDS = 10


class OpenAIProvider:
    def __init__(
        self,
        *,
        name: Literal["openai", "openai_compatible"],
        api_key: str,
        base_url: str,
        check_private_addresses: bool,
    ) -> None:
        self.name: ProviderName = name
        self._api_key = api_key
        self._base_url = base_url
        self._check_private_addresses = check_private_addresses

    async def list_models(self) -> list[str]:
        await self._refuse_private_address()
        client = self._client()
        try:
            models = [model.id async for model in client.models.list()]
        except openai.NotFoundError:
            raise ProviderFailure(
                "This server does not list models at this base URL. Check the base URL "
                "(for most OpenAI-compatible servers it ends in /v1)."
            ) from None
        except openai.OpenAIError as error:
            raise from_openai(error, secret=self._api_key, streaming=False) from None
        if self.name == "openai":
            models = [model for model in models if not any(word in model for word in _NOT_CHAT)]
        return sorted(set(models))

    async def stream(self, request: ChatRequest) -> AsyncIterator[StreamEvent]:
        await self._refuse_private_address()
        client = self._client()
        streaming = False
        finished = False
        usage = Usage(input_tokens=0, output_tokens=0)
        try:
            async with FirstTokenDeadline(settings.LLM_FIRST_TOKEN_TIMEOUT_SECONDS) as deadline:
                # The SDK's generic `post` skips `create`'s client-side parameter transform, and
                # chunks read as plain JSON (AsyncStream[object]) skip building a pydantic model per
                # token: together a quarter of the CPU a streamed reply costs here.
                chunks = await client.post(
                    "/chat/completions",
                    body={
                        "model": request.model,
                        "messages": self._messages(request),
                        "stream": True,
                        "stream_options": {"include_usage": True},
                        **self._token_limit(request),
                    },
                    cast_to=ChatCompletion,
                    stream=True,
                    stream_cls=openai.AsyncStream[object],
                )
                try:
                    async for raw in chunks:
                        chunk = read_chunk(raw)
                        if chunk.usage is not None:
                            usage = chunk.usage
                        finished = finished or chunk.finished
                        if chunk.text:
                            deadline.met()
                            streaming = True
                            yield TextDelta(chunk.text)
                finally:
                    # Also on cancellation: closing the response is what stops the provider's work.
                    with anyio.CancelScope(shield=True):
                        await chunks.close()
        except openai.OpenAIError as error:
            raise from_openai(error, secret=self._api_key, streaming=streaming) from None
        except httpx2.TransportError as error:
            raise from_transport(error, provider=self.name, streaming=streaming) from None
        if not finished:
            raise StreamInterrupted
        yield usage

    def _client(self) -> openai.AsyncOpenAI:
        return openai.AsyncOpenAI(
            api_key=self._api_key,
            base_url=self._base_url,
            organization=None,
            project=None,
            max_retries=0,
            timeout=httpx2.Timeout(
                settings.LLM_REQUEST_TIMEOUT_SECONDS, connect=CONNECT_TIMEOUT_SECONDS
            ),
            http_client=shared_http_client(),
        )

    def _token_limit(self, request: ChatRequest) -> dict[str, Any]:
        # OpenAI's newer models only take max_completion_tokens; compatible servers know max_tokens.
        if self.name == "openai":
            return {"max_completion_tokens": request.max_output_tokens}
        return {"max_tokens": request.max_output_tokens}

    @staticmethod
    def _messages(request: ChatRequest) -> list[Any]:
        messages: list[dict[str, str]] = [{"role": "system", "content": request.system_prompt}]
        messages += [{"role": turn.role, "content": turn.content} for turn in request.turns]
        return messages

    async def _refuse_private_address(self) -> None:
        if not self._check_private_addresses or settings.allow_private_base_urls:
            return
        if await non_public_address(self._base_url) is not None:
            raise ProviderUnreachable(
                "This base URL points at a private network address, which this server does not "
                "allow. Use a publicly reachable server."
            )
