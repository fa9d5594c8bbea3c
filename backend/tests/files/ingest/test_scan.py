import random

import pytest

from app.files.ingest.scan import ByteScan


def scan_in_chunks(data: bytes, chunk_sizes: list[int], *, line_limit: int) -> ByteScan:
    scan = ByteScan(line_limit=line_limit)
    start = 0
    for size in chunk_sizes:
        scan.feed(data[start : start + size])
        start += size
    scan.feed(data[start:])
    return scan


def longest_line(data: bytes) -> int:
    return max(len(line) + 1 for line in data.split(b"\n"))


@pytest.mark.parametrize("seed", range(20))
def test_the_longest_line_is_exact_when_it_passes_the_limit(seed: int) -> None:
    generator = random.Random(seed)
    lines = [b"x" * generator.randrange(0, 300) for _ in range(200)]
    data = b"\n".join(lines) + b"\n"
    chunks = [generator.randrange(1, 2000) for _ in range(40)]

    scan = scan_in_chunks(data, chunks, line_limit=100)

    exact = longest_line(data)
    assert scan.longest_line_bytes == exact
    assert scan.size_bytes == len(data)


def test_a_line_without_an_end_counts_in_full() -> None:
    scan = scan_in_chunks(b"a,b\n" + b"y" * 5000, [1000, 1000], line_limit=10_000)

    assert scan.longest_line_bytes == 5000


def test_short_lines_never_look_longer_than_the_chunks_they_came_in() -> None:
    data = b"1,2\n" * 10_000

    scan = scan_in_chunks(data, [4096] * 9, line_limit=1_000_000)

    assert scan.longest_line_bytes <= 4096


def test_nul_bytes_are_noticed_in_any_chunk() -> None:
    assert not scan_in_chunks(b"a,b\n1,2\n", [3], line_limit=100).has_nul
    assert scan_in_chunks(b"a,b\n1,2\x00\n", [3], line_limit=100).has_nul
