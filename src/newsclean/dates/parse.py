"""Parse the dates news pages print: :func:`parse_date` and :func:`find_dates`.

A date is found by the compiled grammar (see :mod:`newsclean.dates.grammar`), then checked
and built here: the calendar date, the time of day, the zone, and what had to be assumed.
Nothing is read from digits alone: a numeric date needs all three parts, and a time needs a
date (or a relative word such as "yesterday") to belong to.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import cache, lru_cache

import regex

from newsclean.dates.grammar import (
    LANGUAGES,
    Found,
    Grammar,
    Label,
    LabelKind,
    grammar,
    matches,
    normalize_key,
)
from newsclean.dates.zones import localize, resolve_default_zone, zone_dayfirst, zone_for
from newsclean.errors import InputTypeError
from newsclean.lexicon import load

__all__ = ["DateResult", "date_starters", "find_dates", "parse_date"]

# A relative amount above this is not a date a page prints ("999999 days ago").
_MAX_AMOUNT = 100_000
# Two-digit years up to this are 20xx, above it 19xx.
_CENTURY_PIVOT = 69
_WORDY = regex.compile(r"[^\W_]")


@dataclass(frozen=True, slots=True)
class DateResult:
    """A date found in text, with what had to be assumed to read it.

    - ``value``: an aware :class:`~datetime.datetime` (fixed UTC offset) when the text has a
      time of day, else a :class:`~datetime.date`.
    - ``ambiguous``: the numeric date reads both ways (``03/04/2020``) and an order was chosen.
    - ``assumptions``: what was assumed, in words: the order of an ambiguous date and why,
      the zone of a time printed without one, the year of a date printed without one, the
      reference "now" of a relative date, the century of a two-digit year, what a zone
      abbreviation was read as.
    - ``label``: ``"published"`` or ``"updated"`` when a label such as ``Updated:`` or
      ``Publié le`` comes right before the date, else ``None``.
    - ``start``, ``end``: where the date (with its label) is in the text.
    """

    value: datetime | date
    ambiguous: bool = False
    assumptions: tuple[str, ...] = ()
    label: LabelKind | None = None
    start: int = 0
    end: int = 0

    @property
    def has_time(self) -> bool:
        """Whether the value carries a time of day (is a ``datetime``)."""
        return isinstance(self.value, datetime)


@dataclass(frozen=True, slots=True)
class _Settings:
    grammar: Grammar
    dayfirst: bool | None
    zone: tzinfo | None
    page_dayfirst: bool | None
    page_language: str | None


@dataclass(frozen=True, slots=True)
class _Context:
    settings: _Settings
    grammar: Grammar
    reference: datetime | None
    text: str

    @property
    def zone(self) -> tzinfo | None:
        return self.settings.zone


@dataclass(frozen=True, slots=True)
class _Day:
    value: date
    ambiguous: bool
    assumptions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Order:
    dayfirst: bool
    ambiguous: bool
    reason: str


def parse_date(
    text: str,
    *,
    reference: datetime | date | None = None,
    dayfirst: bool | None = None,
    default_tz: tzinfo | str | None = None,
    languages: Iterable[str] | None = None,
) -> DateResult | None:
    """Return the first date in ``text``, or ``None`` if it holds none; never raises on a str.

    ``reference`` is "now" for relative dates and dates without a year (default: the
    current time, recorded as an assumption). ``dayfirst`` settles numeric dates that read
    both ways; without it the page language (first of ``languages``), the other dates in
    the text, then English month-first decide. ``default_tz`` (a ``tzinfo``, abbreviation
    or IANA name) is the zone of times printed without one (default UTC). ``languages``
    limits the words read to those languages (default: all of en, de, fr, es, pt, it, ru).

    >>> parse_date("Updated: 28-01-2026 07:09 IST").value.isoformat()
    '2026-01-28T07:09:00+05:30'
    >>> parse_date("2 mai 2018").value
    datetime.date(2018, 5, 2)
    >>> parse_date("3/4 of voters") is None
    True
    """
    context = _context(text, reference, dayfirst, default_tz, languages)
    for match in matches(text, context.grammar):
        result = _build(match, context)
        if result is not None:
            return result
    return None


def find_dates(
    text: str,
    *,
    reference: datetime | date | None = None,
    dayfirst: bool | None = None,
    default_tz: tzinfo | str | None = None,
    languages: Iterable[str] | None = None,
) -> list[DateResult]:
    """Return every date in ``text``, in order, with its label; options as :func:`parse_date`.

    >>> line = "Desk | Updated: 28-01-2026 07:09 IST | Created: 27-01-2026 21:00 IST"
    >>> [(d.label, d.value.isoformat()) for d in find_dates(line)]
    [('updated', '2026-01-28T07:09:00+05:30'), ('published', '2026-01-27T21:00:00+05:30')]
    """
    context = _context(text, reference, dayfirst, default_tz, languages)
    found = (_build(match, context) for match in matches(text, context.grammar))
    return [result for result in found if result is not None]


def _context(
    text: object,
    reference: object,
    dayfirst: object,
    default_tz: tzinfo | str | None,
    languages: Iterable[str] | None,
) -> _Context:
    if not isinstance(text, str):
        raise InputTypeError(f"dates are parsed from str, not {type(text).__name__}")
    if dayfirst is not None and not isinstance(dayfirst, bool):
        raise InputTypeError(f"dayfirst must be a bool or None, not {type(dayfirst).__name__}")
    if languages is not None:
        languages = (languages,) if isinstance(languages, str) else tuple(languages)
    settings = _settings(dayfirst, default_tz, languages)
    reference = _aware_reference(reference, settings.zone)
    return _Context(settings, settings.grammar, reference, text)


def date_starters(languages: Iterable[str] | None = None) -> Mapping[str, bool]:
    """The words other than numbers that can begin a date in ``languages``, in lower case
    (the grammar :func:`find_dates` uses for these ``languages``).

    A date is looked for only at a word (a run of ``\\w`` as the standard library's ``re``
    reads it) that starts with a digit (``str.isdigit``) or whose lower-case form is one of
    these: in a text with neither, :func:`find_dates` finds nothing, whatever the options.

    >>> starters = date_starters(["en"])
    >>> "january" in starters, "news" in starters
    (True, False)
    """
    if languages is not None:
        languages = (languages,) if isinstance(languages, str) else tuple(languages)
    return _settings(None, None, languages).grammar.starters


@lru_cache(maxsize=256)
def _settings(
    dayfirst: bool | None, default_tz: tzinfo | str | None, languages: tuple[str, ...] | None
) -> _Settings:
    """The options a call needs, resolved once per distinct combination."""
    zone = resolve_default_zone(default_tz)
    codes = _language_codes(languages)
    bases = {base for base, _ in codes}
    supported = tuple(code for code in LANGUAGES if code in bases) or LANGUAGES
    return _Settings(
        grammar=grammar(supported),
        dayfirst=dayfirst,
        zone=zone,
        page_dayfirst=_language_dayfirst(*codes[0]) if codes else None,
        page_language=codes[0][0] if codes else None,
    )


def _language_codes(languages: tuple[str, ...] | None) -> list[tuple[str, str]]:
    if languages is None:
        return []
    codes: list[tuple[str, str]] = []
    for code in languages:
        if not isinstance(code, str):
            raise InputTypeError(f"language codes are str, not {type(code).__name__}")
        base, _, region = code.replace("_", "-").lower().partition("-")
        codes.append((base, region))
    return codes


@cache
def _language_dayfirst(base: str, region: str) -> bool:
    """Whether numeric dates are day-first in a language: English month-first, others not."""
    lang = load("dates")["languages"].get(base)
    if lang is None:
        return True
    return bool(lang["dayfirst"]) or region in lang.get("dayfirst_regions", ())


def _aware_reference(reference: object, zone: tzinfo | None) -> datetime | None:
    if reference is None:
        return None
    if isinstance(reference, datetime):
        if reference.tzinfo is None or reference.utcoffset() is None:
            return reference.replace(tzinfo=zone or timezone.utc)
        return reference
    if isinstance(reference, date):
        return datetime.combine(reference, time(), zone or timezone.utc)
    raise InputTypeError(f"reference must be a datetime or date, not {type(reference).__name__}")


def _now(context: _Context) -> tuple[datetime, tuple[str, ...]]:
    if context.reference is not None:
        return context.reference, ()
    return datetime.now(context.zone or timezone.utc), ("reference: now",)


def _page_order(text: str, gram: Grammar) -> bool | None:
    """Day-first (True) or month-first (False) as another numeric date in ``text`` shows it."""
    for match in matches(text, gram):
        if match.get("a") is None or match.get("s") == ".":
            continue
        first, second = match.number("a"), match.number("b")
        if first > 12 >= second:
            return True
        if second > 12 >= first:
            return False
    return None


def _build(match: Found, context: _Context) -> DateResult | None:
    label = _label(match, context.grammar)
    if match.get("ru") or match.get("rday") or match.get("rnow"):
        return _relative_result(match, context, label)
    day = _calendar_day(match, context, label)
    if day is None:
        return None
    value: datetime | date = day.value
    assumptions = day.assumptions
    clock = _clock(match, "") or _clock(match, "p")
    if clock is not None:
        token = match.get("tz") or match.get("ptz")
        zoned = _zoned(datetime.combine(day.value, clock), token, context)
        if zoned is None:
            return None
        value, zone_notes = zoned
        assumptions += zone_notes
    return DateResult(
        value=value,
        ambiguous=day.ambiguous,
        assumptions=assumptions,
        label=label.kind if label else None,
        start=match.start,
        end=match.end,
    )


def _label(match: Found, gram: Grammar) -> Label | None:
    text = match.get("label")
    return gram.labels.get(normalize_key(text)) if text else None


def _calendar_day(match: Found, context: _Context, label: Label | None) -> _Day | None:
    if match.get("m") is not None:
        return _make_day(match.number("y"), match.number("m"), match.number("d"))
    if match.get("a") is not None:
        return _numeric_day(match, context, label)
    return _named_day(match, context)


def _make_day(
    year: int, month: int, day: int, ambiguous: bool = False, notes: tuple[str, ...] = ()
) -> _Day | None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return _Day(date(year, month, day), ambiguous, notes)


def _numeric_day(match: Found, context: _Context, label: Label | None) -> _Day | None:
    first, second, sep = match.text("a"), match.text("b"), match.text("s")
    year_text = match.text("y")
    notes: tuple[str, ...] = ()
    if len(year_text) == 2:
        # A two-digit year only with / or ., and with dots only as dd.mm.yy (not 1.5.20).
        if sep == "-" or (sep == "." and (len(first) != 2 or len(second) != 2)):
            return None
        year = int(year_text) + (2000 if int(year_text) <= _CENTURY_PIVOT else 1900)
        notes = (f"century: {year} for '{year_text}'",)
    else:
        year = int(year_text)
    order = _numeric_order(int(first), int(second), sep, match, context, label)
    if order is None:
        return None
    day, month = (int(first), int(second)) if order.dayfirst else (int(second), int(first))
    if order.ambiguous:
        notes += (order.reason,)
    return _make_day(year, month, day, order.ambiguous, notes)


def _numeric_order(
    first: int, second: int, sep: str, match: Found, context: _Context, label: Label | None
) -> _Order | None:
    """Which of two numbers is the day: a number above 12 decides, then, in this order,
    ``dayfirst``, dots (always day-first), the zone printed with the time, the page
    language, the label's language, other numeric dates in the text, English month-first."""
    if first > 12 and second > 12:
        return None
    if first > 12 or second > 12 or first == second:
        return _Order(first > 12 or first == second, False, "")
    settings = context.settings
    if settings.dayfirst is not None:
        return _Order(settings.dayfirst, True, _order_note(settings.dayfirst, "dayfirst given"))
    if sep == ".":
        return _Order(True, True, "day first: dotted date")
    zone = match.get("tz") or match.get("ptz")
    zone_order = zone_dayfirst(zone) if zone else None
    if zone_order is not None:
        return _Order(zone_order, True, _order_note(zone_order, f"time zone {zone}"))
    if settings.page_dayfirst is not None:
        note = f"page language {settings.page_language}"
        return _Order(settings.page_dayfirst, True, _order_note(settings.page_dayfirst, note))
    if label is not None:
        dayfirst = _language_dayfirst(label.language, "")
        return _Order(dayfirst, True, _order_note(dayfirst, f"label language {label.language}"))
    page = _page_order(context.text, context.grammar)
    if page is not None:
        return _Order(page, True, _order_note(page, "other dates in the text"))
    return _Order(False, True, "month first: English default")


