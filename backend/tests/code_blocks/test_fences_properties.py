"""Property tests of the fence scanner: random markdown, built with its blocks known, round-trips.

A document is prose and fenced blocks in random order. Prose never opens a fence (but may look like
one: four-space indented fences, inline triple backticks). Block content may hold fences that do not
close it: shorter ones of the same character, any of the other character, longer ones with text
after them or indented four spaces or more. The last block may be left unterminated.
"""

from dataclasses import dataclass, field
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from app.code_blocks.fences import CodeBlock, FenceScanner, extract_code_blocks

FAST = settings(max_examples=150, deadline=None)

WORD = st.text(st.sampled_from("abcXYZ019_"), min_size=1, max_size=6)
# Text that starts with a letter cannot open or close a fence, whatever follows.
PLAIN = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from("aBz"),
    st.text(st.sampled_from("ab ()=[]'\"`~#*-.:\t"), max_size=20),
)
LANGUAGE = st.from_regex(r"[A-Za-z][A-Za-z0-9_+#.-]{0,8}", fullmatch=True)


@dataclass
class Document:
    lines: list[str] = field(default_factory=list)
    blocks: list[CodeBlock] = field(default_factory=list)
    # For each closed block, the length of the text up to the end of its closing line's newline.
    closed_at: list[int] = field(default_factory=list)
    opened_at: list[int] = field(default_factory=list)  # where each opening fence line starts
    terminated: bool = True

    @property
    def text(self) -> str:
        return "".join(self.lines)


@st.composite
def prose_line(draw: st.DrawFn) -> str:
    return draw(
        st.one_of(
            PLAIN,
            st.just(""),
            # Four spaces make an indented code line, not a fence.
            st.builds(lambda n, w: " " * 4 + "`" * n + w, st.integers(3, 6), WORD),
            # A backtick "fence" whose info string holds a backtick is inline code.
            st.builds(lambda n, w: "`" * n + w + "`" * n + " here", st.integers(3, 5), WORD),
            st.sampled_from(["``not a fence", "~~ nor this", "> ```quoted"]),
        )
    )


@st.composite
def info_string(draw: st.DrawFn, char: str) -> tuple[str, str | None]:
    """The text after an opening fence, and the language it names."""
    if draw(st.booleans()):
        return draw(st.sampled_from(["", " ", "  "])), None
    language = draw(LANGUAGE)
    extra = draw(
        st.sampled_from(["", " title=x", "  {.numberLines}", " a`b" if char == "~" else ""])
    )
    return draw(st.sampled_from(["", " "])) + language + extra, language.lower()


@st.composite
def content_line(draw: st.DrawFn, char: str, length: int, indent: int) -> tuple[str, str]:
    """A line inside a block as written, and as the block's code holds it."""
    other = "~" if char == "`" else "`"
    kind = draw(st.sampled_from(["plain", "under", "shorter", "other", "longer", "deep", "empty"]))
    if kind == "under":  # less indented than the fence: loses only the spaces it has
        text = draw(PLAIN)
        return " " * draw(st.integers(0, indent)) + text, text
    if kind == "shorter" and length > 3:
        inner = char * draw(st.integers(3, length - 1)) + draw(info_string(char))[0]
    elif kind == "other":
        inner = other * draw(st.integers(3, 8)) + draw(info_string(other))[0]
    elif kind == "longer":  # long enough, but text after it: an opening, not a closing
        inner = char * draw(st.integers(length, length + 2)) + "x" + draw(WORD)
    elif kind == "deep":  # four spaces or more in all: content
        inner = " " * draw(st.integers(4, 6)) + char * draw(st.integers(length, length + 2))
    elif kind == "empty":
        return "", ""
    else:
        inner = draw(st.sampled_from(["", " ", "  "])) + draw(PLAIN)
    return " " * indent + inner, inner


