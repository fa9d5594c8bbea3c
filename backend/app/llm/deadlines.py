"""The first-token deadline: how long a reply may take to start, separately from the gaps within it."""

import asyncio
from types import TracebackType
from typing import Self

from app.llm.base import ProviderTimeout

LATE_START_MESSAGE = (
    "The provider did not start answering within {seconds:g} seconds. Please try again."
)


class FirstTokenDeadline:
    """`async with FirstTokenDeadline(s) as deadline:` ... `deadline.met()` once text has arrived.

    Call `met()` before yielding anything from inside the block: the deadline cancels the running task,
    which, once a generator has yielded, is its consumer.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._timeout = asyncio.timeout(seconds)

    async def __aenter__(self) -> Self:
        await self._timeout.__aenter__()
        return self

    def met(self) -> None:
        self._timeout.reschedule(None)

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            await self._timeout.__aexit__(exc_type, exc, traceback)
        except TimeoutError:
            raise ProviderTimeout(LATE_START_MESSAGE.format(seconds=self.seconds)) from None
