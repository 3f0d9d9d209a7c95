import pytest

from masthead.revenue.access import revenue_access_grant
from tests import factories


@pytest.fixture
def analyst(db):
    """A staff member in the Revenue group (not a superuser)."""
    user = factories.user("analyst@example.org", is_staff=True)
    revenue_access_grant(user)
    return user
