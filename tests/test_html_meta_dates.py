"""The ISO timestamp fast path of the HTML metadata reader gives what the date rules give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.dates import parse_date
from newsclean.readers.html.meta import _iso_timestamp, _parse_date

YEARS = st.sampled_from(["0999", "1000", "1900", "1999", "2024", "2999", "3000"])
TWO = st.integers(min_value=0, max_value=61).map(lambda n: f"{n:02d}")
SECONDS = st.sampled_from(["", ":00", ":59", ":60", ":07.1", ":07.123", ":07.123456", ":07.1234"])
ZONES = st.sampled_from(
    ["Z", "+00:00", "-00:00", "+0530", "-05:00", "+14:00", "+14:01", "-14:00", "+13:45", "+09", ""]
)


@settings(max_examples=300, deadline=None)  # the first example builds the date grammar
@given(YEARS, TWO, TWO, TWO, TWO, SECONDS, ZONES, st.sampled_from(["", " ", "\n"]))
def test_fast_path_agrees_with_date_rules(
    year: str, month: str, day: str, hour: str, minute: str, second: str, zone: str, pad: str
) -> None:
    text = f"{pad}{year}-{month}-{day}T{hour}:{minute}{second}{zone}{pad}"
    fast = _iso_timestamp(text)
    result = parse_date(text)
    if fast is not None:
        assert result is not None
        assert result.value == fast
        assert repr(result.value.tzinfo) == repr(fast.tzinfo)
    assert _parse_date(text) == (None if result is None else result.value)


def test_fast_path_cases() -> None:
    assert repr(_iso_timestamp("2024-05-01T08:00:00Z")) == (
        "datetime.datetime(2024, 5, 1, 8, 0, tzinfo=datetime.timezone.utc)"
    )
    assert str(_iso_timestamp("2024-05-01T08:00-0430")) == "2024-05-01 08:00:00-04:30"
    # Not timestamps with a zone: left to the date rules.
    assert _iso_timestamp("2024-05-01T08:00:00") is None
    assert _iso_timestamp("2024-05-01") is None
    assert _iso_timestamp("2024-02-30T08:00:00Z") is None
    assert _iso_timestamp("2024-05-01T08:00:00+15:00") is None
