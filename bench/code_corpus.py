"""Realistic library entries for benchmarks: pandas snippets (and some SQL) as a chat would produce them.

Each snippet comes from one of a dozen analysis templates (group and total, pivot, monthly trend, top N,
cleaning function, merge, rolling mean, outliers, shares, charts, bands, a report class, SQL) filled in
with one of ten data domains (sales, HR, web traffic, ...), so titles, descriptions, identifiers, imports
and columns vary the way a real library's do. The same seed gives the same snippets.
"""

import random
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Domain:
    name: str
    tables: tuple[str, ...]
    dimensions: tuple[str, ...]
    metrics: tuple[str, ...]
    date: str
    key: str


def _domain(name: str, tables: str, dimensions: str, metrics: str, date: str, key: str) -> Domain:
    return Domain(
        name, tuple(tables.split()), tuple(dimensions.split()), tuple(metrics.split()), date, key
    )


DOMAINS = (
    _domain(
        "sales",
        "sales orders sales_2024 transactions",
        "region product channel customer_segment store",
        "revenue quantity discount unit_price profit",
        "order_date",
        "order_id",
    ),
    _domain(
        "hr",
        "employees staff headcount",
        "department job_title location gender manager",
        "salary bonus tenure_years overtime_hours age",
        "hire_date",
        "employee_id",
    ),
    _domain(
        "web",
        "sessions traffic pageviews",
        "country device browser landing_page referrer",
        "page_views session_duration bounce_rate conversions clicks",
        "visit_date",
        "session_id",
    ),
    _domain(
        "finance",
        "ledger expenses invoices budget",
        "account cost_center vendor category currency",
        "amount tax balance net_amount budget_amount",
        "posting_date",
        "invoice_id",
    ),
    _domain(
        "inventory",
        "stock inventory warehouse_levels",
        "warehouse sku supplier product_family bin_location",
        "on_hand reorder_level lead_time_days unit_cost backorder_qty",
        "snapshot_date",
        "sku_id",
    ),
    _domain(
        "marketing",
        "campaigns ads leads",
        "campaign ad_channel audience ad_group utm_source",
        "spend impressions ad_clicks signups cpc",
        "report_date",
        "lead_id",
    ),
    _domain(
        "support",
        "tickets support_cases cases",
        "priority agent product_area ticket_status queue",
        "resolution_hours first_response_minutes satisfaction reopen_count replies",
        "opened_at",
        "ticket_id",
    ),
    _domain(
        "sensors",
        "readings sensors telemetry",
        "sensor_id site machine line shift",
        "temperature pressure vibration humidity power_kw",
        "recorded_at",
        "reading_id",
    ),
    _domain(
        "health",
        "patients visits admissions",
        "ward diagnosis insurer physician age_group",
        "length_of_stay cost readmissions bmi heart_rate",
        "admitted_on",
        "patient_id",
    ),
    _domain(
        "education",
        "students grades enrolments",
        "course teacher school grade_level term",
        "score attendance_rate credits absences gpa",
        "exam_date",
        "student_id",
    ),
)

# Tags users add, most common first (drawn with Zipf-like weights), besides the domain and the kind.
TAGS = (
    "report", "weekly", "cleaning", "plot", "kpi", "q3", "dashboard", "monthly", "draft",
    "finance-review", "exploration", "board-deck", "ad-hoc", "pipeline", "sanity-check",
    "forecast", "audit", "client-a", "client-b", "team", "quality", "todo", "archive", "useful",
)  # fmt: skip
_TAG_WEIGHTS = [1 / (rank + 1) for rank in range(len(TAGS))]
AGGREGATES = ("sum", "mean", "median", "max", "count")
# What a model tends to say around a block; appended to some descriptions.
REMARKS = (
    "Here is the code.",
    "This should do it.",
    "You can run this on your file.",
    "The result ends up in `result`.",
    "Missing values are skipped.",
    "It works on the whole file, not just a sample.",
)


@dataclass(frozen=True)
class Template:
    kind: str
    weight: int
    language: str
    code: str
    titles: tuple[str, ...]
    description: str


