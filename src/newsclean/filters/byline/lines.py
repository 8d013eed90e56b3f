"""Byline lines near the title: who signs, where from, and when.

A line is cut at its dates (found by :func:`newsclean.dates.find_dates`) and at separators
(``|``, ``·``, ``•``, spaced dashes); every piece must then be people, a place, a role, an
agency, a reading time or contact noise, or the line is not a byline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Literal

import regex

from newsclean.authors import (
    Chunk,
    _may_hold_noise,
    classify,
    split_names,
    strip_by,
    strip_noise,
)
from newsclean.dates import DateResult, find_dates
from newsclean.filters.byline.words import MAX_BYLINE_WORDS, DateValue, lexicon, place_name
from newsclean.lexicon import load

__all__ = ["Byline", "parse_byline"]

_SEGMENTS = regex.compile(r"\s+[|•·]\s+|\s+[—–]\s+|\s+-\s+|\s*\|\s*|\n+")
_BEFORE_DATE = regex.compile(r"(?:\s+(?:on|at|am|um|le|el|em|il|в|dne))?[\s,|·•\-–—:]*$", regex.I)
_SEPARATOR_START = regex.compile(r"^\s*[|•·,;\-–—/]")


@dataclass(frozen=True, slots=True)
class Byline:
    """What a byline line says: authors (or a desk), a place, and its dates.

    ``rest`` is text that followed the byline's last date in the same block (a line the
    text reader joined to it); it stays in the body. ``agency`` is True when an agency
    signs ("By Reuters"); an agency's name is not an author.
    """

    authors: tuple[str, ...] = ()
    desks: tuple[str, ...] = ()
    place: str | None = None
    published: DateValue | None = None
    updated: DateValue | None = None
    rest: str = ""
    agency: bool = False

    @property
    def signed(self) -> bool:
        """Whether someone signs: a person, a desk or an agency ("By Reuters")."""
        return bool(self.authors or self.desks or self.agency)


@dataclass(frozen=True, slots=True)
class _Segment:
    kind: Literal["people", "place", "meta", "other"]
    names: tuple[str, ...] = ()
    desks: tuple[str, ...] = ()
    by: bool = False
    attributed: bool = False
    place: str | None = None
    agency: bool = False


def _could_sign(text: str) -> bool:
    """Whether ``text`` has what every byline needs: a digit (a date without a reference has
    one) or a word of a "By" phrase, a role, an agency, an outlet or a desk. A menu line has
    neither."""
    if _DIGIT.search(text):
        return True
    return not _trigger_words().isdisjoint(_WORD.findall(text.casefold()))


@cache
def _trigger_words() -> frozenset[str]:
    data = load("bylines")
    phrases = [p for group in data["by"].values() for p in group]
    phrases += data["roles"] + data["agencies"] + data["desks"] + data["outlet_words"]
    return frozenset(word for phrase in phrases for word in _WORD.findall(phrase.casefold()))


def _may_be_signed(text: str) -> bool:
    r"""False only if no segment of ``text`` can be a signature that needs no date: one with
    a "By" phrase, or one that names an agency, an outlet or a role.

    Why parse_byline may return None when this is False and ``text`` has no date. With no
    date, the only piece is ``text`` itself and ``rest`` is empty; a line without people is
    refused, and people need a segment with ``by`` or ``attributed`` (_places_after_people
    turns neither kind into a place). ``by`` means the "By" pattern matched at the start of
    a stripped segment; ``attributed`` means classify found an agency (its key equals a
    listed agency), a role (the role pattern matched), an outlet word (a lower-cased token
    stripped of ".," or the last word of a key), or a name before or "for" one of these.
    So some phrase P of the "By" phrases (colon taken off), roles, agencies or outlet words
    matched a text T derived from ``text``.

    (1) When ``text`` holds no noise mark, every T is ``" ".join(s.split())`` for some
    substring s of ``text``: segments, "By" prefixes, names lists, " for " and the word
    lists are cut off, ``strip_noise`` only strips ends and cuts an ignorable tail (the
    noise pattern runs only where a mark is: no "@", "(", "[", "<" appears, a "://" or
    "www." would need the same characters side by side in ``text``, and only "W", "w" and
    "." lower to a string holding "w" or "."), and white space becomes one space.
    (2) Every cut is next to white space or one of " \t,;:|·•-–—/", none of them a word
    character (``\w``) and all lower-cased to themselves; so is "." (stripped from keys).
    So P is bounded in T by such characters or T's ends, and so in ``text``.
    (3) The agency and outlet tests compare ``str.lower`` results with P; the "By" and
    role patterns match with ``regex.IGNORECASE`` (simple case folding, one character for
    one), under which a character matches a lexicon character x only if it lower-cases to
    x, except the characters of _ODD_CASE (the tests check both over all of Unicode).
    ``lower`` depends on context only for capital sigma, and no phrase holds a sigma.
    So ``text.lower()`` holds P between non-word characters (the white space P's spaces
    matched included), and each word (``\w+`` run) of P is a word of ``text.lower()``.
    """
    if _may_hold_noise(text) or (not text.isascii() and _ODD_CASE.search(text)):
        return True
    words = set(_WORD.findall(text.lower()))
    if not words.isdisjoint(_signature_words()[0]):
        return True
    phrases = _signature_words()[1]
    return any(needed <= words for word in words & phrases.keys() for needed in phrases[word])


@cache
def _signature_words() -> tuple[frozenset[str], dict[str, tuple[frozenset[str], ...]]]:
    """The one-word phrases that can sign without a date (see _may_be_signed), and for each
    word of a longer one the word sets of the phrases holding it."""
    data = load("bylines")
    phrases = [p.rstrip(":") for group in data["by"].values() for p in group]
    phrases += data["roles"] + data["agencies"] + data["outlet_words"]
    single: set[str] = set()
    longer: dict[str, set[frozenset[str]]] = {}
    for phrase in phrases:
        needed = frozenset(_WORD.findall(phrase))
        if len(needed) == 1:
            single |= needed
        for word in needed:
            longer.setdefault(word, set()).add(needed)
    return frozenset(single), {
        word: tuple(sets) for word, sets in longer.items() if word not in single
    }


# Characters that match a lexicon character under regex.IGNORECASE without lower-casing to
# it (dotted capital I, long s, old Cyrillic letter forms); tests/test_byline_exit.py
# recomputes the set over all of Unicode.
_ODD_CASE = regex.compile("[\u0130\u017f\u1c80-\u1c88]")
_DIGIT = regex.compile(r"\d")
_WORD = regex.compile(r"\w+")

# Lines of at least this many words, most of them in lower case, are sentences. Bylines are
# names, labels and dates ("By Jane Doe | Updated: 12 March 2024 10:15 GMT").
_SENTENCE_MIN_WORDS = 6


def parse_byline(
    text: str, *, reference: datetime | None = None, languages: Sequence[str] | None = None
) -> Byline | None:
    """Read ``text`` as a byline or a line of dates; None if it is anything else.

    A byline names people (or a desk or agency) and has a "By" phrase, a date, or a role or
    agency after the names; every other part must be a date, a place, a role, an agency, a
    reading time or contact noise. Relative and year-less dates count only with a
    ``reference``.

    >>> b = parse_byline("Devdiscourse News Desk | Taipei | Updated: 28-01-2026 07:09 IST")
    >>> b.desks, b.place, b.updated.isoformat()
    (('Devdiscourse News Desk',), 'Taipei', '2026-01-28T07:09:00+05:30')
    >>> parse_byline("By the end of the year, prices had doubled.") is None
    True
    """
    # Split no further than needed: a paragraph of prose has hundreds of words.
    words = text.split(None, MAX_BYLINE_WORDS)
    if not text or len(words) > MAX_BYLINE_WORDS or text[:1] in "—–":
        # A line opening with a dash attributes a quotation or an embedded post.
        return None
    if len(words) >= _SENTENCE_MIN_WORDS and 2 * _lower_initials(words) > len(words):
        # Mostly lower-case words: a sentence, not names, labels and dates.
        return None
    if reference is None and not _could_sign(text):
        return None
    dates = find_dates(text, reference=reference, languages=languages)
    if not dates and not _may_be_signed(text):
        # Without a date the line needs a signature its words do not have (see _may_be_signed).
        return None
    pieces, rest = _cut_at_dates(text, dates)
    segments: list[_Segment] = []
    for piece in pieces:
        for part in _SEGMENTS.split(piece):
            if part.strip():
                segment = _segment(part)
                if segment.kind == "other":
                    # Not a byline (nothing below turns an "other" segment into another).
                    return None
                segments.append(segment)
    segments = _places_after_people(segments)
    people = [segment for segment in segments if segment.kind == "people"]
    usable = [d for d in dates if "reference: now" not in d.assumptions]
    if people and not (
        dates or any(s.by or (s.attributed and (s.names or s.desks)) for s in people)
    ):
        # Names need a "By", a date or an attribution; an agency alone needs a "By" or a date.
        return None
    if not people and (not dates or rest):
        return None
    if rest and not (rest[:1].isupper() or rest[:1] in "\"“‘'«"):
        return None
    published, updated = _byline_dates(usable)
    return Byline(
        authors=tuple(dict.fromkeys(name for s in people for name in s.names)),
        desks=tuple(dict.fromkeys(desk for s in people for desk in s.desks)),
        place=next((s.place for s in segments if s.kind == "place"), None),
        published=published,
        updated=updated,
        rest=rest,
        agency=any(s.agency for s in people),
    )


def _lower_initials(words: list[str]) -> int:
    """How many of ``words`` (non-empty) start with a lower-case letter."""
    return sum(map(str.islower, "".join([word[0] for word in words])))


def _cut_at_dates(text: str, dates: list[DateResult]) -> tuple[list[str], str]:
    """The text between the dates, and what follows the last date with no separator."""
    pieces: list[str] = []
    start = 0
    for found in dates:
        pieces.append(_BEFORE_DATE.sub("", text[start : found.start]))
        start = found.end
    tail = text[start:]
    if dates and tail.strip() and not _SEPARATOR_START.match(tail):
        return pieces, tail.strip()
    pieces.append(tail)
    return pieces, ""


def _segment(text: str) -> _Segment:
    body, by = strip_by(text.strip())
    body = strip_noise(body)
    if not body:
        return _Segment("meta", by=by)
    if lexicon().reading_time.match(body):
        return _Segment("meta")
    chunks: list[Chunk] = []
    for part in split_names(body):
        chunk = classify(part)
        if chunk.kind == "other":
            # Neither "people" nor "meta" allows an "other" chunk, whatever the others are:
            # they are not classified, and only a place is left.
            break
        chunks.append(chunk)
    else:
        kinds = {chunk.kind for chunk in chunks}
        if kinds <= {"name", "desk", "agency", "outlet", "role", "empty"} and kinds & {
            "name",
            "desk",
            "agency",
        }:
            return _Segment(
                "people",
                names=tuple(c.text for c in chunks if c.kind == "name"),
                desks=tuple(c.text for c in chunks if c.kind == "desk"),
                by=by,
                attributed=bool(kinds & {"agency", "outlet", "role"})
                or any(c.attributed for c in chunks),
                agency="agency" in kinds,
            )
        if kinds <= {"role", "outlet", "empty"}:
            return _Segment("meta")
    place = place_name(body)
    if place is not None and not by:
        return _Segment("place", place=place)
    return _Segment("other")


def _places_after_people(segments: list[_Segment]) -> list[_Segment]:
    """A short name-like segment after the signature is the place ("Jane Doe | New Delhi")."""
    seen_people = False
    out: list[_Segment] = []
    for segment in segments:
        if segment.kind == "people" and seen_people and not segment.by and not segment.attributed:
            names = segment.names + segment.desks
            place = place_name(names[0]) if len(names) == 1 else None
            if place is not None:
                out.append(_Segment("place", place=place))
                continue
        seen_people = seen_people or segment.kind == "people"
        out.append(segment)
    return out


def _byline_dates(dates: list[DateResult]) -> tuple[DateValue | None, DateValue | None]:
    published = next((d.value for d in dates if d.label == "published"), None)
    updated = next((d.value for d in dates if d.label == "updated"), None)
    plain = [d.value for d in dates if d.label is None]
    if published is None and plain:
        published = plain.pop(0)
    if updated is None and plain and published is not None and _later(plain[0], published):
        updated = plain[0]
    return published, updated


def _later(left: DateValue, right: DateValue) -> bool:
    if isinstance(left, datetime) and isinstance(right, datetime):
        return left > right
    return _day(left) > _day(right)


def _day(value: DateValue) -> date:
    return value.date() if isinstance(value, datetime) else value
