"""The review page's web app (Flask): the page, each audience's preview, its state, and edits.

Only this machine may use it: the server listens on 127.0.0.1, a request must name that host (so a
web page elsewhere cannot reach it through DNS rebinding), and a change must come from the page
itself: same origin, JSON, and the session's token, which only the page knows.
"""

from __future__ import annotations

import secrets
from importlib import resources
from typing import Any

from flask import Flask, Response, abort, jsonify, request

from ..errors import BriefgenError
from .session import ReviewSession


def create_app(session: ReviewSession, port: int, token: str | None = None) -> Flask:
    """Return the app serving ``session`` on 127.0.0.1:``port``."""
    token = token or secrets.token_urlsafe(24)
    app = Flask(__name__)
    hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
    origins = {f"http://{h}" for h in hosts}
    audiences = [a.id for a in session.config.audiences]

    @app.before_request
    def only_this_machine() -> Response | None:
        if request.host not in hosts:
            return _refuse(f"host '{request.host}' is not this review server")
        if request.method == "POST":
            origin = request.headers.get("Origin")
            if origin is not None and origin not in origins:
                return _refuse(f"requests from {origin} are refused; use the review page itself")
            if request.headers.get("X-Briefgen-Token") != token or not request.is_json:
                return _refuse("a change must come from the review page (token missing or wrong)")
        return None

    @app.after_request
    def harden(response: Response) -> Response:
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Cache-Control"] = "no-store"
        if request.path.startswith("/preview/"):
            # The preview shows source text: it may not run scripts or load anything.
            response.headers["Content-Security-Policy"] = (
                "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
            )
        else:
            response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.get("/")
    def page() -> Response:
        html = resources.files("briefgen.review").joinpath("page.html").read_text(encoding="utf-8")
        html = html.replace("__TOKEN__", token).replace("__TITLE__", _escape(session.config.title))
        html = html.replace("__AUDIENCES__", _json(audiences)).replace("__AS_OF__", session.as_of)
        return Response(html, mimetype="text/html")

    @app.get("/preview/<audience>")
    def preview(audience: str) -> Response:
        if audience not in audiences:
            abort(404)
        try:
            return Response(session.preview(audience), mimetype="text/html")
        except BriefgenError as exc:
            return Response(_escape("\n".join(exc.problems)), status=409, mimetype="text/plain")

    @app.get("/api/state/<audience>")
    def state(audience: str) -> Any:
        if audience not in audiences:
            abort(404)
        try:
            return jsonify(session.state(audience))
        except BriefgenError as exc:
            return jsonify({"error": exc.problems}), 409

    @app.post("/api/edit")
    def edit() -> Any:
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return jsonify({"error": ["expected a JSON object"]}), 400
        try:
            session.act(body)
        except (BriefgenError, ValueError) as exc:
            problems = exc.problems if isinstance(exc, BriefgenError) else [str(exc)]
            return jsonify({"error": problems}), 400
        return jsonify({"ok": True})

    return app


def _refuse(message: str) -> Response:
    response = jsonify({"error": [message]})
    response.status_code = 403
    return response


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _json(value: object) -> str:
    import json

    return json.dumps(value).replace("<", "\\u003c")
