"""A title and a description for a code block, so the library lists it by what it does.

From the reply: the text just before the block usually says what the block does ("To find the total
sales by region, group by..."). The description is its last paragraph, with the ones before it when
that one says little on its own ("Here is the code:"), as plain text. The title is the description's
first sentence without its lead-in ("Here's how to", "This code", "I'll", "Sure!"), capitalised.
Without such text (a snippet saved by hand, a reply that opens with code), both come from the code:
its first comment, else a summary of what the analysis found ("Group by region and sum revenue"),
else "Python snippet".
"""

import re
from dataclasses import dataclass

from app.code_blocks.analysis import CodeAnalysis
from app.code_blocks.code_summary import code_facts, code_title
from app.code_blocks.prose import last_paragraphs, plain_text

MAX_TITLE_CHARS = 120
MAX_DESCRIPTION_CHARS = 1000
# A last paragraph shorter than this ("Here is the code:") takes the paragraphs before it along.
MIN_DESCRIPTION_CHARS = 80
MAX_PARAGRAPHS = 3

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])|[.!?]\s*$")
_INTERJECTION = re.compile(
    r"^(sure|certainly|of course|absolutely|okay|ok|great( question)?|got it|no problem)\b[!,.]*\s*",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^[^:.!?]{1,40}:\s+(?=\S)")  # "Built-in offline assistant: This computes..."
_LEAD_IN = re.compile(
    r"^(here['\u2019]?s|here is|here are|below is|the following|this( code| snippet| script)?"
    r"( will)?|i['\u2019]?ll|i will|let['\u2019]?s|let us|we can|you can|we['\u2019]?ll|we|now,?|"
    r"next,?|first,?|then,?|finally,?|use (the following|this)( python| pandas)?( code| snippet)?"
    r"( to)?)\s+",
    re.IGNORECASE,
)
_SNIPPET_WORDS = re.compile(
    r"^((a|an|the|some)\s+)?((python|pandas)\s+)?((code|snippet|script|example)\b\s*"
    r"((that|which|to|for)\s+)?)?(how\s+(to|you\s+can|you\s+could|we\s+can)\s+)?",
    re.IGNORECASE,
)
_PURPOSE = re.compile(r"^to\s+(?P<purpose>[^,]{3,}),", re.IGNORECASE)  # "To find X, group by..."


@dataclass(frozen=True, slots=True)
class BlockDescription:
    title: str
    description: str


def describe_block(
    *, prose_before: str, code: str, analysis: CodeAnalysis, language: str | None
) -> BlockDescription:
    description = _description_from_prose(prose_before)
    title = _title_from_prose(description)
    if not title:  # no text, or text that says nothing of its own ("Here is the code:")
        title = code_title(code, analysis, language)
        description = code_facts(code, analysis, language)
    return BlockDescription(
        title=_cut(title, MAX_TITLE_CHARS), description=_cut(description, MAX_DESCRIPTION_CHARS)
    )


def _description_from_prose(prose: str) -> str:
    found = last_paragraphs(prose)
    kept: list[str] = []
    while found and len(kept) < MAX_PARAGRAPHS:
        kept.insert(0, _as_sentence(found.pop()))
        if len(" ".join(kept)) >= MIN_DESCRIPTION_CHARS:
            break
    return " ".join(kept)


def _as_sentence(paragraph: str) -> str:
    # A heading ends without a full stop; the colon that introduced the code has nothing left to
    # introduce.
    if paragraph.endswith(":"):
        return paragraph[:-1] + "."
    return paragraph if paragraph.endswith((".", "!", "?", "…")) else paragraph + "."


def _title_from_prose(description: str) -> str:
    for sentence in _sentences(description):
        title = _without_lead_in(sentence)
        if len(title) >= 3:
            return title[0].upper() + title[1:]
    return ""


def _sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def _without_lead_in(sentence: str) -> str:
    text = plain_text(sentence)
    for _ in range(5):  # "Sure! Here's how you can..." takes a few rounds
        shorter = _LEAD_IN.sub("", _LABEL.sub("", _INTERJECTION.sub("", text), count=1))
        if shorter == text:
            break
        text = shorter
    purpose = _PURPOSE.match(text)
    if purpose:
        text = purpose["purpose"]
    return _SNIPPET_WORDS.sub("", text, count=1).rstrip(" .:;,!?")


def _cut(text: str, limit: int) -> str:
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"
