"""The dataframe columns realistic pandas code reads (via analyse, as the library stores them)."""

import pytest

from app.code_blocks.analysis import analyse


def columns(code: str) -> list[str]:
    analysis = analyse(code, "python")
    assert analysis.syntax_error is None
    return analysis.columns


CASES = {
    "groupby_agg_with_a_dict": (
        'summary = df.groupby("region").agg({"revenue": "sum", "units": "mean"})',
        ["region", "revenue", "units"],
    ),
    "named_aggregation_outputs_are_not_columns_read": (
        'totals = df.groupby(["region", "product"], as_index=False).agg(\n'
        '    revenue=("revenue", "sum"),\n'
        '    orders=pd.NamedAgg(column="order_id", aggfunc="count"),\n'
        ")\n"
        'result = totals.sort_values(["revenue", "orders"], ascending=False)',
        ["region", "product", "revenue", "order_id"],
    ),
    "merge_on_and_left_right_on": (
        'merged = df.merge(dfs["customers"], on="customer_id", how="left")\n'
        'both = pd.merge(merged, dfs["orders"], left_on="customer_id", right_on="buyer_id")\n'
        'result = both.groupby("segment")["profit"].sum()',
        ["customer_id", "buyer_id", "segment", "profit"],
    ),
    "pivot_table": (
        'result = df.pivot_table(index="region", columns="quarter", values="revenue", aggfunc="sum")\n'
        'wide = pd.pivot_table(df, "units", ["store"], "month")\n'
        'north = result["Q1"]',  # a pivot's columns are values of "quarter", not data columns
        ["region", "quarter", "revenue", "units", "store", "month", "Q1"],
    ),
    "sort_values_by_a_list_and_nlargest": (
        'ranked = df.sort_values(by=["region", "revenue"], ascending=[True, False])\n'
        'top = df.nlargest(5, "units")',
        ["region", "revenue", "units"],
    ),
    "loc_with_a_mask_and_a_column_list": (
        'recent = df.loc[df["order_date"] >= "2024-06-01", ["order_id", "revenue"]]\n'
        'one = df.loc[:, "region"]\n'
        'df.loc[df.units < 0, "units"] = 0',
        ["order_date", "order_id", "revenue", "region", "units"],
    ),
    "boolean_masks_and_attribute_access": (
        'big = df[(df.units > 10) & (df["region"] != "North") & ~df.returned]\n'
        "share = df.revenue / df.revenue.sum()\n"
        "rows, width = df.shape\n"
        "totals = df.sum(numeric_only=True)\n"
        "values = df.values",
        ["units", "region", "returned", "revenue"],
    ),
    "assign_creates_columns_that_are_then_not_references": (
        'result = df.assign(margin=df["revenue"] - df["cost"]).sort_values("margin")\n'
        'result["margin"].describe()',
        ["revenue", "cost"],
    ),
    "rename_keys_are_read_and_new_names_are_not": (
        'clean = df.rename(columns={"Order Date": "order_date", "Unit Price": "price"})\n'
        'result = clean.groupby("order_date")["price"].mean()\n'
        'fixed = df.rename({"Qty": "quantity"}, axis="columns")',
        ["Order Date", "Unit Price", "Qty"],
    ),
    "dropna_fillna_drop_and_duplicates": (
        'clean = df.dropna(subset=["unit_price", "region"]).fillna({"discount": 0})\n'
        'clean = clean.drop(columns=["notes"]).drop("internal", axis=1).drop(0)\n'
        'clean = clean.drop_duplicates(subset="order_id").astype({"units": "int64"})',
        ["unit_price", "region", "discount", "notes", "internal", "order_id", "units"],
    ),
    "value_counts": (
        'counts = df["region"].value_counts().reset_index()\n'
        'top = counts[counts["count"] > 5]\n'
        'pairs = df.value_counts(["region", "segment"])',
        ["region", "segment"],
    ),
    "plots_by_x_and_y": (
        'df.plot(x="order_date", y=["revenue", "cost"])\n'
        'df.plot.scatter(x="units", y="unit_price")\n'
        'df.hist(column="revenue", by="region")\n'
        'sns.barplot(data=df, x="segment", y="profit", hue="ship_mode")\n'
        'px.line(df, x="day", y="visits", color="channel")',
        [
            "order_date",
            "revenue",
            "cost",
            "units",
            "unit_price",
            "region",
            "segment",
            "profit",
            "ship_mode",
            "day",
            "visits",
            "channel",
        ],
    ),
    "a_series_label_is_a_row_not_a_column": (
        'totals = df.groupby("region")["revenue"].sum()\n'
        'north = totals["North"]\n'
        'shares = totals / totals.sum()\nfirst = shares["East"]',
        ["region", "revenue"],
    ),
    "groupby_objects_and_resamplers": (
        'groups = df.groupby("region")\n'
        'mean_price = groups["unit_price"].mean()\n'
        "units = groups.units.sum()\n"
        "size = groups.size()\n"
        'monthly = df.set_index("order_date").resample("MS")["revenue"].sum()',
        ["region", "unit_price", "units", "order_date", "revenue"],
    ),
    "names_derived_from_frames": (
        'sales = df[df["units"] > 0].copy()\n'
        "small = sales.head(10)\n"
        'result = small[["product", "unit_price"]]\n'
        'orders = dfs["orders"]\n'
        'late = orders[orders["days_late"] > 2]["order_id"]',
        ["units", "product", "unit_price", "days_late", "order_id"],
    ),
    "columns_made_on_a_frame_are_made_on_that_frame_only": (
        "sales = df.copy()\n"
        'sales["total"] = sales["units"] * sales["unit_price"]\n'
        'by_region = sales.groupby("region")["total"].sum()\n'
        'check = df["total"]\n'  # the data's own "total": a reference
        'df["units"] = df["units"].fillna(0)',  # read before it is overwritten
        ["units", "unit_price", "region", "total"],
    ),
    "loops_over_groups_and_over_dfs": (
        'for region, group in df.groupby("region"):\n'
        '    print(region, group["revenue"].sum())\n'
        "for name, frame in dfs.items():\n"
        '    print(name, frame["id"].nunique())\n'
        'sizes = [len(g[g.flag]) for _, g in df.groupby("store")]',
        ["region", "revenue", "id", "flag", "store"],
    ),
    "melt_explode_and_set_index": (
        'long = df.melt(id_vars=["country"], value_vars=["2022", "2023"])\n'
        'tags = df.explode("tags").set_index(["country", "tags"])',
        ["country", "2022", "2023", "tags"],
    ),
    "pandas_under_another_name": (
        "import pandas as pandas_lib\n"
        'joined = pandas_lib.merge(df, dfs["b"], on="key")\n'
        'frame = pandas_lib.DataFrame({"a": [1], "b": [2]})\n'
        'x = frame.sort_values("a")',
        ["key"],
    ),
    "not_columns": (
        "df.query(\"units > 5 and region == 'North'\")\n"
        'settings = {"region": "North"}\nsettings["region"]\n'
        'other["amount"]\n'
        "def describe(frame):\n    return frame['inside']\n"
        'df.to_csv("out.csv")\n'
        'text = "region"',
        [],
    ),
}


@pytest.mark.parametrize(("code", "expected"), CASES.values(), ids=CASES.keys())
def test_columns_read_by_pandas_code(code: str, expected: list[str]) -> None:
    assert columns(code) == expected


def test_a_long_chain_of_calls() -> None:
    assert columns("result = df" + ".copy()" * 50 + '["a"]') == ["a"]


def test_a_chain_too_long_to_follow_still_gives_the_rest_of_the_analysis() -> None:
    analysis = analyse("result = df" + ".copy()" * 500 + '["a"]', "python")

    assert analysis.syntax_error is None
    assert analysis.variables == ["result"]
    assert analysis.columns == []