def _order_note(dayfirst: bool, why: str) -> str:
    return f"{'day' if dayfirst else 'month'} first: {why}"


def _named_day(match: Found, context: _Context) -> _Day | None:
    token = match.text("mon")
    month = context.grammar.months.get(normalize_key(token))
    if month is None:
        return None
    day = match.number("d")
    year_text = match.get("y")
    if year_text is not None:
        return _make_day(int(year_text), month, day)
    if token.islower() and token in context.grammar.risky_months:
        return None
    return _yearless_day(month, day, context)


def _yearless_day(month: int, day: int, context: _Context) -> _Day | None:
    """The latest such date not after the reference (Feb 29 looks back to a leap year)."""
    now, notes = _now(context)
    if day > calendar.monthrange(2000, month)[1]:
        return None
    for year in range(now.year, max(now.year - 8, 0), -1):
        if day <= calendar.monthrange(year, month)[1] and date(year, month, day) <= now.date():
            return _Day(date(year, month, day), False, (*notes, f"year: {year} (none given)"))
    return None


def _clock(match: Found, prefix: str) -> time | None:
    hour_text = match.get(prefix + "H")
    if hour_text is None:
        return None
    hour = int(hour_text)
    minute = int(match.get(prefix + "M") or 0)
    second = min(int(match.get(prefix + "S") or 0), 59)
    fraction = match.get(prefix + "frac") if prefix == "" else None
    micro = int(fraction[:6].ljust(6, "0")) if fraction else 0
    ampm = match.get(prefix + "ampm")
    if ampm and 1 <= hour <= 12:
        hour = hour % 12 + (12 if ampm[0] in "pP" else 0)
    return time(hour, minute, second, micro)


