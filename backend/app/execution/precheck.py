"""A friendly first look at code before it runs: clear messages for what the sandbox will not allow.

This is NOT the security boundary (pandas alone reaches os, files and URLs without an import; see
the package docstring): it only saves a run, and gives the model or the user a plain reason, for
code that plainly tries to leave the sandbox. Everything it lets through still runs fully isolated.
"""

import ast
from dataclasses import dataclass

BLOCKED_MODULES = frozenset(
    {
        "os", "sys", "subprocess", "socket", "ctypes", "shutil", "pathlib", "importlib", "builtins",
        "pickle", "marshal", "shelve", "dill", "multiprocessing", "threading", "_thread", "signal",
        "http", "urllib", "urllib3", "requests", "httpx", "ftplib", "smtplib", "telnetlib", "asyncio",
        "gc", "inspect", "code", "codeop", "pty", "resource", "mmap", "fcntl", "select", "selectors",
        "posix", "sysconfig", "runpy", "webbrowser",
    }
)  # fmt: skip
BLOCKED_CALLS = {
    "open": "opening files",
    "eval": "eval()",
    "exec": "exec()",
    "compile": "compile()",
    "__import__": "__import__()",
    "globals": "globals()",
    "locals": "locals()",
    "vars": "vars()",
    "breakpoint": "breakpoint()",
    "input": "input()",
}
READ_HINT = "the attached files are already loaded as `df` (the first) and `dfs` (all, by name)"


@dataclass(frozen=True)
class Finding:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


def check(code: str) -> list[Finding]:
    """What the code plainly tries that the sandbox forbids; empty when nothing (or not Python)."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return []  # the run itself reports the syntax error, with its line
    findings: list[Finding] = []
    for node in ast.walk(tree):
        message = _judge(node)
        if message:
            findings.append(Finding(getattr(node, "lineno", 0), message))
    return sorted(set(findings), key=lambda finding: finding.line)


def _judge(node: ast.AST) -> str | None:
    if isinstance(node, ast.Import | ast.ImportFrom):
        names = (
            [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
        )
        for name in names:
            if name.split(".")[0] in BLOCKED_MODULES:
                return (
                    f"importing {name} is not available: files, network and other processes are out "
                    f"of reach, and {READ_HINT}"
                )
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in BLOCKED_CALLS
    ):
        return f"{BLOCKED_CALLS[node.func.id]} is not available in the sandbox"
    if isinstance(node, ast.Attribute):
        if _is_dunder(node.attr):
            return f"special attributes such as {node.attr} are not available"
        if node.attr.startswith("read_") or node.attr in {"to_pickle", "to_parquet"}:
            return f"{node.attr} is not available: {READ_HINT}"
    if isinstance(node, ast.Name) and _is_dunder(node.id) and node.id != "__name__":
        return f"{node.id} is not available"
    return None


def _is_dunder(name: str) -> bool:
    return name.startswith("__") and name.endswith("__") and len(name) > 4
