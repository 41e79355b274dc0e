"""The ASGI application of ``hclint serve`` (FastAPI): the API under ``/v1``, the page at ``/``.

Privacy: request bodies (drafts, files) are never logged nor written to disk; uploads arrive
as the raw request body, not as multipart form data (which spools large parts to temporary
files). Validation errors name the field and the problem, never echo the input. Every
request body is limited in size. With a token configured, every ``/v1`` endpoint but health
and version needs ``Authorization: Bearer <token>``.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..config import POST_KINDS, ConfigError, Settings, load_config_file, settings_for_path
from ..linter import Linter
from ..nlp.models import ModelError
from ..selection import SelectorError
from ..sources.errors import InputError
from .service import Choice, Draft, LintService
from .uploads import ACCEPTED, UploadError, read_upload

STATIC = Path(__file__).with_name("static")
DEFAULT_MAX_REQUEST_BYTES = 10 * 1024 * 1024
OPEN_PATHS = {"/v1/health", "/v1/version"}
OPTIONS_ENV = "HCLINT_SERVE_OPTIONS"  # how `hclint serve` hands its options to uvicorn's worker processes
TOKEN_ENV = "HCLINT_SERVE_TOKEN"
log = logging.getLogger("hcsocial_lint.serve")

Kind = Literal[POST_KINDS]  # type: ignore[valid-type]


class PostIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="The post as written.")
    kind: Kind | None = Field(None, description="What the post is; defaults to the request's kind.")
    platform: str | None = None
    markdown: bool | None = Field(None, description="Read as Markdown (front matter, code); defaults to the request's.")


class LintRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, description="One draft. Give either text or posts.")
    posts: list[PostIn] | None = Field(None, description="A batch of posts; each is `record` N (1-based) of `<batch>`.",
                                       max_length=20_000)
    kind: Kind | None = Field(None, description="post, review-reply, comment-reply, ad, bio or story.")
    platform: str | None = None
    markdown: bool = False
    mask: bool = Field(False, description="Replace matched text with its category in the report.")

    @model_validator(mode="after")
    def _one_of(self) -> LintRequest:
        if (self.text is None) == (self.posts is None):
            raise ValueError("give either 'text' (one draft) or 'posts' (a batch), not both or neither")
        return self


class ChoiceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rule_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    suggestion: int = Field(0, ge=0, description="Index into the finding's `suggestions`.")


class FixRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    kind: Kind | None = None
    platform: str | None = None
    markdown: bool = False
    accept: list[ChoiceIn] | None = Field(
        None, description="The suggestions to apply, as /v1/lint reported them on this text. "
                          "Omitted: apply every safe fix (and unsafe ones with `unsafe`), as `hclint --fix`.")
    unsafe: bool = False


def create_app(service: LintService, *, token: str | None = None,
               max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The application around an already loaded :class:`LintService` (the model is loaded once, before).

    ``allowed_hosts`` (the Host headers answered; None: any) keeps a loopback server from being
    reached through a web page whose name was re-pointed at 127.0.0.1 (DNS rebinding)."""
    app = FastAPI(title="hclint", version=__version__, docs_url=None, redoc_url=None,  # their pages load a CDN
                  description="HIPAA-aware compliance linter for healthcare social-media drafts. "
                              "Reports follow hclint's JSON report schema.")
    app.state.service = service
    app.add_middleware(_Guard, token=token, max_request_bytes=max_request_bytes)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's default answer echoes the input, i.e. the draft: name the field and the problem only.
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                  for e in exc.errors()]
        return JSONResponse({"detail": errors}, status_code=422)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        log.error("internal error on %s %s: %s", request.method, request.url.path, type(exc).__name__)
        return JSONResponse({"detail": "internal error"}, status_code=500)

    @app.get("/v1/health", tags=["service"])
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/v1/version", tags=["service"])
    def version() -> dict[str, Any]:
        return service.version()

    @app.post("/v1/lint", tags=["lint"], summary="Lint a draft or a batch of posts; returns the JSON report")
    def lint(request: LintRequest) -> dict[str, Any]:
        if request.text is not None:
            drafts = [Draft(request.text, request.kind, request.platform, request.markdown)]
            return service.lint(drafts, batch=False, mask=request.mask)
        drafts = [Draft(p.text, p.kind or request.kind, p.platform or request.platform,
                        request.markdown if p.markdown is None else p.markdown) for p in request.posts or ()]
        return service.lint(drafts, batch=True, mask=request.mask)

    @app.post("/v1/fix", tags=["lint"], summary="The text with the chosen suggestions applied, and its new report")
    def fix(request: FixRequest) -> dict[str, Any]:
        draft = Draft(request.text, request.kind, request.platform, request.markdown)
        try:
            if request.accept is None:
                return service.fix_all(draft, unsafe=request.unsafe)
            return service.fix_chosen(draft, [Choice(c.rule_id, c.start, c.end, c.suggestion) for c in request.accept])
        except (InputError, ValueError) as exc:  # unreadable front matter, or a rule's overlapping edits
            raise HTTPException(400, f"cannot fix this draft: {exc}") from None

    @app.post("/v1/files", tags=["files"], summary="Read a dropped file (the raw bytes as the request body)",
              description=f"Accepts {', '.join(ACCEPTED)}. A draft comes back as text; an export as its rows, "
                          "columns and the guessed text and id columns. Nothing is stored.",
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}})
    async def read_file(request: Request,
                        name: str = Query(..., description="The file's name; its extension says how to read it.")
                        ) -> dict[str, Any]:
        data = await request.body()  # already bounded by the size limit; kept in memory only
        try:
            return (await run_in_threadpool(read_upload, name, data)).to_dict()
        except UploadError as exc:
            raise HTTPException(400, str(exc)) from None

    @app.get("/v1/rules", tags=["rules"])
    def rules() -> list[dict[str, Any]]:
        return service.rules()

    @app.get("/v1/rules/{rule_id}", tags=["rules"])
    def rule(rule_id: str) -> dict[str, Any]:
        record = service.rule(rule_id)
        if record is None:
            raise HTTPException(404, f"unknown rule {rule_id!r}; GET /v1/rules lists them")
        return record

    @app.get("/v1/config", tags=["service"], summary="Organisation facts from the server's configuration (read-only)")
    def config() -> dict[str, Any]:
        return {**service.facts(), "token_required": token is not None}

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