def _zoned(
    naive: datetime, token: str | None, context: _Context
) -> tuple[datetime, tuple[str, ...]] | None:
    if token is None:
        if context.zone is not None:
            return localize(naive, context.zone), ("time zone: default_tz (none given)",)
        return naive.replace(tzinfo=timezone.utc), ("time zone: UTC (none given)",)
    zone = zone_for(token)
    if zone is None:
        return None
    aware = localize(naive, zone, token)
    if token.isalpha() and token not in ("Z", "UTC", "GMT", "UT"):
        return aware, (_zone_note(token, aware.utcoffset()),)
    return aware, ()


@lru_cache(maxsize=256)
def _zone_note(token: str, offset: timedelta | None) -> str:
    return f"time zone: {token} read as {timezone(offset or timedelta())}"


def _relative_result(match: Found, context: _Context, label: Label | None) -> DateResult | None:
    clock = _clock(match, "")
    if (match.get("rday") or match.get("rnow")) and not (
        label or clock or _stands_alone(context.text, match)
    ):
        # "today", "hier" (German "here"), "now" count only labelled, timed or on their own.
        return None
    now, notes = _now(context)
    value = _relative_value(match, context.grammar, now)
    if value is None:
        return None
    if clock is not None and not isinstance(value, datetime):
        token = match.get("tz")
        zone = zone_for(token) if token else now.tzinfo
        value = localize(datetime.combine(value, clock), zone or timezone.utc, token or "")
    return DateResult(
        value=value,
        assumptions=notes,
        label=label.kind if label else None,
        start=match.start,
        end=match.end,
    )


