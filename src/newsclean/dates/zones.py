"""Time zones: abbreviations, numeric offsets, and localizing a wall-clock time.

Abbreviations come from the one table in ``lexicon/dates.json`` (``time_zones``): each maps
to a fixed offset (``IST`` is India, ``+05:30``) or to an IANA zone, whose offset is the one
in force on that date (``ET`` is ``-05:00`` in January and ``-04:00`` in July). IANA zones
need the system time zone database or the ``tzdata`` package.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo
from functools import cache, lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import regex

from newsclean.errors import ConfigError
from newsclean.lexicon import load

__all__ = ["localize", "parse_offset", "resolve_default_zone", "zone_dayfirst", "zone_for"]

_OFFSET = regex.compile(r"(?:UTC|GMT)?\s?([+\-−])\s?(\d{1,2})(?::?(\d{2}))?")
# Real offsets run from -12:00 to +14:00.
_MAX_OFFSET = timedelta(hours=14)


def parse_offset(text: str) -> timezone | None:
    """Return the fixed zone a numeric offset names (``+05:30``, ``-0400``, ``GMT+8``), or None.

    >>> [str(parse_offset(text)) for text in ("GMT+8", "-0430", "+05:30")]
    ['UTC+08:00', 'UTC-04:30', 'UTC+05:30']
    >>> parse_offset("+25:00") is None
    True
    """
    match = _OFFSET.fullmatch(text.strip())
    if match is None:
        return None
    sign, hours, minutes = match.groups()
    offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if offset > _MAX_OFFSET or int(minutes or 0) >= 60:
        return None
    return timezone(-offset if sign in "-−" else offset)


@cache
def _table() -> dict[str, str]:
    zones: dict[str, str] = load("dates")["time_zones"]["zones"]
    return {key: value for key, value in zones.items() if not key.startswith("_")}


@cache
def _standard() -> frozenset[str]:
    return frozenset(load("dates")["time_zones"]["standard"])


@cache
def _orders() -> dict[str, bool]:
    table = load("dates")["time_zones"]
    orders = dict.fromkeys(table["monthfirst"], False)
    orders.update(dict.fromkeys(table["dayfirst"], True))
    return orders


def zone_dayfirst(token: str) -> bool | None:
    """Whether numeric dates are day-first where a zone abbreviation is used (None: unknown).

    >>> zone_dayfirst("IST"), zone_dayfirst("ET"), zone_dayfirst("UTC")
    (True, False, None)
    """
    return _orders().get(token)


@cache
def _iana(name: str) -> tzinfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


@lru_cache(maxsize=1024)
def zone_for(token: str) -> tzinfo | None:
    """Return the zone a time zone token names: an abbreviation, an offset, or ``Z``.

    An abbreviation that maps to an IANA zone returns that zone (its offset depends on the
    date); one that maps to an offset returns a fixed zone. Unknown tokens give ``None``.

    >>> zone_for("IST")
    datetime.timezone(datetime.timedelta(seconds=19800))
    >>> zone_for("ET")
    zoneinfo.ZoneInfo(key='America/New_York')
    """
    if token in ("Z", "z"):
        return timezone.utc
    target = _table().get(token)
    if target is None:
        return parse_offset(token)
    fixed = parse_offset(target)
    return fixed if fixed is not None else _iana(target)


def resolve_default_zone(value: tzinfo | str | None) -> tzinfo | None:
    """Return ``default_tz`` as a zone: a ``tzinfo``, a table token, or an IANA name.

    Raises :class:`~newsclean.errors.ConfigError` for a name that is none of these.

    >>> resolve_default_zone("Europe/Berlin")
    zoneinfo.ZoneInfo(key='Europe/Berlin')
    """
    if value is None or isinstance(value, tzinfo):
        return value
    if isinstance(value, str):
        zone = zone_for(value) or (_iana(value) if "/" in value or value == "UTC" else None)
        if zone is not None:
            return zone
    raise ConfigError(
        f"default_tz {value!r} is not a tzinfo, a time zone abbreviation, an offset "
        "or an IANA zone name (install 'tzdata' if IANA names are missing)"
    )


def localize(naive: datetime, zone: tzinfo, token: str = "") -> datetime:
    """Attach ``zone`` to a wall-clock time and return it with a fixed offset.

    In the hour a zone repeats in autumn, a token that names standard time (``EST``) picks
    the second occurrence and any other token the first.

    >>> localize(datetime(2026, 7, 4, 9, 0), zone_for("ET")).isoformat()
    '2026-07-04T09:00:00-04:00'
    """
    fold = 1 if token in _standard() else 0
    aware = naive.replace(tzinfo=zone, fold=fold)
    offset = aware.utcoffset()
    if offset is None or isinstance(zone, timezone):
        return aware
    return aware.replace(tzinfo=timezone(offset), fold=0)
