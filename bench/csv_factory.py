"""Realistic CSVs for benchmarks: sales lines with ids, dates, categories, numbers, flags and free text."""

import csv
import random
from datetime import date, timedelta
from pathlib import Path

REGIONS = ["North", "South", "East", "West", "Central", "Overseas"]
PRODUCTS = [f"Product {letter}{number}" for letter in "ABCDEFGH" for number in range(1, 26)]
CHANNELS = ["web", "store", "phone", "partner"]
WORDS = [
    "quick",
    "delivery",
    "great",
    "price",
    "late",
    "broken",
    "refund",
    "excellent",
    "support",
    "slow",
    "friendly",
    "repeat",
    "order",
    "gift",
]


def write_sales_csv(path: Path, *, size_bytes: int, seed: int = 7) -> Path:
    """Writes rows until the file reaches `size_bytes`; the same seed gives the same file."""
    rng = random.Random(seed)
    start = date(2022, 1, 1)
    with path.open("w", newline="", encoding="utf-8") as target:
        writer = csv.writer(target)
        writer.writerow(
            [
                "order_id",
                "order_date",
                "region",
                "product",
                "channel",
                "quantity",
                "unit_price",
                "discount",
                "revenue",
                "returned",
                "customer",
                "comment",
            ]
        )
        order_id = 0
        while target.tell() < size_bytes:
            rows = []
            for _ in range(1000):
                order_id += 1
                quantity = rng.randint(1, 20)
                price = round(rng.uniform(2, 500), 2)
                discount = round(rng.choice([0, 0, 0, 0.05, 0.1, 0.2]), 2)
                comment = " ".join(rng.choices(WORDS, k=rng.randint(0, 8)))
                rows.append(
                    [
                        order_id,
                        (start + timedelta(days=rng.randint(0, 1000))).isoformat(),
                        rng.choice(REGIONS),
                        rng.choice(PRODUCTS),
                        rng.choice(CHANNELS),
                        quantity,
                        price,
                        discount if rng.random() > 0.02 else "",
                        round(quantity * price * (1 - discount), 2),
                        rng.random() < 0.04,
                        f"Customer {rng.randint(1, 50_000)}",
                        f"{comment}, really" if comment and rng.random() < 0.1 else comment,
                    ]
                )
            writer.writerows(rows)
    return path
