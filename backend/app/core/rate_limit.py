"""Rate limits for the endpoints attackers like (login, signup, password recovery).

Moving windows from the `limits` library; the storage is in memory by default (one process) and can be
pointed at Redis or Memcached through RATE_LIMIT_STORAGE_URI when several app processes share the load.
"""

import math
import time
from collections.abc import Sequence

from fastapi import Request
from limits import RateLimitItem, parse
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string

from app.core.config import Settings
from app.core.errors import AppError


class RateLimited(AppError):
    status_code = 429
    default_message = "Too many attempts. Please wait a little and try again."


class RateLimiter:
    def __init__(self, *, storage_uri: str, enabled: bool) -> None:
        # The async storages are the "async+" variants of the same URIs.
        uri = storage_uri if storage_uri.startswith("async+") else f"async+{storage_uri}"
        self._strategy = MovingWindowRateLimiter(storage_from_string(uri))
        self._enabled = enabled

    @classmethod
    def from_settings(cls, settings: Settings) -> "RateLimiter":
        return cls(storage_uri=settings.RATE_LIMIT_STORAGE_URI, enabled=settings.RATE_LIMIT_ENABLED)

    async def hit(self, rule: str, *, name: str, identifiers: Sequence[str]) -> None:
        """Count one attempt; raise RateLimited (with Retry-After) when the window is full."""
        if not self._enabled:
            return
        item: RateLimitItem = parse(rule)
        if await self._strategy.hit(item, name, *identifiers):
            return
        stats = await self._strategy.get_window_stats(item, name, *identifiers)
        retry_after_seconds = max(1, math.ceil(stats.reset_time - time.time()))
        raise RateLimited(
            f"Too many attempts. Please try again in {retry_after_seconds} seconds.",
            headers={"Retry-After": str(retry_after_seconds)},
        )


def client_ip(request: Request) -> str:
    # The socket peer. Behind a reverse proxy, uvicorn's --proxy-headers (with --forwarded-allow-ips)
    # rewrites it from X-Forwarded-For; reading that header here would let any client pick its own key.
    return request.client.host if request.client else "unknown"


async def get_rate_limiter(request: Request) -> RateLimiter:  # async: see app.files.dependencies
    limiter: RateLimiter = request.app.state.rate_limiter
    return limiter
