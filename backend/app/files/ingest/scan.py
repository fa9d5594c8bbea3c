"""Facts about a file's bytes gathered while they stream past, so nothing reads the file again for them."""


class ByteScan:
    """Size, NUL bytes and the longest line of a stream fed chunk by chunk.

    The longest line is exact whenever it matters, that is when it could pass `line_limit`: lines that
    start and end inside one chunk are bounded by the chunk itself and only measured when that bound
    is over the limit, so the usual cost per chunk is two searches for a newline.
    """

    def __init__(self, *, line_limit: int) -> None:
        self.line_limit = line_limit
        self.size_bytes = 0
        self.has_nul = False
        self.longest_line_bytes = 0
        self._open_line_bytes = 0  # the line still running at the end of the last chunk

    def feed(self, chunk: bytes) -> None:
        self.size_bytes += len(chunk)
        self.has_nul = self.has_nul or b"\x00" in chunk
        first = chunk.find(b"\n")
        if first < 0:
            self._open_line_bytes += len(chunk)
            self._note(self._open_line_bytes)
            return
        self._note(self._open_line_bytes + first + 1)
        last = chunk.rfind(b"\n")
        if last - first > self.line_limit:
            self._note(_longest_line_within(chunk, first, last))
        elif last > first:
            self._note(last - first)
        self._open_line_bytes = len(chunk) - last - 1
        self._note(self._open_line_bytes)

    def _note(self, line_bytes: int) -> None:
        self.longest_line_bytes = max(self.longest_line_bytes, line_bytes)


def _longest_line_within(chunk: bytes, first: int, last: int) -> int:
    longest = 0
    start = first + 1
    while start <= last:
        end = chunk.find(b"\n", start, last + 1)
        longest = max(longest, end - start + 1)
        start = end + 1
    return longest
