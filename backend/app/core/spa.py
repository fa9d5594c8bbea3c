"""Serve the built single-page app from the same origin as the API.

Installed as the router's fallback, so it only sees requests no API route matched:
- `/api/...` answers a JSON 404 (an API client must never receive the SPA's HTML);
- `/assets/...` are content-hashed build outputs, cached for a year;
- any other GET is a client-side route (`/settings`, `/reset-password?token=...`): it gets `index.html`,
  never cached, so a reload of a deep link works and a new deployment is picked up at once.
"""

from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.types import Receive, Scope, Send

API_PREFIX = "/api"
LONG_CACHE = "public, max-age=31536000, immutable"
NO_CACHE = "no-cache"

NOT_BUILT_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Red Panda</title></head>
<body><h1>Red Panda</h1>
<p>The API is running, but the frontend is not built yet.
Build it (<code>npm run build</code> in <code>frontend/</code>) or use the Vite dev server.</p>
</body></html>
"""


class SinglePageApp:
    def __init__(self, dist_dir: Path) -> None:
        self.dist_dir = dist_dir.resolve()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = self._respond(Request(scope))
        await response(scope, receive, send)

    def _respond(self, request: Request) -> Response:
        path = request.url.path
        if path == API_PREFIX or path.startswith(API_PREFIX + "/"):
            raise HTTPException(status_code=404, detail=f"No API endpoint at {path}.")
        if request.method not in {"GET", "HEAD"}:
            raise HTTPException(status_code=405, headers={"Allow": "GET, HEAD"})

        index = self.dist_dir / "index.html"
        if not index.is_file():
            return HTMLResponse(NOT_BUILT_PAGE, headers={"Cache-Control": NO_CACHE})

        static_file = self._find_file(path)
        if static_file is not None:
            is_hashed_asset = path.startswith("/assets/")
            cache = LONG_CACHE if is_hashed_asset else NO_CACHE
            return FileResponse(static_file, headers={"Cache-Control": cache})
        if path.startswith("/assets/"):
            # A missing build output must not be answered with HTML the browser would run as a script.
            raise HTTPException(status_code=404, detail=f"No file at {path}.")
        return FileResponse(index, headers={"Cache-Control": NO_CACHE})

    def _find_file(self, url_path: str) -> Path | None:
        relative = url_path.lstrip("/")
        if not relative:
            return None
        candidate = (self.dist_dir / relative).resolve()
        # Refuse anything that escapes the dist folder (../, symlinks pointing outside).
        if not candidate.is_relative_to(self.dist_dir) or not candidate.is_file():
            return None
        return candidate
