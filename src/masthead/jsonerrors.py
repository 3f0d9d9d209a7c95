"""The one JSON error envelope: ``{"error": {"code": "...", "message": "..."}}`` (CONTRACT.md).

Every JSON answer that reports a failure is built by ``json_error``: the API, the Stripe
webhook, the callout form's JSON answers and the NUL guard. It imports nothing of ours, so any
layer can use it::

    json_error(404, "not_found", "There is no such API endpoint.")
    json_error(400, "invalid", "Some answers need another look.", fields={"email": ["..."]})
"""

from django.http import JsonResponse


def json_error(status: int, code: str, message: str, **extra: object) -> JsonResponse:
    """``extra`` adds members to the error object after ``code`` and ``message`` (a form's
    ``fields``)."""
    return JsonResponse({"error": {"code": code, "message": message, **extra}}, status=status)