TEMPLATES = (
    Template(
        "groupby",
        18,
        "python",
        'import pandas as pd\n\n{name} = (\n    {frame}.groupby("{dim}")["{metric}"]\n    .{agg}()\n'
        "    .sort_values(ascending=False)\n    .reset_index()\n)\nresult = {name}\n",
        ("{Agg} of {metric} by {dim}", "{metric} per {dim}", "Which {dim} has the most {metric}"),
        "Groups the {domain} data by {dim} and takes the {agg} of {metric}, largest first.",
    ),
    Template(
        "pivot",
        8,
        "python",
        'import pandas as pd\n\npivot = pd.pivot_table(\n    {frame},\n    index="{dim}",\n'
        '    columns="{dim2}",\n    values="{metric}",\n    aggfunc="{agg}",\n    fill_value=0,\n)\n'
        'pivot["total"] = pivot.sum(axis=1)\nresult = pivot.sort_values("total", ascending=False)\n',
        ("Pivot of {metric} by {dim} and {dim2}", "{dim} x {dim2} table of {metric}"),
        "A {dim} by {dim2} table of {agg} {metric}, with a total column.",
    ),
    Template(
        "trend",
        10,
        "python",
        'import pandas as pd\nimport matplotlib.pyplot as plt\n\nframe = {frame}.copy()\nframe["{date}"] = '
        'pd.to_datetime(frame["{date}"], errors="coerce")\nmonthly_{metric} = frame.set_index("{date}")'
        '["{metric}"].resample("MS").sum()\nax = monthly_{metric}.plot(kind="line", marker="o", '
        'title="Monthly {metric}")\nax.set_ylabel("{metric}")\nplt.tight_layout()\n'
        "result = monthly_{metric}.to_frame()\n",
        ("Monthly {metric} trend", "{metric} per month over time", "Plot {metric} by month"),
        "Parses {date} as dates, adds up {metric} per month and draws a line chart.",
    ),
    Template(
        "top-n",
        8,
        "python",
        'top_{n}_{table} = {frame}.nlargest({n}, "{metric}")[["{key}", "{dim}", "{metric}"]]\n'
        "top_{n}_{table} = top_{n}_{table}.reset_index(drop=True)\nresult = top_{n}_{table}\n",
        ("Top {n} {table} by {metric}", "Highest {metric}: the top {n}"),
        "The {n} rows with the highest {metric}, with their {dim}.",
    ),
    Template(
        "cleaning",
        10,
        "python",
        'import pandas as pd\n\n\ndef {function}(frame: pd.DataFrame) -> pd.DataFrame:\n    """Drop rows '
        'without a {key}, trim text, fill missing {metric} with 0."""\n    cleaned = frame.dropna(subset='
        '["{key}"]).copy()\n    cleaned["{dim}"] = cleaned["{dim}"].astype(str).str.strip().str.title()\n'
        '    cleaned["{metric}"] = pd.to_numeric(cleaned["{metric}"], errors="coerce").fillna(0)\n'
        '    return cleaned.drop_duplicates(subset=["{key}"])\n\n\nresult = {function}({frame})\n',
        ("Clean the {table} data", "Tidy {dim} and {metric} values", "Data cleaning for {table}"),
        "A reusable function that removes rows without {key}, trims {dim} and makes {metric} numeric.",
    ),
    Template(
        "merge",
        6,
        "python",
        'import pandas as pd\n\nleft = dfs["{table}"]\nright = dfs["{table2}"]\ncombined = left.merge('
        'right, on="{key}", how="left", suffixes=("", "_{table2}"))\nmissing = combined["{dim}_{table2}"]'
        '.isna().sum()\nprint(f"{{missing}} rows had no match")\nresult = combined\n',
        ("Join {table} with {table2} on {key}", "Merge {table} and {table2}"),
        "Left join of the two files on {key}; counts the rows without a match.",
    ),
    Template(
        "rolling",
        6,
        "python",
        'ordered = {frame}.sort_values("{date}")\nordered["{metric}_rolling_{window}"] = ordered["{metric}"]'
        ".rolling(window={window}, min_periods=1).mean()\n"
        'result = ordered[["{date}", "{metric}", "{metric}_rolling_{window}"]]\n',
        ("{window}-day rolling average of {metric}", "Smooth {metric} with a moving average"),
        "Sorts by {date} and smooths {metric} with a {window}-row moving average.",
    ),
    Template(
        "outliers",
        6,
        "python",
        'import numpy as np\n\nvalues = {frame}["{metric}"]\nz_scores = (values - values.mean()) / '
        "values.std(ddof=0)\nis_outlier = np.abs(z_scores) > {threshold}\n"
        'print(f"{{is_outlier.sum()}} outliers in {metric}")\nresult = {frame}[~is_outlier]\n',
        ("Remove {metric} outliers", "Z-score outliers in {metric}"),
        "Flags rows whose {metric} is more than {threshold} standard deviations from the mean.",
    ),
    Template(
        "shares",
        6,
        "python",
        'shares = {frame}["{dim}"].value_counts(normalize=True).mul(100).round(1)\n'
        'result = shares.rename("percent").reset_index()\n',
        ("Share of rows per {dim}", "{dim} breakdown in percent"),
        "How often each {dim} occurs, as a percentage of all rows.",
    ),
    Template(
        "chart",
        10,
        "python",
        'import matplotlib.pyplot as plt\n\ntotals = {frame}.groupby("{dim}", as_index=False)["{metric}"]'
        ".sum()\nfig, ax = plt.subplots(figsize=(10, 5))\n"
        'ax.bar(totals["{dim}"], totals["{metric}"], color="tab:orange")\n'
        'ax.set_title("{metric} by {dim}")\nax.tick_params(axis="x", rotation=45)\nfig.tight_layout()\n',
        ("Bar chart of {metric} by {dim}", "Plot {metric} for each {dim}"),
        "Totals {metric} for each {dim} and plots them as bars.",
    ),
    Template(
        "chart",
        4,
        "python",
        "import matplotlib.pyplot as plt\nimport seaborn as sns\n\nfig, ax = plt.subplots(figsize=(8, 6))\n"
        'correlations = {frame}[["{metric}", "{metric2}"]].corr()\n'
        'sns.heatmap(correlations, annot=True, cmap="vlag", ax=ax)\nfig.tight_layout()\n',
        ("Correlation of {metric} and {metric2}", "Heatmap of {metric} vs {metric2}"),
        "A seaborn heatmap of the correlation between {metric} and {metric2}.",
    ),
    Template(
        "binning",
        4,
        "python",
        'import pandas as pd\n\nbanded = {frame}.copy()\nbanded["{metric}_band"] = pd.qcut('
        'banded["{metric}"], q={bins}, duplicates="drop")\n'
        'result = banded.groupby("{metric}_band", observed=True).size().rename("rows")\n',
        ("Split {metric} into {bins} bands", "{metric} quantiles"),
        "Quantile bins of {metric} and how many rows fall in each.",
    ),
    Template(
        "class",
        2,
        "python",
        "import pandas as pd\n\n\nclass {Domain}Report:\n    def __init__(self, frame: pd.DataFrame) -> None:"
        "\n        self.frame = frame\n\n    def by_{dim}(self) -> pd.Series:\n        return self.frame"
        '.groupby("{dim}")["{metric}"].sum()\n\n    def growth(self) -> pd.Series:\n'
        "        return self.by_{dim}().pct_change().fillna(0)\n\n\nreport = {Domain}Report({frame})\n"
        "result = report.growth()\n",
        ("{Domain}Report class with {metric} growth",),
        "Wraps the {domain} data in a small class: totals per {dim} and their growth.",
    ),
    Template(
        "sql",
        6,
        "sql",
        "SELECT {dim}, SUM({metric}) AS total_{metric}, COUNT(*) AS row_count\nFROM {table}\n"
        "WHERE {date} >= DATE '2024-01-01'\nGROUP BY {dim}\nORDER BY total_{metric} DESC;\n",
        ("SQL: total {metric} per {dim} since 2024", "{metric} by {dim} in SQL"),
        "The same aggregation in SQL, for the {table} table in the warehouse.",
    ),
)
_TEMPLATE_WEIGHTS = [template.weight for template in TEMPLATES]


