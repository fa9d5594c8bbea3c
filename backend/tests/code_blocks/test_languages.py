import pytest

from app.code_blocks.languages import MAX_LANGUAGE_CHARS, normalise_language


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("python", "python"),
        ("Python", "python"),
        ("py", "python"),
        ("python3", "python"),
        ("py3", "python"),
        ("ipython", "python"),
        ("python3.11", "python"),
        ("{python}", "python"),
        ("{.python}", "python"),
        ("language-python", "python"),
        ("analysis.py", "python"),
        ("{r, echo=FALSE}", "r"),
        ("R", "r"),
        ("js", "javascript"),
        ("ts", "typescript"),
        ("sh", "bash"),
        ("zsh", "bash"),
        ("postgresql", "sql"),
        ("query.sql", "sql"),
        ("yml", "yaml"),
        ("md", "markdown"),
        ("txt", "text"),
        ("c++", "cpp"),
        ("C#", "csharp"),
        ("golang", "go"),
        ("dax", "dax"),  # unknown: kept as written, lower-cased
        ("my<lang>", "mylang"),
    ],
)
def test_tags_are_folded_to_one_name_per_language(tag: str, language: str) -> None:
    assert normalise_language(tag, "anything") == language


def test_an_unknown_tag_is_cut_to_fit_the_column() -> None:
    assert normalise_language("x" * 100, "") == "x" * MAX_LANGUAGE_CHARS


def test_a_tag_wins_over_what_the_code_looks_like() -> None:
    assert normalise_language("text", "import pandas as pd") == "text"


@pytest.mark.parametrize(
    "code",
    [
        "import pandas as pd",
        'result = df.groupby("region")["amount"].sum()',
        "df.describe()",
        'print("hello")',
        "def total(values):\n    return sum(values)",
        "for row in rows:\n    pass",
        "threshold: float = 0.5",
    ],
)
def test_untagged_python(code: str) -> None:
    assert normalise_language(None, code) == "python"
    assert normalise_language("", code) == "python"


@pytest.mark.parametrize(
    "code",
    [
        "",
        "   \n",
        "SELECT region, SUM(amount) FROM sales GROUP BY region;",
        "ls -la",  # parses as `ls - la`
        "npm install pandas",
        '{"region": "North", "amount": 3}',  # a dict display
        "[1, 2, 3]",
        "name: sales\nversion: 2",  # YAML parses as bare annotations
        'console.log("hi")',
        "x <- c(1, 2, 3)",  # R: parses as a comparison with a negation
        "a\0b",
    ],
)
def test_untagged_code_that_is_not_recognisably_python(code: str) -> None:
    assert normalise_language(None, code) is None
