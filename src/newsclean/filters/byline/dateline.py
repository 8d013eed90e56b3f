"""Agency datelines opening a paragraph: ``TAIPEI, Jan 28 (Reuters) -``, ``WASHINGTON —``."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import regex

from newsclean.authors import fix_capitals
from newsclean.dates import find_dates
from newsclean.filters.byline.words import DateValue, lexicon, place_name

__all__ = ["Dateline", "split_dateline"]

_CAPS_PLACE = (
    r"\p{Lu}[\p{Lu}\p{M}'’.\-]{2,}(?:\s+(?:\p{Lu}[\p{Lu}\p{M}'’.\-]*|de|da|do|del|la|el|es|al|di))*"
)
_AGENCY_DATELINE = regex.compile(
    r"^(?P<head>[^()\n]{2,70}?)\s*\((?P<agency>[^()\n]{1,40})\)\s*(?:—|–|--|-|:)\s*(?=\S)"
)
_CAPS_DATELINE = regex.compile(
    rf"^(?P<head>{_CAPS_PLACE}(?:,[^—–\n]{{1,40}}?)?)\s+(?:—|–|--)\s*(?=\S)"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """An agency dateline opening a paragraph: the place, the date and the text after it."""

    place: str
    prefix: str
    rest: str
    value: DateValue | None = None


def split_dateline(
    text: str, *, reference: datetime | None = None, languages: Sequence[str] | None = None
) -> Dateline | None:
    """Split an agency dateline off the start of a paragraph; None if it has none.

    The place is written as places are normally written; a date in the dateline is kept
    when it can be read (a date without a year needs ``reference``).

    >>> d = split_dateline("TAIPEI, Jan 28 (Reuters) - Senior officials met on Tuesday.")
    >>> d.place, d.prefix, d.rest
    ('Taipei', 'TAIPEI, Jan 28 (Reuters) -', 'Senior officials met on Tuesday.')
    >>> split_dateline("WASHINGTON (AP) — The Senate voted.").place
    'Washington'
    >>> split_dateline("US - China talks resumed on Monday.") is None
    True
    """
    if "(" not in text and "—" not in text and "–" not in text and "--" not in text:
        # Each pattern needs one of these (case-sensitive literals): most paragraphs have none.
        return None
    match = _AGENCY_DATELINE.match(text) if _may_open_agency_dateline(text) else None
    if match is not None and not _is_agency(match.group("agency")):
        match = None
    if match is None and _may_open_caps_dateline(text):
        match = _CAPS_DATELINE.match(text)
    if match is None:
        return None
    rest = text[match.end() :]
    if len(rest.split()) < 3 or not (rest[:1].isupper() or rest[:1] in "\"“‘'«(0123456789"):
        return None
    parsed = _dateline_head(
        match.group("head"),
        caps_only=match.re is _CAPS_DATELINE,
        reference=reference,
        languages=languages,
    )
    if parsed is None:
        return None
    place, value = parsed
    return Dateline(place=place, prefix=text[: match.end()].strip(), rest=rest, value=value)


def _may_open_agency_dateline(text: str) -> bool:
    """False only if _AGENCY_DATELINE cannot match ``text``: its head (2 to 70 characters,
    none of "()\\n") and white space lead to the first "(", so what comes before that has
    no ")" and, but for white space at its end (str.rstrip takes all \\s and more), no "\\n"
    and at most 70 characters; the agency (1 to 40 characters, none of "()\\n") ends at the
    next ")", and white space (str.lstrip, likewise) then a dash or a colon follow."""
    opening = text.find("(")
    if opening < 2 or ")" in text[:opening]:
        return False
    head = text[:opening].rstrip()
    if len(head) > 70 or "\n" in head:
        return False
    closing = text.find(")", opening + 1)
    if closing < 0:
        return False
    agency = text[opening + 1 : closing]
    if not 1 <= len(agency) <= 40 or "(" in agency or "\n" in agency:
        return False
    return text[closing + 1 :].lstrip()[:1] in ("—", "–", "-", ":")


def _may_open_caps_dateline(text: str) -> bool:
    """False only if _CAPS_DATELINE cannot match ``text``: its place opens with a capital
    (\\p{Lu}, all upper case for str.isupper) and one of [\\p{Lu}\\p{M}'’.\\-]."""
    if len(text) < 2 or not text[0].isupper():
        return False
    second = text[1]
    return second.isupper() or second in "'’.-" or unicodedata.category(second)[0] == "M"


def _is_agency(text: str) -> bool:
    key = " ".join(text.lower().split())
    agencies = lexicon().agencies
    return key in agencies or key.split(" ")[0] in agencies


def _dateline_head(
    head: str, *, caps_only: bool, reference: datetime | None, languages: Sequence[str] | None
) -> tuple[str, DateValue | None] | None:
    parts = [part.strip() for part in head.split(",")]
    place_parts: list[str] = []
    value: DateValue | None = None
    for index, part in enumerate(parts):
        found = find_dates(part, reference=reference, languages=languages) if index else []
        if found and len(part) - (found[0].end - found[0].start) <= 2:
            if "reference: now" not in found[0].assumptions:
                value = found[0].value
            continue
        if value is not None or place_name(part) is None or len(place_parts) >= 3:
            return None
        place_parts.append(part)
    if not place_parts:
        return None
    first = place_parts[0]
    if caps_only and not first.isupper():
        return None
    if not (first.isupper() or first.istitle()) or first.lower() in lexicon().not_place:
        return None
    return fix_capitals(", ".join(place_parts)), value
