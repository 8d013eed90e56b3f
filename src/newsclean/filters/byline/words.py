"""Words, limits and a place reader shared by the parts of the byline filter.

The words come from ``lexicon/bylines.json``; they are compiled once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

import regex

from newsclean.authors import fix_capitals
from newsclean.authors import phrase_alternation as alternation
from newsclean.lexicon import load

__all__ = ["MAX_BYLINE_WORDS", "DateValue", "Lexicon", "alternation", "lexicon", "place_name"]

DateValue = datetime | date
"""A metadata date: an aware datetime, or a date when no time is printed."""

# A byline is short: at most this many words (seed 001's has 17). Longer blocks are prose.
MAX_BYLINE_WORDS = 40
# A place in a byline segment has at most this many capitalized words ("Rio de Janeiro").
_MAX_PLACE_WORDS = 3
_PLACE_WORD = regex.compile(
    r"^(?:\p{Lu}[\p{L}\p{M}'’.\-]*|de|da|do|del|la|el|es|al|di|am|upon|on)$"
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The compiled words of ``lexicon/bylines.json`` the byline readers use."""

    credits_authors: regex.Pattern[str]
    credits_others: regex.Pattern[str]
    credit_parts: regex.Pattern[str]
    reading_time: regex.Pattern[str]
    bio: regex.Pattern[str]
    bio_roles: regex.Pattern[str]
    bio_headings: frozenset[str]
    agencies: frozenset[str]
    not_place: frozenset[str]


@cache
def lexicon() -> Lexicon:
    """Return the compiled lexicon (built once per process)."""
    data: dict[str, Any] = load("bylines")
    verbs = [verb for words in data["bio"]["verbs"].values() for verb in words]
    phrases = alternation(data["credits"]["authors"] + data["credits"]["others"])
    return Lexicon(
        credit_parts=regex.compile(rf"\s*;\s*|\.\s+(?={phrases})", regex.I),
        credits_authors=regex.compile(
            rf"^\s*{alternation(data['credits']['authors'])}\s*:?\s+", regex.I
        ),
        credits_others=regex.compile(
            rf"^\s*{alternation(data['credits']['others'])}\s*:?\s+", regex.I
        ),
        reading_time=regex.compile(
            rf"^\s*\d{{1,3}}\s*{alternation(data['reading_time'])}\s*$", regex.I
        ),
        # The name is words and initials only; the verb is in lower case ("Fact Check: Is
        # An ..." is a headline, not a bio).
        bio=regex.compile(
            rf"^(?P<name>(?:[\p{{L}}\p{{M}}.'’\-]+\s+){{1,5}}?[\p{{L}}\p{{M}}.'’\-]+?)"
            rf"(?:\s+\([^()]*\))?\s+{alternation(verbs)}(?!\w)"
        ),
        bio_roles=regex.compile(rf"(?<!\w){alternation(data['bio']['roles'])}", regex.I),
        bio_headings=frozenset(data["bio"]["headings"]),
        agencies=frozenset(data["agencies"]),
        not_place=(frozenset(data["not_name_words"]) | frozenset(data["outlet_words"]))
        - frozenset(data["place_words"]),
    )


def place_name(text: str) -> str | None:
    """``text`` as a place name ("Taipei", "NEW DELHI"), or None."""
    words = text.split()
    if not 1 <= len([w for w in words if w[:1].isupper()]) <= _MAX_PLACE_WORDS:
        return None
    lex = lexicon()
    if any(not _PLACE_WORD.match(w) or w.lower().strip(".,") in lex.not_place for w in words):
        return None
    if not words[0][:1].isupper():
        return None
    return fix_capitals(text)
