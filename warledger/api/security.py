"""What keeps the server safe to expose: security headers on every response, the write token, body limits.

DOCS: docs/api.md#security
"""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["CSP", "SecurityHeaders", "check_token", "read_body"]

# Everything the pages load comes from this server: no inline script, no CDN, no frames.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = (("content-security-policy", CSP), ("x-content-type-options", "nosniff"),
           ("referrer-policy", "no-referrer"), ("x-frame-options", "DENY"))


class SecurityHeaders:
    """ASGI middleware adding HEADERS to every HTTP response (streamed ones too). There is no CORS
    middleware: browsers refuse other origins' scripts reading the API."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS:
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


def check_token(authorization: str | None, token: str | None) -> None:
    """Allow a write only when the server has a token and the request carries it (``Bearer TOKEN``).

    403 when writing is off or the token is wrong, 401 when no bearer token was given. The
    comparison takes the same time wherever the tokens differ (hmac.compare_digest).
    """
    if token is None:
        raise HTTPException(403, "writing is disabled: start `warledger serve` with --write-token-env VAR")
    scheme, _, given = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(401, "send the write token as 'Authorization: Bearer TOKEN'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
        raise HTTPException(403, "wrong write token")


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, or 413 as soon as it is known to be over ``limit`` bytes (declared or read)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"request body over the limit of {limit} bytes (max_article_bytes x 50)")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"request body over the limit of {limit} bytes (max_article_bytes x 50)")
        chunks.append(chunk)
    return b"".join(chunks)
