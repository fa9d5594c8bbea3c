"""Code templates that draw a chart with matplotlib (and keep the numbers in `result`)."""

from app.llm.builtin.code import AGGREGATION_WORDS, Code, grouped, quoted
from app.llm.builtin.intents import Plan

MAX_BARS = 30
_PERIODS = {"D": "day", "W": "week", "MS": "month", "QS": "quarter", "YS": "year"}


def _plotted(data: str, plot: str) -> list[str]:
    # A filter can leave nothing to draw, and pandas refuses to plot an empty Series.
    return [
        f"if {data}.empty:",
        '    ax.text(0.5, 0.5, "No data to show", ha="center", va="center")',
        "else:",
        f"    {plot}",
    ]


def _figure(title: str, x_label: str, y_label: str) -> list[str]:
    return [
        f"ax.set_title({title!r})",
        f"ax.set_xlabel({x_label!r})",
        f"ax.set_ylabel({y_label!r})",
        "fig.tight_layout()",
    ]


def bar_chart(plan: Plan, frame: str) -> Code | None:
    summary = grouped(plan, frame)
    if summary is None or plan.group is None:
        return None
    expression, words = summary
    return Code(
        [
            f"summary = {expression}.sort_values(ascending=False).head({MAX_BARS})",
            "fig, ax = plt.subplots(figsize=(9, 5))",
            *_plotted("summary", "summary.plot.bar(ax=ax)"),
            *_figure(f"{words.capitalize()} by {plan.group.name}", plan.group.name, words),
            "result = summary.reset_index()",
        ],
        f"This draws a bar chart of the {words} for each `{plan.group.name}`.",
        f"The chart shows up to {MAX_BARS} bars, largest first; `result` holds the numbers.",
        draws=True,
    )


def histogram(plan: Plan, frame: str) -> Code | None:
    if plan.value is None:
        return None
    name = plan.value.name
    return Code(
        [
            f"values = {frame}[{quoted(plan.value)}].dropna()",
            "fig, ax = plt.subplots(figsize=(9, 5))",
            "ax.hist(values, bins=30)",
            *_figure(f"Distribution of {name}", name, "rows"),
            "result = values.describe()",
        ],
        f"This draws a histogram of `{name}`.",
        f"The chart shows how `{name}` is spread over 30 bins; `result` holds its statistics.",
        draws=True,
    )


def line_chart(plan: Plan, frame: str) -> Code | None:
    if plan.date is None:
        return None
    date = quoted(plan.date)
    if plan.value is not None and plan.aggregation != "count":
        words = f"{AGGREGATION_WORDS[plan.aggregation]} {plan.value.name}"
        pick = f"[{quoted(plan.value)}].resample(frequency).{plan.aggregation}()"
    else:
        words, pick = "number of rows", ".resample(frequency).size()"
    if plan.frequency is not None:
        frequency = [f"frequency = {plan.frequency!r}"]
        spacing = f"One point per {_PERIODS[plan.frequency]}; `result` holds the numbers."
    else:
        frequency = [
            "span_days = (timeline.index.max() - timeline.index.min()).days if len(timeline) else 0",
            'frequency = "MS" if span_days > 120 else "D"',
        ]
        spacing = (
            "Monthly points when the data spans more than four months, daily otherwise; "
            "`result` holds the numbers."
        )
    return Code(
        [
            f'timeline = {frame}.assign(_when=pd.to_datetime({frame}[{date}], errors="coerce"))',
            'timeline = timeline.dropna(subset=["_when"]).set_index("_when")',
            *frequency,
            f"series = timeline{pick}",
            "fig, ax = plt.subplots(figsize=(9, 5))",
            *_plotted("series", 'series.plot(ax=ax, marker="o")'),
            *_figure(f"{words.capitalize()} over time", plan.date.name, words),
            f"result = series.rename_axis({date}).reset_index()",
        ],
        f"This draws the {words} over time, by `{plan.date.name}`.",
        spacing,
        draws=True,
    )
