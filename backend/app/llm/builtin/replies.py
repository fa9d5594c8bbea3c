"""The built-in assistant's words: a labelled reply with code, or a plain account of what it can do."""

from app.llm.base import ChatRequest
from app.llm.builtin.code import Code
from app.llm.builtin.conditions import describe_conditions
from app.llm.builtin.intents import Intent, Plan, plan_for
from app.llm.builtin.templates import render

LABEL = "**Built-in offline assistant**"
MAX_QUESTION_CHARACTERS = 2000
CAPABILITIES = """I can write pandas code for these requests about an attached CSV file:

- an **overview** or summary (size, column types, statistics), or the **first rows**
- the **number of rows**, and **missing values** per column
- an **aggregate by group**, e.g. "average price by region" or "number of orders per customer"
- the **top or bottom N**, e.g. "top 5 products by revenue"
- **value counts** of a column, and **correlations** between numeric columns
- **filters**, e.g. "rows where price > 100 and region is North"
- simple **charts**: a bar chart by group, a histogram, a line over a date column

Name the columns as they appear in the file (case and underscores do not matter)."""
ADD_A_KEY = (
    "For anything else (open questions, explanations, multi-step analyses), add an OpenAI or "
    "Anthropic key, or an OpenAI-compatible server such as Ollama, in **Settings → API keys**, "
    "then pick it in the model picker."
)


def compose_reply(request: ChatRequest) -> str:
    question = next((turn.content for turn in reversed(request.turns) if turn.role == "user"), "")
    # A question this long is not one of the short requests it knows; reading it all would be slow.
    question = question[:MAX_QUESTION_CHARACTERS]
    plan = plan_for(question, request.datasets)
    if plan is None:
        return (
            f"{LABEL}: I run without an API key and without the internet, and I only work with "
            "attached data. **Attach a CSV file** to this conversation (Attach file), then ask "
            f"again.\n\n{CAPABILITIES}\n\n{ADD_A_KEY}"
        )
    code = render(plan)
    if code is None:
        return _cannot(plan)
    return _reply(plan, code)


def _reply(plan: Plan, code: Code) -> str:
    sentence = code.sentence
    if plan.conditions and plan.intent != Intent.FILTER:
        sentence += f" It only uses the rows where {describe_conditions(plan.conditions)}."
    if plan.guessed:
        named = [c.name for c in (plan.group, plan.value) if c is not None]
        sentence += (
            f" You did not name {'a column' if len(named) == 1 else 'the columns'}, so I picked "
            + " and ".join(f"`{name}`" for name in named)
            + ": name others in your question to change that."
        )
    if plan.dataset_index != 0:
        sentence += f' It uses `dfs["{plan.dataset.name}"]`.'
    return f"{LABEL}: {sentence}\n\n```python\n{code.text}\n```\n\n{code.note}"


def _cannot(plan: Plan) -> str:
    reasons = {
        Intent.CORRELATION: "a correlation needs at least two numeric columns, and "
        f"**{plan.dataset.filename}** has fewer.",
        Intent.LINE_CHART: f"a line over time needs a date column, and **{plan.dataset.filename}** "
        "has none I recognise.",
        Intent.HISTOGRAM: "a histogram needs a numeric column, and I found none to use.",
        Intent.TOP_N: "a top-N list needs a numeric column to rank by, and I found none to use.",
        Intent.AGGREGATE: "I could not tell which columns to aggregate; name them in your question.",
        Intent.BAR_CHART: "a bar chart needs a column to group by, and I found none to use.",
        Intent.VALUE_COUNTS: "I could not tell which column to count; name it in your question.",
    }
    reason = reasons.get(plan.intent)
    opening = (
        f"{LABEL}: I cannot answer this one: {reason}"
        if reason
        else f"{LABEL}: I did not understand this request. I am not a language model: I only "
        "recognise a few common analyses."
    )
    return f"{opening}\n\n{CAPABILITIES}\n\n{ADD_A_KEY}"
