"""A populated code library, written straight into the benchmark app's database with COPY.

Users get real rows (a password hash made by the app's own hashing, so they can log in through the API)
and a few conversations each; their entries are code_corpus blocks analysed by the app's own analyser,
spread over the past year. About 15% of entries have 2-4 versions, so only latest versions must be
listed; 2% of Python blocks do not parse. The same seed gives the same library.
"""

import asyncio
import math
import random
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import psycopg

from code_corpus import DOMAINS, Block, block, edited, tags_for

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend"))

from app.code_blocks.analysis import CodeAnalysis, analyse
from app.core.security import hash_password

PASSWORD = "bench-password-1"
MODELS = (("openai", "gpt-4o-mini"), ("openai", "gpt-4.1"), ("anthropic", "claude-sonnet-4"))
NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)
BLOCK_COLUMNS = (
    "id, user_id, lineage_id, version, parent_version_id, is_latest, conversation_id, block_index, "
    "provider, model, file_ids, source, code, language, title, description, tags, imports, "
    "functions_defined, classes_defined, variables_created, columns_referenced, syntax_error, "
    "executed_successfully, lineage_created_at, created_at, updated_at"
)


@dataclass
class Entry:
    """What the benchmark needs to know of an entry to search for it."""

    title: str
    code: str
    tags: list[str]


@dataclass
class SeededUser:
    id: uuid.UUID
    email: str
    entries: list[Entry] = field(default_factory=list)


@dataclass
class Library:
    users: list[SeededUser]
    rows: int = 0  # versions written, all entries together


def entries_per_user(rng: random.Random, users: int, entries: int) -> list[int]:
    """Library sizes as real users have them: most near the mean, some several times larger."""
    weights = [rng.lognormvariate(0, 0.6) for _ in range(users)]
    total = sum(weights)
    sizes = [max(1, math.floor(entries * weight / total)) for weight in weights]
    for index in rng.sample(range(users), entries - sum(sizes)):
        sizes[index] += 1
    return sizes


@cache
def _analysed_part(code: str) -> CodeAnalysis:
    return analyse(code, "python")


def analysis_of(made: Block, code: str) -> CodeAnalysis:
    """The app's analysis of the block. Its steps are analysed once each (many blocks share a step)
    and put together as analysing the whole would (imports sorted, the rest in order); code that
    does not parse is analysed as it is."""
    if made.language != "python":
        return CodeAnalysis()
    if code != made.code:
        return analyse(code, "python")
    parts = [_analysed_part(part) for part in made.parts]
    return CodeAnalysis(
        imports=sorted({name for part in parts for name in part.imports}),
        functions=_unique(name for part in parts for name in part.functions),
        classes=_unique(name for part in parts for name in part.classes),
        variables=_unique(name for part in parts for name in part.variables),
        columns=_unique(name for part in parts for name in part.columns),
    )


def _unique(names: Iterator[str]) -> list[str]:
    return list(dict.fromkeys(names))


BROKEN_LINE = "result = (df.groupby(\n"


def _versions(rng: random.Random, made: Block) -> list[str]:
    """The code of each version of an entry, first to latest: 15% of entries were edited 1-3 times.
    2% of Python blocks end with an unclosed bracket, which no edit fixes."""
    versions = [
        made.code + BROKEN_LINE if made.language == "python" and rng.random() < 0.02 else made.code
    ]
    if rng.random() < 0.15:
        for _ in range(rng.randint(1, 3)):
            versions.append(edited(rng, versions[-1]))
    return versions


def _run_status(rng: random.Random, code: str) -> bool | None:
    if code.endswith(BROKEN_LINE):
        return None
    return rng.choices((None, True, False), (45, 45, 10))[0]


def _entry_rows(
    rng: random.Random, user: SeededUser, conversations: list[uuid.UUID], first_at: datetime
) -> Iterator[tuple[object, ...]]:
    """The rows of one new entry of `user`, first version first."""
    domain = rng.choice(DOMAINS)
    made = block(rng, domain)
    tags = tags_for(rng, domain, made)
    codes = _versions(rng, made)
    from_chat = rng.random() < 0.85
    provider, model = rng.choice(MODELS) if from_chat else (None, None)
    conversation = rng.choice(conversations) if from_chat else None
    file_ids = [uuid.uuid5(conversation, "file")] if conversation and rng.random() < 0.8 else []
    analysis = analysis_of(made, codes[0])
    lineage_id = parent = uuid.uuid4()
    made_at = first_at
    for number, code in enumerate(codes, start=1):
        version_id = lineage_id if number == 1 else uuid.uuid4()
        latest = number == len(codes)
        yield (
            version_id,
            user.id,
            lineage_id,
            number,
            None if number == 1 else parent,
            latest,
            conversation,
            rng.randint(0, 2) if from_chat else None,
            provider,
            model,
            file_ids,
            "chat" if from_chat else "user",
            code,
            made.language,
            made.title,
            made.description,
            tags,
            analysis.imports,
            analysis.functions,
            analysis.classes,
            analysis.variables,
            analysis.columns,
            analysis.syntax_error,
            _run_status(rng, code),
            first_at,
            made_at,
            made_at,
        )
        parent = version_id
        made_at += timedelta(hours=rng.uniform(0.1, 72))
    user.entries.append(Entry(made.title, codes[-1], tags))


def seed_library(database_url: str, *, users: int, entries: int, seed: int = 11) -> Library:
    """Write `users` users with `entries` entries between them; `database_url` in libpq form."""
    rng = random.Random(seed)
    password_hash = asyncio.run(hash_password(PASSWORD))
    library = Library(
        [SeededUser(uuid.uuid4(), f"library-{n:04d}@example.com") for n in range(users)]
    )
    sizes = entries_per_user(rng, users, entries)
    with psycopg.connect(database_url) as connection, connection.cursor() as cursor:
        with cursor.copy('COPY "user" (id, email, hashed_password, full_name) FROM STDIN') as copy:
            for user in library.users:
                copy.write_row((user.id, user.email, password_hash, f"Bench {user.email[:12]}"))
        conversations = {
            user.id: [uuid.uuid4() for _ in range(max(1, size // 4))]
            for user, size in zip(library.users, sizes, strict=True)
        }
        with cursor.copy(
            "COPY conversation (id, user_id, title, model, message_count, created_at, updated_at) "
            "FROM STDIN"
        ) as copy:
            for user_id, ids in conversations.items():
                for conversation_id in ids:
                    started = NOW - timedelta(days=rng.uniform(0, 365))
                    title = f"Analysis {rng.choice(DOMAINS).name} {rng.randint(1, 999)}"
                    copy.write_row(
                        (conversation_id, user_id, title, "gpt-4o-mini", 6, started, started)
                    )
        with cursor.copy(f"COPY code_block ({BLOCK_COLUMNS}) FROM STDIN") as copy:
            for user, size in zip(library.users, sizes, strict=True):
                moments = sorted(NOW - timedelta(days=rng.uniform(0, 365)) for _ in range(size))
                for first_at in moments:
                    for row in _entry_rows(rng, user, conversations[user.id], first_at):
                        copy.write_row(row)
                        library.rows += 1
    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute('VACUUM (ANALYZE) code_block, conversation, "user"')
    return library
