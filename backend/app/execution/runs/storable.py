"""A run's output made storable: PostgreSQL refuses NUL characters in text and in JSONB strings,
and the code's output may hold any (a print, a cell, a column name, an error message)."""

from typing import Any

NUL = "\x00"
SHOWN_INSTEAD = "\ufffd"  # the replacement character: something was there


def storable_text(text: str) -> str:
    return text.replace(NUL, SHOWN_INSTEAD) if NUL in text else text


def storable_json(value: Any) -> Any:
    """`value` (JSON: dicts, lists, strings, numbers) with every NUL replaced, keys included."""
    if isinstance(value, str):
        return storable_text(value)
    if isinstance(value, dict):
        return {storable_text(str(key)): storable_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [storable_json(item) for item in value]
    return value
