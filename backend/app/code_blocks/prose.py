"""Markdown as plain text: the paragraphs of a reply, without code blocks or markup."""

import re

from app.code_blocks.fences import FenceScanner

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_LINE_MARKUP = re.compile(r"^\s*(#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_SPACES = re.compile(r"\s+")


def last_paragraphs(markdown: str) -> list[str]:
    """The paragraphs after the text's last fenced block (all of them without one), as plain text."""
    found: list[str] = []
    current: list[str] = []
    for line in _lines(markdown):
        plain = plain_text(line) if line and not _TABLE_RULE.match(line) else ""
        if plain:
            current.append(plain)
            continue
        if current:
            found.append(" ".join(current))
            current = []
        if line is None:
            found = []  # what came before a block was about that block
    if current:
        found.append(" ".join(current))
    return found


def plain_text(markdown: str) -> str:
    text = _LINE_MARKUP.sub("", markdown)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _CODE_SPAN.sub(lambda match: match[2].strip(), text)
    text = _HTML_TAG.sub("", text)
    previous = None
    while previous != text:  # nested: **_both_**
        previous, text = text, _EMPHASIS.sub(r"\2", text)
    return _SPACES.sub(" ", text.replace("|", " ")).strip()


def _lines(markdown: str) -> list[str | None]:
    """The text's lines, None for each line of a fenced block (fences included)."""
    lines: list[str | None] = []
    scanner = FenceScanner()
    for line in markdown.splitlines():
        inside_before = scanner.is_inside
        scanner.feed(line + "\n")
        lines.append(None if inside_before or scanner.is_inside else line)
    return lines
