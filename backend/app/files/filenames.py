"""Cleaning file names given by clients: they are shown and offered back on download, never used as paths.

The rules (documented in the README): keep the last path component (split on / and \\), drop control
and bidirectional-override characters, collapse whitespace, trim, and cap at 255 characters keeping the
extension (".csv.gz" counts as one). What remains may be empty: callers decide what that means.
"""

import re
import unicodedata

MAX_FILENAME_CHARS = 255
SUPPORTED_EXTENSIONS = (".csv.gz", ".tsv.gz", ".txt.gz", ".csv", ".tsv", ".txt")
_WHITESPACE = re.compile(r"\s+")
# "Cc" are control characters; "Cf" includes the bidi overrides that make "evil\u202egpj.csv" look
# like another name.
_INVISIBLE_CATEGORIES = {"Cc", "Cf"}


def clean_filename(raw: str) -> str:
    name = re.split(r"[/\\]", raw)[-1]
    # Tabs and line breaks are spacing (kept as one space); other control characters go.
    name = _WHITESPACE.sub(" ", name)
    name = "".join(
        character
        for character in name
        if unicodedata.category(character) not in _INVISIBLE_CATEGORIES
    ).strip()
    if not name.strip("."):
        return ""  # "." and ".." name nothing
    return _cap_length(name)


def supported_extension(filename: str) -> str | None:
    lowered = filename.lower()
    return next((ext for ext in SUPPORTED_EXTENSIONS if lowered.endswith(ext)), None)


def _cap_length(name: str) -> str:
    if len(name) <= MAX_FILENAME_CHARS:
        return name
    extension = supported_extension(name) or _last_extension(name)
    stem = name[: len(name) - len(extension)]
    return stem[: MAX_FILENAME_CHARS - len(extension)].rstrip() + extension


def _last_extension(name: str) -> str:
    dot = name.rfind(".")
    # A "extension" longer than a few characters is part of the name, not a type.
    if dot <= 0 or len(name) - dot > 10:
        return ""
    return name[dot:]
