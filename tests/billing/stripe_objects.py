"""The fake Stripe's objects and endpoints, shaped as Stripe's API reference documents them.

Kept apart from the HTTP plumbing in ``stripe_server``; each endpoint takes the decoded form
parameters and answers ``(status, object)``::

    status, session = fake.create_session({"mode": "subscription", ...})
    fake.complete_session(session["id"])   # what the reader paying at Stripe does
"""

import time

DAY = 86400


def _missing(kind: str, object_id: str) -> tuple[int, dict]:
    message = f"No such {kind}: '{object_id}'"
    return 404, {
        "error": {
            "type": "invalid_request_error",
            "code": "resource_missing",
            "message": message,
            "param": "id",
        }
    }


class ObjectsMixin:
    ROUTES = {
        ("POST", "/v1/prices"): "create_price",
        ("POST", "/v1/coupons"): "create_coupon",
        ("POST", "/v1/customers"): "create_customer",
        ("GET", "/v1/customers"): "list_customers",
        ("GET", "/v1/subscriptions"): "list_subscriptions",
        ("GET", r"/v1/customers/([^/]+)"): "get_customer",
        ("POST", "/v1/checkout/sessions"): "create_session",
        ("GET", r"/v1/checkout/sessions/([^/]+)"): "get_session",
        ("GET", r"/v1/subscriptions/([^/]+)"): "get_subscription",
        ("POST", r"/v1/subscriptions/([^/]+)"): "update_subscription",
        ("POST", "/v1/billing_portal/sessions"): "create_portal_session",
    }

    def _new(self, prefix: str, obj: dict, params: dict | None = None) -> dict:
        obj = {
            "id": f"{prefix}_test_{next(self._ids):06d}",
            "created": int(time.time()),
            "livemode": False,
            **obj,
        }
        self.objects[obj["id"]] = obj
        self.params[obj["id"]] = params or {}
        return obj

    def _get(self, kind: str, object_id: str):
        obj = self.objects.get(object_id)
        if obj is None or obj["object"] != kind:
            return _missing(kind, object_id)
        return 200, obj

    def create_price(self, p):
        return 200, self._new(
            "price",
            {
                "object": "price",
                "active": True,
                "currency": p["currency"],
                "type": "recurring",
                "unit_amount": int(p["unit_amount"]),
                "product": f"prod_{next(self._ids)}",
                "recurring": {
                    "interval": p["recurring"]["interval"],
                    "interval_count": 1,
                    "usage_type": "licensed",
                },
                "metadata": p.get("metadata", {}),
            },
            p,
        )

    def create_coupon(self, p):
        months = p.get("duration_in_months")
        return 200, self._new(
            "coupon",
            {
                "object": "coupon",
                "amount_off": int(p["amount_off"]),
                "currency": p["currency"],
                "duration": p["duration"],
                "duration_in_months": int(months) if months else None,
                "percent_off": None,
                "name": p.get("name"),
                "metadata": p.get("metadata", {}),
                "times_redeemed": 0,
                "valid": True,
            },
            p,
        )

    def create_customer(self, p):
        return 200, self._new(
            "cus",
            {"object": "customer", "email": p.get("email"), "metadata": p.get("metadata", {})},
            p,
        )

    def get_customer(self, _p, customer_id):
        return self._get("customer", customer_id)

    def _list(self, path: str, objects: list[dict], p: dict) -> tuple[int, dict]:
        """A list page as Stripe pages them: ``limit``, ``starting_after``, ``has_more``."""
        limit = int(p.get("limit") or 10)
        if after := p.get("starting_after"):
            ids = [o["id"] for o in objects]
            objects = objects[ids.index(after) + 1 :] if after in ids else []
        page = objects[:limit]
        return 200, {
            "object": "list",
            "url": path,
            "has_more": len(objects) > limit,
            "data": page,
        }

    def list_customers(self, p):
        """``email`` is an exact, case-sensitive match, as at Stripe."""
        found = [
            o
            for o in self.objects.values()
            if o["object"] == "customer" and ("email" not in p or o.get("email") == p["email"])
        ]
        return self._list("/v1/customers", found, p)

    def list_subscriptions(self, p):
        """Without ``status`` Stripe leaves out canceled subscriptions; ``status=all`` not."""
        status = p.get("status")
        found = [
            o
            for o in self.objects.values()
            if o["object"] == "subscription"
            and ("customer" not in p or o["customer"] == p["customer"])
            and (
                status == "all" or (o["status"] == status if status else o["status"] != "canceled")
            )
        ]
        return self._list("/v1/subscriptions", found, p)

    def create_session(self, p):
        obj = self._new(
            "cs",
            {
                "object": "checkout.session",
                "mode": p["mode"],
                "status": "open",
                "payment_status": "unpaid",
                "client_reference_id": p.get("client_reference_id"),
                "customer": p.get("customer"),
                "customer_email": p.get("customer_email"),
                "metadata": p.get("metadata", {}),
                "subscription": None,
                "success_url": p["success_url"],
                "cancel_url": p.get("cancel_url"),
                "expires_at": int(time.time()) + DAY,
            },
            p,
        )
        obj["url"] = f"{self.url}/c/pay/{obj['id']}"
        return 200, obj

    def get_session(self, _p, session_id):
        return self._get("checkout.session", session_id)

    def get_subscription(self, _p, sub_id):
        return self._get("subscription", sub_id)

    def update_subscription(self, p, sub_id):
        status, sub = self._get("subscription", sub_id)
        if status == 200 and "cancel_at_period_end" in p:
            self.set_subscription(sub_id, cancel_at_period_end=p["cancel_at_period_end"])
        return status, sub

    def create_portal_session(self, p):
        if self.objects.get(p.get("customer"), {}).get("object") != "customer":
            return _missing("customer", p.get("customer"))
        obj = self._new(
            "bps",
            {
                "object": "billing_portal.session",
                "customer": p["customer"],
                "return_url": p.get("return_url"),
            },
            p,
        )
        obj["url"] = f"{self.url}/p/session/{obj['id']}"
        return 200, obj
