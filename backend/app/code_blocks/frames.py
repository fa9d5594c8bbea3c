"""What a pandas expression evaluates to, well enough to tell a column name from an index label.

`df` is a DataFrame and `dfs` a dict of them (the names the app gives the attached files); other
names are followed through assignments (`sales = df[df.units > 0]` is a frame, `g = df.groupby("r")`
a groupby). A kind is a guess from the syntax alone: enough to know that `df["a"]`, `g["a"]` and
`df.loc[:, "a"]` name columns while `totals["North"]` on a Series names a row.
"""

import ast
from typing import Literal

import pandas as pd
from pandas.api.typing import DataFrameGroupBy, Resampler, Rolling

Kind = Literal[
    "frame", "frames", "groupby", "series", "series_groupby", "locator", "plot", "accessor"
]

INITIAL: dict[str, Kind] = {"df": "frame", "dfs": "frames"}
# `df.region` is the column "region" unless a DataFrame (or groupby) has an attribute of that name.
FRAME_ATTRIBUTES = frozenset(dir(pd.DataFrame))
GROUPBY_ATTRIBUTES = (
    frozenset(dir(DataFrameGroupBy)) | frozenset(dir(Resampler)) | frozenset(dir(Rolling))
)
PANDAS_FRAME_FUNCTIONS = frozenset(
    {"merge", "merge_asof", "merge_ordered", "concat", "pivot_table", "pivot", "melt", "DataFrame"}
)

_GROUPING = frozenset({"groupby", "resample", "rolling", "expanding", "ewm"})
_FRAME_TO_SERIES = frozenset(
    {
        "value_counts", "sum", "mean", "median", "min", "max", "count", "std", "var", "sem",
        "nunique", "pop", "get", "idxmax", "idxmin", "prod", "product", "quantile", "skew", "kurt",
        "any", "all", "duplicated", "corrwith", "memory_usage",
    }
)  # fmt: skip
_FRAME_TO_OTHER = frozenset(
    {
        "apply", "pipe", "eval", "info", "items", "iterrows", "itertuples", "equals", "keys",
        "hist", "boxplot",
    }
)  # fmt: skip
_SERIES_TO_FRAME = frozenset({"to_frame", "unstack", "reset_index"})
_SERIES_TO_OTHER = frozenset(
    {
        "sum", "mean", "median", "min", "max", "count", "std", "var", "sem", "nunique", "idxmax",
        "idxmin", "item", "prod", "any", "all", "tolist", "unique", "apply", "pipe", "plot", "hist",
    }
)  # fmt: skip
_SERIES_ACCESSORS = frozenset({"str", "dt", "cat"})


def kind_of(node: ast.expr, env: dict[str, Kind], pandas_names: frozenset[str]) -> Kind | None:
    """The kind of `node` given the kinds of the names in scope (None: not pandas, or unknown)."""
    if isinstance(node, ast.Name):
        return env.get(node.id)
    if isinstance(node, ast.Subscript):
        return _subscript_kind(kind_of(node.value, env, pandas_names), node.slice)
    if isinstance(node, ast.Attribute):
        return _attribute_kind(kind_of(node.value, env, pandas_names), node.attr)
    if isinstance(node, ast.Call):
        return _call_kind(node, env, pandas_names)
    kinds = {kind_of(operand, env, pandas_names) for operand in _operands(node)}
    # Arithmetic and comparisons keep the shape: `df["a"] > 0` is a Series (a mask).
    return "series" if "series" in kinds else "frame" if "frame" in kinds else None


def _operands(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.Compare):
        return [node.left, *node.comparators]
    if isinstance(node, ast.BinOp):
        return [node.left, node.right]
    if isinstance(node, ast.UnaryOp):
        return [node.operand]
    return []


def column_names(node: ast.expr | None) -> list[str]:
    """The column names an argument gives: a string, or a list or tuple of strings."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.List | ast.Tuple):
        return [name for element in node.elts for name in column_names(element)]
    return []


def is_column_attribute(kind: Kind | None, attribute: str) -> bool:
    if kind == "frame":
        return attribute not in FRAME_ATTRIBUTES
    if kind == "groupby":
        return attribute not in GROUPBY_ATTRIBUTES
    return False


def _subscript_kind(kind: Kind | None, index: ast.expr) -> Kind | None:
    single = isinstance(index, ast.Constant) and isinstance(index.value, str)
    if kind == "frames":
        return "frame"
    if kind == "frame":
        return "series" if single else "frame"
    if kind == "groupby":
        return "series_groupby" if single else "groupby"
    if kind == "locator":  # df.loc[rows, "a"] is a Series, df.loc[rows, ["a", "b"]] a frame
        column = index.elts[1] if isinstance(index, ast.Tuple) and len(index.elts) == 2 else None
        picks_one = isinstance(column, ast.Constant) and isinstance(column.value, str)
        return "series" if picks_one else "frame"
    if kind == "series" and not isinstance(index, ast.Constant):
        return "series"  # a mask or a slice; a label picks one value
    return None


def _attribute_kind(kind: Kind | None, attribute: str) -> Kind | None:
    if kind == "frame":
        if attribute in {"loc", "at"}:
            return "locator"
        if attribute == "plot":
            return "plot"
        if attribute == "T":
            return "frame"
        return None if attribute in FRAME_ATTRIBUTES else "series"
    if kind == "groupby":
        return None if attribute in GROUPBY_ATTRIBUTES else "series_groupby"
    if kind == "series":
        return "accessor" if attribute in _SERIES_ACCESSORS else None
    if kind == "accessor":
        return "series"  # s.dt.year
    return None


def _call_kind(node: ast.Call, env: dict[str, Kind], pandas_names: frozenset[str]) -> Kind | None:
    function = node.func
    if not isinstance(function, ast.Attribute):
        return None
    method = function.attr
    if isinstance(function.value, ast.Name) and function.value.id in pandas_names:
        is_frame = method in PANDAS_FRAME_FUNCTIONS or method.startswith("read_")
        return "frame" if is_frame else None
    receiver = kind_of(function.value, env, pandas_names)
    if receiver == "frames":
        return "frame" if method == "get" else None
    if receiver == "frame":
        if method in _GROUPING:
            return "groupby"
        if method in _FRAME_TO_SERIES:
            return "series"
        return None if method in _FRAME_TO_OTHER or method.startswith("to_") else "frame"
    if receiver == "groupby":
        return "series" if method == "size" else "frame"
    if receiver in {"series_groupby", "accessor"}:
        return "series"
    if receiver == "series":
        if method in _GROUPING:
            return "series_groupby"
        if method in _SERIES_TO_FRAME:
            dropped = any(
                k.arg == "drop" and isinstance(k.value, ast.Constant) and k.value.value
                for k in node.keywords
            )
            return "series" if dropped else "frame"
        return None if method in _SERIES_TO_OTHER or method.startswith("to_") else "series"
    return None
