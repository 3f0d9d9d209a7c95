"""Provider webhooks at ``/webhooks/stripe/``: the provider handles the delivery (verify, store
once, apply; see ``providers/stripe/webhook.py``) and this view turns its result into JSON::

    POST /webhooks/stripe/  Stripe-Signature: t=1767225600,v1=5257a8...
    -> 200 {"received": true, "duplicate": false}
    -> 400 the JSON error envelope, code "bad_signature" (masthead.jsonerrors)
"""

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from masthead.jsonerrors import json_error

from .providers import get_provider


@csrf_exempt
@require_POST
def stripe_webhook(request):
    result = get_provider().handle_webhook(request, source="stripe")
    if result.error:
        return json_error(result.status, result.error, result.message)
    return JsonResponse({"received": True, "duplicate": result.duplicate}, status=result.status)
