"""The reply stream: what POST /conversations/{id}/messages (and .../messages/{id}/retry) answer.

By the time the first byte is sent the request is authorized, the key and model are chosen and the
user's question is committed (conversations.replies); this stream runs with a database session of
its own. The answer is `text/event-stream`: each event is named after its type and its data is one
JSON object.

    message_start  {"user_message": MessagePublic, "assistant_message": MessagePublic}
                   The stored question, and the reply just stored with status "streaming".
    delta          {"text": str}
                   The next piece of the reply's markdown: the first as soon as the provider
                   sends it, then at most one every 50 ms with what arrived in between
                   (conversations.early_start.DELTA_INTERVAL_SECONDS).
    code_block     {"index": int, "language": str | null, "code": str, "id": str, "version": int,
                    "title": str}
                   A fenced code block of the reply, as soon as its closing fence has arrived,
                   saved in the code library first: `id` is its entry (GET /code-blocks/{id}). A
                   block still open when a reply completes is saved and announced at the end; one
                   left open by an error or Stop is not saved.
    execution_started  {"code_block_id": str, "index": int, "version": int}
                   A Python block of the reply (or its fix) starts running in the sandbox. Blocks
                   run once the reply's text is complete, against the conversation's files, when the
                   user's settings.auto_run is on (conversations.block_runs).
    execution_result   {"code_block_id": str, "index": int, "version": int,
                        "execution": ExecutionPublic}
                   The run's outcome: status, result (table, series, value...), figures, printed
                   output, error. A failed block gets one automatic fix from the model: a
                   `code_block` event with the same index, the entry's next version and
                   "fixed_from": the failed version's id, then its execution_started/result. After
                   the runs, more `delta` events append a short interpretation of the results.
    usage          {"provider": str, "model": str, "input_tokens": int, "output_tokens": int}
                   The tokens the reply used (also recorded in the user's usage).
    title          {"title": str}
                   The conversation's new title, after its first successful exchange.
    done           {"message": MessagePublic}
                   The reply is complete (status "complete"). The last event.
    error          {"error": str, "detail": str, "message": MessagePublic}
                   The reply failed: `error` is the kind (a provider failure such as InvalidApiKey,
                   ProviderRateLimited or StreamInterrupted; ConversationNotFound if the
                   conversation was deleted meanwhile; InternalServerError), `detail` a sentence for
                   the user. The text that arrived is kept, with status "error". The last event.

Order: message_start; delta and code_block as the text arrives; the runs and the interpretation;
then usage, title (first exchange only) and done, or error. A comment line (": ping ...") every
PING_SECONDS keeps proxies from closing a quiet stream.

Stop and disconnects: when the client goes away (the Stop button aborts the request), this stream
is cancelled, which cancels the provider's stream (requested early: conversations.early_start) and
so the upstream call; the reply keeps what arrived, with status "cancelled". Every database write is
shielded from that cancellation, and the partial text is saved every few seconds while streaming
(conversations.reply_writer).
"""

import json
import logging
import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Any

import anyio
from sse_starlette import EventSourceResponse, ServerSentEvent
from starlette.background import BackgroundTask

from app.code_blocks.fences import CodeBlock as FencedBlock
from app.code_blocks.fences import FenceScanner
from app.conversations import message_blocks, messages, titles
from app.conversations.block_runs import CodeRunner, ReplyRuns
from app.conversations.exceptions import ConversationNotFound
from app.conversations.message_blocks import BlockRecord
from app.conversations.replies import Reply
from app.conversations.reply_writer import ReplyGone, ReplyWriter
from app.core.db import SessionFactory
from app.execution.client import Sandbox
from app.files.storage import FileStorage
from app.llm.base import ProviderFailure, Usage
from app.models import CodeBlock as SavedBlock
from app.models import Message

PING_SECONDS = 15
UNEXPECTED_KIND = "InternalServerError"
UNEXPECTED_DETAIL = "Something went wrong on our side while writing this reply. It has been logged."
GONE_DETAIL = "This conversation was deleted while the reply was being written."

logger = logging.getLogger(__name__)
# One encoder for every event: json.dumps with a non-default option builds a new one per call.
_JSON = json.JSONEncoder(ensure_ascii=False)


