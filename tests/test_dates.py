"""Tests for newsclean.dates: the table of cases, then properties over generated dates."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.dates import DateResult, find_dates, parse_date
from newsclean.errors import ConfigError, InputTypeError

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "cases" / "dates.json").read_text(encoding="utf-8")
)


def _options(case: dict[str, Any]) -> dict[str, Any]:
    options: dict[str, Any] = {}
    if "reference" in case:
        options["reference"] = datetime.fromisoformat(case["reference"])
    for key in ("dayfirst", "default_tz", "languages"):
        if key in case:
            options[key] = case[key]
    return options


@pytest.mark.parametrize("case", CASES, ids=[case["label"] for case in CASES])
def test_case(case: dict[str, Any]) -> None:
    result = parse_date(case["input"], **_options(case))
    got = None if result is None else result.value.isoformat()
    assert got == case["expected"]
    if "expected_label" in case:
        assert result is not None
        assert result.label == case["expected_label"]


def test_cases_cover_every_form() -> None:
    groups = {case["label"].split(":")[0] for case in CASES}
    expected = {"iso", "rfc2822", "us", "uk", "de", "fr", "es", "pt", "it", "ru", "clock", "tz"}
    assert expected | {"relative", "yearless", "order", "label", "none"} <= groups
    assert len(CASES) >= 300


def test_result_records_what_was_assumed() -> None:
    result = parse_date("03/04/2020 10:00")
    assert result == DateResult(
        value=datetime(2020, 3, 4, 10, 0, tzinfo=timezone.utc),
        ambiguous=True,
        assumptions=("month first: English default", "time zone: UTC (none given)"),
        label=None,
        start=0,
        end=16,
    )


def test_ist_is_india_and_noted() -> None:
    result = parse_date("28-01-2026 07:09 IST")
    assert result is not None
    assert result.value.utcoffset() == timedelta(hours=5, minutes=30)
    assert result.assumptions == ("time zone: IST read as UTC+05:30",)
    assert result.ambiguous is False


def test_date_without_time_is_a_date() -> None:
    result = parse_date("19 June 2020")
    assert result is not None
    assert type(result.value) is date
    assert result.has_time is False


def test_yearless_without_reference_uses_now() -> None:
    result = parse_date("Jan 1")
    assert result is not None
    assert result.assumptions[0] == "reference: now"
    assert result.value == date(datetime.now(timezone.utc).year, 1, 1)


def test_find_dates_gives_every_labelled_date() -> None:
    line = (
        "Devdiscourse News Desk | Taipei | Updated: 28-01-2026 07:09 IST"
        " | Created: 28-01-2026 07:09 IST"
    )
    found = find_dates(line)
    assert [(item.label, item.value.isoformat()) for item in found] == [
        ("updated", "2026-01-28T07:09:00+05:30"),
        ("published", "2026-01-28T07:09:00+05:30"),
    ]
    assert [line[item.start : item.end] for item in found] == [
        "Updated: 28-01-2026 07:09 IST",
        "Created: 28-01-2026 07:09 IST",
    ]


def test_find_dates_in_a_paragraph() -> None:
    text = "The law passed on 3 March 2021, weeks after the vote of 12/02/2021, said 3/4 of voters."
    assert [item.value for item in find_dates(text, dayfirst=True)] == [
        date(2021, 3, 3),
        date(2021, 2, 12),
    ]


def test_naive_reference_takes_default_zone() -> None:
    result = parse_date("3 hours ago", reference=datetime(2026, 1, 28, 12), default_tz="IST")
    assert result is not None
    assert result.value.isoformat() == "2026-01-28T09:00:00+05:30"


def test_languages_limit_the_words_read() -> None:
    assert parse_date("19 juin 2020", languages=["de"]) is None
    assert parse_date("19 juin 2020", languages=["fr"]) == parse_date("19 juin 2020")


def test_wrong_types_are_rejected() -> None:
    with pytest.raises(InputTypeError):
        parse_date(20200619)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        parse_date("2020-06-19", reference="2020-06-19")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        parse_date("2020-06-19", dayfirst=1)  # type: ignore[arg-type]


def test_unknown_default_zone_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="Mars/Olympus"):
        parse_date("2020-06-19 10:00", default_tz="Mars/Olympus")


# --- properties -------------------------------------------------------------------------

_MONTHS: dict[str, list[str]] = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    "pt": [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    "it": [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    "ru": [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
}
_SHORT_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _offset(value: datetime) -> str:
    offset = value.utcoffset() or timedelta()
    sign = "-" if offset < timedelta() else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _twelve(value: datetime) -> str:
    hour = value.hour % 12 or 12
    return f"{hour}:{value.minute:02d} {'a.m.' if value.hour < 12 else 'p.m.'}"


def _renderings(value: datetime) -> list[tuple[str, dict[str, Any], bool]]:
    """The value in every timed form: text, the options that make it unambiguous, and
    whether the form prints seconds."""
    d, m, y = value.day, value.month, value.year
    hm = f"{value.hour:02d}:{value.minute:02d}"
    hms = f"{hm}:{value.second:02d}"
    off = _offset(value)
    compact = off.replace(":", "")
    zone = {"default_tz": value.tzinfo}
    return [
        (value.isoformat(), {}, True),
        (f"{y}-{m:02d}-{d:02d} {hms}{off}", {}, True),
        (f"{_SHORT_EN[m - 1]} {d}, {y} {_twelve(value)} UTC{off}", {}, False),
        (f"{d} {_SHORT_EN[m - 1]} {y} {hms} {compact}", {}, True),
        (f"{m:02d}/{d:02d}/{y} {hm} GMT{off}", {"dayfirst": False}, False),
        (f"{d:02d}/{m:02d}/{y} {hm} {compact}", {"dayfirst": True}, False),
        (f"{d:02d}.{m:02d}.{y}, {hm} Uhr", zone, False),
        (f"{d}. {_MONTHS['de'][m - 1]} {y} um {hm} Uhr", zone, False),
        (f"{d} {_MONTHS['fr'][m - 1]} {y} à {value.hour}h{value.minute:02d}", zone, False),
        (f"{d} de {_MONTHS['es'][m - 1]} de {y} a las {hm}", zone, False),
        (f"{d} de {_MONTHS['pt'][m - 1]} de {y} às {value.hour}h{value.minute:02d}", zone, False),
        (f"{d} {_MONTHS['it'][m - 1]} {y} alle {hms}", zone, True),
        (f"{d} {_MONTHS['ru'][m - 1]} {y} г., {hm}", zone, False),
        (f"{_MONTHS['en'][m - 1]} {d}, {y} at {_twelve(value)}", zone, False),
    ]


_AWARE = st.builds(
    lambda naive, minutes: naive.replace(tzinfo=timezone(timedelta(minutes=minutes))),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2099, 12, 31)).map(
        lambda v: v.replace(microsecond=0)
    ),
    st.integers(min_value=-12 * 60, max_value=14 * 60).map(lambda m: m - m % 15),
)


@settings(max_examples=150, deadline=None)
@given(_AWARE)
def test_every_timed_rendering_gives_the_same_instant(value: datetime) -> None:
    for text, options, with_seconds in _renderings(value):
        result = parse_date(text, **options)
        assert result is not None, text
        assert result.value == (value if with_seconds else value.replace(second=0)), text


@settings(max_examples=150, deadline=None)
@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from(sorted(_MONTHS)),
)
def test_every_date_rendering_gives_the_same_date(value: date, language: str) -> None:
    name = _MONTHS[language][value.month - 1]
    d, m, y = value.day, value.month, value.year
    texts = {
        "en": [f"{name} {d}, {y}", f"{d} {name} {y}", f"{_SHORT_EN[m - 1]}. {d}, {y}"],
        "de": [f"{d}. {name} {y}", f"{d:02d}.{m:02d}.{y}"],
        "fr": [f"{d} {name} {y}", f"le {d} {name} {y}"],
        "es": [f"{d} de {name} de {y}"],
        "pt": [f"{d} de {name} de {y}"],
        "it": [f"{d} {name} {y}"],
        "ru": [f"{d} {name} {y} года", f"{d} {name} {y} г."],
    }[language]
    texts += [value.isoformat(), f"{y}/{m:02d}/{d:02d}"]
    for text in texts:
        result = parse_date(text, languages=[language])
        assert result is not None, text
        assert result.value == value, text


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_any_str(text: str) -> None:
    result = parse_date(text)
    assert result is None or isinstance(result, DateResult)
    assert all(isinstance(item, DateResult) for item in find_dates(text))


_DATEISH = st.lists(
    st.sampled_from(
        [
            "12",
            "2020",
            "-",
            "/",
            ".",
            ":",
            " ",
            "Jan",
            "juin",
            "ago",
            "hours",
            "vor",
            "IST",
            "ET",
            "+05:30",
            "a.m.",
            "Updated:",
            "hier",
            "1er",
            "de",
            "г.",
            "T",
            "Z",
            "99",
            "0",
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_DATEISH, st.booleans())
def test_never_raises_on_date_like_noise(text: str, dayfirst: bool) -> None:
    reference = datetime(2026, 1, 28, 12, tzinfo=timezone.utc)
    result = parse_date(text, reference=reference, dayfirst=dayfirst)
    if result is not None:
        assert 0 <= result.start < result.end <= len(text)
        if isinstance(result.value, datetime):
            assert result.value.utcoffset() is not None
