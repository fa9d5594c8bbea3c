"""A conversation's automatic title, named after its first exchange.

The reply's provider is asked for a few words (a tiny prompt, a handful of output tokens). The
built-in assistant, or any failure of that call, gets a title made from the question instead: a
missing title must never fail a reply that already succeeded.
"""

import logging
import re
from dataclasses import dataclass

import anyio

from app.conversations.upstream import open_stream
from app.llm.base import ChatRequest, ChatTurn, LLMProvider, ProviderFailure, TextDelta, Usage

MAX_WORDS = 6
MAX_TITLE_CHARS = 80
MAX_OUTPUT_TOKENS = 20
TIMEOUT_SECONDS = 15
EXCERPT_CHARS = 600
FALLBACK_TITLE = "New conversation"
# Straight, typographic and angle quotes, and markdown emphasis, that models wrap titles in.
QUOTES = "\"'`*_\u201c\u201d\u2018\u2019\u00ab\u00bb"

INSTRUCTIONS = (
    f"Write a title of at most {MAX_WORDS} words for the conversation below, in the language of the "
    "question. Answer with the title only: no quotes, no punctuation at the end, no preamble."
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    usage: Usage | None  # None when no provider call was made, or it failed


async def name_conversation(
    provider: LLMProvider, *, model: str, question: str, answer: str
) -> Title:
    if provider.name == "builtin":
        return Title(title_from_question(question), usage=None)
    request = ChatRequest(
        model=model,
        system_prompt=INSTRUCTIONS,
        turns=[
            ChatTurn(
                "user", f"Question: {question[:EXCERPT_CHARS]}\n\nAnswer: {answer[:EXCERPT_CHARS]}"
            )
        ],
        datasets=[],
        max_output_tokens=MAX_OUTPUT_TOKENS,
    )
    try:
        with anyio.fail_after(TIMEOUT_SECONDS):
            text, usage = await _complete(provider, request)
    except (ProviderFailure, TimeoutError) as failure:
        logger.info("Naming a conversation failed (%s); using the question", type(failure).__name__)
        return Title(title_from_question(question), usage=None)
    return Title(clean_title(text) or title_from_question(question), usage=usage)


def title_from_question(question: str) -> str:
    first_line = next((line for line in question.splitlines() if line.strip()), "")
    words = first_line.split()[:MAX_WORDS]
    title = _shorten(" ".join(words)).rstrip(" ?!.,;:")
    if not title:
        return FALLBACK_TITLE
    return title[0].upper() + title[1:]


def clean_title(text: str) -> str:
    """The model's answer as a title: its first line, without quotes, markdown or a 'Title:' label."""
    line = next((line for line in text.splitlines() if line.strip()), "")
    line = re.sub(r"^\s*(#+|\*+|title\s*:)\s*", "", line, flags=re.IGNORECASE)
    line = line.strip().strip(QUOTES).strip()
    words = line.split()[:MAX_WORDS]
    return _shorten(" ".join(words)).rstrip(" .,;:")


def _shorten(text: str) -> str:
    if len(text) <= MAX_TITLE_CHARS:
        return text
    return text[: MAX_TITLE_CHARS - 1].rstrip() + "…"


async def _complete(provider: LLMProvider, request: ChatRequest) -> tuple[str, Usage | None]:
    pieces: list[str] = []
    usage: Usage | None = None
    async with open_stream(provider, request) as stream:
        async for event in stream:
            if isinstance(event, TextDelta):
                pieces.append(event.text)
            else:
                usage = event
    return "".join(pieces), usage
