"""One HTTP connection pool for every provider call.

An SDK client built with its own pool costs ~20 ms (TLS context and all), which would dominate the time
to the first token; built on this shared pool it costs microseconds. Redirects are not followed: a base
URL that passed the private-address check must not be able to bounce the call elsewhere.

The transport is aiohttp (the SDKs' documented `DefaultAioHttpClient`, installed with their `aiohttp`
extra) rather than httpx's own: its HTTP parser is compiled, and reading a streamed reply costs about a
third less CPU per token, which is most of what a process serving many streams does (docs/benchmarks.md).
Its failures still arrive as httpx2 exceptions (see app.llm.errors for the one it reports wrongly).
"""

import asyncio

import httpx2
import openai

# Enough for hundreds of concurrent streams per process. An idle connection is dropped after 4 s, before
# servers that close theirs at 5 s (uvicorn's and Node's default) can close it just as a question is sent
# on it: that race failed a few questions in a thousand at 200 streams, as "provider unreachable".
LIMITS = httpx2.Limits(max_connections=1000, max_keepalive_connections=200, keepalive_expiry=4.0)

_clients: dict[asyncio.AbstractEventLoop, httpx2.AsyncClient] = {}


def shared_http_client() -> httpx2.AsyncClient:
    """The pool of the running event loop (connections cannot move between loops)."""
    loop = asyncio.get_running_loop()
    client = _clients.get(loop)
    if client is None or client.is_closed:
        for other_loop in [other for other in _clients if other.is_closed()]:
            del _clients[other_loop]
        client = openai.DefaultAioHttpClient(limits=LIMITS, follow_redirects=False)
        _clients[loop] = client
    return client


async def close_shared_http_client() -> None:
    """Close the running loop's pool (at application shutdown)."""
    client = _clients.pop(asyncio.get_running_loop(), None)
    if client is not None:
        await client.aclose()
