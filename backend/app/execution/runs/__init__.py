"""Code runs: running library blocks on the user's files, and every run kept (see service)."""
