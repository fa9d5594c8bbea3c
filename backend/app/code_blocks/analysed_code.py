"""What the app works out about code it stores: the analysis, and a title and description."""

from dataclasses import dataclass
from functools import partial
from typing import Any

import anyio

from app.code_blocks.analysis import CodeAnalysis, analyse
from app.code_blocks.describe import describe_block


@dataclass(frozen=True, slots=True)
class AnalysedCode:
    analysis: CodeAnalysis
    title: str
    description: str

    def analysis_fields(self) -> dict[str, Any]:
        """The analysis as CodeBlock columns."""
        return {
            "imports": self.analysis.imports,
            "functions_defined": self.analysis.functions,
            "classes_defined": self.analysis.classes,
            "variables_created": self.analysis.variables,
            "columns_referenced": self.analysis.columns,
            "syntax_error": self.analysis.syntax_error,
        }


async def analyse_code(code: str, *, language: str | None, prose_before: str) -> AnalysedCode:
    """`language` as stored (normalised); `prose_before`: the reply's text before the block."""
    # Parsing up to 100,000 characters of code is CPU work: off the event loop.
    return await anyio.to_thread.run_sync(
        partial(_analyse_now, code, language=language, prose_before=prose_before)
    )


def _analyse_now(code: str, *, language: str | None, prose_before: str) -> AnalysedCode:
    analysis = analyse(code, language)
    described = describe_block(
        prose_before=prose_before, code=code, analysis=analysis, language=language
    )
    return AnalysedCode(analysis=analysis, title=described.title, description=described.description)
