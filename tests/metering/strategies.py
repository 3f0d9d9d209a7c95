"""Hypothesis strategies shared by the meter engine's property tests."""

from datetime import UTC, datetime

from hypothesis import strategies as st

from masthead.metering import Access, ArticleFacts, Lapse, Policy, Reader, ReaderKind

ZONES = ["UTC", "Asia/Tokyo", "Europe/London", "America/New_York", "Australia/Lord_Howe"]

policies = st.builds(
    Policy,
    anonymous_allowance=st.integers(0, 5),
    registered_allowance=st.integers(0, 8),
    preview_paragraphs=st.integers(0, 4),
    time_zone=st.sampled_from(ZONES),
)
metered_readers = st.sampled_from(
    [
        Reader(ReaderKind.ANONYMOUS),
        Reader(ReaderKind.REGISTERED),
        Reader(ReaderKind.REGISTERED, Lapse.TRIAL),
        Reader(ReaderKind.REGISTERED, Lapse.ACCESS),
    ]
)
readers = metered_readers | st.just(Reader(ReaderKind.ENTITLED))
articles = st.builds(
    ArticleFacts,
    id=st.integers(0, 30),
    access=st.sampled_from(list(Access)),
    sponsored=st.booleans(),
)
instants = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2080, 1, 1), timezones=st.just(UTC)
)