@dataclass(frozen=True)
class Block:
    """A block as a reply would hold it: one to three steps of the same analysis."""

    title: str
    description: str
    language: str
    kind: str
    parts: tuple[str, ...]  # each step's code as the template wrote it, imports included
    comment: bool  # whether the code starts with its title as a comment

    @cached_property
    def code(self) -> str:
        """The steps in one script, their imports gathered at the top."""
        imports: list[str] = []
        bodies: list[str] = []
        for part in self.parts:
            lines = part.splitlines()
            imports += [line for line in lines if line.startswith(("import ", "from "))]
            body = [line for line in lines if not line.startswith(("import ", "from "))]
            bodies.append("\n".join(body).strip("\n"))
        head = [f"# {self.title}"] if self.comment else []
        head += list(dict.fromkeys(imports))
        return "\n\n".join(filter(None, ["\n".join(head), *bodies])) + "\n"


def _fill(rng: random.Random, domain: Domain, template: Template) -> tuple[str, str, str]:
    """The template's code, a title and a description, for random columns of the domain."""
    dim, dim2 = rng.sample(domain.dimensions, 2)
    metric, metric2 = rng.sample(domain.metrics, 2)
    table, table2 = rng.sample(domain.tables, 2)
    agg = rng.choice(AGGREGATES)
    values = {
        "domain": domain.name,
        "Domain": domain.name.title(),
        "frame": "df" if rng.random() < 0.7 else f'dfs["{table}"]',
        "name": rng.choice((f"{metric}_by_{dim}", f"{agg}_{metric}", "totals", f"{dim}_summary")),
        "function": rng.choice((f"clean_{table}", f"tidy_{domain.name}_data", "prepare_frame")),
        "dim": dim,
        "dim2": dim2,
        "metric": metric,
        "metric2": metric2,
        "agg": agg,
        "Agg": agg.title(),
        "table": table,
        "table2": table2,
        "key": domain.key,
        "date": domain.date,
        "n": rng.choice((5, 10, 20, 25)),
        "window": rng.choice((7, 14, 28)),
        "threshold": rng.choice((2.5, 3, 3.5)),
        "bins": rng.choice((4, 5, 10)),
    }
    title = rng.choice(template.titles).format(**values)
    return template.code.format(**values), title, template.description.format(**values)


