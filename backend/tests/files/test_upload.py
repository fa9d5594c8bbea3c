import codecs
import hashlib
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import User
from tests.files.conftest import Upload, file_row_count, gzipped, stored_files

SALES = b"id,product,price,sold_on\n1,Tea,2.5,2024-01-31\n2,Coffee,3.25,2024-02-01\n"


def column(body: dict[str, Any], name: str) -> dict[str, Any]:
    return next(column for column in body["profile"]["columns"] if column["name"] == name)


async def test_upload_stores_the_original_and_a_parquet_copy(
    upload: Upload, user: User, data_dir: Path, db: AsyncSession
) -> None:
    response = await upload(SALES, filename="sales.csv")

    assert response.status_code == 201
    body = response.json()
    assert body["filename"] == "sales.csv"
    assert body["size_bytes"] == len(SALES)
    assert body["sha256"] == hashlib.sha256(SALES).hexdigest()
    assert body["mime_type"] == "text/csv"
    assert (body["row_count"], body["column_count"]) == (2, 4)
    assert (body["encoding"], body["delimiter"], body["compression"]) == ("utf-8", ",", None)
    folder = data_dir / "files" / str(user.id) / body["id"]
    assert stored_files(data_dir) == [folder / "data.parquet", folder / "original"]
    assert (folder / "original").read_bytes() == SALES
    assert await file_row_count(db) == 1


async def test_profile_describes_each_column(upload: Upload) -> None:
    body = (await upload(SALES)).json()

    assert [c["name"] for c in body["profile"]["columns"]] == ["id", "product", "price", "sold_on"]
    assert column(body, "price") == {
        "name": "price",
        "position": 2,
        "type": "float",
        "dtype": "float64",
        "null_count": 0,
        "distinct_count": 2,
        "min": 2.5,
        "max": 3.25,
        "mean": 2.875,
        "top_values": [{"value": 2.5, "count": 1}, {"value": 3.25, "count": 1}],
    }
    assert body["profile"]["sample_rows"] == [
        [1, "Tea", 2.5, "2024-01-31"],
        [2, "Coffee", 3.25, "2024-02-01"],
    ]
    assert body["profile"]["warnings"] == []
    assert body["profile"]["renamed_columns"] == []
    assert body["profile"]["skipped_rows"] == 0


async def test_types_are_inferred_for_every_kind_of_column(upload: Upload) -> None:
    rows = [
        f"{i},{i * 1.5},{'true' if i % 2 else 'false'},2024-03-{i + 1:02d},"
        f"2024-03-{i + 1:02d}T10:{i:02d}:00,note number {i},{'red' if i % 3 else 'blue'},10:{i:02d}"
        for i in range(30)
    ]
    content = ("n,x,flag,day,moment,note,colour,clock\n" + "\n".join(rows) + "\n").encode()

    body = (await upload(content)).json()

    types = {c["name"]: (c["type"], c["dtype"]) for c in body["profile"]["columns"]}
    assert types == {
        "n": ("integer", "int64"),
        "x": ("float", "float64"),
        "flag": ("boolean", "bool"),
        "day": ("date", "datetime64[ms]"),
        "moment": ("datetime", "datetime64[s]"),
        "note": ("text", "str"),
        "colour": ("categorical", "str"),
        "clock": ("text", "str"),
    }
    assert (column(body, "day")["min"], column(body, "day")["max"]) == ("2024-03-01", "2024-03-30")
    assert column(body, "moment")["min"] == "2024-03-01T10:00:00"
    assert column(body, "moment")["max"] == "2024-03-30T10:29:00"
    assert column(body, "n")["mean"] == 14.5
    assert column(body, "note")["top_values"] is None
    assert column(body, "colour")["top_values"] == [
        {"value": "red", "count": 20},
        {"value": "blue", "count": 10},
    ]
    assert column(body, "flag")["top_values"] == [
        {"value": False, "count": 15},
        {"value": True, "count": 15},
    ]


async def test_missing_values_are_counted_and_widen_integer_columns(upload: Upload) -> None:
    content = b"a,b,c\n1,x,\n,NA,\n3,,\n4,y,\n"

    body = (await upload(content)).json()

    a, b, c = body["profile"]["columns"]
    assert (a["type"], a["dtype"], a["null_count"], a["distinct_count"]) == (
        "integer",
        "float64",
        1,
        3,
    )
    assert (b["null_count"], b["distinct_count"]) == (2, 2)
    assert (c["type"], c["null_count"], c["distinct_count"], c["min"]) == ("text", 4, 0, None)
    assert body["profile"]["sample_rows"][1] == [None, None, None]


