"""Start uvicorn for ``hclint serve``: loopback by default, a token for anything else, N worker processes."""

from __future__ import annotations

import ipaddress
import json
import os
import socket
from typing import Any

from .app import DEFAULT_MAX_REQUEST_BYTES, OPTIONS_ENV, TOKEN_ENV, create_app, load_service


class ServeError(ValueError):
    """A server option that cannot work (e.g. a public address without a token)."""


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and names that resolve only to them (``localhost``)."""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except OSError:
        return False
    return bool(addresses) and all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses)


def check_options(host: str, token: str | None, workers: int) -> None:
    if not is_loopback(host) and not token:
        raise ServeError(f"binding to {host} needs a token: pass --token or set {TOKEN_ENV} "
                         "(only 127.0.0.1 / localhost is served without one)")
    if workers < 1:
        raise ServeError("--workers must be at least 1")


def allowed_hosts(host: str) -> list[str] | None:
    """Host headers a loopback server answers (its own names only); any, when a token guards it."""
    if not is_loopback(host):
        return None
    return sorted({"127.0.0.1", "localhost", host})


def serve(*, host: str, port: int, workers: int, token: str | None, options: dict[str, Any],
          log_level: str = "info") -> None:
    """Run the server until interrupted. Each worker process loads the model once, at start-up.

    The access log shows method, path and status only: drafts travel in request bodies, which
    are never logged."""
    check_options(host, token, workers)
    import uvicorn  # the serve extra

    options = {**options, "allowed_hosts": allowed_hosts(host)}
    common: dict[str, Any] = {"host": host, "port": port, "log_level": log_level, "server_header": False,
                              "proxy_headers": False}
    if workers == 1:
        # Load here, so that a bad configuration or model is one error line before anything listens.
        app = create_app(load_service(options), token=token, allowed_hosts=options["allowed_hosts"],
                         max_request_bytes=int(options.get("max_request_bytes", DEFAULT_MAX_REQUEST_BYTES)))
        uvicorn.run(app, **common)
        return
    # Several processes: uvicorn imports the factory in each, which loads its own model once.
    os.environ[OPTIONS_ENV] = json.dumps(options)
    if token:
        os.environ[TOKEN_ENV] = token
    else:
        os.environ.pop(TOKEN_ENV, None)
    uvicorn.run("hcsocial_lint.serve.app:app_from_environment", factory=True, workers=workers, **common)