def _stands_alone(text: str, match: Found) -> bool:
    return _WORDY.search(text, 0, match.start) is None and _WORDY.search(text, match.end) is None


def _relative_value(match: Found, gram: Grammar, now: datetime) -> datetime | date | None:
    if match.get("rnow"):
        return now
    day_word = match.get("rday")
    if day_word:
        return _shift_days(now.date(), gram.days[normalize_key(day_word)])
    count_text = match.get("rn")
    if count_text is None:
        count = 1
    elif count_text.isdigit():
        count = int(count_text)
    else:
        count = gram.numbers.get(normalize_key(count_text), 0)
    unit = gram.units.get(normalize_key(match.text("ru")))
    if unit is None or not 0 < count <= _MAX_AMOUNT:
        return None
    return _ago(now, count, unit)


def _ago(now: datetime, count: int, unit: str) -> datetime | date | None:
    try:
        if unit in ("second", "minute", "hour"):
            return now - timedelta(**{unit + "s": count})
        if unit in ("day", "week"):
            return now.date() - timedelta(days=count * (7 if unit == "week" else 1))
    except OverflowError:
        return None
    months = count * (12 if unit == "year" else 1)
    index = now.year * 12 + now.month - 1 - months
    year, month = divmod(index, 12)
    if year < 1:
        return None
    return date(year, month + 1, min(now.day, calendar.monthrange(year, month + 1)[1]))


def _shift_days(day: date, offset: int) -> date | None:
    try:
        return day + timedelta(days=offset)
    except OverflowError:
        return None
