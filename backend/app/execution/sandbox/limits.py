"""What one run may use, as sent from the app to the sandbox (plain JSON, the same on both sides)."""

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class RunLimits:
    timeout_seconds: float
    memory_bytes: int
    cpu_seconds: int
    max_processes: int
    max_open_files: int
    max_write_bytes: int
    max_output_bytes: int
    max_csv_bytes: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "RunLimits":
        return cls(**{name: data[name] for name in cls.__dataclass_fields__})
