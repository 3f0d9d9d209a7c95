"""The fake Stripe's test hooks: what happens at Stripe outside our requests.

The reader pays on Stripe's page, Stripe moves a subscription to ``past_due`` when a card
fails, Stripe sends an event. Each hook changes the in-memory objects as Stripe would::

    sub = fake.complete_session("cs_test_000001")      # customer + active/trialing sub
    fake.set_subscription(sub["id"], status="past_due")
    event = fake.event("invoice.payment_failed", invoice)
"""

import copy
import time

DAY = 86400


class HooksMixin:
    def complete_session(self, session_id: str, status: str | None = None) -> dict:
        """The reader pays: a customer and a subscription appear; the session is complete."""
        with self.lock:
            session, p = self.objects[session_id], self.params[session_id]
            data = p.get("subscription_data", {})
            trial = int(data.get("trial_period_days") or 0)
            price = self.objects[p["line_items"][0]["price"]]
            _, customer = (
                (200, {"id": session["customer"]})
                if session["customer"]
                else self.create_customer({"email": session["customer_email"]})
            )
            now, status = int(time.time()), status or ("trialing" if trial else "active")
            days = trial or (365 if price["recurring"]["interval"] == "year" else 30)
            sub = self._new(
                "sub",
                {
                    "object": "subscription",
                    "status": status,
                    "customer": customer["id"],
                    "start_date": now,
                    "cancel_at_period_end": False,
                    "cancel_at": None,
                    "canceled_at": None,
                    "ended_at": None,
                    "trial_start": now if trial else None,
                    "trial_end": now + trial * DAY if trial else None,
                    "metadata": data.get("metadata", {}),
                    "collection_method": "charge_automatically",
                    "discounts": [],
                    "items": {
                        "object": "list",
                        "has_more": False,
                        "total_count": 1,
                        "data": [
                            {
                                "id": f"si_test_{next(self._ids)}",
                                "object": "subscription_item",
                                "price": price,
                                "quantity": 1,
                                "current_period_start": now,
                                "current_period_end": now + days * DAY,
                            }
                        ],
                    },
                },
            )
            sub["items"]["url"] = f"/v1/subscription_items?subscription={sub['id']}"
            session.update(
                status="complete",
                customer=customer["id"],
                subscription=sub["id"],
                payment_status="no_payment_required" if trial else "paid",
            )
            return copy.deepcopy(sub)

    def existing_subscription(
        self,
        email: str,
        *,
        price: str = "price_legacy_monthly",
        status: str = "active",
        customer: str | None = None,
        days: int = 30,
        trial_days: int = 0,
        cancel_at_period_end: bool = False,
    ) -> dict:
        """A reader who already pays through the publication's Stripe account (before the
        move): a customer (``customer``: an existing one's id) and a subscription to
        ``price``, made at Stripe outside any checkout of ours, with no metadata of ours."""
        with self.lock:
            if customer is None:
                _, made = self.create_customer({"email": email})
                customer = made["id"]
            if price not in self.objects:
                self.objects[price] = {
                    "id": price,
                    "object": "price",
                    "active": True,
                    "currency": "usd",
                    "unit_amount": 1000,
                    "recurring": {"interval": "month", "interval_count": 1},
                }
            now = int(time.time())
            end = now + (trial_days or days) * DAY
            sub = self._new(
                "sub",
                {
                    "object": "subscription",
                    "status": status,
                    "customer": customer,
                    "start_date": now - 200 * DAY,
                    "cancel_at_period_end": cancel_at_period_end,
                    "cancel_at": end if cancel_at_period_end else None,
                    "canceled_at": now if cancel_at_period_end else None,
                    "ended_at": None,
                    "trial_start": now if trial_days else None,
                    "trial_end": end if trial_days else None,
                    "metadata": {},
                    "items": {
                        "object": "list",
                        "has_more": False,
                        "total_count": 1,
                        "data": [
                            {
                                "id": f"si_test_{next(self._ids)}",
                                "object": "subscription_item",
                                "price": self.objects[price],
                                "quantity": 1,
                                "current_period_start": now - DAY,
                                "current_period_end": end,
                            }
                        ],
                    },
                },
            )
            return copy.deepcopy(sub)

    def set_subscription(self, sub_id: str, **fields) -> dict:
        """Change a subscription as Stripe would (``current_period_end`` lives on its items)."""
        with self.lock:
            sub = self.objects[sub_id]
            if "current_period_end" in fields:
                sub["items"]["data"][0]["current_period_end"] = fields.pop("current_period_end")
            if "cancel_at_period_end" in fields:
                cancel = fields["cancel_at_period_end"]
                end = sub["items"]["data"][0]["current_period_end"]
                sub.update(
                    cancel_at=end if cancel else None,
                    canceled_at=int(time.time()) if cancel else None,
                )
            sub.update(fields)
            return copy.deepcopy(sub)

    def event(self, kind: str, obj: dict, created: int | None = None, **extra) -> dict:
        return {
            "id": f"evt_test_{next(self._ids):06d}",
            "object": "event",
            "api_version": "2026-10-28.endive",
            "created": created or int(time.time()),
            "data": {"object": copy.deepcopy(obj)},
            "livemode": False,
            "pending_webhooks": 1,
            "request": {"id": None, "idempotency_key": None},
            "type": kind,
            **extra,
        }
