"""The FastAPI application: API under /api/v1, the built frontend at /."""

import gc
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute

from app.api_keys.router import router as api_keys_router
from app.auth.router import router as auth_router
from app.code_blocks.router import conversation_export_router
from app.code_blocks.router import router as code_blocks_router
from app.conversations.router import router as conversations_router
from app.core.body_limit import BodySizeLimitMiddleware
from app.core.config import Settings, settings
from app.core.db import create_engine, create_session_factory
from app.core.errors import register_error_handlers
from app.core.rate_limit import RateLimiter
from app.core.request_logging import RequestLoggingMiddleware, configure_logging
from app.core.sentry import init_sentry
from app.core.spa import SinglePageApp
from app.execution.client import Sandbox, SandboxConfig
from app.execution.runs.router import router as runs_router
from app.files.router import router as files_router
from app.files.storage import FileStorage, LocalFileStorage
from app.health.router import router as health_router
from app.llm.http import close_shared_http_client
from app.llm.router import router as llm_router
from app.users import service as users_service
from app.users.router import admin_router as users_admin_router
from app.users.router import router as users_router

API_PREFIX = "/api/v1"
# Streamed multipart uploads, capped by MAX_UPLOAD_BYTES as they arrive (files.upload), not by the JSON limit.
STREAMED_UPLOADS = frozenset({("POST", f"{API_PREFIX}/files/")})
# Uploads take seconds: a staging folder this old was left by a process that stopped mid-upload.
STALE_STAGING_SECONDS = 24 * 60 * 60


def operation_id(route: APIRoute) -> str:
    # The handler's name is the generated client's function name: read_user_me, list_users...
    return route.name


def build_api_router() -> APIRouter:
    api = APIRouter(prefix=API_PREFIX)
    api.include_router(auth_router)
    # Self-service routes first: /users/me must win over the administrators' /users/{user_id}.
    api.include_router(users_router)
    api.include_router(users_admin_router)
    api.include_router(files_router)
    api.include_router(conversations_router)
    api.include_router(conversation_export_router)
    api.include_router(runs_router)  # before code_blocks_router: /code-blocks/stats
    api.include_router(code_blocks_router)
    api.include_router(api_keys_router)
    api.include_router(llm_router)
    api.include_router(health_router)
    return api


def _freeze_start_up_objects() -> None:
    # The ~400,000 objects start-up leaves (imported modules, pandas...) live as long as the
    # process: out of the collector's sight, a full collection takes milliseconds instead of ~300.
    # Once per process: later apps (tests make many) must stay collectable.
    if gc.get_freeze_count() == 0:
        gc.collect()
        gc.freeze()


def build_lifespan(
    app_settings: Settings,
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(app_settings.DATABASE_URL)
        app.state.session_factory = create_session_factory(engine)
        storage: FileStorage = app.state.file_storage
        await storage.discard_stale_staging(older_than_seconds=STALE_STAGING_SECONDS)
        # Starts the sandbox worker in the background; logs at once if this host cannot isolate code.
        # A sandbox handed to create_app belongs to the caller, who starts and stops it.
        sandbox: Sandbox = app.state.sandbox
        owns_sandbox = not app.state.sandbox_shared
        if owns_sandbox:
            await sandbox.start()
        try:
            async with app.state.session_factory() as session:
                await users_service.ensure_first_superuser(
                    session,
                    email=app_settings.FIRST_SUPERUSER,
                    password=app_settings.FIRST_SUPERUSER_PASSWORD.get_secret_value(),
                )
                await session.commit()
            _freeze_start_up_objects()
            yield
        finally:
            if owns_sandbox:
                await sandbox.stop()
            await close_shared_http_client()
            await engine.dispose()

    return lifespan


def create_app(app_settings: Settings = settings, sandbox: Sandbox | None = None) -> FastAPI:
    configure_logging(app_settings.LOG_LEVEL)
    init_sentry(app_settings)
    app = FastAPI(
        title=app_settings.PROJECT_NAME,
        version="0.1.0",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
        generate_unique_id_function=operation_id,
        lifespan=build_lifespan(app_settings),
    )
    app.state.rate_limiter = RateLimiter.from_settings(app_settings)
    app.state.file_storage = LocalFileStorage(app_settings.DATA_DIR)
    app.state.sandbox = sandbox or Sandbox(SandboxConfig.from_settings(app_settings))
    app.state.sandbox_shared = sandbox is not None
    register_error_handlers(app)
    app.include_router(build_api_router())
    # Requests no route matched: the SPA's files and client-side routes, or a JSON 404 under /api.
    app.router.default = SinglePageApp(app_settings.FRONTEND_DIST_DIR)
    # The last middleware added runs first: every request is logged, including refused ones.
    app.add_middleware(
        BodySizeLimitMiddleware,
        max_body_bytes=app_settings.MAX_JSON_BODY_BYTES,
        exempt=STREAMED_UPLOADS,
    )
    app.add_middleware(RequestLoggingMiddleware)
    return app


app = create_app()
