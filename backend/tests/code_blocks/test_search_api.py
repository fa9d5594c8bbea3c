from httpx import AsyncClient
from sqlmodel.ext.asyncio.session import AsyncSession

from tests.code_blocks.library import edit, found_titles, save_snippet, search
from tests.conftest import auth_headers, make_user


async def test_a_title_match_ranks_above_a_code_only_match(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    await save_snippet(client, user_headers, "x = 1", title="Revenue forecast")
    await save_snippet(
        client,
        user_headers,
        'revenue = df["amount"] * df["price"]\nresult = revenue.sum()',
        title="Something newer",
    )
    await save_snippet(client, user_headers, "y = 2", title="Unrelated")

    for match in ("words", "any"):
        titles = await found_titles(client, user_headers, q="revenue", match=match)
        assert titles == ["Revenue forecast", "Something newer"], match


async def test_words_are_stemmed_combined_and_can_be_excluded(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    await save_snippet(client, user_headers, "x = 1", title="Forecast the monthly revenue")
    await save_snippet(client, user_headers, "x = 1", title="Revenue by region")
    await save_snippet(
        client, user_headers, "x = 1", title="Cohorts", description="Customers grouped by region."
    )

    async def words(q: str) -> list[str]:
        return sorted(await found_titles(client, user_headers, q=q, match="words"))

    assert await words("forecasting") == ["Forecast the monthly revenue"]
    assert await words("revenue region") == ["Revenue by region"]
    assert await words("revenue -region") == ["Forecast the monthly revenue"]
    assert await words('"monthly revenue"') == ["Forecast the monthly revenue"]
    assert await words('"revenue monthly"') == []
    assert await words("grouping customer") == ["Cohorts"]
    assert await words("forec") == []
    # An English stop word is still a word as written.
    assert await words("the") == ["Forecast the monthly revenue"]
    assert await words("...") == []


async def test_words_find_identifiers_imports_and_names_in_code(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    code = (
        "import matplotlib.pyplot as plt\n\n"
        "def monthly_totals(frame):\n"
        '    return frame.groupby("month")["amount"].sum()\n\n'
        "result = monthly_totals(df)\n"
    )
    await save_snippet(client, user_headers, code, title="Chart")
    await save_snippet(client, user_headers, "x = 1", title="Other")

    for q in ("groupby", "df.groupby", "matplotlib.pyplot", "pyplot", "monthly_totals", "MONTH"):
        assert await found_titles(client, user_headers, q=q, match="words") == ["Chart"], q


async def test_substring_finds_part_of_an_identifier_ignoring_case(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    await save_snippet(
        client, user_headers, 'top = df.nlargest(5, "amount")', title="Largest orders"
    )
    await save_snippet(client, user_headers, "rate = 100 * share", title="Share of 100%")
    await save_snippet(client, user_headers, "x = 1", title="Other")

    async def part(q: str) -> list[str]:
        return await found_titles(client, user_headers, q=q, match="substring")

    assert await part("NLARG") == ["Largest orders"]
    assert await part("nlargest(5") == ["Largest orders"]
    assert await part("100%") == ["Share of 100%"]
    assert await part("100") == ["Share of 100%"]
    assert await part("_") == []
    assert await part("nlarge st") == []


async def test_substring_ranks_title_then_description_then_code(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    await save_snippet(client, user_headers, "margin = 1", title="In the code")
    await save_snippet(
        client, user_headers, "x = 1", title="In the description", description="margins"
    )
    await save_snippet(client, user_headers, "x = 1", title="Margin in the title")

    titles = await found_titles(client, user_headers, q="margin", match="substring")

    assert titles == ["Margin in the title", "In the description", "In the code"]


async def test_any_puts_full_text_matches_before_substring_matches(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    await save_snippet(client, user_headers, "x = 1", title="Sales per region")
    await save_snippet(client, user_headers, "regional_totals = df.sum()", title="Newer, code only")
    await save_snippet(client, user_headers, "x = 1", title="Unrelated")

    assert await found_titles(client, user_headers, q="region") == [
        "Sales per region",
        "Newer, code only",
    ]
    assert await found_titles(client, user_headers, q="region", match="words") == [
        "Sales per region"
    ]
    assert await found_titles(client, user_headers, q="egiona") == ["Newer, code only"]


async def test_sort_overrides_relevance(client: AsyncClient, user_headers: dict[str, str]) -> None:
    await save_snippet(client, user_headers, "x = 1", title="Revenue, in the title")
    await save_snippet(client, user_headers, "revenue = 1", title="Code only")

    newest = await found_titles(client, user_headers, q="revenue", sort="newest")

    assert newest == ["Code only", "Revenue, in the title"]


async def test_only_latest_versions_are_searched(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    first = await save_snippet(client, user_headers, "alpha_marker = 1", title="Markers")
    await edit(client, user_headers, first["id"], code="beta_marker = 1")

    for match in ("any", "words", "substring"):
        assert await found_titles(client, user_headers, q="alpha_marker", match=match) == []
        assert await found_titles(client, user_headers, q="beta_marker", match=match) == ["Markers"]


async def test_search_never_finds_another_users_blocks(
    client: AsyncClient, db: AsyncSession, user_headers: dict[str, str]
) -> None:
    other = auth_headers(await make_user(db))
    await save_snippet(client, other, "secret_revenue = 1", title="Their revenue", tags=["x"])

    for params in [{}, {"q": "revenue"}, {"q": "secret_rev", "match": "substring"}, {"tag": "x"}]:
        assert await search(client, user_headers, **params) == {"data": [], "count": 0}


async def test_a_blank_search_lists_everything(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    await save_snippet(client, user_headers, "x = 1", title="One")
    await save_snippet(client, user_headers, "x = 2", title="Two")

    assert await found_titles(client, user_headers, q="   ") == ["Two", "One"]


async def test_the_summary_has_what_the_library_shows(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    code = "\n".join(f"line_{n} = {n}" for n in range(40))
    saved = await save_snippet(client, user_headers, code, title="Long", tags=["t"])

    entry = (await search(client, user_headers))["data"][0]

    assert set(entry) == {
        "id",
        "lineage_id",
        "version",
        "versions_count",
        "title",
        "description",
        "language",
        "code_preview",
        "tags",
        "imports",
        "columns_referenced",
        "source",
        "conversation_id",
        "conversation_title",
        "executed_successfully",
        "run_count",
        "distinct_file_count",
        "has_syntax_error",
        "created_at",
        "updated_at",
    }
    assert entry["code_preview"] == "\n".join(code.splitlines()[:12])
    assert {key: entry[key] for key in ("id", "title", "tags", "created_at")} == {
        key: saved[key] for key in ("id", "title", "tags", "created_at")
    }
