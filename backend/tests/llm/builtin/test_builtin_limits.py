"""What the built-in assistant says when it cannot help: plainly, with what it can do and how to add a
key."""

from tests.llm.builtin.conftest import ALL_TEXT, SALES, ask


async def test_without_a_file_it_asks_for_one_and_explains_itself() -> None:
    reply = await ask("What is the average revenue by region?", [])

    assert reply.startswith("**Built-in offline assistant**")
    assert "without an API key and without the internet" in reply
    assert "Attach a CSV file" in reply
    assert "OpenAI or Anthropic key" in reply
    assert "Settings → API keys" in reply
    assert "```" not in reply


async def test_a_question_outside_its_reach_gets_an_honest_answer() -> None:
    reply = await ask("Why did sales drop, and what should we do about it?", [SALES])

    assert "I did not understand this request" in reply
    assert "not a language model" in reply
    assert "aggregate by group" in reply
    assert "Settings → API keys" in reply
    assert "```" not in reply


async def test_an_analysis_the_data_cannot_support_says_why() -> None:
    reply = await ask("correlation between the columns", [ALL_TEXT])

    assert "I cannot answer this one: a correlation needs at least two numeric columns" in reply
    assert "notes.csv" in reply


async def test_a_line_chart_without_dates_says_why() -> None:
    reply = await ask("plot a line chart over time", [ALL_TEXT])

    assert "```" not in reply
    assert "Settings → API keys" in reply


async def test_streaming_is_word_sized_and_reports_no_tokens() -> None:
    # `ask` checks the pieces and the zero usage.
    reply = await ask("how many rows", [SALES])

    assert "result = len(df)" in reply


async def test_reply_streams_identically_each_time() -> None:
    first = await ask("average revenue by region", [SALES])
    second = await ask("average revenue by region", [SALES])

    assert first == second
