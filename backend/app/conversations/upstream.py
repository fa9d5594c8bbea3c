"""A provider's stream, closed as soon as the caller is done with it.

Breaking out of `async for` (or being cancelled inside it) does not close an async generator; only
its garbage collection would, some time later. Closing it at once closes the provider's HTTP
response, so the upstream call ends with ours (the user pressed Stop, the browser went away).
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from app.llm.base import ChatRequest, LLMProvider, StreamEvent


@asynccontextmanager
async def open_stream(
    provider: LLMProvider, request: ChatRequest
) -> AsyncIterator[AsyncIterator[StreamEvent]]:
    events = provider.stream(request)
    try:
        yield events
    finally:
        close = getattr(events, "aclose", None)
        if close is not None:
            await close()
