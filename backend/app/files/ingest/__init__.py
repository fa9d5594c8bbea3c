"""Turning an uploaded CSV into a Parquet copy and a profile: synchronous code, run in a worker thread."""