class _Guard:
    """ASGI middleware: the request size limit, then the bearer token.

    The body is read up to the limit before the application sees it, so an oversized request is
    refused with 413 whatever its Content-Length says (or whether it sends one)."""

    def __init__(self, app: Any, *, token: str | None, max_request_bytes: int) -> None:
        self.app = app
        self.token = token
        self.limit = max_request_bytes

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", ())}
        path = scope.get("path", "")
        if self.token is not None and path.startswith("/v1/") and path not in OPEN_PATHS:
            given = headers.get("authorization", "")
            scheme, _, value = given.partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), self.token.encode()):
                await _reply(send, 401, "a bearer token is required: Authorization: Bearer <token>",
                             [(b"www-authenticate", b"Bearer")])
                return
        length = headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await _reply(send, 413, self._too_large())
            return
        chunks: list[bytes] = []
        size = 0
        more = scope.get("method") not in {"GET", "HEAD"}
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await _reply(send, 413, self._too_large())
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        delivered = False

        async def replay() -> dict[str, Any]:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _too_large(self) -> str:
        return f"request larger than {self.limit:,} bytes (the server's --max-request-bytes)"


async def _reply(send: Any, status: int, detail: str, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *(extra or [])]})
    await send({"type": "http.response.body", "body": body})


# ------------------------------------------------------------------ building from `hclint serve`'s options

def load_service(options: dict[str, Any]) -> LintService:
    """Load the linter (model, plug-ins, configuration) once, and warm it up."""
    config = options.get("config")
    base: Settings = load_config_file(Path(config)) if config else settings_for_path(Path.cwd())
    overrides = {"model": options.get("model"), "plugins": False if options.get("no_plugins") else None}
    service = LintService(Linter(base, overrides=overrides))
    service.warm_up()
    return service


def app_from_environment() -> FastAPI:
    """The uvicorn factory each worker process calls: options from ``HCLINT_SERVE_OPTIONS``, the token
    from ``HCLINT_SERVE_TOKEN`` (so it is never on a command line)."""
    options = json.loads(os.environ.get(OPTIONS_ENV, "{}"))
    token = os.environ.get(TOKEN_ENV) or None
    try:
        service = load_service(options)
    except (ConfigError, SelectorError, ModelError) as exc:
        raise SystemExit(f"hclint: error: {exc}") from None
    return create_app(service, token=token, allowed_hosts=options.get("allowed_hosts"),
                      max_request_bytes=int(options.get("max_request_bytes", DEFAULT_MAX_REQUEST_BYTES)))
