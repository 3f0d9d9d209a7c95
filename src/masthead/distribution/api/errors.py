"""The API's errors: ``ApiError`` raised anywhere in a view becomes the JSON error envelope
(``masthead.jsonerrors``) with the right HTTP status."""

import functools
import json

from django.http.multipartparser import MultiPartParserError

from masthead.jsonerrors import json_error


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def api_endpoint(*methods: str):
    """Wrap an API view: method check, JSON errors, private caching."""

    if "GET" in methods and "HEAD" not in methods:
        methods = (*methods, "HEAD")  # every GET answers HEAD (the body is dropped)

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in methods:
                response = json_error(
                    405,
                    "method_not_allowed",
                    f"Use {' or '.join(m for m in methods if m != 'HEAD')}.",
                )
                response["Allow"] = ", ".join(methods)
                return response
            try:
                response = view(request, *args, **kwargs)
            except ApiError as exc:
                response = json_error(exc.status, exc.code, exc.message)
            response.setdefault("Cache-Control", "private, no-store")
            response["Vary"] = "Cookie, Authorization"
            return response

        wrapper.csrf_exempt = True  # token clients have no CSRF cookie; see views.check_csrf
        return wrapper

    return decorator


def json_body(request) -> dict:
    content_type = request.content_type or ""
    if content_type == "application/json":
        try:
            data = json.loads(request.body or b"{}")
            # Lone surrogates ("\ud800") parse, but no database or encoder can take them.
            json.dumps(data, ensure_ascii=False).encode()
        except (ValueError, UnicodeError, RecursionError):
            # RecursionError: JSON nested deeper than the parser's stack (1,000 levels).
            raise ApiError(400, "invalid_json", "The request body is not valid JSON.") from None
        if not isinstance(data, dict):
            raise ApiError(400, "invalid_json", "The request body must be a JSON object.")
    else:
        data = _form(request, content_type)
    if any("\x00" in str(v) for v in data.values()):
        raise ApiError(400, "invalid_body", "Text may not contain NUL characters.")
    return data


def _form(request, content_type: str) -> dict:
    if content_type not in ("", "application/x-www-form-urlencoded", "multipart/form-data"):
        raise ApiError(415, "unsupported_media_type", "Send JSON or a form.")
    try:
        return request.POST.dict()
    except (MultiPartParserError, UnicodeDecodeError, ValueError):
        raise ApiError(400, "invalid_body", "The request body could not be read.") from None
