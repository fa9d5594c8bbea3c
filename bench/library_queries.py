"""What the library benchmark asks for: each kind of request, made from the asking user's own entries
so that searches find something, as a person looking for their code would type it."""

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from library_seed import SeededUser

LIST_PATH = "/api/v1/code-blocks/"
_WORD = re.compile(r"[A-Za-z][A-Za-z_]{3,}")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{5,}")

Query = Callable[[random.Random, SeededUser], dict[str, Any]]


def word(rng: random.Random, user: SeededUser) -> str:
    """A word of one of the user's entries, from its title or its code (`revenue`, `groupby`)."""
    entry = rng.choice(user.entries)
    words: list[str] = _WORD.findall(f"{entry.title} {entry.code}")
    return rng.choice(words)


def part_of_identifier(rng: random.Random, user: SeededUser) -> str:
    """4 to 8 characters from inside a name in one of the user's entries (`venue_by`, say)."""
    names: list[str] = _IDENTIFIER.findall(rng.choice(user.entries).code)
    name = rng.choice(names)
    length = rng.randint(4, min(8, len(name)))
    start = rng.randint(0, len(name) - length)
    return name[start : start + length]


def tag(rng: random.Random, user: SeededUser) -> str:
    """One of the user's tags, as often as the user uses it."""
    return rng.choice(rng.choice([entry for entry in user.entries if entry.tags]).tags)


@dataclass(frozen=True)
class Kind:
    name: str
    query: Query
    target_p95_ms: float | None  # None: measured for information
    path: str = LIST_PATH


KINDS = (
    Kind("full-text (match=words)", lambda r, u: {"q": word(r, u), "match": "words"}, 20),
    Kind(
        "substring (match=substring)",
        lambda r, u: {"q": part_of_identifier(r, u), "match": "substring"},
        50,
    ),
    Kind("tag filter, newest first", lambda r, u: {"tag": tag(r, u), "sort": "newest"}, 20),
    Kind("first page (no q)", lambda r, u: {}, 20),
    Kind(
        "any (default match)", lambda r, u: {"q": r.choice((word, part_of_identifier))(r, u)}, None
    ),
)
# The cheapest authenticated request: what any request costs before the library's own work.
BASELINE = Kind("GET /users/me (baseline)", lambda r, u: {}, None, path="/api/v1/users/me")
