"""A small Stripe-shaped HTTP server for tests: the endpoints Masthead calls, in memory.

It speaks Stripe's wire format (form-encoded requests with nested keys such as
``line_items[0][price]``, JSON objects shaped as the API reference documents them, errors as
``{"error": {"type", "code", "message"}}``), replays a response for a repeated
``Idempotency-Key`` as Stripe does, and records every request. Test hooks stand in for what
the reader and Stripe do outside our server::

    fake = FakeStripe().start()           # fake.url -> "http://127.0.0.1:<port>"
    ...                                   # the app creates a Checkout Session
    sub = fake.complete_session("cs_test_1")          # a customer + a trialing/active sub
    fake.set_subscription(sub["id"], status="past_due")
    body = json.dumps(fake.event("customer.subscription.updated", sub)).encode()
    header = sign(body, "whsec_...")   # the Stripe-Signature header for that body
"""

import hashlib
import hmac
import itertools
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from .stripe_hooks import HooksMixin
from .stripe_objects import ObjectsMixin


def parse_form(body: str) -> dict:
    """``a[b][0][c]=1`` -> ``{"a": {"b": [{"c": "1"}]}}``, as Stripe decodes it."""
    root: dict = {}
    for key, value in parse_qsl(body, keep_blank_values=True):
        parts = re.findall(r"[^\[\]]+", key)
        node = root
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = {"true": True, "false": False}.get(value, value)
    return _lists(root)


def _lists(node):
    if not isinstance(node, dict):
        return node
    if node and all(k.isdigit() for k in node):
        return [_lists(node[k]) for k in sorted(node, key=int)]
    return {k: _lists(v) for k, v in node.items()}


def sign(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """A ``Stripe-Signature`` header: ``t=<time>,v1=<HMAC-SHA256(secret, "t.payload")>``."""
    t = int(time.time()) if timestamp is None else timestamp
    mac = hmac.new(secret.encode(), f"{t}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={t},v1={mac}"


class FakeStripe(ObjectsMixin, HooksMixin):
    def __init__(self):
        self.objects: dict[str, dict] = {}
        self.params: dict[str, dict] = {}  # what each object was created with
        self.requests: list[dict] = []  # {"method", "path", "params", "idempotency_key"}
        self.replies: dict[str, tuple[int, bytes]] = {}
        self.fail_with: int | None = None  # answer every request with this status
        self.lock = threading.RLock()
        self._ids = itertools.count(1)

    def start(self) -> "FakeStripe":
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def requests_to(self, method: str, path: str) -> list[dict]:
        return [r for r in self.requests if r["method"] == method and r["path"] == path]

    def handle(self, method: str, path: str, params: dict, headers) -> tuple[int, dict]:
        if not (headers.get("Authorization") or "").startswith("Bearer sk_"):
            return 401, _err("You did not provide an API key.")
        if self.fail_with:
            return self.fail_with, _err("Stripe is having a bad day.", kind="api_error")
        for (verb, pattern), name in self.ROUTES.items():
            match = re.fullmatch(pattern, path)
            if verb == method and match:
                return getattr(self, name)(params, *match.groups())
        return 404, _err(f"Unrecognized request URL ({method}: {path}).")


def _err(message: str, kind: str = "invalid_request_error", code: str | None = None) -> dict:
    return {"error": {"type": kind, "code": code, "message": message, "param": None}}


def _handler(fake: FakeStripe):
    class Handler(BaseHTTPRequestHandler):
        def _serve(self):
            split = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode() if length else split.query
            params, key = parse_form(raw), self.headers.get("Idempotency-Key")
            with fake.lock:
                fake.requests.append(
                    {
                        "method": self.command,
                        "path": split.path,
                        "params": params,
                        "idempotency_key": key,
                    }
                )
                replay = fake.replies.get(f"{self.command}:{split.path}:{key}") if key else None
                if replay is None:
                    status, obj = fake.handle(self.command, split.path, params, self.headers)
                    replay = (status, json.dumps(obj).encode())
                    if key and status < 500:
                        fake.replies[f"{self.command}:{split.path}:{key}"] = replay
            self.send_response(replay[0])
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(replay[1])))
            self.send_header("Request-Id", f"req_{next(fake._ids)}")
            self.end_headers()
            self.wfile.write(replay[1])

        do_GET = do_POST = do_DELETE = _serve

        def log_message(self, *args):  # keep test output quiet
            pass

    return Handler
