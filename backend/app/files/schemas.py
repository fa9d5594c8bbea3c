"""Request and response bodies of the files API; the profile's shape is documented field by field."""

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, JsonValue

from app.core.schemas import RequestModel
from app.files.filenames import clean_filename

ColumnType = Literal["integer", "float", "boolean", "date", "datetime", "text", "categorical"]
Encoding = Literal["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "windows-1252"]
Delimiter = Literal[",", ";", "\t", "|"]
Compression = Literal["gzip"]
SortField = Literal["uploaded_at", "filename", "size_bytes"]
SortOrder = Literal["asc", "desc"]


class TopValue(BaseModel):
    value: JsonValue
    count: int


# Every field is always present in responses, defaults included: the generated client relies on it.
_ALWAYS_PRESENT = ConfigDict(json_schema_serialization_defaults_required=True)


class ColumnProfile(BaseModel):
    model_config = _ALWAYS_PRESENT

    name: str
    position: int = Field(description="0-based position of the column in the file.")
    type: ColumnType
    dtype: str = Field(description="The pandas dtype the column has when the data is loaded.")
    null_count: int
    distinct_count: int = Field(description="Distinct non-null values.")
    min: JsonValue = None
    max: JsonValue = None
    mean: float | None = Field(default=None, description="Numeric columns only.")
    top_values: list[TopValue] | None = Field(
        default=None,
        description="Most frequent values (up to 10) of low-cardinality columns, most frequent first.",
    )


class RenamedColumn(BaseModel):
    position: int
    original: str
    name: str


class FileProfile(BaseModel):
    model_config = _ALWAYS_PRESENT

    columns: list[ColumnProfile]
    sample_rows: list[list[JsonValue]] = Field(description="The first rows of the data.")
    warnings: list[str] = Field(default_factory=list)
    renamed_columns: list[RenamedColumn] = Field(
        default_factory=list, description="Blank or duplicate header names and their replacements."
    )
    skipped_rows: int = Field(default=0, description="Rows skipped for a wrong number of fields.")


class FileSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    filename: str
    size_bytes: int = Field(description="Size of the file as uploaded (compressed, for .gz files).")
    mime_type: str
    sha256: str
    row_count: int
    column_count: int
    encoding: Encoding
    delimiter: Delimiter
    compression: Compression | None
    uploaded_at: datetime


class FileDetail(FileSummary):
    profile: FileProfile


class FilesPublic(BaseModel):
    data: list[FileSummary]
    count: int = Field(description="Number of files matching the search, across all pages.")


class FilePreview(BaseModel):
    columns: list[str]
    rows: list[list[JsonValue]]
    skip: int
    limit: int
    total_rows: int


def _clean_new_filename(value: str) -> str:
    cleaned = clean_filename(value)
    if not cleaned:
        raise ValueError("must contain a file name")
    return cleaned


class FileRename(RequestModel):
    """The new name is cleaned up like an uploaded file's (see files.filenames)."""

    filename: Annotated[
        str, Field(min_length=1, max_length=1024), AfterValidator(_clean_new_filename)
    ]
