"""A code block as a file that runs outside the app: a Python script, or a Jupyter notebook.

The script takes CSV paths on its command line (`python script.py sales.csv [more.csv ...]`), reads
them as the app does (export_loader.py, copied in), the first as `df` and all in `dfs`, runs the
block's code unchanged, prints `result` if the code set it (a DataFrame or Series in full, with
to_string()) and saves any matplotlib figures as PNG files (`--figures DIR`, default: the current
folder). The notebook holds the same steps as cells: what the block is, the loader, an editable setup
cell (`DATA_PATHS`), one cell per block and a last one showing `result`. Blocks in another language
go into a notebook as markdown (the notebook still runs); the service refuses them as scripts.
"""

import ast
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import nbformat

from app.code_blocks import export_loader


@dataclass(frozen=True, slots=True)
class ExportBlock:
    title: str
    description: str
    code: str
    language: str | None
    version: int
    created_at: datetime
    source: str  # where it came from: "From the conversation 'Sales by region' (gpt-4o-mini)"


SCRIPT_TEMPLATE = '''\
#!/usr/bin/env python3
"""{about}

Run it on your data (Python 3.10+ with pandas; matplotlib too if it draws):
    python <this file> data.csv [more.csv ...] [--figures DIR]
The first file is `df`; every file is in `dfs`, named from its file name as in Red Panda.
"""

import argparse
import os
import sys

# Figures are saved as files, so matplotlib needs no window.
os.environ.setdefault("MPLBACKEND", "Agg")

# --- Reading CSV files as Red Panda does ---
{loader}

def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description={title})
    parser.add_argument("csv", nargs="+", type=Path, help="CSV files: the first is `df`")
    parser.add_argument(
        "--figures", type=Path, default=Path("."), help="where to save figures (default: here)"
    )
    return parser.parse_args()


def _show(value: object) -> None:
    print(value.to_string() if isinstance(value, (pd.DataFrame, pd.Series)) else value)


def _save_figures(folder: Path) -> None:
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is None:
        return  # the code drew nothing
    folder.mkdir(parents=True, exist_ok=True)
    for number in pyplot.get_fignums():
        path = folder / f"{{Path(sys.argv[0]).stem}}_figure_{{number}}.png"
        pyplot.figure(number).savefig(path)
        print(f"Saved {{path}}", file=sys.stderr)


_arguments = _options()
dfs = load_frames(_arguments.csv)
df = next(iter(dfs.values()))

# --- The code block (version {version}), unchanged ---
{code}

# --- What it computed ---
if "result" in globals():
    _show(globals()["result"])
_save_figures(_arguments.figures)
'''

SETUP_CELL = """\
import pandas as pd

# Your CSV files: the first is `df`, and every file is in `dfs` by a name made from its file name.
DATA_PATHS = ["data.csv"]
dfs = load_frames(DATA_PATHS)
df = next(iter(dfs.values()))"""

RESULT_CELL = "result"


def script_for(block: ExportBlock) -> str:
    if block.language != "python":
        raise ValueError(f"only Python blocks run as scripts, not {block.language or 'untagged'}")
    about = "\n\n".join(
        part for part in (block.title, block.description, _provenance(block)) if part
    )
    return SCRIPT_TEMPLATE.format(
        about=_in_docstring(about),
        loader=loader_source(),
        title=repr(block.title),
        version=block.version,
        code=block.code.rstrip("\n"),
    )


def notebook_for(title: str, blocks: list[ExportBlock]) -> str:
    """One notebook for `blocks`, in their order, as nbformat v4 JSON (validated)."""
    if len(blocks) == 1:
        only = blocks[0]
        intro = "\n\n".join(p for p in (f"# {title}", only.description, _provenance(only)) if p)
    else:
        intro = f"# {title}\n\n{len(blocks)} code blocks exported from Red Panda, in order."
    cells = [
        _markdown_cell(intro),
        _code_cell("# Reading CSV files as Red Panda does\n" + loader_source()),
        _code_cell(SETUP_CELL),
    ]
    for block in blocks:
        if len(blocks) > 1:
            about = "\n\n".join(p for p in (f"## {block.title}", block.description) if p)
            cells.append(_markdown_cell(f"{about}\n\n*{_provenance(block)}*"))
        if block.language == "python":
            cells.append(_code_cell(block.code))
        else:  # it would not run here: shown, not executed
            fence = "~" * max(3, _longest_run(block.code, "~") + 1)
            cells.append(_markdown_cell(f"{fence}{block.language or ''}\n{block.code}\n{fence}"))
    cells.append(_code_cell(RESULT_CELL))
    for number, cell in enumerate(cells, start=1):
        cell["id"] = f"cell-{number}"  # stable ids: the same blocks give the same file
    notebook = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
        "cells": cells,
    }
    nbformat.validate(notebook, version=4)
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def _markdown_cell(text: str) -> dict[str, Any]:
    return {"cell_type": "markdown", "metadata": {}, "source": _lines(text)}


def _code_cell(code: str) -> dict[str, Any]:
    return {
        "cell_type": "code",
        "metadata": {},
        "execution_count": None,
        "outputs": [],
        "source": _lines(code.rstrip("\n")),
    }


def _lines(text: str) -> list[str]:
    # Notebooks keep text as a list of lines, each with its newline (as Jupyter writes them).
    return text.splitlines(keepends=True)


def _longest_run(text: str, character: str) -> int:
    runs = re.findall(f"{re.escape(character)}+", text)
    return max((len(run) for run in runs), default=0)


def loader_source() -> str:
    """export_loader.py's code without its docstring."""
    source = Path(export_loader.__file__).read_text(encoding="utf-8")
    docstring = ast.parse(source).body[0]
    lines = source.splitlines()[docstring.end_lineno or 0 :]
    return "\n".join(lines).strip("\n") + "\n"


def _provenance(block: ExportBlock) -> str:
    created = block.created_at.astimezone(UTC) if block.created_at.tzinfo else block.created_at
    return f"{block.source}. Version {block.version}, {created:%Y-%m-%d %H:%M} UTC."


def _in_docstring(text: str) -> str:
    """`text` safe inside a triple-quoted docstring: quotes, backslashes and control characters."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return "".join(
        c if c == "\n" or (c >= " " and c != "\x7f") else f"\\x{ord(c):02x}" for c in escaped
    )
