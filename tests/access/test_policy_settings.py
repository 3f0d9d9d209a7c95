"""Staff edit the meter in Wagtail's settings; the change applies at once."""

import pytest
from wagtail.models import Site

from masthead.access.models import MeterSettings
from tests import factories

pytestmark = pytest.mark.django_db


def test_editing_allowance_preview_and_copy_applies_at_once(client, world):
    factories.section()
    client.get("/")  # the policy is cached now
    meter = MeterSettings.for_site(Site.objects.get(is_default_site=True))
    meter.anonymous_allowance = 1
    meter.preview_paragraphs = 1
    meter.last_article_message = "Final free read of {{month}}."
    meter.registration_wall_title = "Join us to keep reading"
    meter.save()
    first, second = factories.article(world), factories.article(world)
    html = client.get(first.public_path).content.decode()
    assert 'data-meter-remaining="0"' in html and "Final free read of " in html
    html = client.get(second.public_path).content.decode()
    assert "Join us to keep reading" in html
    assert "Paragraph 1 of the story" in html and "Paragraph 2 of the story" not in html
