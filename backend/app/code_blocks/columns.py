"""The dataframe columns a piece of Python code reads, found in its syntax tree.

A column is referenced by a string subscript (`df["a"]`, `df[["a", "b"]]`, `g["a"]` on a groupby,
`df.loc[mask, "a"]`), by attribute (`df.a`, when `a` is not a DataFrame attribute such as `sum`) and
by the column arguments of common pandas calls (column_arguments.py) on frames (frames.py tells
which names hold one). `query` strings are not read.

Columns the code makes are not references: the list names the columns of the data the code relies
on. A frame remembers the columns made on it (`df["new"] = ...`, `assign(new=...)`, `rename`'s new
names, named aggregation outputs, `value_counts`' "count") and passes them on to the frames derived
from it, so reading them later on that lineage is not a reference; the same name read on another
frame is. A column read before it is overwritten (`df["a"] = df["a"].fillna(0)`) is a reference.
"""

import ast
from collections.abc import Iterable

from app.code_blocks.column_arguments import (
    METHODS_BY_KIND,
    PANDAS_FUNCTIONS,
    PLOT,
    PLOT_KEYWORDS,
    ArgumentSpec,
    Slot,
)
from app.code_blocks.frames import INITIAL, Kind, column_names, is_column_attribute, kind_of

_DICT_ITERATION: dict[str, Kind] = {"items": "groupby", "values": "frames"}
_LOOP_ITEMS: dict[Kind, Kind] = {"groupby": "frame", "series_groupby": "series"}


def referenced_columns(tree: ast.Module, *, pandas_names: frozenset[str]) -> list[str]:
    finder = _ColumnFinder(pandas_names)
    finder.visit(tree)
    # Visits follow evaluation order (needed to know what was made when); the list follows the text.
    return sorted(finder.found, key=finder.found.__getitem__)


