"""A streamed Chat Completions chunk, read from its JSON without building the SDK's models.

The fields read are the ones the wire format documents: `choices[].delta.content`,
`choices[].finish_reason` and, on the last chunk when `stream_options.include_usage` is set, `usage`.
Compatible servers vary, so anything missing or of the wrong type reads as absent rather than failing.
"""

from dataclasses import dataclass
from typing import Any

from app.llm.base import Usage


@dataclass(frozen=True, slots=True)
class Chunk:
    text: str
    finished: bool
    usage: Usage | None


def read_chunk(raw: object) -> Chunk:
    if not isinstance(raw, dict):
        return Chunk(text="", finished=False, usage=None)
    pieces: list[str] = []
    finished = False
    choices = raw.get("choices")
    for choice in choices if isinstance(choices, list) else ():
        if not isinstance(choice, dict):
            continue
        finished = finished or choice.get("finish_reason") is not None
        delta = choice.get("delta")
        content = delta.get("content") if isinstance(delta, dict) else None
        if isinstance(content, str):
            pieces.append(content)
    return Chunk(text="".join(pieces), finished=finished, usage=_usage(raw.get("usage")))


def _usage(raw: Any) -> Usage | None:
    if not isinstance(raw, dict):
        return None
    return Usage(
        input_tokens=_count(raw.get("prompt_tokens")),
        output_tokens=_count(raw.get("completion_tokens")),
    )


def _count(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0
