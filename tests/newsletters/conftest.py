import pytest

from masthead.newsletters.models import Newsletter, Visibility


@pytest.fixture
def daily(db):
    return Newsletter.objects.create(
        name="Morning Briefing",
        slug="briefing",
        description="The day's essential stories.",
        default_on_signup=True,
        sort_order=1,
    )


@pytest.fixture
def weekly(db):
    return Newsletter.objects.create(
        name="Subscribers' Weekly",
        slug="weekly",
        visibility=Visibility.SUBSCRIBERS,
        sort_order=2,
    )
