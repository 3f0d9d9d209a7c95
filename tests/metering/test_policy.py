"""The engine's inputs validate themselves."""

from datetime import UTC, datetime, timedelta

import pytest

from masthead.metering import Access, ArticleFacts, Lapse, Policy, Reader, ReaderKind, Window

START = datetime(2026, 9, 1, tzinfo=UTC)


def test_default_policy_matches_the_product() -> None:
    policy = Policy()
    assert policy.anonymous_allowance == 3
    assert policy.registered_allowance == 10
    assert policy.preview_paragraphs == 2
    assert policy.time_zone == "UTC"


def test_allowance_for_each_kind() -> None:
    policy = Policy(anonymous_allowance=5, registered_allowance=20)
    assert policy.allowance_for(ReaderKind.ANONYMOUS) == 5
    assert policy.allowance_for(ReaderKind.REGISTERED) == 20
    assert policy.allowance_for(ReaderKind.ENTITLED) is None


@pytest.mark.parametrize(
    "fields",
    [
        {"anonymous_allowance": -1},
        {"registered_allowance": -1},
        {"preview_paragraphs": -1},
        {"time_zone": "Mars/Olympus_Mons"},
        {"time_zone": ""},
    ],
)
def test_policy_rejects_nonsense(fields: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Policy(**fields)  # type: ignore[arg-type]


def test_only_registered_readers_can_lapse() -> None:
    assert Reader(ReaderKind.REGISTERED, Lapse.TRIAL).lapse is Lapse.TRIAL
    with pytest.raises(ValueError):
        Reader(ReaderKind.ANONYMOUS, Lapse.TRIAL)
    with pytest.raises(ValueError):
        Reader(ReaderKind.ENTITLED, Lapse.ACCESS)


def test_article_defaults_to_metered_and_unsponsored() -> None:
    assert ArticleFacts(1) == ArticleFacts(1, Access.METERED, sponsored=False)


def test_enum_values_are_the_public_strings() -> None:
    assert [a.value for a in Access] == ["metered", "free", "subscribers"]
    assert [k.value for k in ReaderKind] == ["anonymous", "registered", "entitled"]
    assert [lapse.value for lapse in Lapse] == ["trial", "access"]


def test_window_is_half_open() -> None:
    window = Window(START, START + timedelta(days=1))
    assert not window.contains(START - timedelta(microseconds=1))
    assert window.contains(START)
    assert window.contains(START + timedelta(hours=23, minutes=59))
    assert not window.contains(START + timedelta(days=1))


def test_window_compares_instants_across_zones() -> None:
    window = Window(START, START + timedelta(hours=1))
    tokyo = START.astimezone(__import__("zoneinfo").ZoneInfo("Asia/Tokyo"))
    assert window.contains(tokyo)


def test_window_needs_aware_ordered_datetimes() -> None:
    with pytest.raises(ValueError):
        Window(datetime(2026, 9, 1), datetime(2026, 9, 2, tzinfo=UTC))
    with pytest.raises(ValueError):
        Window(START, START - timedelta(seconds=1))
    with pytest.raises(ValueError):
        Window(START, START + timedelta(days=1)).contains(datetime(2026, 9, 1, 12))
    assert not Window(START, START).contains(START)
