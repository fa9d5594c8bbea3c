"""One name per language for a code block, from its fence's tag (or its code when it has none).

Tags are lower-cased and their usual aliases folded (``py``, ``python3``, ``ipython`` → ``python``;
``sh``, ``shell``, ``zsh`` → ``bash``; ``postgresql`` → ``sql``...), R Markdown's ``{r, echo=FALSE}``
and pandoc's ``{.python}`` included, so the library's language filter finds every Python block
whatever the model wrote. Unknown tags are kept, cleaned and cut to the column's 32 characters.
An untagged block is called Python only when it parses as Python *and* does something Python-like:
plain data (``{"a": 1}``, ``[1, 2]``), a YAML ``key: value`` and a bare shell line such as
``ls -la`` parse too, and are left untagged.
"""

import ast
import re

MAX_LANGUAGE_CHARS = 32

_ALIASES = {
    "python": ("py", "py3", "python3", "python2", "ipython", "ipython3", "pycon", "sage"),
    "javascript": ("js", "node", "nodejs", "mjs", "cjs", "ecmascript"),
    "typescript": ("ts",),
    "bash": ("sh", "shell", "zsh", "ksh"),
    "powershell": ("ps", "ps1", "pwsh"),
    "sql": ("postgresql", "postgres", "psql", "pgsql", "mysql", "sqlite", "tsql", "plsql"),
    "r": ("rscript", "rlang", "splus"),
    "json": ("jsonc", "json5"),
    "yaml": ("yml",),
    "markdown": ("md",),
    "text": ("txt", "plain", "plaintext"),
    "html": ("htm", "xhtml"),
    "cpp": ("c++", "cxx", "hpp"),
    "csharp": ("c#", "cs"),
    "go": ("golang",),
    "rust": ("rs",),
    "ruby": ("rb",),
    "julia": ("jl",),
    "kotlin": ("kt",),
    "diff": ("patch",),
    "latex": ("tex",),
    "dockerfile": ("docker",),
}
_CANONICAL = {alias: name for name, aliases in _ALIASES.items() for alias in (name, *aliases)}
_VERSIONED_PYTHON = re.compile(r"^(python|py)\d+(\.\d+)*$")  # python3.11
_FILE_NAME = re.compile(r"^[\w-]+\.(?P<extension>[a-z0-9]+)$")  # main.py, query.sql
_NOT_A_NAME = re.compile(r"[^a-z0-9_+#.-]")
# Names that make a parsed untagged snippet recognisably ours: the data, pandas and friends, print.
_PYTHON_NAMES = frozenset({"df", "dfs", "pd", "np", "plt", "sns", "print", "result"})
_PYTHON_STATEMENTS = (
    ast.Import,
    ast.ImportFrom,
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.Assign,
    ast.AugAssign,
    ast.For,
    ast.While,
    ast.If,
    ast.With,
    ast.Try,
    ast.Return,
)


def normalise_language(tag: str | None, code: str) -> str | None:
    """The block's language: its tag's canonical name, or "python" for untagged Python-like code."""
    name = _clean(tag or "")
    if name:
        return _canonical(name)
    return "python" if looks_like_python(code) else None


def looks_like_python(code: str) -> bool:
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):  # ValueError: a NUL character
        return False
    for node in ast.walk(tree):
        if isinstance(node, _PYTHON_STATEMENTS):
            return True
        if isinstance(node, ast.AnnAssign) and node.value is not None:
            return True  # `key: value` alone is YAML as much as an annotation
        if isinstance(node, ast.Name) and node.id in _PYTHON_NAMES:
            return True
    return False


def _clean(tag: str) -> str:
    # R Markdown and pandoc put the language in braces: {r, echo=FALSE}, {.python}.
    word = tag.strip().lower().strip("{}").split(",")[0].strip().lstrip(".")
    word = word.removeprefix("language-").removeprefix("lang-")
    return _NOT_A_NAME.sub("", word)[:MAX_LANGUAGE_CHARS]


def _canonical(name: str) -> str:
    if name in _CANONICAL:
        return _CANONICAL[name]
    if _VERSIONED_PYTHON.match(name):
        return "python"
    file_name = _FILE_NAME.match(name)
    if file_name and file_name["extension"] in _CANONICAL:
        return _CANONICAL[file_name["extension"]]
    return name
