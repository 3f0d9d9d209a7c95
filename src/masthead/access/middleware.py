"""Attaches the reader's device to each request and sends its cookie when a view used it."""

from .identity import COOKIE_NAME, NEW_DEVICE, DeviceIdentity, set_device_cookie


class ReaderMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.device = DeviceIdentity(
            request.COOKIES.get(COOKIE_NAME), request.META.get(NEW_DEVICE)
        )
        response = self.get_response(request)
        device = request.device
        if device.used and device.is_new:
            set_device_cookie(response, device.id)
        return response