def block(rng: random.Random, domain: Domain) -> Block:
    """A random block of the domain: a Python analysis of one to three steps, or SQL."""
    first = rng.choices(TEMPLATES, _TEMPLATE_WEIGHTS)[0]
    code, title, description = _fill(rng, domain, first)
    parts = [code]
    if first.language == "python":
        for _ in range(rng.choices((0, 1, 2), (55, 30, 15))[0]):
            step = rng.choices(TEMPLATES, _TEMPLATE_WEIGHTS)[0]
            if step.language == "python":
                step_code, step_title, _ = _fill(rng, domain, step)
                parts.append(step_code)
                description += f" Then: {step_title[0].lower()}{step_title[1:]}."
    if rng.random() < 0.6:
        description = f"{description} {rng.choice(REMARKS)}"
    comment = first.language == "python" and rng.random() < 0.3
    title = title[0].upper() + title[1:]
    return Block(title, description, first.language, first.kind, tuple(parts), comment)


# Edits that change a version's code but not what the analysis finds in it (no new names).
_EDITS = (
    (".sum()", ".mean()"),
    ("ascending=False", "ascending=True"),
    ("figsize=(10, 5)", "figsize=(12, 6)"),
    ("min_periods=1", "min_periods=3"),
    ('errors="coerce"', 'errors="raise"'),
)


def edited(rng: random.Random, code: str) -> str:
    """The next version of `code`: a small change a user makes, always a different text."""
    candidates = [(old, new) for old, new in _EDITS if old in code]
    if candidates and rng.random() < 0.7:
        old, new = rng.choice(candidates)
        return code.replace(old, new, 1)
    note = rng.choice(("checked against last month", "keeps the original order", "reviewed"))
    return f"{code}# {note}\n" if code.endswith("\n") else f"{code}\n# {note}\n"


def tags_for(rng: random.Random, domain: Domain, made: Block) -> list[str]:
    """0-4 tags: a third of entries have none; the rest mix common tags, the domain and the kind."""
    if rng.random() < 0.33:
        return []
    chosen = set(rng.choices(TAGS, _TAG_WEIGHTS, k=rng.randint(0, 2)))
    if rng.random() < 0.5:
        chosen.add(domain.name)
    if rng.random() < 0.4:
        chosen.add(made.kind)
    return sorted(chosen) or [rng.choice(TAGS)]
