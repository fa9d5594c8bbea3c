"""The provider's reply, requested while the question is still being stored.

Time to the first token is the measure of a chat. The provider needs a few milliseconds to answer
and storing the question needs a few more, so the request goes out as soon as the prompt is known
(conversations.replies), in a task of its own, and the stream (conversations.streaming) reads what it
buffered. If the question then fails to commit, the request is cancelled before anything reaches the
client: the provider may have started work that nobody will see, never a reply without its question.

The task always ends with its consumer: `close()` (the stream's cleanup, also on Stop or a
disconnect) cancels it, which closes the provider's HTTP response and so the upstream call, and
a rolled-back question, a response that never starts streaming (`close_unread()`) and, as a last
net, UNREAD_LIMIT_SECONDS without a reader all cancel it too.
"""

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass

from app.conversations.upstream import open_stream
from app.llm.base import ChatRequest, LLMProvider, StreamEvent, TextDelta, Usage

# Enough for a burst of tokens while the question commits; beyond it the provider's socket waits.
BUFFERED_EVENTS = 256
# A stream nobody has started reading by then never will be (its response was lost): stop paying.
UNREAD_LIMIT_SECONDS = 30.0
# After the first piece of text, text is handed on at most this often; what arrives in between goes
# together. Twenty updates a second read as smooth, while models send forty or more tokens a second:
# each event handed on costs the server, the network and the browser's rendering of the reply, and
# with many streams open that CPU is what a new question waits for (docs/benchmarks.md).
DELTA_INTERVAL_SECONDS = 0.05

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Failed:
    error: Exception


class _End:
    pass


_END = _End()
_Item = StreamEvent | _Failed | _End


class EarlyStart:
    def __init__(self, provider: LLMProvider, request: ChatRequest) -> None:
        self._queue: asyncio.Queue[_Item] = asyncio.Queue(BUFFERED_EVENTS)
        self._task = asyncio.create_task(self._pump(provider, request))
        self._read = False
        self._watchdog = asyncio.get_running_loop().call_later(
            UNREAD_LIMIT_SECONDS, self._cancel_if_unread
        )

    async def _pump(self, provider: LLMProvider, request: ChatRequest) -> None:
        try:
            async with open_stream(provider, request) as events:
                async for event in events:
                    await self._queue.put(event)
        except Exception as error:
            # Handed to the reader, which reports provider failures to the user.
            await self._queue.put(_Failed(error))
            return
        await self._queue.put(_END)

    async def events(self) -> AsyncIterator[list[TextDelta] | Usage]:
        """The provider's events in order, text as the deltas that arrived since the last read: the
        first as soon as it arrives, then at most one list every DELTA_INTERVAL_SECONDS. A provider
        failure is raised here, in the reader's task."""
        self._read = True
        self._watchdog.cancel()
        loop = asyncio.get_running_loop()
        next_text_at: float | None = None  # None: no text handed on yet
        held: _Item | None = None
        while True:
            item = held if held is not None else await self._queue.get()
            held = None
            if isinstance(item, TextDelta):
                if next_text_at is not None and (wait := next_text_at - loop.time()) > 0:
                    await asyncio.sleep(wait)
                arrived = [item]
                while not self._queue.empty():
                    held = self._queue.get_nowait()
                    if not isinstance(held, TextDelta):
                        break
                    arrived.append(held)
                    held = None
                next_text_at = loop.time() + DELTA_INTERVAL_SECONDS
                yield arrived
            elif isinstance(item, Usage):
                yield item
            elif isinstance(item, _Failed):
                raise item.error
            else:
                return

    async def close(self) -> None:
        """Stop the provider's work (a no-op once it has finished) and wait until it has stopped."""
        self._task.cancel()
        try:
            await asyncio.shield(self._task)
        except asyncio.CancelledError:
            if not self._task.done():
                raise  # our own caller was cancelled while waiting; the task is cancelled anyway
        except Exception:
            logger.exception("The provider's stream failed while closing")

    async def close_unread(self) -> None:
        """Close the stream if nobody ever read it (the client left before the response started)."""
        if not self._read:
            await self.close()

    def _cancel_if_unread(self) -> None:
        if not self._read:
            self._task.cancel()
