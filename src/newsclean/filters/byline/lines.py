"""Byline lines near the title: who signs, where from, and when.

A line is cut at its dates (found by :func:`newsclean.dates.find_dates`) and at separators
(``|``, ``·``, ``•``, spaced dashes); every piece must then be people, a place, a role, an
agency, a reading time or contact noise, or the line is not a byline.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from operator import itemgetter
from typing import Literal

import regex

from newsclean.authors import (
    _ODD_CASE,
    Chunk,
    _may_hold_noise,
    _words,
    classify,
    split_names,
    strip_by,
    strip_noise,
)
from newsclean.dates import DateResult, find_dates
from newsclean.dates.parse import date_starters
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


@cache
def _trigger_words() -> frozenset[str]:
    """The words of the "By" phrases, roles, agencies, outlets and desks (case-folded)."""
    data = load("bylines")
    phrases = [p for group in data["by"].values() for p in group]
    phrases += data["roles"] + data["agencies"] + data["desks"] + data["outlet_words"]
    return frozenset(word for phrase in phrases for word in _WORD.findall(phrase.casefold()))


def _may_be_signed(text: str, words: Collection[str] | None = None) -> bool:
    r"""False only if no segment of ``text`` can be a signature that needs no date: one
    that opens with a "By" phrase, or names people or a desk with an agency, an outlet or
    a role. ``words``, if given, are the words (``\w+`` runs) of ``text.lower()``.

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

    The words may still not sign. (4) Say they hold no role and no agency (so no chunk is
    a role or an agency, and no name is attributed by one), and the "By" pattern matches
    at the start of no stripped part of ``_SEGMENTS.split(text)`` (the segments of an
    undated line), so no segment has ``by``. Then ``attributed`` needs an outlet: an
    "outlet" chunk beside the name or desk in the same segment, so a names-list separator
    there; or a name with an outlet name after it (two name words and two or three
    outlet words) or "for" one ("Jane Doe for Post"), so four tokens in one chunk. A
    chunk is a substring of ``text`` with its white space normalized (by (1)), so its
    tokens are parts of different tokens of ``text`` (``str.split`` for both), and a
    separator match in it is one in ``" ".join(text.split())`` (the pattern has no
    look-around). With no outlet word either, no segment is ``attributed`` at all.
    """
    if _may_hold_noise(text) or (not text.isascii() and _ODD_CASE.search(text)):
        return True
    if words is None:
        words = (_ASCII_WORD if text.isascii() else _WORD).findall(text.lower())
    found = set(words)
    keys, phrases = _phrase_index()
    held = 0
    for word in found & keys:
        for needed, kind in phrases[word]:
            if not held & kind and needed <= found:
                held |= kind
    if held & _ATTRIBUTION:
        return True
    if held & _BY and any(_words().by.match(part.strip()) for part in _SEGMENTS.split(text)):
        return True
    if not held & _OUTLET:
        return False
    return len(text.split()) >= 4 or _words().separators.search(" ".join(text.split())) is not None


# The kinds of signing phrases _may_be_signed tells apart.
_BY, _ATTRIBUTION, _OUTLET = 1, 2, 4


@cache
def _phrase_index() -> tuple[frozenset[str], dict[str, tuple[tuple[frozenset[str], int], ...]]]:
    """For each word of a signing phrase, the phrases holding it: each as its set of words
    and its kind (_BY: a "By" phrase, colon taken off; _ATTRIBUTION: a role or an agency;
    _OUTLET: an outlet word)."""
    data = load("bylines")
    kinds = [(p.rstrip(":"), _BY) for group in data["by"].values() for p in group]
    kinds += [(p, _ATTRIBUTION) for p in data["roles"] + data["agencies"]]
    kinds += [(p, _OUTLET) for p in data["outlet_words"]]
    index: dict[str, set[tuple[frozenset[str], int]]] = {}
    for phrase, kind in kinds:
        needed = frozenset(_WORD.findall(phrase))
        for word in needed:
            index.setdefault(word, set()).add((needed, kind))
    return frozenset(index), {word: tuple(entries) for word, entries in index.items()}


_DIGIT = regex.compile(r"\d")
_FIRST = itemgetter(0)
_WORD = regex.compile(r"\w+")
_ASCII_DIGIT = re.compile("[0-9]")
_ASCII_WORD = re.compile(r"\w+")

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
    # Every byline has a digit (a date without a reference has one) or a word of a "By"
    # phrase, a role, an agency, an outlet or a desk; a menu line has neither. In ASCII
    # text the standard library's engine (faster) reads \d and \w as regex does ([0-9],
    # [A-Za-z0-9_]), and casefold is lower. ``tokens``: the words (\w+ runs) of the
    # case-folded text when it has no digit, else None.
    tokens: list[str] | None
    ascii = text.isascii()
    if ascii:
        lowered = text.lower()
        if lowered.replace(" ", "").isalpha():
            # Only letters and spaces (most menu lines): no digit, and the words are the
            # runs of letters between spaces.
            tokens = lowered.split()
        else:
            tokens = None if _ASCII_DIGIT.search(text) else _ASCII_WORD.findall(lowered)
    else:
        tokens = None if _DIGIT.search(text) else _WORD.findall(text.casefold())
    if tokens is not None and reference is None and _trigger_words().isdisjoint(tokens):
        return None
    if not ascii:
        tokens = None  # _may_be_signed wants the words of text.lower(), not of casefold()
    if tokens is not None and date_starters(languages).keys().isdisjoint(tokens):
        # No date can start in this text (see date_starters): these are the lower-cased
        # words find_dates tries (its engine's \w, in ASCII), and none starts with a
        # digit, as there is none.
        dates: list[DateResult] = []
    else:
        dates = find_dates(text, reference=reference, languages=languages)
    if not dates and not _may_be_signed(text, tokens):
        # Without a date the line needs a signature its words do not have (see _may_be_signed).
        return None
    return _byline_from(text, dates)


def undated_byline(text: str) -> Byline | None:
    """:func:`parse_byline` of ``text`` (whatever the options) when it passes its early
    exits (a short line, not a sentence, a digit or signing word or a reference) and
    find_dates finds no date in it: what parse_byline then reads (the compiled gate of
    the byline filter knows when, see fast.py)."""
    return _byline_from(text, []) if _may_be_signed(text) else None


def _byline_from(text: str, dates: list[DateResult]) -> Byline | None:
    """The byline ``text`` is, given the dates found in it; None if a part of it is not a
    name, desk, agency, role, place or date, or it lacks what a byline needs."""
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
    return sum(map(str.islower, map(_FIRST, words)))


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
        signed = _signed_segment(chunks, by)
        if signed is not None:
            return signed
    return _place_segment(body, by)


def _signed_segment(chunks: list[Chunk], by: bool) -> _Segment | None:
    """The "people" or "meta" segment that ``chunks`` (a segment's pieces, classified) make,
    or ``None``; ``by`` tells whether the segment opened with a "By" phrase."""
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
    return None


def _place_segment(body: str, by: bool) -> _Segment:
    """The segment of ``body`` when its pieces sign nothing: a place, or "other"."""
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
