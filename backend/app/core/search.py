"""Case-insensitive substring search in text columns."""


def contains_pattern(search: str | None) -> str | None:
    """A LIKE pattern (escape character: backslash) matching `search` anywhere; None for no search."""
    # NUL cannot occur in stored text (PostgreSQL refuses it), so it can only be noise in a search.
    text = (search or "").replace("\x00", "").strip()
    if not text:
        return None
    # Escape LIKE wildcards: a search for "100%" means the characters, not a pattern.
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
