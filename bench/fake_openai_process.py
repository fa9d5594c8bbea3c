"""Runs the test suite's fake OpenAI server in a process of its own, so a benchmark's client load and the
fake do not share one interpreter. Prints the base URL, then serves until its standard input closes."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend"))

from tests.fakes.openai_server import FakeOpenAI

with FakeOpenAI() as fake:
    # First token at once, then a 40-word reply paced like a real model (about a second in all).
    fake.behave(text=" ".join(["North leads with 1,204 orders."] * 8), chunk_delay_seconds=0.025)
    print(fake.base_url, flush=True)
    sys.stdin.read()
