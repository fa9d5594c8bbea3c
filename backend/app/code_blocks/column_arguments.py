"""Which arguments of which pandas calls name columns, by the kind of object called (frames.py).

Positions count from the first argument after the object (`df.pivot_table(values, index, columns)`);
module functions count from their first (`pd.pivot_table(data, values, ...)`).
"""

from dataclasses import dataclass

from app.code_blocks.frames import Kind

Slot = int | str  # a positional argument's index, or a keyword's name


@dataclass(frozen=True)
class ArgumentSpec:
    names: tuple[Slot, ...] = ()  # a column name or a list of them
    keys: tuple[Slot, ...] = ()  # a dict keyed by column names
    renames: tuple[Slot, ...] = ()  # a dict of old names to new ones
    creates: tuple[Slot, ...] = ()  # the name of a column the call adds
    outputs: tuple[str, ...] = ()  # columns the result has whatever the arguments
    keyed_outputs: tuple[Slot, ...] = ()  # a dict whose keys are the result's columns
    # Other keywords name new columns: assign(x=...), agg(x=("a", "sum")).
    keyword_outputs: bool = False
    columns_axis: "ArgumentSpec | None" = None  # read only with axis=1 or axis="columns"


# value_counts() names its result "count" ("proportion" with normalize=True): reset_index() makes
# that a column.
_COUNTS = ("count", "proportion")
_AGGREGATE = ArgumentSpec(keys=(0, "func"), keyword_outputs=True)
_FRAME_METHODS = {
    "groupby": ArgumentSpec(names=(0, "by")),
    "sort_values": ArgumentSpec(names=(0, "by")),
    "set_index": ArgumentSpec(names=(0, "keys")),
    "drop": ArgumentSpec(names=("columns",), columns_axis=ArgumentSpec(names=(0, "labels"))),
    "drop_duplicates": ArgumentSpec(names=(0, "subset")),
    "duplicated": ArgumentSpec(names=(0, "subset")),
    "dropna": ArgumentSpec(names=("subset",)),
    "value_counts": ArgumentSpec(names=(0, "subset"), outputs=_COUNTS),
    "nlargest": ArgumentSpec(names=(1, "columns")),
    "nsmallest": ArgumentSpec(names=(1, "columns")),
    "pivot_table": ArgumentSpec(names=(0, "values", 1, "index", 2, "columns")),
    "pivot": ArgumentSpec(names=("index", "columns", "values")),
    "melt": ArgumentSpec(names=(0, "id_vars", 1, "value_vars")),
    "merge": ArgumentSpec(names=("on", "left_on", "right_on")),
    "join": ArgumentSpec(names=("on",)),
    "explode": ArgumentSpec(names=(0, "column")),
    "filter": ArgumentSpec(names=("items",)),
    "pop": ArgumentSpec(names=(0,)),
    "get": ArgumentSpec(names=(0,)),
    "reindex": ArgumentSpec(names=("columns",)),
    "hist": ArgumentSpec(names=(0, "column", "by")),
    "boxplot": ArgumentSpec(names=(0, "column", "by")),
    "plot": ArgumentSpec(names=("x", "y")),
    "resample": ArgumentSpec(names=("on",)),
    "rolling": ArgumentSpec(names=("on",)),
    "fillna": ArgumentSpec(keys=(0, "value")),
    "astype": ArgumentSpec(keys=(0, "dtype")),
    "round": ArgumentSpec(keys=(0, "decimals")),
    "agg": _AGGREGATE,
    "aggregate": _AGGREGATE,
    "assign": ArgumentSpec(keyword_outputs=True),
    "insert": ArgumentSpec(creates=(1, "column")),
    "rename": ArgumentSpec(renames=("columns",), columns_axis=ArgumentSpec(renames=(0, "mapper"))),
}
_GROUPBY_METHODS = {"agg": _AGGREGATE, "aggregate": _AGGREGATE}
_SERIES_GROUPBY_METHODS = {
    name: ArgumentSpec(keyword_outputs=True) for name in ("agg", "aggregate")
}
_SERIES_METHODS = {
    "reset_index": ArgumentSpec(creates=("name",)),
    "to_frame": ArgumentSpec(creates=(0, "name")),
    "value_counts": ArgumentSpec(outputs=_COUNTS),
}
PLOT = ArgumentSpec(names=("x", "y", "by", "column"))
PANDAS_FUNCTIONS = {
    "merge": ArgumentSpec(names=("on", "left_on", "right_on")),
    "merge_asof": ArgumentSpec(names=("on", "left_on", "right_on", "by")),
    "pivot_table": ArgumentSpec(names=(1, "values", 2, "index", 3, "columns")),
    "pivot": ArgumentSpec(names=("index", "columns", "values")),
    "melt": ArgumentSpec(names=(1, "id_vars", 2, "value_vars")),
    "Grouper": ArgumentSpec(names=("key",)),
    "NamedAgg": ArgumentSpec(names=(0, "column")),
    "DataFrame": ArgumentSpec(keyed_outputs=(0, "data")),
}
METHODS_BY_KIND: dict[Kind, dict[str, ArgumentSpec]] = {
    "frame": _FRAME_METHODS,
    "groupby": _GROUPBY_METHODS,
    "series_groupby": _SERIES_GROUPBY_METHODS,
    "series": _SERIES_METHODS,
}
# Plotting libraries given a frame (seaborn's data=df, plotly express's px.bar(df, ...)) name columns so.
PLOT_KEYWORDS = ("x", "y", "hue", "col", "row", "size", "style", "color", "facet_col", "facet_row")
