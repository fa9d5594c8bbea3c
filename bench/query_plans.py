"""The plans of the library's search, as the app runs it: EXPLAIN (ANALYZE, BUFFERS) of its own SQL.

The statements are captured from the service itself (app.code_blocks.search.search_code_blocks run
in this process against the benchmark's database), then explained:
- unprepared: sent with their parameters, as the app's first executions on a connection are, so the
  planner sees the values (a custom plan);
- prepared: PREPAREd and EXECUTEd six times first, as psycopg prepares a statement from its fifth
  execution on a connection, after which PostgreSQL may switch to a generic plan that ignores the
  values ("generic" below).
The survey explains the statements of many searches (unprepared) and groups them by the indexes
their plans read, to show how often each path is taken and what it costs.
"""

import asyncio
import json
import re
import statistics
import sys
import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend"))

from app.code_blocks.schemas import CodeBlockSearch
from app.code_blocks.search import search_code_blocks
from app.core.db import create_engine, create_session_factory
from app.models import User

PREPARED_RUNS_BEFORE_EXPLAIN = 6
_PARAMETER = re.compile(r"%\((\w+)\)s")
_PLACEHOLDER = re.compile(r"\$\d")
Statement = tuple[str, dict[str, Any]]  # SQL with psycopg placeholders, and their values
Search = tuple[uuid.UUID, dict[str, Any]]  # the owner, and the query parameters of the request


@dataclass(frozen=True)
class Plan:
    nodes: list[str]  # one line per plan node, indented by depth
    execution_ms: float
    planning_ms: float
    generic: bool  # a generic plan: the parameters' values were not known when it was made
    jit: bool

    def headline(self) -> str:
        kind = "generic" if self.generic else "custom"
        jit = ", JIT" if self.jit else ""
        return f"{self.execution_ms:.2f} ms (planning {self.planning_ms:.2f} ms, {kind} plan{jit})"


async def _capture(database_url: str, searches: list[Search]) -> list[list[Statement]]:
    engine = create_engine(database_url)
    captured: list[list[Statement]] = []

    def record(*args: Any) -> None:
        statement, parameters = args[2], args[3]
        if "FROM code_block" in statement:
            captured[-1].append((statement, dict(parameters)))

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        for owner_id, params in searches:
            captured.append([])
            # The search reads only the owner's id; this user is never stored or logged in.
            owner = User(id=owner_id, email="owner@example.com", hashed_password="")
            # Query parameters that repeat (tag) arrive as lists.
            fields = {name: [value] if name == "tag" else value for name, value in params.items()}
            async with create_session_factory(engine)() as session:
                search = CodeBlockSearch.model_validate(fields)
                await search_code_blocks(session, owner=owner, search=search)
    finally:
        await engine.dispose()
    return captured


def service_statements(database_url: str, searches: list[Search]) -> list[list[Statement]]:
    """The statements search_code_blocks runs for each search: the page (counting the matches),
    and a separate count only when a page past the last match comes back empty."""
    return asyncio.run(_capture(database_url, searches))


def statement_kind(statement: str) -> str:
    return "count" if statement.lstrip().upper().startswith("SELECT COUNT") else "page"


def _explain_json(
    connection: psycopg.Connection[Any], statement: str, params: dict[str, Any], *, prepared: bool
) -> dict[str, Any]:
    prefix = "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) "
    if not prepared:
        row = connection.execute(prefix + statement, params).fetchone()
    else:
        names: list[str] = []

        def number(found: re.Match[str]) -> str:
            if found.group(1) not in names:
                names.append(found.group(1))
            return f"${names.index(found.group(1)) + 1}"

        # psycopg's %(name)s placeholders become PostgreSQL's $n; %% was an escaped %.
        text = _PARAMETER.sub(number, statement).replace("%%", "%")
        values = ", ".join(sql.Literal(params[name]).as_string(connection) for name in names)
        connection.execute(f"PREPARE bench_search AS {text}")
        for _ in range(PREPARED_RUNS_BEFORE_EXPLAIN):
            connection.execute(f"EXECUTE bench_search({values})").fetchall()
        row = connection.execute(f"{prefix}EXECUTE bench_search({values})").fetchone()
        connection.execute("DEALLOCATE bench_search")
    assert row is not None
    document: dict[str, Any] = row[0][0]
    return document


def explain(
    connection: psycopg.Connection[Any], statement: str, params: dict[str, Any], *, prepared: bool
) -> Plan:
    document = _explain_json(connection, statement, params, prepared=prepared)
    nodes: list[str] = []
    _describe(document["Plan"], 0, nodes)
    return Plan(
        nodes=nodes,
        execution_ms=document["Execution Time"],
        planning_ms=document["Planning Time"],
        # Only a generic plan still shows $n where the custom one shows the values.
        generic=bool(_PLACEHOLDER.search(json.dumps(document["Plan"]))),
        jit="JIT" in document,
    )


def _describe(node: dict[str, Any], depth: int, lines: list[str]) -> None:
    name = node["Node Type"]
    if "Index Name" in node:
        name += f" using {node['Index Name']}"
    elif "Relation Name" in node:
        name += f" on {node['Relation Name']}"
    if node.get("Sort Method"):
        name += f" ({node['Sort Method']})"
    loops = node.get("Actual Loops", 1)
    rows = f"rows {node.get('Actual Rows', 0)}" + (f" x {loops} loops" if loops > 1 else "")
    buffers = node.get("Shared Hit Blocks", 0) + node.get("Shared Read Blocks", 0)
    lines.append(
        f"{'  ' * depth}{name}: {rows}, {node.get('Actual Total Time', 0):.2f} ms, "
        f"{buffers} buffers"
    )
    for child in node.get("Plans", []):
        _describe(child, depth + 1, lines)


def plans_for(database_url: str, libpq_url: str, search: Search) -> list[tuple[str, Plan, Plan]]:
    """(statement kind, unprepared plan, prepared plan) for each statement of one search."""
    found = []
    with psycopg.connect(libpq_url, autocommit=True) as connection:
        for statement, values in service_statements(database_url, [search])[0]:
            connection.execute(statement, values).fetchall()  # the same cache state for both
            unprepared = explain(connection, statement, values, prepared=False)
            prepared = explain(connection, statement, values, prepared=True)
            found.append((statement_kind(statement), unprepared, prepared))
    return found


def _paths(node: dict[str, Any], found: set[str]) -> set[str]:
    """The indexes (and whole-table scans) a plan reads."""
    if "Index Name" in node:
        found.add(node["Index Name"].removeprefix("ix_code_block_"))
    elif node["Node Type"] == "Seq Scan":
        found.add(f"seq scan of {node['Relation Name']}")
    for child in node.get("Plans", []):
        _paths(child, found)
    return found


def survey(database_url: str, libpq_url: str, searches: list[Search]) -> list[str]:
    """One line per (statement, path): how many of the searches' statements took it, with the
    median and slowest execution time of their custom plans."""
    times: dict[str, list[float]] = defaultdict(list)
    with psycopg.connect(libpq_url, autocommit=True) as connection:
        for statements in service_statements(database_url, searches):
            for statement, values in statements:
                document = _explain_json(connection, statement, values, prepared=False)
                path = " + ".join(sorted(_paths(document["Plan"], set())))
                times[f"{statement_kind(statement)} via {path}"].append(document["Execution Time"])
    return [
        f"{len(spent):>5} x {label:<88} median {statistics.median(spent):6.2f} ms, "
        f"max {max(spent):7.2f} ms"
        for label, spent in sorted(times.items(), key=lambda item: -len(item[1]))
    ]
