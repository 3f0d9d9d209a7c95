"""Meter months follow the publication's wall clock, across zones and daylight saving."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.metering import month_key, month_name, resets_at

ZONES = [
    "UTC",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "America/Sao_Paulo",
    "America/Santiago",
    "America/Havana",
    "Australia/Lord_Howe",
    "Pacific/Apia",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "Antarctica/Troll",
    "Africa/Casablanca",
    "Africa/Cairo",
    "America/Argentina/San_Luis",
]
instants = st.datetimes(
    min_value=datetime(1975, 1, 1), max_value=datetime(2090, 12, 1), timezones=st.just(UTC)
)


def test_the_same_instant_is_in_different_months_in_different_zones() -> None:
    late = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
    assert month_key(late, "UTC") == "2026-11"
    assert month_key(late, "Asia/Tokyo") == "2026-12"
    assert month_key(datetime(2026, 12, 1, 3, 0, tzinfo=UTC), "America/New_York") == "2026-11"
    assert month_name(late, "UTC") == "November"
    assert month_name(late, "Asia/Tokyo") == "December"


def test_resets_at_local_midnight_of_the_first() -> None:
    late = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
    assert resets_at(late, "UTC") == datetime(2026, 12, 1, tzinfo=UTC)
    assert resets_at(late, "Asia/Tokyo") == datetime(2026, 12, 31, 15, 0, tzinfo=UTC)
    assert resets_at(datetime(2026, 12, 15, tzinfo=UTC), "UTC") == datetime(2027, 1, 1, tzinfo=UTC)
    new_york = resets_at(datetime(2026, 3, 5, tzinfo=UTC), "America/New_York")
    assert new_york == datetime(2026, 4, 1, 4, 0, tzinfo=UTC)  # EDT, after the March change
    assert new_york.tzinfo == ZoneInfo("America/New_York")


def test_resets_at_the_jump_when_dst_swallows_midnight() -> None:
    # Cairo, 1 August 2014: clocks went from 00:00 straight to 01:00, so local midnight of the
    # first never existed; the month began at the jump.
    reset = resets_at(datetime(2014, 7, 20, tzinfo=UTC), "Africa/Cairo")
    assert reset == datetime(2014, 7, 31, 22, 0, tzinfo=UTC)
    assert reset.astimezone(ZoneInfo("Africa/Cairo")).hour == 1
    assert month_key(reset, "Africa/Cairo") == "2014-08"
    assert month_key(reset.astimezone(UTC) - timedelta(seconds=1), "Africa/Cairo") == "2014-07"


def test_naive_times_and_unknown_zones_are_refused() -> None:
    with pytest.raises(ValueError):
        month_key(datetime(2026, 11, 1), "UTC")
    with pytest.raises(ValueError):
        resets_at(datetime(2026, 11, 1, tzinfo=UTC), "Nowhere/Special")


@settings(max_examples=300)
@given(now=instants, zone=st.sampled_from(ZONES))
def test_resets_at_is_the_first_instant_of_the_next_month(now: datetime, zone: str) -> None:
    reset = resets_at(now, zone)
    assert reset > now
    assert reset.tzinfo is not None
    assert month_key(reset, zone) != month_key(now, zone)
    assert month_key(reset.astimezone(UTC) - timedelta(seconds=1), zone) == month_key(now, zone)
    local = now.astimezone(ZoneInfo(zone))
    expected = (local.year + local.month // 12, local.month % 12 + 1)
    assert month_key(reset, zone) == f"{expected[0]:04d}-{expected[1]:02d}"


@settings(max_examples=200)
@given(now=instants, zone=st.sampled_from(ZONES))
def test_month_key_is_the_local_calendar_month(now: datetime, zone: str) -> None:
    local = now.astimezone(ZoneInfo(zone))
    assert month_key(now, zone) == local.strftime("%Y-%m")
    assert month_key(now.astimezone(ZoneInfo("Asia/Tokyo")), zone) == month_key(now, zone)


@settings(max_examples=100)
@given(now=instants, zone=st.timezone_keys())
def test_any_zone_gives_a_later_reset_in_another_month(now: datetime, zone: str) -> None:
    reset = resets_at(now, zone)
    assert reset > now
    assert month_key(reset, zone) != month_key(now, zone)
