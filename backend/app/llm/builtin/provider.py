"""The built-in assistant as an LLMProvider: it composes its whole reply at once, then streams it in
word-sized pieces (no artificial delay) and reports zero tokens, since no model ran."""

import re
from collections.abc import AsyncIterator

from app.llm.base import ChatRequest, ProviderName, StreamEvent, TextDelta, Usage
from app.llm.builtin.replies import compose_reply

BUILTIN_MODEL = "builtin"
BUILTIN_LABEL = "Built-in assistant (offline)"
_PIECES = re.compile(r"\s*\S+\s*|\s+")


class BuiltinProvider:
    def __init__(self) -> None:
        self.name: ProviderName = "builtin"

    async def list_models(self) -> list[str]:
        return [BUILTIN_MODEL]

    async def stream(self, request: ChatRequest) -> AsyncIterator[StreamEvent]:
        reply = compose_reply(request)
        for piece in _PIECES.findall(reply):
            yield TextDelta(piece)
        yield Usage(input_tokens=0, output_tokens=0)
