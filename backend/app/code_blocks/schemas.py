"""Request and response bodies of the code library API, and its search parameters."""

import uuid
from datetime import UTC, datetime
from typing import Annotated, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from app.core.schemas import RequestModel
from app.models.code_block import CodeBlockSource

MAX_CODE_CHARS = 100_000
MAX_TITLE_CHARS = 200
MAX_DESCRIPTION_CHARS = 2000
MAX_TAGS = 20
MAX_TAG_CHARS = 40
MAX_LANGUAGE_CHARS = 32
MAX_QUERY_CHARS = 255
MAX_MODULE_CHARS = 200
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 24
MAX_OFFSET = 2**31 - 1  # beyond any real library, and within what PostgreSQL's OFFSET accepts
MAX_VERSION = 2**31 - 1

MatchMode = Literal["any", "words", "substring"]
RunStatus = Literal["succeeded", "failed", "not_run"]
SortField = Literal["relevance", "newest", "oldest", "updated", "title"]
ExportFormat = Literal["py", "ipynb"]
NotebookFormat = Literal["ipynb"]

# One line of printable text (tabs, newlines and other control characters are refused).
_ONE_LINE = r"^[^\x00-\x1f\x7f]*$"


def _not_blank(code: str) -> str:
    if not code.strip():
        raise ValueError("must contain some code, not only spaces")
    return code


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _in_utc(moment: datetime) -> datetime:
    # A time without a zone is taken as UTC, the zone every stored time is in.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


Code = Annotated[str, Field(min_length=1, max_length=MAX_CODE_CHARS), AfterValidator(_not_blank)]
Title = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=MAX_TITLE_CHARS, pattern=_ONE_LINE
    ),
]
Description = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=MAX_DESCRIPTION_CHARS)
]
Language = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=MAX_LANGUAGE_CHARS, pattern=_ONE_LINE
    ),
    Field(description='A language name or fence tag, such as "python", "py" or "sql".'),
]
Tag = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        to_lower=True,
        min_length=1,
        max_length=MAX_TAG_CHARS,
        pattern=_ONE_LINE,
    ),
]
Tags = Annotated[
    list[Tag],
    Field(max_length=MAX_TAGS, description="Lower-cased and trimmed; duplicates are dropped."),
    AfterValidator(_unique),
]
ModuleName = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        max_length=MAX_MODULE_CHARS,
        pattern=r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$",
    ),
    Field(description='A module such as "pandas"; "matplotlib" also finds "matplotlib.pyplot".'),
]
Moment = Annotated[datetime, AfterValidator(_in_utc)]


class CodeBlockCreate(RequestModel):
    """A snippet of the user's own. Title and description are written for it when left out."""

    code: Code
    title: Title | None = None
    description: Description | None = None
    language: Language | None = Field(
        default=None, description="Left out: Python if the code looks like Python, else none."
    )
    tags: Tags = Field(default_factory=list)


class CodeBlockUpdate(RequestModel):
    """Only the fields sent change. New code (or language) makes a new version; title, description
    and tags belong to the whole entry, every version."""

    code: Code | None = None
    title: Title | None = None
    description: Description | None = None
    language: Language | None = Field(
        default=None, description="null: recognised from the code again."
    )
    tags: Tags | None = None

    @model_validator(mode="after")
    def _no_nulls(self) -> Self:
        for name in ("code", "title", "description", "tags"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name}: cannot be null; send a value, or leave it out")
        return self


class CodeBlockSearch(RequestModel):
    """Search and filters of the library (query parameters). Only each entry's latest version."""

    q: Annotated[str | None, Field(max_length=MAX_QUERY_CHARS)] = Field(
        default=None, description="Words or part of the code, title or description."
    )
    match: MatchMode = Field(
        default="any",
        description="words: full-text search; substring: any part of the text; any: both, "
        "full-text matches first.",
    )
    tag: Annotated[list[Tag], Field(max_length=MAX_TAGS)] = Field(
        default_factory=list, description="Repeatable; an entry must have every tag given."
    )
    language: Language | None = None
    import_: ModuleName | None = Field(default=None, alias="import")
    conversation_id: uuid.UUID | None = None
    file_id: uuid.UUID | None = Field(default=None, description="Made with this file attached.")
    created_after: Moment | None = None
    created_before: Moment | None = None
    status: RunStatus | None = Field(default=None, description="How the latest run went.")
    sort: SortField | None = Field(
        default=None, description="Default: relevance when searching, else newest."
    )
    skip: int = Field(default=0, ge=0, le=MAX_OFFSET)
    limit: int = Field(default=DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        if (
            self.created_after is not None
            and self.created_before is not None
            and self.created_after > self.created_before
        ):
            raise ValueError("created_after must not be later than created_before")
        return self


# Every field is always present in responses, defaults included: the generated client relies on it.
_ALWAYS_PRESENT = ConfigDict(json_schema_serialization_defaults_required=True)


class CodeBlockSummary(BaseModel):
    """An entry of the library, as its latest version (or the version asked for) stands."""

    model_config = _ALWAYS_PRESENT

    id: uuid.UUID
    lineage_id: uuid.UUID = Field(description="The id of the entry's first version.")
    version: int
    versions_count: int
    title: str
    description: str
    language: str | None
    code_preview: str = Field(description="The first lines of the code.")
    tags: list[str]
    imports: list[str]
    columns_referenced: list[str]
    source: CodeBlockSource
    conversation_id: uuid.UUID | None
    conversation_title: str | None = Field(description="Null when the conversation is deleted.")
    executed_successfully: bool | None = Field(description="Null until the block has run.")
    run_count: int = Field(description="Runs of the entry, all versions, chat and library.")
    distinct_file_count: int = Field(description="Distinct files the entry ran on.")
    has_syntax_error: bool
    created_at: datetime = Field(description="When the entry's first version was made.")
    updated_at: datetime


class CodeBlockFile(BaseModel):
    id: uuid.UUID
    filename: str


class CodeBlockDetail(CodeBlockSummary):
    code: str
    functions_defined: list[str]
    classes_defined: list[str]
    variables_created: list[str]
    syntax_error: str | None
    provider: str | None
    model: str | None
    message_id: uuid.UUID | None
    block_index: int | None = Field(description="0-based position of the block in its reply.")
    files: list[CodeBlockFile] = Field(
        description="The files attached when the block was written, those that still exist."
    )
    parent_version_id: uuid.UUID | None = Field(description="The version this one was edited from.")
    is_latest: bool
    latest_version_id: uuid.UUID
    version_created_at: datetime = Field(description="When this version was made.")


class CodeBlocksPublic(BaseModel):
    data: list[CodeBlockSummary]
    count: int = Field(description="Number of entries matching, across all pages.")


class CodeBlockVersion(BaseModel):
    model_config = ConfigDict(
        from_attributes=True, json_schema_serialization_defaults_required=True
    )

    id: uuid.UUID
    version: int
    parent_version_id: uuid.UUID | None
    code: str
    language: str | None
    created_at: datetime
    is_latest: bool
    executed_successfully: bool | None
    syntax_error: str | None


class CodeBlockVersionsPublic(BaseModel):
    data: list[CodeBlockVersion]
    count: int


class FacetValue(BaseModel):
    value: str
    count: int


class CodeBlockFacets(BaseModel):
    """The values the library's filters can take, most frequent first (at most 50 each)."""

    tags: list[FacetValue]
    languages: list[FacetValue]
    imports: list[FacetValue]
