from dataclasses import dataclass


@dataclass(frozen=True)
class IngestLimits:
    max_upload_bytes: int
    max_uncompressed_bytes: int
    max_columns: int
    max_line_bytes: int
