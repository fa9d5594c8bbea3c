"""What a Python code block contains, read from its syntax tree (it is never run here).

- imports: the modules, dotted in full (`import matplotlib.pyplot as plt` → "matplotlib.pyplot",
  `from a.b import c` → "a.b"; relative imports are left out), sorted.
- functions, classes: every one defined, nested ones and methods included.
- variables: every name assigned (assignments, augmented and annotated ones, for and with targets,
  walrus), but not a comprehension's loop names, which do not outlive it, nor a bare `x: int`.
- columns: the dataframe columns the code reads (columns.py).
Lists keep the order of first appearance. Code that does not parse gets `syntax_error`
("line 3: invalid syntax") and nothing else; other languages get nothing at all.
"""

import ast
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.code_blocks.columns import referenced_columns
from app.code_blocks.languages import normalise_language


@dataclass(frozen=True, slots=True)
class CodeAnalysis:
    imports: list[str] = field(default_factory=list)
    functions: list[str] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)
    variables: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    syntax_error: str | None = None


def analyse(code: str, language: str | None) -> CodeAnalysis:
    """`language` as stored (a raw fence tag works too; None: analysed if the code looks like Python)."""
    if normalise_language(language, code) != "python":
        return CodeAnalysis()
    try:
        tree = ast.parse(code)
    except SyntaxError as error:
        return CodeAnalysis(syntax_error=_describe(error))
    except ValueError as error:  # a NUL character
        return CodeAnalysis(syntax_error=str(error))
    except RecursionError:  # Python itself cannot compile code nested this deeply
        return CodeAnalysis(syntax_error="the code is nested too deeply for Python to read")
    nodes = _in_order(ast.walk(tree))
    return CodeAnalysis(
        imports=sorted(set(_imports(nodes))),
        functions=_unique(
            n.name for n in nodes if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
        ),
        classes=_unique(n.name for n in nodes if isinstance(n, ast.ClassDef)),
        variables=_variables(nodes),
        columns=_columns(tree, nodes),
    )


def _describe(error: SyntaxError) -> str:
    return f"line {error.lineno}: {error.msg}" if error.lineno else error.msg


def _in_order(nodes: Iterable[ast.AST]) -> list[ast.AST]:
    # ast.walk goes breadth first; the lists follow the code from top to bottom instead.
    def position(node: ast.AST) -> tuple[int, int]:
        return getattr(node, "lineno", 0), getattr(node, "col_offset", 0)

    return sorted(nodes, key=position)


def _imports(nodes: list[ast.AST]) -> Iterable[str]:
    for node in nodes:
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


def _variables(nodes: list[ast.AST]) -> list[str]:
    # A comprehension's loop names do not outlive it; `x: int` alone declares, assigns nothing.
    not_assigned = {
        id(name)
        for node in nodes
        if isinstance(node, ast.comprehension)
        or (isinstance(node, ast.AnnAssign) and node.value is None)
        for name in ast.walk(node.target)
    }
    return _unique(
        node.id
        for node in nodes
        if isinstance(node, ast.Name)
        and isinstance(node.ctx, ast.Store)
        and id(node) not in not_assigned
    )


def _columns(tree: ast.Module, nodes: list[ast.AST]) -> list[str]:
    pandas_names = {"pd"} | {
        alias.asname or alias.name
        for node in nodes
        if isinstance(node, ast.Import)
        for alias in node.names
        if alias.name == "pandas"
    }
    try:
        return referenced_columns(tree, pandas_names=frozenset(pandas_names))
    except RecursionError:
        return []  # a chain of calls too long to follow: the rest of the analysis still holds


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))
