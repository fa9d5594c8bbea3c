"""The pre-check: plain reasons for plainly forbidden code, and no complaint about ordinary code."""

import pytest

from app.execution.precheck import check


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("import os", "importing os"),
        ("from subprocess import run", "importing subprocess"),
        ("import socket as s", "importing socket"),
        ("import ctypes.util", "importing ctypes.util"),
        ("open('/etc/passwd')", "opening files"),
        ("eval('1')", "eval()"),
        ("exec('x = 1')", "exec()"),
        ("().__class__.__subclasses__()", "__class__"),
        ("__builtins__", "__builtins__"),
        ("pd.read_csv('http://example.com/x.csv')", "read_csv is not available"),
        ("df.to_pickle('x')", "to_pickle"),
    ],
)
def test_forbidden_code_gets_a_reason(code: str, words: str) -> None:
    findings = check(code)

    assert {finding.line for finding in findings} == {1}
    assert any(words in finding.message for finding in findings), findings


def test_findings_carry_their_lines() -> None:
    findings = check("total = 1\nimport os\nimport sys\n")

    assert [str(finding).split(":")[0] for finding in findings] == ["line 2", "line 3"]


@pytest.mark.parametrize(
    "code",
    [
        "import pandas as pd\nimport numpy as np\nimport matplotlib.pyplot as plt\nresult = df.describe()",
        "result = df.groupby('region')['revenue'].sum()",
        "import math, statistics, datetime, re, json\nresult = math.pi",
        "result = df.query('revenue > 10')",
        "if __name__ == '__main__':\n    result = 1",
        "this is not python",
    ],
)
def test_ordinary_code_passes(code: str) -> None:
    assert check(code) == []
