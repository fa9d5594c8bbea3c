"""Searching the library: full-text and substring search, filters, sorting and paging.

Only each entry's latest version is searched, and only the owner's. Full-text search runs
`websearch_to_tsquery` in two configurations, English (stems: "grouping" finds "group") and simple
(identifiers as written: "groupby"), against the weighted `search_vector` (title above tags, imports
and names, above description, above code; see revision 0005). Substring search is ILIKE on title,
description and code, served by trigram indexes when a user has very many blocks.

Every statement runs under SEARCH_STATEMENT_TIMEOUT_MS: a search that would take longer is stopped
by PostgreSQL and answered with `SearchTimedOut` (503) instead of holding a connection.

One statement answers a page and its count: a narrow pass over the matches (ids, sort keys and
`count(*) OVER ()`, before the LIMIT) picks the page, then only the page's rows are read in full,
with their conversation's title. A separate count runs only for a page past the last match.
"""

import re
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    ColumnExpressionArgument,
    Integer,
    exists,
    func,
    label,
    literal_column,
    or_,
    text,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import QueryableAttribute, defer
from sqlalchemy.sql.elements import UnaryExpression
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import Select

from app.code_blocks.exceptions import SearchTimedOut
from app.code_blocks.languages import normalise_language
from app.code_blocks.schemas import CodeBlockSearch, CodeBlocksPublic
from app.code_blocks.summaries import PREVIEW_SOURCE_CHARS, to_summary
from app.core.config import settings
from app.core.search import contains_pattern
from app.execution.runs.counts import NOT_RUN, run_counts
from app.models import CodeBlock, Conversation, User
from app.models.code_block import search_vector

QUERY_CANCELED = "57014"  # SQLSTATE of a statement stopped by statement_timeout
# Punctuation splits words as the search document does (df.groupby → df groupby), but quotes and a
# leading minus keep their websearch meaning (a phrase; "-word": without the word).
_NOT_A_WORD = re.compile(r"[^\w\s\"-]+|(?<=\w)-")


@asynccontextmanager
async def search_time_limit(session: AsyncSession) -> AsyncIterator[None]:
    """Stop the block's statements after SEARCH_STATEMENT_TIMEOUT_MS; a stopped one is SearchTimedOut."""
    limit = str(settings.SEARCH_STATEMENT_TIMEOUT_MS)
    # is_local: the limit ends with the transaction even if the reset below never runs.
    await session.exec(select(func.set_config("statement_timeout", limit, True)))
    try:
        yield
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) == QUERY_CANCELED:
            raise SearchTimedOut from error
        raise
    # Back to the connection's own setting for whatever the transaction does next (the search's
    # run counts, say): they are not searches, and their failure is not SearchTimedOut.
    connection = await session.connection()
    await connection.execute(text("SET LOCAL statement_timeout TO DEFAULT"))


@dataclass(frozen=True)
class SortKey:
    """One key of a search's order: computed over the matches, then applied again to the page."""

    value: ColumnExpressionArgument[Any]
    descending: bool

    def applied_to(self, value: ColumnElement[Any]) -> UnaryExpression[Any]:
        return value.desc() if self.descending else value.asc()


async def search_code_blocks(
    session: AsyncSession, *, owner: User, search: CodeBlockSearch
) -> CodeBlocksPublic:
    conditions = [*owned_latest(owner), *_filters(search)]
    ordering: list[SortKey] = []
    query_text = " ".join((search.q or "").split())
    if query_text:
        matched, ranking = _text_match(query_text, search.match)
        conditions.append(matched)
        if search.sort in (None, "relevance"):
            ordering.extend(ranking)
    ordering.extend(_sort_keys(search))

    page_query = _page_query(conditions, ordering, skip=search.skip, limit=search.limit)
    async with search_time_limit(session):
        rows = (await session.exec(page_query)).all()
        if rows:
            *_, total = rows[0]
        elif search.skip == 0:
            total = 0
        else:  # past the last match: the page counted nothing
            count_query = select(func.count()).select_from(CodeBlock).where(*conditions)
            total = (await session.exec(count_query)).one()
    counts = await run_counts(session, lineage_ids=[row[0].lineage_id for row in rows])
    summaries = [
        to_summary(
            block,
            code_head=code_head,
            conversation_title=conversation_title,
            runs=counts.get(block.lineage_id, NOT_RUN),
        )
        for block, code_head, conversation_title, _ in rows
    ]
    return CodeBlocksPublic(data=summaries, count=total)


