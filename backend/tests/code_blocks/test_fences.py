import pytest

from app.code_blocks.fences import CodeBlock, FenceScanner, extract_code_blocks

REPLY = """\
Here is the total per region:

```python
totals = df.groupby("region")["amount"].sum()
result = totals.sort_values()
```

And the same in SQL, for reference:

~~~sql
SELECT region, SUM(amount) FROM sales GROUP BY region;
~~~
Done.
"""
EXPECTED = [
    CodeBlock(
        index=0,
        language="python",
        code='totals = df.groupby("region")["amount"].sum()\nresult = totals.sort_values()',
    ),
    CodeBlock(
        index=1, language="sql", code="SELECT region, SUM(amount) FROM sales GROUP BY region;"
    ),
]


def scan(pieces: list[str]) -> list[CodeBlock]:
    scanner = FenceScanner()
    found = [block for piece in pieces for block in scanner.feed(piece)]
    return found + scanner.finish()


def test_blocks_of_a_whole_reply() -> None:
    assert extract_code_blocks(REPLY) == EXPECTED


@pytest.mark.parametrize("split", range(len(REPLY) + 1))
def test_a_reply_split_anywhere_gives_the_same_blocks(split: int) -> None:
    assert scan([REPLY[:split], REPLY[split:]]) == EXPECTED


def test_a_reply_streamed_one_character_at_a_time() -> None:
    assert scan(list(REPLY)) == EXPECTED


def test_a_block_is_announced_once_its_closing_fence_line_ends() -> None:
    scanner = FenceScanner()
    assert scanner.feed("Look:\n```py\nx = 1\n") == []
    assert scanner.feed("``") == []
    assert scanner.feed("`") == []  # could still become ```` or ```python: content
    assert scanner.feed("\nAfter") == [CodeBlock(index=0, language="py", code="x = 1")]
    assert scanner.finish() == []


def test_a_closing_fence_at_the_very_end_closes_the_block() -> None:
    assert extract_code_blocks("```\nprint(1)\n```") == [
        CodeBlock(index=0, language=None, code="print(1)")
    ]


def test_an_unterminated_block_is_announced_at_the_end_when_wanted() -> None:
    text = "Start:\n~~~python\nresult = df.head()\nprint(result"
    assert extract_code_blocks(text) == [
        CodeBlock(index=0, language="python", code="result = df.head()\nprint(result")
    ]
    assert extract_code_blocks(text, include_unterminated=False) == []


def test_a_closing_fence_must_match_the_opening_one() -> None:
    text = "````md\n```python\ninner\n```\n~~~\n````\n"
    assert extract_code_blocks(text) == [
        CodeBlock(index=0, language="md", code="```python\ninner\n```\n~~~")
    ]


def test_a_fence_line_with_text_after_it_does_not_close_a_block() -> None:
    text = "```\na\n```python\nb\n```\n"
    assert extract_code_blocks(text) == [CodeBlock(index=0, language=None, code="a\n```python\nb")]


def test_inline_triple_backticks_are_not_a_fence() -> None:
    assert extract_code_blocks("Use ```x``` here.\n```js x`y\nnot a block\n") == []


def test_indented_fences_and_their_content() -> None:
    text = (
        "1. Step:\n   ```python\n   x = 1\n     y = 2\n   ```\n    ```\nfour spaces: not a fence\n"
    )
    assert extract_code_blocks(text) == [
        CodeBlock(index=0, language="python", code="x = 1\n  y = 2")
    ]


def test_language_is_the_first_word_of_the_info_string_lower_cased() -> None:
    assert extract_code_blocks("``` Python title=x\npass\n```\n")[0].language == "python"


def test_windows_line_endings() -> None:
    assert extract_code_blocks("```sql\r\nSELECT 1;\r\n```\r\n") == [
        CodeBlock(index=0, language="sql", code="SELECT 1;")
    ]


def test_empty_block_and_numbering() -> None:
    blocks = extract_code_blocks("```\n```\ntext\n```r\nx <- 1\n```\n")
    assert blocks == [
        CodeBlock(index=0, language=None, code=""),
        CodeBlock(index=1, language="r", code="x <- 1"),
    ]
