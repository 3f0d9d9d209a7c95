"""The reader path's fragments: every slot a template has is one it knows, and a fragment's
key changes when what it shows changes (so an editor's change reaches the next page)."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

import masthead
from masthead.engagement.models import Banner
from masthead.readerpath import fragments
from tests.readerpath.test_identity import _compare, _device

SLOT = re.compile(r'{%\s*slot\s+"([^"]+)"\s*%}')


def test_every_slot_in_every_template_has_a_fragment():
    root = Path(masthead.__file__).parent
    found = {m for f in root.rglob("*.html") for m in SLOT.findall(f.read_text())}
    assert found and found <= set(fragments.SLOTS), found - set(fragments.SLOTS)


@pytest.mark.django_db
def test_a_new_banner_reaches_the_reader_path_at_once(world):
    from tests import factories

    page = factories.article(world)
    before = _compare(page.public_path, lambda: _device(1)).content.decode()
    assert "Breaking: the bridge reopens" not in before
    Banner.objects.create(
        text="Breaking: the bridge reopens", starts_at=timezone.now() - timedelta(minutes=1)
    )
    after = _compare(page.public_path, lambda: _device(1)).content.decode()
    assert "Breaking: the bridge reopens" in after