def _page_query(
    conditions: Sequence[ColumnExpressionArgument[bool]],
    ordering: Sequence[SortKey],
    *,
    skip: int,
    limit: int,
) -> Select[CodeBlock, str, str | None, int]:
    """The page's rows, each with its code's start, its conversation's title and the number of
    matches. The matches are sorted and counted carrying only their ids and sort keys (a wide row
    per match would make a user's 20,000 entries spill to disk); the page's rows are read after."""
    keys = [label(f"sort_{n}", key.value) for n, key in enumerate(ordering)]
    page = (
        select(col(CodeBlock.id).label("id"))
        .add_columns(*keys, func.count().over().label("total"))
        .where(*conditions)
        .order_by(*(key.applied_to(column) for key, column in zip(ordering, keys, strict=True)))
        .offset(skip)
        .limit(limit)
        .subquery("page")
    )
    # In the select list, PostgreSQL looks the title up for the page's rows only.
    conversation_title = (
        select(col(Conversation.title))
        .where(col(Conversation.id) == col(CodeBlock.conversation_id))
        .correlate(CodeBlock)
        .scalar_subquery()
    )
    sorted_page = (key.applied_to(page.c[f"sort_{n}"]) for n, key in enumerate(ordering))
    return (
        select(
            CodeBlock,
            func.left(col(CodeBlock.code), PREVIEW_SOURCE_CHARS).label("code_head"),
            conversation_title.label("conversation_title"),
            page.c.total,
        )
        .join(page, col(CodeBlock.id) == page.c.id)
        # A block's code may be long: the preview reads its start only, and reading more raises.
        .options(defer(cast(QueryableAttribute[Any], CodeBlock.code), raiseload=True))
        .order_by(*sorted_page)
    )


def owned_latest(owner: User) -> list[ColumnExpressionArgument[bool]]:
    """The latest versions of the owner's entries. `is_latest` stays a bare column, as the partial
    indexes' predicate is written: the planner does not match `is_latest IS true` to them."""
    return [col(CodeBlock.user_id) == owner.id, col(CodeBlock.is_latest)]


def _filters(search: CodeBlockSearch) -> list[ColumnExpressionArgument[bool]]:
    conditions: list[ColumnExpressionArgument[bool]] = []
    if search.tag:
        conditions.append(col(CodeBlock.tags).contains(list(dict.fromkeys(search.tag))))
    if search.language is not None:
        conditions.append(col(CodeBlock.language) == normalise_language(search.language, ""))
    if search.import_ is not None:
        conditions.append(_imports_module(search.import_))
    if search.conversation_id is not None:
        conditions.append(col(CodeBlock.conversation_id) == search.conversation_id)
    if search.file_id is not None:
        conditions.append(col(CodeBlock.file_ids).contains([search.file_id]))
    if search.created_after is not None:
        conditions.append(col(CodeBlock.lineage_created_at) >= search.created_after)
    if search.created_before is not None:
        conditions.append(col(CodeBlock.lineage_created_at) < search.created_before)
    if search.status == "succeeded":
        conditions.append(col(CodeBlock.executed_successfully).is_(True))
    elif search.status == "failed":
        conditions.append(col(CodeBlock.executed_successfully).is_(False))
    elif search.status == "not_run":
        conditions.append(col(CodeBlock.executed_successfully).is_(None))
    return conditions


def _imports_module(module: str) -> ColumnElement[bool]:
    """The block imports `module` itself or one of its submodules (pandas → pandas.api.types)."""
    imported = func.unnest(col(CodeBlock.imports)).table_valued("name").alias("imported")
    name = imported.c.name
    return exists(
        select(1)
        .select_from(imported)
        .where(or_(name == module, name.startswith(f"{module}.", autoescape=True)))
    )


def _text_match(query_text: str, match: str) -> tuple[ColumnElement[bool], list[SortKey]]:
    """The condition a block must meet for the search, and the order of relevance."""
    words = _NOT_A_WORD.sub(" ", query_text)
    ts_query = func.websearch_to_tsquery(literal_column("'english'::regconfig"), words).op("||")(
        func.websearch_to_tsquery(literal_column("'simple'::regconfig"), words)
    )
    in_words = search_vector.bool_op("@@")(ts_query)
    word_rank = func.ts_rank(search_vector, ts_query)

    pattern = contains_pattern(query_text) or ""
    in_title = col(CodeBlock.title).ilike(pattern, escape="\\")
    in_description = col(CodeBlock.description).ilike(pattern, escape="\\")
    in_code = col(CodeBlock.code).ilike(pattern, escape="\\")
    # Where the text was found (title above description above code only), then how closely the
    # title resembles it (trigram word similarity).
    substring_rank = (
        sql_cast(in_title, Integer) * 2
        + sql_cast(in_description, Integer)
        + func.word_similarity(query_text, col(CodeBlock.title))
    )
    as_substring = or_(in_title, in_description, in_code)

    if match == "words":
        return in_words, [SortKey(word_rank, descending=True)]
    if match == "substring":
        return as_substring, [SortKey(substring_rank, descending=True)]
    return or_(in_words, as_substring), [
        SortKey(in_words, descending=True),
        SortKey(word_rank, descending=True),
        SortKey(substring_rank, descending=True),
    ]


def _sort_keys(search: CodeBlockSearch) -> list[SortKey]:
    # The id breaks ties, so pages never overlap or skip an entry.
    if search.sort == "oldest":
        return [SortKey(col(CodeBlock.lineage_created_at), descending=False), _by_id(False)]
    if search.sort == "updated":
        return [SortKey(col(CodeBlock.updated_at), descending=True), _by_id(True)]
    if search.sort == "title":
        return [SortKey(func.lower(col(CodeBlock.title)), descending=False), _by_id(False)]
    return [SortKey(col(CodeBlock.lineage_created_at), descending=True), _by_id(True)]


def _by_id(descending: bool) -> SortKey:
    return SortKey(col(CodeBlock.id), descending=descending)
