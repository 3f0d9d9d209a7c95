"""The offers a wall shows are cached briefly; a change to a plan or an offer forgets them."""

import gc

import pytest

from masthead import caching
from masthead.billing.models import Plan
from masthead.billing.selectors import WALL_OFFERS_KEY

pytestmark = pytest.mark.django_db


def test_saving_or_deleting_a_plan_forgets_the_cached_wall_offers():
    gc.collect()  # a receiver only weakly referenced would be gone now
    caching.set(WALL_OFFERS_KEY, ["stale"], 30)
    plan = Plan.objects.create(name="Monthly", slug="monthly", amount="15.00")
    assert caching.get(WALL_OFFERS_KEY) is None
    caching.set(WALL_OFFERS_KEY, ["stale"], 30)
    plan.delete()
    assert caching.get(WALL_OFFERS_KEY) is None
