"""The built-in offline assistant: no key, no network, a few common analyses written from the schema."""

from app.llm.builtin.provider import BUILTIN_LABEL, BUILTIN_MODEL, BuiltinProvider

__all__ = ["BUILTIN_LABEL", "BUILTIN_MODEL", "BuiltinProvider"]
