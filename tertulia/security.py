"""Security headers for every answer (no inline scripts or styles: the CSP can be strict),
and when the session cookie is written."""

from __future__ import annotations

from flask import Flask, Response, request
from flask.sessions import SecureCookieSessionInterface, SessionMixin

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class NavigationRefreshedSessions(SecureCookieSessionInterface):
    """The session cookie is written when the session changes, and re-sent (sliding its
    30 days) only on a page the person opens, never on a fetch or a static file.

    Re-sent on every answer, a page's own fetch, sent before a form and answered after it,
    put back the cookie it was sent with and erased the form's one-time message (an
    invitation link). Browsers mark page loads with `Sec-Fetch-Mode: navigate`.
    """

    def should_set_cookie(self, app: Flask, session: SessionMixin) -> bool:
        if session.modified:
            return True
        return session.permanent and request.headers.get("Sec-Fetch-Mode") == "navigate"


def init_app(app: Flask) -> None:
    app.session_interface = NavigationRefreshedSessions()

    @app.after_request
    def _headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        # Invitation links carry a token in the path: never leak it in a Referer header.
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        if app.config.get("SESSION_COOKIE_SECURE"):
            response.headers["Strict-Transport-Security"] = "max-age=31536000"
        # Pages, API answers and downloads (summaries, calendars, exports) hold what only
        # this viewer may see: no shared or browser cache keeps them. Static files may.
        if request.endpoint != "static":
            response.headers.setdefault("Cache-Control", "no-store")
        return response