class _ColumnFinder(ast.NodeVisitor):
    def __init__(self, pandas_names: frozenset[str]) -> None:
        self.pandas_names = pandas_names
        self.kinds: dict[str, Kind] = dict(INITIAL)
        self.made: dict[str, frozenset[str]] = {}  # by variable: the columns made on its frame
        self.found: dict[str, tuple[int, int]] = {}  # by column: where the code first reads it

    def kind(self, node: ast.expr) -> Kind | None:
        return kind_of(node, self.kinds, self.pandas_names)

    def reference(self, names: list[str], *, on: list[ast.expr], at: ast.expr) -> None:
        made = frozenset().union(*(self.made_on(owner) for owner in on))
        position = (at.lineno, at.col_offset)
        for name in names:
            if name not in made:
                self.found[name] = min(self.found.get(name, position), position)

    # Statements: the value first (it runs first), then what it is stored in and bound to.
    def visit_Assign(self, node: ast.Assign) -> None:
        self.visit(node.value)
        for target in node.targets:
            self.store(target)
            self.bind(target, node.value)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.visit(node.value)
            self.store(node.target)
            self.bind(node.target, node.value)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self.visit(node.value)
        self.visit(node.target)
        if isinstance(node.target, ast.Subscript | ast.Attribute):
            self.read(node.target)  # df["a"] += 1 reads "a"

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        self.visit(node.value)
        self.bind(node.target, node.value)

    def visit_For(self, node: ast.For) -> None:
        self.visit(node.iter)
        self.bind_loop(node.target, node.iter)
        for statement in (*node.body, *node.orelse):
            self.visit(statement)

    def visit_comprehension(self, node: ast.comprehension) -> None:
        self.visit(node.iter)
        self.bind_loop(node.target, node.iter)
        for condition in node.ifs:
            self.visit(condition)

    def visit_ListComp(self, node: ast.ListComp) -> None:
        self.comprehension(node)

    def visit_SetComp(self, node: ast.SetComp) -> None:
        self.comprehension(node)

    def visit_GeneratorExp(self, node: ast.GeneratorExp) -> None:
        self.comprehension(node)

    def visit_DictComp(self, node: ast.DictComp) -> None:
        for generator in node.generators:
            self.visit(generator)
        self.visit(node.key)
        self.visit(node.value)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        self.generic_visit(node)
        if not isinstance(node.ctx, ast.Store):
            self.read(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        self.generic_visit(node)
        if isinstance(node.ctx, ast.Load):
            self.read(node)

    def visit_Call(self, node: ast.Call) -> None:
        self.generic_visit(node)
        spec, owners = self.call_spec(node)
        if spec is None:
            self.plotting_call(node)
            return
        self.read_arguments(spec, node, owners)
        if isinstance(node.func, ast.Attribute) and node.func.attr == "insert":
            self.make(node.func.value, _made_by(spec, node))  # in place

    def read_arguments(self, spec: ArgumentSpec, call: ast.Call, owners: list[ast.expr]) -> None:
        for argument in _arguments(call, spec.names):
            self.reference(column_names(argument), on=owners, at=argument)
        for argument in _arguments(call, spec.keys) + _arguments(call, spec.renames):
            self.reference(_dict_keys(argument), on=owners, at=argument)
        if spec.keyword_outputs:
            # Named aggregation reads its tuples' first element: total=("a", "sum").
            for keyword in call.keywords:
                value = keyword.value
                if keyword.arg is not None and isinstance(value, ast.Tuple) and value.elts:
                    self.reference(column_names(value.elts[0]), on=owners, at=value)
        if spec.columns_axis is not None and _on_columns_axis(call):
            self.read_arguments(spec.columns_axis, call, owners)

    def comprehension(self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp) -> None:
        # The loops bind the names the element uses: visit them first.
        for generator in node.generators:
            self.visit(generator)
        self.visit(node.elt)

    def call_spec(self, call: ast.Call) -> tuple[ArgumentSpec | None, list[ast.expr]]:
        """How `call` names columns, and the frames whose columns those are."""
        function = call.func
        if not isinstance(function, ast.Attribute):
            return None, []
        receiver = function.value
        if isinstance(receiver, ast.Name) and receiver.id in self.pandas_names:
            frames = [a for a in call.args if not isinstance(a, ast.Starred)]
            return PANDAS_FUNCTIONS.get(function.attr), frames
        kind = self.kind(receiver)
        if kind == "plot":
            return PLOT, [receiver]
        methods = METHODS_BY_KIND.get(kind, {}) if kind is not None else {}
        return methods.get(function.attr), [receiver]

    def made_on(self, node: ast.expr) -> frozenset[str]:
        """The columns made on the frame `node` evaluates to, or on the frames it derives from."""
        if isinstance(node, ast.Name):
            return self.made.get(node.id, frozenset())
        if isinstance(node, ast.Subscript | ast.Attribute):
            return self.made_on(node.value)
        if isinstance(node, ast.List | ast.Tuple):  # pd.concat([a, b])
            return frozenset().union(*(self.made_on(element) for element in node.elts))
        if isinstance(node, ast.Call):
            spec, owners = self.call_spec(node)
            inherited = frozenset().union(*(self.made_on(owner) for owner in owners))
            return inherited | _made_by(spec, node)
        return frozenset()

    def read(self, node: ast.Subscript | ast.Attribute) -> None:
        owner = self.kind(node.value)
        if isinstance(node, ast.Attribute):
            if is_column_attribute(owner, node.attr):
                self.reference([node.attr], on=[node.value], at=node)
        elif owner in {"frame", "groupby"}:
            self.reference(column_names(node.slice), on=[node.value], at=node.slice)
        elif owner == "locator" and isinstance(node.slice, ast.Tuple) and len(node.slice.elts) == 2:
            column = node.slice.elts[1]
            self.reference(column_names(column), on=[node.value], at=column)

    def store(self, target: ast.expr) -> None:
        if isinstance(target, ast.Tuple | ast.List):
            for element in target.elts:
                self.store(element)
        elif isinstance(target, ast.Subscript):
            self.generic_visit(target)
            owner, index = self.kind(target.value), target.slice
            if owner == "frame":
                self.make(target.value, column_names(index))
            elif owner == "locator" and isinstance(index, ast.Tuple) and len(index.elts) == 2:
                self.make(target.value, column_names(index.elts[1]))
        elif isinstance(target, ast.Attribute):
            self.visit(target.value)

    def make(self, frame: ast.expr, names: Iterable[str]) -> None:
        """Columns made in place on `frame` (df["new"] = ..., df.loc[:, "new"] = ...)."""
        while isinstance(frame, ast.Subscript | ast.Attribute) and self.kind(frame) != "frame":
            frame = frame.value  # df.loc → df
        if isinstance(frame, ast.Name):
            self.made[frame.id] = self.made.get(frame.id, frozenset()) | frozenset(names)

    def bind(self, target: ast.expr, value: ast.expr | None) -> None:
        if isinstance(target, ast.Name):
            self.remember(target.id, self.kind(value) if value is not None else None, value)
        elif isinstance(target, ast.Tuple | ast.List):
            values = value.elts if isinstance(value, ast.Tuple | ast.List) else []
            paired = len(values) == len(target.elts)
            for position, element in enumerate(target.elts):
                self.bind(element, values[position] if paired else None)

    def bind_loop(self, target: ast.expr, iterable: ast.expr) -> None:
        """`for key, group in df.groupby(...)`, `for name, frame in dfs.items()`."""
        source = self.kind(iterable)
        function = iterable.func if isinstance(iterable, ast.Call) else None
        if isinstance(function, ast.Attribute) and self.kind(function.value) == "frames":
            # dfs.items() pairs like a groupby (key, frame); dfs.values() yields frames.
            source = _DICT_ITERATION.get(function.attr)
        self.bind(target, None)
        if source == "frames" and isinstance(target, ast.Name):
            self.remember(target.id, "frame", None)
        elif source in _LOOP_ITEMS and isinstance(target, ast.Tuple) and len(target.elts) == 2:
            item = target.elts[1]
            if isinstance(item, ast.Name):
                self.remember(item.id, _LOOP_ITEMS[source], iterable)

    def remember(self, name: str, kind: Kind | None, value: ast.expr | None) -> None:
        self.kinds.pop(name, None)
        self.made.pop(name, None)
        if kind is not None:
            self.kinds[name] = kind
            self.made[name] = self.made_on(value) if value is not None else frozenset()

    def plotting_call(self, call: ast.Call) -> None:
        data = next((k.value for k in call.keywords if k.arg in {"data", "data_frame"}), None)
        if data is None and call.args:
            data = call.args[0]
        if data is not None and self.kind(data) == "frame":
            for keyword in call.keywords:
                if keyword.arg in PLOT_KEYWORDS:
                    self.reference(column_names(keyword.value), on=[data], at=keyword.value)


def _made_by(spec: ArgumentSpec | None, call: ast.Call) -> frozenset[str]:
    """The columns a call's result has that its frame did not."""
    if spec is None:
        return frozenset()
    made = set(spec.outputs)
    for argument in _arguments(call, spec.creates):
        made.update(column_names(argument))
    for argument in _arguments(call, spec.keyed_outputs):
        made.update(_dict_keys(argument))
    renames = _arguments(call, spec.renames)
    if spec.columns_axis is not None and _on_columns_axis(call):
        renames += _arguments(call, spec.columns_axis.renames)
    for argument in renames:
        if isinstance(argument, ast.Dict):
            made.update(name for value in argument.values for name in column_names(value))
    if spec.keyword_outputs:
        slots = {*spec.keys, *spec.names}
        made.update(k.arg for k in call.keywords if k.arg is not None and k.arg not in slots)
    return frozenset(made)


def _arguments(call: ast.Call, slots: tuple[Slot, ...]) -> list[ast.expr]:
    """The argument nodes in `slots`, in the order they appear in the code."""
    found: list[ast.expr] = []
    for slot in slots:
        if isinstance(slot, str):
            found.extend(k.value for k in call.keywords if k.arg == slot)
        elif slot < len(call.args) and not any(
            isinstance(a, ast.Starred) for a in call.args[: slot + 1]
        ):
            found.append(call.args[slot])
    return sorted(found, key=lambda node: (node.lineno, node.col_offset))


def _dict_keys(node: ast.expr) -> list[str]:
    if not isinstance(node, ast.Dict):
        return []
    return [name for key in node.keys if key is not None for name in column_names(key)]


def _on_columns_axis(call: ast.Call) -> bool:
    return any(
        k.arg == "axis" and isinstance(k.value, ast.Constant) and k.value.value in (1, "columns")
        for k in call.keywords
    )
