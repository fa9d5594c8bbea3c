"""Fenced code blocks found in markdown as it streams in.

Follows CommonMark's fence rules for top-level blocks: an opening fence is 3+ backticks or tildes
indented by at most 3 spaces, optionally followed by an info string whose first word is the language
(a backtick fence's info string may not contain backticks); the block ends at a line of the same
character, at least as long, with nothing after it but spaces. A block is announced once its closing
fence line is complete (its newline arrived, or the text ended), never earlier: until then the line
could still turn out to be content (```` ```python ```` inside a block is not a closing fence).
"""

import re
from dataclasses import dataclass, field

_OPENING = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_CLOSING = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})[ \t]*$")


@dataclass(frozen=True, slots=True)
class CodeBlock:
    index: int  # 0-based position among the blocks of the text
    language: str | None
    code: str
    # Where the opening fence's line starts in the text fed: what precedes it is the prose that
    # introduces the block. Not part of equality: the same block is the same wherever it stands.
    start: int = field(default=0, compare=False)


@dataclass(slots=True)
class _OpenBlock:
    fence: str
    indent: int
    language: str | None
    lines: list[str]
    start: int = 0


class FenceScanner:
    """Feed the text piece by piece; each call returns the blocks that closed in that piece."""

    def __init__(self) -> None:
        self._pending = ""  # the start of a line whose newline has not arrived yet
        self._open: _OpenBlock | None = None
        self._count = 0
        self._line_start = 0  # offset in the text fed of the line being read

    @property
    def is_inside(self) -> bool:
        """Whether the lines fed so far (the complete ones) leave a block open."""
        return self._open is not None

    def feed(self, text: str) -> list[CodeBlock]:
        *lines, self._pending = (self._pending + text).split("\n")
        return [block for line in lines if (block := self._line(line)) is not None]

    def finish(self, *, include_unterminated: bool = True) -> list[CodeBlock]:
        """The end of the text: its last line, and the block it leaves open (if wanted)."""
        pending, self._pending = self._pending, ""
        closed = self._line(pending) if pending else None
        blocks = [closed] if closed is not None else []
        if self._open is not None and include_unterminated:
            blocks.append(self._emit(self._open))
        self._open = None
        return blocks

    def _line(self, line: str) -> CodeBlock | None:
        start = self._line_start
        self._line_start += len(line) + 1  # and its newline
        line = line.removesuffix("\r")
        block = self._open
        if block is None:
            self._open = _opening(line, start=start)
            return None
        closing = _CLOSING.match(line)
        if (
            closing
            and closing["fence"][0] == block.fence[0]
            and len(closing["fence"]) >= len(block.fence)
        ):
            self._open = None
            return self._emit(block)
        block.lines.append(_dedent(line, block.indent))
        return None

    def _emit(self, block: _OpenBlock) -> CodeBlock:
        found = CodeBlock(
            index=self._count,
            language=block.language,
            code="\n".join(block.lines),
            start=block.start,
        )
        self._count += 1
        return found


def extract_code_blocks(text: str, *, include_unterminated: bool = True) -> list[CodeBlock]:
    """Every fenced block of a whole text."""
    scanner = FenceScanner()
    return [*scanner.feed(text), *scanner.finish(include_unterminated=include_unterminated)]


def _opening(line: str, *, start: int) -> _OpenBlock | None:
    match = _OPENING.match(line)
    if match is None:
        return None
    fence, info = match["fence"], match["info"].strip()
    if fence[0] == "`" and "`" in info:
        return None  # inline code such as ```x``` is not a fence
    words = info.split()
    language = words[0].lower() if words else None
    return _OpenBlock(
        fence=fence, indent=len(match["indent"]), language=language, lines=[], start=start
    )


def _dedent(line: str, indent: int) -> str:
    # Content loses as many leading spaces as the opening fence had, no more.
    removable = len(line) - len(line.lstrip(" "))
    return line[min(indent, removable) :]