def event_stream(
    reply: Reply, *, sessions: SessionFactory, sandbox: Sandbox, storage: FileStorage
) -> EventSourceResponse:
    runner = CodeRunner(sandbox=sandbox, storage=storage)
    return EventSourceResponse(
        _events(reply, sessions=sessions, runner=runner),
        ping=PING_SECONDS,
        # A client gone before the stream began never reads the reply already requested.
        background=BackgroundTask(reply.upstream.close_unread),
    )


async def _events(
    reply: Reply, *, sessions: SessionFactory, runner: CodeRunner
) -> AsyncIterator[ServerSentEvent]:
    async with sessions() as session:
        writer = ReplyWriter(session, reply)
        started = reply.answer
        yield _event(
            "message_start",
            user_message=reply.question.model_dump(mode="json"),
            assistant_message=_public(started),
        )
        fences = FenceScanner()
        usage = Usage(input_tokens=0, output_tokens=0)
        try:
            async for arrived in reply.upstream.events():
                if isinstance(arrived, Usage):
                    usage = arrived
                    continue
                # What arrived together goes out as one delta, cut after any delta that closes a
                # code block, so each block is still announced before the text that follows it.
                unsent: list[str] = []
                for delta in arrived:
                    writer.append(delta.text)
                    unsent.append(delta.text)
                    closed = fences.feed(delta.text)
                    if closed or delta is arrived[-1]:
                        yield _event("delta", text="".join(unsent))
                        unsent.clear()
                    for block in closed:
                        yield _code_block(block, await writer.save_block(block))
                await writer.save_if_due()
            for block in fences.finish():
                yield _code_block(block, await writer.save_block(block))
            runs = ReplyRuns(reply=reply, writer=writer, runner=runner)
            async for name, data in runs.events(writer.saved_blocks):
                yield _event(name, **data)
            usage = Usage(
                input_tokens=usage.input_tokens + runs.usage.input_tokens,
                output_tokens=usage.output_tokens + runs.usage.output_tokens,
            )
        except ReplyGone:
            yield _gone(started)
            return
        except ProviderFailure as failure:
            yield await _failed(writer, failure.kind, failure.message)
            return
        except Exception:
            logger.exception("A reply stream failed")
            yield await _failed(writer, UNEXPECTED_KIND, UNEXPECTED_DETAIL)
            return
        except BaseException:
            # Cancelled: the client went away, or pressed Stop.
            await writer.finish("cancelled")
            raise
        finally:
            # Stops the provider's work when the reply ends early (a no-op once it has finished).
            with anyio.CancelScope(shield=True):
                await reply.upstream.close()
        completed = await writer.complete(usage)
        yield _event(
            "usage",
            provider=reply.provider_name,
            model=reply.model,
            input_tokens=usage.input_tokens,
            output_tokens=usage.output_tokens,
        )
        if reply.needs_title and await writer.untitled():
            title = await titles.name_conversation(
                reply.provider,
                model=reply.model,
                question=reply.question.content,
                answer=writer.content,
            )
            if await writer.save_title(title):
                yield _event("title", title=title.text)
        records: dict[uuid.UUID, list[BlockRecord]] = {}
        if writer.saved_blocks:  # a reply without blocks has no runs either: nothing to read
            records = await writer.write(
                lambda: message_blocks.records_of(
                    session, owner_id=reply.owner_id, message_ids=[completed.id]
                )
            )
        yield _event("done", message=_public(completed, records.get(completed.id, ())))


async def _failed(writer: "ReplyWriter", kind: str, detail: str) -> ServerSentEvent:
    failed = await writer.finish("error", kind=kind, detail=detail)
    return _event("error", error=kind, detail=detail, message=_public(failed))


def _gone(started: Message) -> ServerSentEvent:
    gone = ConversationNotFound(GONE_DETAIL)
    return _event("error", error=gone.kind, detail=gone.message, message=_public(started))


def _public(message: Message, saved: Sequence[BlockRecord] = ()) -> dict[str, Any]:
    return messages.to_public(message, saved).model_dump(mode="json")


def _code_block(block: FencedBlock, entry: SavedBlock) -> ServerSentEvent:
    return _event(
        "code_block",
        index=block.index,
        language=block.language,
        code=block.code,
        id=str(entry.id),
        version=entry.version,
        title=entry.title,
    )


def _event(name: str, **data: Any) -> ServerSentEvent:
    return ServerSentEvent(event=name, data=_JSON.encode(data))
