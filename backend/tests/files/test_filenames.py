import pytest
from httpx import AsyncClient

from app.files.filenames import clean_filename
from tests.files.conftest import FILES, multipart_body, multipart_headers


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("sales.csv", "sales.csv"),
        ("../../etc/passwd.csv", "passwd.csv"),
        ("C:\\Users\\ann\\Desktop\\sales.csv", "sales.csv"),
        ("/absolute/path/data.tsv", "data.tsv"),
        ("bad\x00na\x07me\x1b.csv", "badname.csv"),
        ("line\r\nbreak.csv", "line break.csv"),
        ("evil\u202ecsv.exe.csv", "evilcsv.exe.csv"),
        ("  lots   of\tspace .csv ", "lots of space .csv"),
        ("Zoë · données.csv", "Zoë · données.csv"),
        ("folder/", ""),
        ("..", ""),
        ("   ", ""),
    ],
)
def test_file_names_are_cleaned(raw: str, cleaned: str) -> None:
    assert clean_filename(raw) == cleaned


def test_long_names_are_cut_to_255_characters_keeping_the_extension() -> None:
    assert clean_filename("x" * 1000 + ".csv.gz") == "x" * 248 + ".csv.gz"
    assert clean_filename("y" * 1000 + ".txt") == "y" * 251 + ".txt"
    assert clean_filename("z" * 1000) == "z" * 255


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("../../etc/passwd.csv", "passwd.csv"),
        ("C:\\Users\\ann\\sales.csv", "sales.csv"),
        ("re\x07port\x1b\x7f.csv", "report.csv"),
        ("new\tname.csv", "new name.csv"),
        ("n" * 1000 + ".csv", "n" * 251 + ".csv"),
    ],
)
async def test_uploaded_file_names_are_cleaned(
    client: AsyncClient, user_headers: dict[str, str], sent: str, stored: str
) -> None:
    # Written by hand: HTTP clients would escape the control characters themselves.
    body = multipart_body(b"a,b\n1,2\n", filename=sent)

    response = await client.post(FILES, headers=multipart_headers(user_headers), content=body)

    assert response.status_code == 201
    assert response.json()["filename"] == stored


async def test_a_file_name_made_of_utf8_bytes_is_kept(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    # Browsers send the name's UTF-8 bytes as they are in the part header.
    body = multipart_body(b"a,b\n1,2\n", filename="Données €.csv")

    response = await client.post(FILES, headers=multipart_headers(user_headers), content=body)

    assert response.status_code == 201
    assert response.json()["filename"] == "Données €.csv"


async def test_a_file_part_without_a_name_is_stored_as_upload_csv(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    body = multipart_body(b"a,b\n1,2\n", filename="")

    response = await client.post(FILES, headers=multipart_headers(user_headers), content=body)

    assert response.status_code == 201
    assert response.json()["filename"] == "upload.csv"
