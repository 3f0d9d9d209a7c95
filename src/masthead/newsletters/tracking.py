"""Open and click tracking, off unless an editor turns it on for a newsletter.

A click goes through ``/newsletters/c/<token>/``: the signed token names the delivery and the
link's number in the issue, so the redirect can only lead to a link the issue contains (no
open redirect). An open is a 1x1 GIF at ``/newsletters/o/<token>.gif``. Each records the
first time only; the issue's stats count deliveries opened and clicked.
"""

import base64

from django.http import HttpResponse, HttpResponseNotFound, HttpResponseRedirect
from django.utils import timezone

from .models import Delivery
from .tokens import read_tracking_token

PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


def open_pixel(request, token):
    found = read_tracking_token(token)
    if found is not None and found[1] is None:
        Delivery.objects.filter(
            pk=found[0], opened_at__isnull=True, issue__track_opens=True
        ).update(opened_at=timezone.now())
    response = HttpResponse(PIXEL, content_type="image/gif")
    response["Cache-Control"] = "no-store"
    return response


def click(request, token):
    found = read_tracking_token(token)
    if found is None or found[1] is None:
        return HttpResponseNotFound("Unknown link.")
    delivery = Delivery.objects.select_related("issue").filter(pk=found[0]).first()
    if delivery is None or found[1] >= len(delivery.issue.links):
        return HttpResponseNotFound("Unknown link.")
    if delivery.clicked_at is None:
        now = timezone.now()
        Delivery.objects.filter(pk=delivery.pk, clicked_at__isnull=True).update(clicked_at=now)
        # A click proves the message was opened, even when images were blocked.
        Delivery.objects.filter(pk=delivery.pk, opened_at__isnull=True).update(opened_at=now)
    response = HttpResponseRedirect(delivery.issue.links[found[1]])
    response["Referrer-Policy"] = "no-referrer"
    return response
