from pathlib import Path

import pytest

from app.files.exceptions import EmptyFile, TooManyColumns
from app.files.ingest.layout import normalise_column_names, read_layout
from app.files.ingest.limits import IngestLimits

LIMITS = IngestLimits(
    max_upload_bytes=10**9, max_uncompressed_bytes=10**9, max_columns=100, max_line_bytes=10**6
)


def layout_of(tmp_path: Path, text: str, *, prefer_tab: bool = False) -> tuple[str, list[str]]:
    path = tmp_path / "data.csv"
    path.write_text(text, encoding="utf-8")
    layout = read_layout(path, prefer_tab=prefer_tab, limits=LIMITS)
    return layout.delimiter, layout.column_names


@pytest.mark.parametrize(
    ("text", "delimiter", "names"),
    [
        ("a,b,c\n1,2,3\n", ",", ["a", "b", "c"]),
        ("a;b\n1,5;2,5\n3,1;4\n", ";", ["a", "b"]),
        ("a\tb\n1\t2\n", "\t", ["a", "b"]),
        ("a|b\n1|2\n", "|", ["a", "b"]),
        # One column: the delimiter chosen is one that does not split its values.
        ("note\nhello, world\nfine; thanks\n", "\t", ["note"]),
        ('"x,y";z\n"1,2";3\n', ";", ["x,y", "z"]),
        ("a,b\n1,2\n3\n4,5,6\n7,8\n", ",", ["a", "b"]),
        ("\n\nfirst,second\n1,2\n", ",", ["first", "second"]),
        ("\ufeffid,name\n1,x\n", ",", ["id", "name"]),
        # A semicolon file whose header holds a comma: more columns break the tie.
        ("name;price (€, incl. VAT);qty\nx;1,5;3\n", ";", ["name", "price (€, incl. VAT)", "qty"]),
    ],
)
def test_the_delimiter_and_header_are_found(
    tmp_path: Path, text: str, delimiter: str, names: list[str]
) -> None:
    assert layout_of(tmp_path, text) == (delimiter, names)


def test_tab_is_preferred_for_tsv_files(tmp_path: Path) -> None:
    assert layout_of(tmp_path, "word\nalpha\n", prefer_tab=True) == ("\t", ["word"])
    assert layout_of(tmp_path, "word\nalpha\n") == (",", ["word"])


def test_a_header_longer_than_the_sample_is_read_whole(tmp_path: Path) -> None:
    names = [f"column_name_{i:06d}" for i in range(90)] + ["x" * 2_000_000]
    limits = IngestLimits(
        max_upload_bytes=10**9,
        max_uncompressed_bytes=10**9,
        max_columns=100,
        max_line_bytes=3 * 10**6,
    )
    path = tmp_path / "wide.csv"
    path.write_text(",".join(names) + "\n" + ",".join("1" * len(names)) + "\n")

    layout = read_layout(path, prefer_tab=False, limits=limits)

    assert layout.column_names == names


def test_too_many_columns_are_refused(tmp_path: Path) -> None:
    with pytest.raises(TooManyColumns):
        layout_of(tmp_path, ",".join(f"c{i}" for i in range(101)) + "\n")


def test_a_file_of_blank_lines_is_empty(tmp_path: Path) -> None:
    with pytest.raises(EmptyFile):
        layout_of(tmp_path, "\n\r\n\n")


@pytest.mark.parametrize(
    ("header", "names"),
    [
        (["a", "b"], ["a", "b"]),
        (["", " ", "c"], ["column_1", "column_2", "c"]),
        (["x", "x", "x"], ["x", "x_2", "x_3"]),
        (["x", "x", "x_2"], ["x", "x_3", "x_2"]),
        (["column_2", ""], ["column_2", "column_2_2"]),
        ([" padded ", "padded"], [" padded ", "padded"]),
    ],
)
def test_column_names_change_only_when_they_must(header: list[str], names: list[str]) -> None:
    normalised, renamed = normalise_column_names(header)

    assert normalised == names
    assert [(r.position, r.original, r.name) for r in renamed] == [
        (position, original, name)
        for position, (original, name) in enumerate(zip(header, names, strict=True))
        if original != name
    ]