async def test_the_parquet_copy_loads_in_pandas_with_the_profiled_dtypes(
    upload: Upload, user: User, data_dir: Path
) -> None:
    content = b"n,maybe,flag,day,label\n1,1,true,2024-01-01,a\n2,,false,2024-01-02,b\n"

    body = (await upload(content)).json()

    parquet = data_dir / "files" / str(user.id) / body["id"] / "data.parquet"
    frame = pd.read_parquet(parquet)
    assert [str(dtype) for dtype in frame.dtypes] == [
        c["dtype"] for c in body["profile"]["columns"]
    ]
    assert list(frame.columns) == ["n", "maybe", "flag", "day", "label"]
    assert frame["day"].iloc[1] == pd.Timestamp("2024-01-02")


@pytest.mark.parametrize(
    ("encoding", "raw", "detected"),
    [
        ("utf-8", "name,city\nZoë,Zürich\n€uro,Kraków\n".encode(), "utf-8"),
        (
            "utf-8 with BOM",
            codecs.BOM_UTF8 + "name,city\nZoë,Zürich\n€uro,Kraków\n".encode(),
            "utf-8-sig",
        ),
        (
            "utf-16 LE",
            codecs.BOM_UTF16_LE + "name,city\nZoë,Zürich\n€uro,Kraków\n".encode("utf-16-le"),
            "utf-16-le",
        ),
        (
            "utf-16 BE",
            codecs.BOM_UTF16_BE + "name,city\nZoë,Zürich\n€uro,Kraków\n".encode("utf-16-be"),
            "utf-16-be",
        ),
    ],
)
async def test_unicode_encodings_are_detected(
    upload: Upload, encoding: str, raw: bytes, detected: str
) -> None:
    response = await upload(raw)

    assert response.status_code == 201, encoding
    body = response.json()
    assert body["encoding"] == detected
    assert [c["name"] for c in body["profile"]["columns"]] == ["name", "city"]
    assert body["profile"]["sample_rows"] == [["Zoë", "Zürich"], ["€uro", "Kraków"]]


async def test_windows_1252_is_the_fallback(upload: Upload) -> None:
    raw = "product;price\nCafé crème;3 €\nThé;2 €\n".encode("cp1252")

    body = (await upload(raw)).json()

    assert (body["encoding"], body["delimiter"]) == ("windows-1252", ";")
    assert body["profile"]["sample_rows"] == [["Café crème", "3 €"], ["Thé", "2 €"]]


async def test_windows_1252_after_a_long_utf8_looking_start_is_read_again(upload: Upload) -> None:
    # The first megabyte is plain ASCII (valid UTF-8); "é" in Windows-1252 only comes later.
    ascii_rows = "".join(f"{i},plain\n" for i in range(150_000))
    raw = ("id,word\n" + ascii_rows + "150000,café\n").encode("cp1252")
    assert len(raw) > 1024 * 1024

    body = (await upload(raw)).json()

    assert body["encoding"] == "windows-1252"
    assert body["row_count"] == 150_001
    assert column(body, "word")["top_values"] == [
        {"value": "plain", "count": 150_000},
        {"value": "café", "count": 1},
    ]


@pytest.mark.parametrize(
    ("delimiter", "filename"),
    [
        (",", "data.csv"),
        (";", "data.csv"),
        ("\t", "data.csv"),
        ("|", "data.txt"),
        ("\t", "data.tsv"),
    ],
)
async def test_delimiters_are_detected(upload: Upload, delimiter: str, filename: str) -> None:
    rows = ["city,country,population", "Paris,France,2100000", "Lyon,France,520000"]
    # Commas inside quoted values must not mislead the detection.
    content = "\n".join(
        delimiter.join(
            f'"{value}, really"' if value == "Lyon" else value for value in row.split(",")
        )
        for row in rows
    )

    body = (await upload(content.encode(), filename=filename)).json()

    assert body["delimiter"] == delimiter
    assert body["column_count"] == 3
    assert body["profile"]["sample_rows"][1] == ["Lyon, really", "France", 520000]


