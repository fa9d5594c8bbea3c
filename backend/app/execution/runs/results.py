"""The `result` of a run as the API shows it: one shape per kind, as app.execution.sandbox.results
writes them (that module is the source; these models only describe its output)."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue

# Every field is always present in responses, defaults included: the generated client relies on it.
_ALWAYS_PRESENT = ConfigDict(json_schema_serialization_defaults_required=True)


class DataFrameResult(BaseModel):
    model_config = _ALWAYS_PRESENT

    kind: Literal["dataframe"]
    shape: list[int] = Field(description="[rows, columns] of the whole table.")
    columns: list[JsonValue]
    dtypes: list[str]
    index: list[JsonValue]
    index_names: list[JsonValue]
    rows: list[list[JsonValue]] = Field(description="The first rows, as many as shown.")
    truncated_rows: bool
    truncated_columns: bool
    csv_too_large: bool = Field(
        default=False, description="The table is too large to keep for download."
    )


class SeriesResult(BaseModel):
    model_config = _ALWAYS_PRESENT

    kind: Literal["series"]
    name: JsonValue
    dtype: str
    length: int
    index: list[JsonValue]
    index_names: list[JsonValue]
    values: list[JsonValue]
    truncated_rows: bool
    csv_too_large: bool = False


class ScalarResult(BaseModel):
    model_config = _ALWAYS_PRESENT

    kind: Literal["scalar"]
    type: str = Field(description='The Python type\'s name, such as "float" or "Timestamp".')
    value: JsonValue


class JsonResult(BaseModel):
    """A dict, list or tuple, capped in length and depth."""

    kind: Literal["json"]
    value: JsonValue


class TextResult(BaseModel):
    """A string, or the repr() of any other value."""

    model_config = _ALWAYS_PRESENT

    kind: Literal["text"]
    text: str
    truncated: bool


class FigureResult(BaseModel):
    """`result` was a chart: it is among the run's figures."""

    kind: Literal["figure"]


class NoResult(BaseModel):
    """The code left no `result`."""

    kind: Literal["none"]


ExecutionResult = Annotated[
    DataFrameResult
    | SeriesResult
    | ScalarResult
    | JsonResult
    | TextResult
    | FigureResult
    | NoResult,
    Field(discriminator="kind"),
]
