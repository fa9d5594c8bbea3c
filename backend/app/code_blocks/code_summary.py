"""A title and a description read from the code itself, for blocks with no text around them.

The title is the code's first comment (or docstring line); else, for Python, a phrase for its main
pandas step ("Total revenue by region", "Chart of average Fare by Sex", "Top 5 by revenue"); else
"Python snippet" (or the language's). The description is the comment block the code opens with, else
a sentence of what the analysis found (the columns it reads, the modules it imports).
"""

import ast
import re

from app.code_blocks.analysis import CodeAnalysis
from app.code_blocks.frames import column_names

_COMMENT = re.compile(r"^\s*(?P<mark>#|--|//|/\*+)\s*(?P<text>.*?)\s*(\*/)?$")
_HASH_IS_NOT_A_COMMENT = frozenset({"c", "cpp", "csharp"})  # #include, #define
# Comments that are instructions to tools, not words for people.
_TOOL_COMMENT = re.compile(
    r"^(!|-\*-|%%|type:|noqa|fmt:|pylint:|mypy:|ruff:|eslint)", re.IGNORECASE
)
_DISPLAY_NAMES = {
    "python": "Python",
    "sql": "SQL",
    "r": "R",
    "javascript": "JavaScript",
    "typescript": "TypeScript",
    "bash": "Shell",
    "json": "JSON",
    "yaml": "YAML",
    "html": "HTML",
    "css": "CSS",
    "cpp": "C++",
    "csharp": "C#",
}
_AGGREGATIONS = {
    "sum": "total",
    "mean": "average",
    "median": "median",
    "min": "minimum",
    "max": "maximum",
    "count": "count of",
    "nunique": "distinct count of",
    "std": "standard deviation of",
    "agg": "summary of",
    "aggregate": "summary of",
}
_CHARTS = frozenset(
    {"plot", "bar", "barh", "hist", "scatter", "pie", "boxplot", "heatmap", "imshow", "subplots"}
)
_CHART_MODULES = ("matplotlib", "seaborn", "plotly")


def code_title(code: str, analysis: CodeAnalysis, language: str | None) -> str:
    comment = next(iter(_leading_comments(code, language)), None) or _first_comment(code, language)
    if comment and comment.rstrip(" .:;,"):
        return comment.rstrip(" .:;,")
    phrase = _python_phrase(code, analysis) if language == "python" else None
    if phrase:
        return phrase
    return f"{_DISPLAY_NAMES.get(language or '', (language or 'code').capitalize())} snippet"


def code_facts(code: str, analysis: CodeAnalysis, language: str | None) -> str:
    leading = _leading_comments(code, language)
    if leading:
        return " ".join(leading)
    if language != "python":
        return ""
    if analysis.syntax_error:
        return f"Python code that does not parse ({analysis.syntax_error})."
    facts = [
        f"Reads the column{'s' if len(analysis.columns) > 1 else ''} {_listed(analysis.columns, 8)}."
        if analysis.columns
        else "",
        f"Uses {_listed(analysis.imports, 6)}." if analysis.imports else "",
        f"Defines {_listed([f'{name}()' for name in analysis.functions], 6)}."
        if analysis.functions
        else "",
    ]
    return " ".join(fact for fact in facts if fact)


def _leading_comments(code: str, language: str | None) -> list[str]:
    """The comment lines (or the Python docstring) the code opens with."""
    lines: list[str] = []
    for line in code.strip().splitlines():
        match = _comment(line, language)
        if match is None:
            break
        if match["text"] and not _TOOL_COMMENT.match(match["text"]):
            lines.append(match["text"])
    if not lines and language == "python":
        docstring = _docstring(code)
        lines = (
            [line.strip() for line in docstring.splitlines() if line.strip()] if docstring else []
        )
    return lines


def _first_comment(code: str, language: str | None) -> str | None:
    for line in code.splitlines():
        match = _comment(line, language)
        if match and match["text"] and not _TOOL_COMMENT.match(match["text"]):
            return match["text"]
    return None


def _comment(line: str, language: str | None) -> re.Match[str] | None:
    match = _COMMENT.match(line)
    if match and match["mark"] == "#" and language in _HASH_IS_NOT_A_COMMENT:
        return None
    return match


def _docstring(code: str) -> str | None:
    try:
        return ast.get_docstring(ast.parse(code))
    except (SyntaxError, ValueError, RecursionError):
        return None