async def test_a_single_column_tsv_file_keeps_tab_as_its_delimiter(upload: Upload) -> None:
    body = (await upload(b"word\nalpha\nbeta\n", filename="words.tsv")).json()

    assert (body["delimiter"], body["column_count"]) == ("\t", 1)


async def test_quoted_fields_may_hold_delimiters_quotes_and_line_breaks(upload: Upload) -> None:
    content = b'id,comment\n1,"hello, world"\n2,"line one\nline two"\n3,"say ""hi"""\n'

    body = (await upload(content)).json()

    assert body["row_count"] == 3
    assert body["profile"]["sample_rows"] == [
        [1, "hello, world"],
        [2, "line one\nline two"],
        [3, 'say "hi"'],
    ]


async def test_gzip_files_are_expanded(upload: Upload) -> None:
    raw = gzipped(SALES)

    body = (await upload(raw, filename="sales.csv.gz", content_type="application/gzip")).json()

    assert body["compression"] == "gzip"
    assert body["mime_type"] == "application/gzip"
    assert body["size_bytes"] == len(raw)
    assert body["sha256"] == hashlib.sha256(raw).hexdigest()
    assert (body["row_count"], body["column_count"]) == (2, 4)


async def test_ragged_rows_are_skipped_and_reported(upload: Upload) -> None:
    content = b"a,b\n1,2\n3\n4,5\n6,7,8\n9,10\n"

    body = (await upload(content)).json()

    assert body["row_count"] == 3
    assert body["profile"]["skipped_rows"] == 2
    assert body["profile"]["warnings"] == [
        "2 rows had the wrong number of fields and were skipped (lines 3, 5)."
    ]


async def test_many_ragged_rows_report_the_first_few_lines(upload: Upload) -> None:
    content = b"a,b\n" + b"1,2\n1\n" * 10

    body = (await upload(content)).json()

    assert body["profile"]["skipped_rows"] == 10
    assert body["profile"]["warnings"] == [
        "10 rows had the wrong number of fields and were skipped (lines 3, 5, 7, 9, 11, …)."
    ]


async def test_blank_and_duplicate_column_names_get_visible_replacements(upload: Upload) -> None:
    content = b'id,,name,name,"",name_2,id\n1,2,3,4,5,6,7\n'

    body = (await upload(content)).json()

    names = [c["name"] for c in body["profile"]["columns"]]
    assert names == ["id", "column_2", "name", "name_3", "column_5", "name_2", "id_2"]
    assert body["profile"]["renamed_columns"] == [
        {"position": 1, "original": "", "name": "column_2"},
        {"position": 3, "original": "name", "name": "name_3"},
        {"position": 4, "original": "", "name": "column_5"},
        {"position": 6, "original": "id", "name": "id_2"},
    ]


async def test_quoted_header_names_are_kept_whole(upload: Upload) -> None:
    content = b'"Last, first","Amount ($)"\n"Doe, Jane",10\n'

    body = (await upload(content)).json()

    assert [c["name"] for c in body["profile"]["columns"]] == ["Last, first", "Amount ($)"]


async def test_a_file_with_three_thousand_columns_is_accepted(upload: Upload) -> None:
    header = ",".join(f"c{i}" for i in range(3000))
    rows = "\n".join(",".join(str(r * i) for i in range(3000)) for r in range(3))

    response = await upload(f"{header}\n{rows}\n".encode())

    assert response.status_code == 201
    assert response.json()["column_count"] == 3000
    assert response.json()["row_count"] == 3


async def test_long_text_is_cut_in_samples_but_kept_in_the_data(
    upload: Upload, user: User, data_dir: Path
) -> None:
    long_text = "x" * 5000
    body = (await upload(f"id,text\n1,{long_text}\n".encode())).json()

    assert body["profile"]["sample_rows"][0][1] == "x" * 1000 + "…"
    parquet = data_dir / "files" / str(user.id) / body["id"] / "data.parquet"
    assert pd.read_parquet(parquet)["text"].iloc[0] == long_text


async def test_a_file_larger_than_the_json_body_limit_is_accepted(upload: Upload) -> None:
    rows = "".join(f"{i},{i * 2}\n" for i in range(200_000))
    content = f"a,b\n{rows}".encode()
    assert len(content) > 1024 * 1024

    response = await upload(content)

    assert response.status_code == 201
    assert response.json()["row_count"] == 200_000
