"""After a reply's text: its Python blocks run in the sandbox against the conversation's files, a
failed block gets one automatic fix (the error goes back to the model; the fix is the block's next
version), and the reply ends with a short plain-language interpretation of what came out.

Yields the stream's events as (name, data) pairs; conversations.streaming documents them. No
database transaction stays open while code runs: each write is its own short transaction.
"""

import logging
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from app.code_blocks import versions
from app.code_blocks.fences import extract_code_blocks
from app.conversations import run_summaries
from app.conversations.replies import Reply
from app.conversations.reply_writer import ReplyWriter
from app.conversations.upstream import open_stream
from app.execution.client import Sandbox
from app.execution.runs import service as runs_service
from app.execution.schemas import Dataset, RunResult
from app.files.exceptions import FileNotFound
from app.files.storage import FileStorage
from app.llm.base import ChatRequest, ChatTurn, ProviderFailure, TextDelta, Usage
from app.models import CodeBlock

# Failures a fix cannot help with: the code never ran for reasons of ours.
UNFIXABLE = frozenset({"IsolationUnavailable", "SandboxUnavailable", "FileNotFound"})
FIX_REQUEST = (
    "The code block below failed when it ran on the attached data.\n\n```python\n{code}\n```\n\n"
    "{outcome}\n\nReply with the corrected code as one complete ```python block (it must still assign "
    "`result`), and one sentence on what you changed."
)
INTERPRET_REQUEST = (
    "The code of your reply ran on the attached data. What came out:\n\n{outcomes}\n\nIn two or three "
    "plain sentences, tell the analyst what this shows. No code, no headings."
)

Event = tuple[str, dict[str, Any]]
logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CodeRunner:
    """Where a reply's code runs (the app's sandbox) and where its files' data is."""

    sandbox: Sandbox
    storage: FileStorage


