"""Read the dates news pages print, fast and without guessing.

:func:`parse_date` returns the first date in a string, :func:`find_dates` every date with
the label before it (``Updated:``, ``Publié le``, ...). Both return :class:`DateResult`
objects carrying the value (an aware ``datetime``, or a ``date`` when no time is printed)
and what was assumed to read it. The words they know live in ``lexicon/dates.json``.

Forms read: ISO 8601 (extended), RFC 2822, numeric dates with ``/``, ``-`` or ``.``
(a two-digit year only with ``/`` or ``.``), month names and abbreviations before or after
the day in English, German, French, Spanish, Portuguese, Italian and Russian, times on 12
and 24 hour clocks (``7:09 a.m.``, ``14h05``, ``14.05 Uhr``) before or after the date, time
zone abbreviations and numeric offsets, and relative forms (``3 hours ago``, ``vor 3
Stunden``, ``yesterday``). Not read: ISO basic format (``20200619``), week dates, Unix
timestamps, years alone, months without a day.

>>> parse_date("Publié le 2 mai 2018 à 14h05").value.isoformat()
'2018-05-02T14:05:00+00:00'
>>> parse_date("Price: $3.50, score 3-2") is None
True
"""

from __future__ import annotations

from newsclean.dates.grammar import LANGUAGES, LabelKind
from newsclean.dates.parse import DateResult, find_dates, parse_date
from newsclean.dates.zones import zone_for

__all__ = ["LANGUAGES", "DateResult", "LabelKind", "find_dates", "parse_date", "zone_for"]