def _python_phrase(code: str, analysis: CodeAnalysis) -> str | None:
    if analysis.syntax_error:
        return None
    tree = ast.parse(code)
    # In a chain (df.groupby(...)["a"].sum()) every call starts where the chain does: order by ends.
    calls = sorted(
        (node for node in ast.walk(tree) if isinstance(node, ast.Call)),
        key=lambda call: (call.end_lineno or 0, call.end_col_offset or 0),
    )
    methods: dict[str, ast.Call] = {}
    for call in calls:
        if isinstance(call.func, ast.Attribute):
            methods.setdefault(call.func.attr, call)
    phrase = _main_step(methods, tree, analysis.columns)
    charted = any(name in _CHARTS for name in methods) or any(
        module.startswith(_CHART_MODULES) for module in analysis.imports
    )
    if charted:
        return f"Chart of {phrase}" if phrase else "Chart"
    if phrase:
        return phrase[0].upper() + phrase[1:]
    if analysis.functions:
        named = _listed([f"{name}()" for name in analysis.functions], 3)
        return f"Function {named}" if len(analysis.functions) == 1 else f"Functions {named}"
    return f"Code using {_listed(analysis.columns, 3)}" if analysis.columns else None


def _main_step(methods: dict[str, ast.Call], tree: ast.Module, columns: list[str]) -> str | None:
    """A noun phrase for the code's main pandas step (`methods`: each method's first call)."""
    if "pivot_table" in methods:
        return f"pivot table of {_listed(_arguments(methods['pivot_table'], 0, 'values'), 3)}"
    if "groupby" in methods:
        return _grouped(methods, tree)
    if "merge" in methods:
        keys = _arguments(methods["merge"], -1, "on")
        return f"merge on {_listed(keys, 3)}" if keys else "merge of two tables"
    if "resample" in methods:
        return _over_time(methods, tree)
    if "value_counts" in methods:
        return f"value counts of {columns[0]}" if columns else "value counts"
    for method, end in (("nlargest", "top"), ("nsmallest", "bottom")):
        if method in methods:
            call = methods[method]
            size = ast.unparse(call.args[0]) if call.args else ""
            by = _arguments(call, 1, "columns") or columns[-1:]
            return f"{end} {size} by {_listed(by, 2)}" if by else f"{end} {size}"
    if "sort_values" in methods:
        by = _arguments(methods["sort_values"], 0, "by")
        return f"rows sorted by {_listed(by, 3)}" if by else None
    if "describe" in methods:
        return "summary statistics"
    return "correlations" if "corr" in methods else None


def _grouped(methods: dict[str, ast.Call], tree: ast.Module) -> str:
    """ "total revenue by region": the first aggregation after the groupby, of the columns picked."""
    grouping = methods["groupby"]
    groups = _listed(_arguments(grouping, 0, "by"), 3)
    values, step = _aggregated(grouping, methods, tree)
    if step is None and "size" in methods:
        return f"row count by {groups}"
    if step is None:
        return f"{values or 'rows'} grouped by {groups}"
    picked = values or ("rows" if step == "count" else "values")
    return f"{_AGGREGATIONS[step]} {picked} by {groups}"


def _over_time(methods: dict[str, ast.Call], tree: ast.Module) -> str:
    """ "total revenue over time", for series.resample(...).sum()."""
    resampling = methods["resample"]
    receiver = resampling.func.value if isinstance(resampling.func, ast.Attribute) else None
    values, step = _aggregated(resampling, methods, tree)
    if isinstance(receiver, ast.Subscript):  # df["revenue"].resample(...)
        values = values or _listed(column_names(receiver.slice), 2)
    noun = f"{_AGGREGATIONS[step]} " if step else ""
    return f"{noun}{values or 'values'} over time"


def _aggregated(
    grouping: ast.Call, methods: dict[str, ast.Call], tree: ast.Module
) -> tuple[str, str | None]:
    """The columns picked from a groupby (g["a"]), and the first aggregation after it."""
    picked = [
        name
        for node in ast.walk(tree)
        if isinstance(node, ast.Subscript) and node.value is grouping
        for name in column_names(node.slice)
    ]
    after = (grouping.end_lineno or 0, grouping.end_col_offset or 0)
    step = next(
        (
            name
            for name, call in methods.items()
            if name in _AGGREGATIONS and (call.end_lineno or 0, call.end_col_offset or 0) > after
        ),
        None,
    )
    return _listed(picked, 2), step


def _arguments(call: ast.Call, position: int, keyword: str) -> list[str]:
    names = [name for k in call.keywords if k.arg == keyword for name in column_names(k.value)]
    if not names and 0 <= position < len(call.args):
        names = column_names(call.args[position])
    return names


def _listed(names: list[str], limit: int) -> str:
    """ "a", "a and b", "a, b and c", "a, b and others"."""
    shown = names[:limit] + (["others"] if len(names) > limit else [])
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + f" and {shown[-1]}"
