# Production-shaped image: the built SPA and the API in one process (see docker-compose.yml).

FROM node:20-bookworm-slim AS frontend
WORKDIR /build/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npx vite build

FROM python:3.11-slim-bookworm AS app
# libseccomp2: the code sandbox's system-call filter (backend/app/execution; DESIGN.md section 9).
RUN apt-get update && apt-get install -y --no-install-recommends libseccomp2 curl \
    && rm -rf /var/lib/apt/lists/* \
    && pip install --no-cache-dir uv
WORKDIR /app/backend
COPY backend/pyproject.toml backend/uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY backend/ ./
COPY --from=frontend /build/frontend/dist /app/frontend/dist
ENV PATH="/app/backend/.venv/bin:$PATH" \
    FRONTEND_DIST_DIR=/app/frontend/dist \
    PYTHONUNBUFFERED=1
EXPOSE 8000
HEALTHCHECK CMD curl -fsS http://127.0.0.1:8000/api/v1/health || exit 1
CMD ["sh", "-c", "python -m app.prestart && exec uvicorn app.main:app --host 0.0.0.0 --port 8000 --no-access-log --proxy-headers --timeout-keep-alive 65"]
