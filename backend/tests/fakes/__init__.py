"""Local servers that speak the OpenAI and Anthropic wire formats, for tests, browser tests and benchmarks.

    with FakeOpenAI() as fake:                     # or the `fake_openai` pytest fixture
        client = AsyncOpenAI(api_key="sk-test", base_url=fake.base_url)
        fake.behave(text="Hello there", input_tokens=30, output_tokens=5)
        ...
        fake.chat_requests[-1].json["messages"]  # what the prompt contained
        fake.chat_requests[-1].api_key          # the key as sent (Authorization: Bearer, or x-api-key)

`base_url` is what the SDK takes: `http://127.0.0.1:<port>/v1` for OpenAI (its base URLs end in /v1),
`http://127.0.0.1:<port>` for Anthropic. Every request is recorded in `requests`.

Scripting (see `Script` for every field): `behave(**fields)` sets the behaviour of every following chat
request; `enqueue(**fields)` scripts only the next one (then `behave`'s applies again); `reset()` goes back
to defaults. Failures: `error=` one of "unauthorized", "rate_limited" (with `retry_after_seconds`),
"quota_exhausted", "model_not_found", "context_too_long", "server_error"; `cut_after_chunks=N` closes the
connection after N text chunks; `first_token_delay_seconds` delays the first chunk; `chunk_delay_seconds`
paces the rest. `models_error=` makes the model list fail the same ways, `models_delay_seconds` makes
it slow. `accepted_keys = {...}` rejects every other key with 401 (the error message echoes the key, as
a careless provider might).
`streams_disconnected` counts streams the client closed early; `wait_for_disconnect()` waits for one.
"""

from tests.fakes.anthropic_server import FakeAnthropic
from tests.fakes.openai_server import FakeOpenAI
from tests.fakes.server import FakeError, FakeProviderServer, RecordedRequest, Script

__all__ = [
    "FakeAnthropic",
    "FakeError",
    "FakeOpenAI",
    "FakeProviderServer",
    "RecordedRequest",
    "Script",
]