@st.composite
def documents(draw: st.DrawFn) -> Document:
    document = Document()
    segments = draw(st.lists(st.sampled_from(["prose", "block"]), max_size=8))
    unterminated = draw(st.booleans())
    if unterminated:
        segments.append("open")
    for segment in segments:
        if segment == "prose":
            document.lines.extend(line + "\n" for line in draw(st.lists(prose_line(), max_size=3)))
            continue
        char = draw(st.sampled_from("`~"))
        length, indent = draw(st.integers(3, 6)), draw(st.integers(0, 3))
        info, language = draw(info_string(char))
        body = draw(st.lists(content_line(char, length, indent), max_size=6))
        document.opened_at.append(len(document.text))
        document.lines.append(" " * indent + char * length + info + "\n")
        document.lines.extend(written + "\n" for written, _ in body)
        code = "\n".join(kept for _, kept in body)
        document.blocks.append(CodeBlock(index=len(document.blocks), language=language, code=code))
        if segment == "open":
            document.terminated = False
            # Without a final newline the last line is still read, unless it is empty (nothing).
            if body and body[-1][0] and draw(st.booleans()):
                document.lines[-1] = document.lines[-1].removesuffix("\n")
            break
        closing = " " * draw(st.integers(0, 3)) + char * draw(st.integers(length, length + 2))
        document.lines.append(closing + " " * draw(st.integers(0, 2)) + "\n")
        document.closed_at.append(len(document.text))
    if document.lines and document.terminated and draw(st.booleans()):
        document.lines[-1] = document.lines[-1].removesuffix("\n")
        # A closing fence that now ends the text closes its block only when the text ends.
        document.closed_at = [end for end in document.closed_at if end <= len(document.text)]
    if draw(st.booleans()):
        document.lines = [line.replace("\n", "\r\n") for line in document.lines]
        document.closed_at = []  # offsets shift; the other properties still hold
        document.opened_at = []
    return document


def fed_in_pieces(text: str, cuts: list[int]) -> list[CodeBlock]:
    scanner = FenceScanner()
    bounds = [0, *sorted(cut % (len(text) + 1) for cut in cuts), len(text)]
    found = [block for start, end in pairwise(bounds) for block in scanner.feed(text[start:end])]
    return found + scanner.finish()


@FAST
@given(documents())
def test_every_generated_block_is_found_with_its_code_and_language(document: Document) -> None:
    assert extract_code_blocks(document.text) == document.blocks


@FAST
@given(documents(), st.lists(st.integers(min_value=0), max_size=12))
def test_any_split_into_pieces_gives_what_the_whole_text_gives(
    document: Document, cuts: list[int]
) -> None:
    assert fed_in_pieces(document.text, cuts) == extract_code_blocks(document.text)


@FAST
@given(documents())
def test_an_unterminated_last_block_is_reported_only_when_asked(document: Document) -> None:
    complete = extract_code_blocks(document.text, include_unterminated=False)
    expected = document.blocks if document.terminated else document.blocks[:-1]
    assert complete == expected


@FAST
@given(documents())
def test_a_block_is_announced_once_its_closing_line_has_ended(document: Document) -> None:
    text = document.text
    for count, end in enumerate(document.closed_at, start=1):
        before, at = FenceScanner(), FenceScanner()
        # One character short of the closing line's newline, the block could still continue.
        assert before.feed(text[: end - 1]) == document.blocks[: count - 1]
        assert at.feed(text[:end]) == document.blocks[:count]


@FAST
@given(documents(), st.lists(st.integers(min_value=0), max_size=12))
def test_each_block_knows_where_its_opening_fence_starts(
    document: Document, cuts: list[int]
) -> None:
    if not document.opened_at:
        return  # no blocks, or offsets shifted by CRLF line ends
    whole = extract_code_blocks(document.text)
    assert [block.start for block in whole] == document.opened_at
    assert [block.start for block in fed_in_pieces(document.text, cuts)] == document.opened_at
