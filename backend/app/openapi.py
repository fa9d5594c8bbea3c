"""Print the OpenAPI schema as JSON (the frontend's client is generated from it)."""

import json

from app.main import app

if __name__ == "__main__":
    print(json.dumps(app.openapi(), indent=2))  # noqa: T201 - this module's output is the schema