class ReplyRuns:
    def __init__(self, *, reply: Reply, writer: ReplyWriter, runner: CodeRunner) -> None:
        self._reply = reply
        self._writer = writer
        self._runner = runner
        self.usage = Usage(input_tokens=0, output_tokens=0)  # of the fix and interpretation calls

    async def events(self, saved: list[CodeBlock]) -> AsyncIterator[Event]:
        reply = self._reply
        python = [block for block in saved if block.language == "python"]
        if not python or not reply.file_ids or not reply.auto_run:
            return
        datasets = await self._datasets()
        if datasets is None:
            return
        outcomes: list[RunResult] = []
        for block in python:
            yield "execution_started", _where(block)
            result, execution = await self._run(block, datasets)
            yield "execution_result", {**_where(block), "execution": execution}
            if result.status != "succeeded" and self._fixable(result):
                fixed = await self._fix(block, result)
                if fixed is not None:
                    yield "code_block", _fixed_event(fixed, fixed_from=block.id)
                    yield "execution_started", _where(fixed)
                    result, execution = await self._run(fixed, datasets)
                    yield "execution_result", {**_where(fixed), "execution": execution}
            outcomes.append(result)
        async for text in self._interpret(outcomes):
            yield "delta", {"text": text}

    async def _datasets(self) -> list[Dataset] | None:
        reply, session = self._reply, self._writer.session

        async def read() -> list[Dataset]:
            found = await runs_service.datasets_for(
                session,
                owner_id=reply.owner_id,
                file_ids=reply.file_ids,
                storage=self._runner.storage,
            )
            return [dataset for _, dataset in found]

        try:
            return await self._writer.write(read)
        except FileNotFound:
            # A file deleted (or its data gone) since the question: the blocks stay, unrun.
            logger.info("A file of a reply is gone; its blocks are not run")
            return None

    async def _run(
        self, block: CodeBlock, datasets: list[Dataset]
    ) -> tuple[RunResult, dict[str, Any]]:
        """Run the block (no transaction open meanwhile), then keep the run: the result and its
        public form."""
        reply, session = self._reply, self._writer.session
        result = await self._runner.sandbox.run(block.code, datasets)

        async def record() -> dict[str, Any]:
            execution = await runs_service.record_run(
                session,
                owner_id=reply.owner_id,
                block=block,
                file_ids=reply.file_ids,
                result=result,
                source="chat",
                message_id=reply.answer.id,
            )
            public = await runs_service.public_runs(
                session, owner_id=reply.owner_id, executions=[execution]
            )
            return public[0].model_dump(mode="json")

        return result, await self._writer.write(record)

    def _fixable(self, result: RunResult) -> bool:
        kind = result.error.kind if result.error is not None else ""
        return self._reply.provider_name != "builtin" and kind not in UNFIXABLE

    async def _fix(self, block: CodeBlock, failed: RunResult) -> CodeBlock | None:
        """The model's corrected code, saved as the block's next version; None if it gave none."""
        question = FIX_REQUEST.format(code=block.code, outcome=run_summaries.for_model(failed))
        try:
            answer = await self._ask(question)
        except ProviderFailure as failure:
            # The reply itself is complete: a fix that cannot be had leaves the failed run shown.
            logger.info("No fix for a failed block: %s", failure.kind)
            return None
        fixes = [
            found for found in extract_code_blocks(answer) if found.language in ("python", "py")
        ]
        if not fixes or fixes[0].code.strip() == block.code.strip():
            return None
        code = fixes[0].code

        async def store() -> CodeBlock:
            return await versions.add_version(
                self._writer.session, edited=block, code=code, language="python"
            )

        return await self._writer.write(store)

    async def _interpret(self, outcomes: list[RunResult]) -> AsyncIterator[str]:
        if self._reply.provider_name == "builtin":
            text = run_summaries.plain_interpretation(outcomes)
            if text:
                yield self._append("\n\n" + text)
            return
        summaries = "\n\n".join(run_summaries.for_model(outcome) for outcome in outcomes)
        request = self._request(INTERPRET_REQUEST.format(outcomes=summaries))
        first = True
        try:
            async with open_stream(self._reply.provider, request) as stream:
                async for item in stream:
                    if isinstance(item, Usage):
                        self._count(item)
                    elif item.text:
                        yield self._append(("\n\n" if first else "") + item.text)
                        first = False
        except ProviderFailure as failure:
            # The results are shown either way; the interpretation is a bonus, not the reply.
            logger.info("No interpretation of the runs: %s", failure.kind)

    async def _ask(self, question: str) -> str:
        pieces: list[str] = []
        async with open_stream(self._reply.provider, self._request(question)) as stream:
            async for item in stream:
                if isinstance(item, TextDelta):
                    pieces.append(item.text)
                else:
                    self._count(item)
        return "".join(pieces)

    def _request(self, question: str) -> ChatRequest:
        asked = self._reply.request
        turns = [
            *asked.turns,
            ChatTurn("assistant", self._writer.content),
            ChatTurn("user", question),
        ]
        return ChatRequest(
            model=asked.model,
            system_prompt=asked.system_prompt,
            turns=turns,
            datasets=asked.datasets,
        )

    def _append(self, text: str) -> str:
        self._writer.append(text)
        return text

    def _count(self, usage: Usage) -> None:
        self.usage = Usage(
            input_tokens=self.usage.input_tokens + usage.input_tokens,
            output_tokens=self.usage.output_tokens + usage.output_tokens,
        )


def _where(block: CodeBlock) -> dict[str, Any]:
    return {"code_block_id": str(block.id), "index": block.block_index, "version": block.version}


def _fixed_event(block: CodeBlock, *, fixed_from: uuid.UUID) -> dict[str, Any]:
    return {
        "index": block.block_index,
        "language": block.language,
        "code": block.code,
        "id": str(block.id),
        "version": block.version,
        "title": block.title,
        "fixed_from": str(fixed_from),
    }
