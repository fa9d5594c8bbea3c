"""The floor under the chat benchmark: a question's path with the app's parts and none of its code.

uvicorn (uvloop, httptools), one PostgreSQL read, the question stored and committed while the provider
is asked through the openai SDK (its generic `post` over aiohttp, as app.llm.openai_provider asks), and
each chunk sent on as a `delta` event. What the app adds on top (the token, ownership, the ORM, FastAPI,
the prompt, the reply's row) is the rest of what bench/chat_stream.py measures. Started by
bench/chat_floor.py (as bench_app.BenchApp starts the app) with DATABASE_URL and FLOOR_PROVIDER_URL.
"""

import asyncio
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import openai
import psycopg
from openai.types.chat import ChatCompletion
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route


class Floor:
    connection: psycopg.AsyncConnection
    provider: openai.AsyncOpenAI


floor = Floor()


@asynccontextmanager
async def lifespan(_: Starlette) -> AsyncIterator[None]:
    # psycopg's own form of SQLAlchemy's postgresql+psycopg:// URL.
    database_url = os.environ["DATABASE_URL"].replace("+psycopg", "", 1)
    floor.connection = await psycopg.AsyncConnection.connect(database_url)
    await floor.connection.execute(
        "CREATE TABLE IF NOT EXISTS floor_question (id serial PRIMARY KEY, content text)"
    )
    await floor.connection.commit()
    floor.provider = openai.AsyncOpenAI(
        api_key="sk-floor",
        base_url=os.environ["FLOOR_PROVIDER_URL"],
        max_retries=0,
        http_client=openai.DefaultAioHttpClient(),
    )
    yield
    await floor.provider.close()
    await floor.connection.close()


async def ask(content: str) -> openai.AsyncStream[object]:
    return await floor.provider.post(
        "/chat/completions",
        body={"model": "floor", "messages": [{"role": "user", "content": content}], "stream": True},
        cast_to=ChatCompletion,
        stream=True,
        stream_cls=openai.AsyncStream[object],
    )


async def question(request: Request) -> Response:
    content = (await request.json())["content"]
    connection = floor.connection  # one stream at a time: one connection
    await (await connection.execute("SELECT count(*) FROM floor_question")).fetchone()
    upstream = asyncio.create_task(ask(content))
    await connection.execute("INSERT INTO floor_question (content) VALUES (%s)", (content,))
    await connection.commit()
    chunks = await upstream

    async def events() -> AsyncIterator[bytes]:
        async for chunk in chunks:
            yield b"event: delta\ndata: " + json.dumps(chunk).encode() + b"\n\n"

    return StreamingResponse(events(), media_type="text/event-stream")


async def health(_: Request) -> Response:
    return Response("ok")


app = Starlette(
    routes=[Route("/ask", question, methods=["POST"]), Route("/health", health)],
    lifespan=lifespan,
)
