"""The CSV reading exported scripts and notebooks carry: it must read files as the app does."""

import gzip
from pathlib import Path

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from app.code_blocks.export_loader import csv_layout, dataset_names, load_frames, read_data_file
from app.conversations.prompt import dataset_names as names_the_model_sees

# File names made of pieces the naming rules care about: extensions, case, digits, reserved names.
PIECES = [*"abcXYZ019 _-.()éß", ".csv", ".CSV", ".tsv", ".gz", "df", "class", "result"]
FILENAME = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(FILENAME, min_size=1, max_size=5))
def test_dfs_keys_are_the_names_the_model_was_given(filenames: list[str]) -> None:
    assert dataset_names(filenames) == names_the_model_sees(filenames)


def test_the_delimiter_under_which_the_rows_agree_with_the_header() -> None:
    assert csv_layout("region;amount\nNorth;1,5\nSouth;2,25\n") == (";", ["region", "amount"])
    assert csv_layout('a,b\n"x;y",1\n"z;w",2\n') == (",", ["a", "b"])
    assert csv_layout("a\tb|c\n1\t2|3\n") == ("\t", ["a", "b|c"])
    assert csv_layout("name\nAda\nBo\n") == (",", ["name"])
    # A .tsv file prefers tabs when tabs and commas read it equally well.
    assert csv_layout("a,b\tc\n", ("\t", ",", ";", "|")) == ("\t", ["a,b", "c"])


def test_encodings_compression_names_and_dates(tmp_path: Path) -> None:
    text = "city;;city;day;amount\nCafé;x;Köln;2024-03-01;1.5\nSão Paulo;y;Zürich;2024-03-02;2\n"
    (tmp_path / "latin.csv").write_bytes(text.encode("cp1252", errors="replace"))
    (tmp_path / "bom.csv").write_bytes(text.encode("utf-8-sig"))
    (tmp_path / "wide.csv").write_bytes(text.encode("utf-16"))
    (tmp_path / "packed.csv.gz").write_bytes(gzip.compress(text.encode("utf-8")))

    for name in ("bom.csv", "wide.csv", "packed.csv.gz"):
        frame = read_data_file(tmp_path / name)
        assert list(frame.columns) == ["city", "column_2", "city_2", "day", "amount"], name
        assert frame["city"].tolist() == ["Café", "São Paulo"]
        assert str(frame["day"].dtype).startswith("datetime64")
        assert frame["amount"].sum() == 3.5
    assert read_data_file(tmp_path / "latin.csv")["city_2"].tolist() == ["Köln", "Zürich"]


def test_text_that_only_starts_like_a_date_stays_text(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("when,n\n2024-01-01,1\nsoon,2\n")

    assert read_data_file(tmp_path / "notes.csv")["when"].tolist() == ["2024-01-01", "soon"]


def test_frames_by_name_first_file_first(tmp_path: Path) -> None:
    (tmp_path / "Sales 2024.csv").write_text("a\n1\n")
    (tmp_path / "df.csv").write_text("b\n2\n")

    frames = load_frames([tmp_path / "Sales 2024.csv", str(tmp_path / "df.csv")])

    assert list(frames) == ["sales_2024", "df_data"]
    pd.testing.assert_frame_equal(frames["df_data"], pd.DataFrame({"b": [2]}))
