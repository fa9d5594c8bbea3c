"""Code templates whose answer is a table or a number."""

from app.llm.builtin.code import AGGREGATION_WORDS, Code, grouped, quoted
from app.llm.builtin.conditions import describe_conditions
from app.llm.builtin.intents import Plan


def overview(plan: Plan, frame: str) -> Code:
    if plan.mentioned:
        names = ", ".join(quoted(column) for column in plan.mentioned)
        return Code(
            [f'result = {frame}[[{names}]].describe(include="all").T'],
            "Here are summary statistics for the columns you named.",
            "`result` has one row per column: count, distinct values, mean, spread and range.",
        )
    return Code(
        [
            f'print(f"{{len({frame}):,}} rows x {{{frame}.shape[1]}} columns")',
            f"print({frame}.dtypes.to_string())",
            f'result = {frame}.describe(include="all").T',
        ],
        f"Here is an overview of **{plan.dataset.filename}**: its size, column types and statistics.",
        "It prints the shape and dtypes; `result` has one row per column with its statistics.",
    )


def preview(plan: Plan, frame: str) -> Code:
    return Code(
        [f"result = {frame}.head({plan.count})"],
        f"Here are the first {plan.count} rows.",
        f"`result` holds the first {plan.count} rows as loaded.",
    )


def row_count(plan: Plan, frame: str) -> Code:
    return Code(
        [f"result = len({frame})", 'print(f"{result:,} rows")'],
        "This counts the rows.",
        "`result` is the number of rows" + (" that match your filter." if plan.conditions else "."),
    )


def missing(plan: Plan, frame: str) -> Code:
    return Code(
        [
            f"missing = {frame}.isna().sum()",
            "result = pd.DataFrame(",
            f'    {{"missing": missing, "percent": (missing / max(len({frame}), 1) * 100).round(1)}}',
            ').sort_values("missing", ascending=False)',
        ],
        "This counts the missing values in each column.",
        "`result` lists each column's missing values and their share of the rows, most first.",
    )


def correlation(plan: Plan, frame: str) -> Code | None:
    numeric = [column for column in plan.mentioned if column.type in {"integer", "float"}]
    if len(numeric) >= 2:
        names = ", ".join(quoted(column) for column in numeric)
        return Code(
            [f"result = {frame}[[{names}]].corr().round(3)"],
            "This measures how the columns you named move together.",
            "`result` is their Pearson correlation matrix (-1 to 1).",
        )
    all_numeric = [c for c in plan.dataset.columns if c.type in {"integer", "float"}]
    if len(all_numeric) < 2:
        return None
    return Code(
        [f'result = {frame}.select_dtypes("number").corr().round(3)'],
        "This measures how the numeric columns move together.",
        "`result` is the Pearson correlation matrix of every numeric column (-1 to 1).",
    )


def value_counts(plan: Plan, frame: str) -> Code | None:
    if plan.group is None:
        return None
    return Code(
        [
            "result = (",
            f"    {frame}[{quoted(plan.group)}].value_counts(dropna=False)",
            f'    .rename_axis({quoted(plan.group)}).reset_index(name="count")',
            ")",
        ],
        f"This counts how often each value of `{plan.group.name}` occurs.",
        "`result` has one row per value with its count, most frequent first.",
    )


def top_n(plan: Plan, frame: str) -> Code | None:
    if plan.value is None:
        return None
    pick = "nsmallest" if plan.ascending else "nlargest"
    order = "lowest" if plan.ascending else "highest"
    if plan.group is not None:
        aggregation = plan.aggregation if plan.aggregation not in {"count"} else "sum"
        return Code(
            [
                f"totals = {frame}.groupby({quoted(plan.group)})[{quoted(plan.value)}].{aggregation}()",
                f"result = totals.{pick}({plan.count}).reset_index()",
            ],
            f"These are the {plan.count} `{plan.group.name}` values with the {order} "
            f"{AGGREGATION_WORDS[aggregation]} `{plan.value.name}`.",
            f"`result` has one row per `{plan.group.name}`, {order} first.",
        )
    return Code(
        [f"result = {frame}.{pick}({plan.count}, {quoted(plan.value)})"],
        f"These are the {plan.count} rows with the {order} `{plan.value.name}`.",
        f"`result` holds those rows, {order} `{plan.value.name}` first.",
    )


def aggregate(plan: Plan, frame: str) -> Code | None:
    summary = grouped(plan, frame)
    if summary is not None and plan.group is not None:
        expression, words = summary
        name = "count" if words == "number of rows" else plan.value.name if plan.value else "value"
        return Code(
            [
                "result = (",
                f"    {expression}",
                f"    .sort_values(ascending=False).reset_index(name={name!r})",
                ")",
            ],
            f"This computes the {words} for each `{plan.group.name}`.",
            f"`result` has one row per `{plan.group.name}`, largest first.",
        )
    if plan.value is None:
        return None
    aggregation = plan.aggregation if plan.aggregation != "count" else "count"
    return Code(
        [f"result = {frame}[{quoted(plan.value)}].{aggregation}()", "print(result)"],
        f"This computes the {AGGREGATION_WORDS[aggregation]} of `{plan.value.name}`"
        + (" (non-missing values)." if aggregation == "count" else "."),
        "`result` is a single number.",
    )


def filter_rows(plan: Plan, frame: str) -> Code:
    return Code(
        [f"result = {frame}", 'print(f"{len(result):,} matching rows")'],
        f"This keeps the rows where {describe_conditions(plan.conditions)}.",
        "`result` holds the matching rows (text compared ignoring case).",
    )
