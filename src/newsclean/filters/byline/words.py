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

__all__ = [
    "MAX_BYLINE_WORDS",
    "NOT_BYLINES",
    "DateValue",
    "Lexicon",
    "alternation",
    "lexicon",
    "place_name",
]

DateValue = datetime | date
"""A metadata date: an aware datetime, or a date when no time is printed."""

# Blocks of these kinds are never read as bylines or credit lines.
NOT_BYLINES = ("preformatted", "table_cell", "heading", "quote")
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
    credits_any: regex.Pattern[str]
    credit_starts: frozenset[str] | None
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
    credit_phrases = data["credits"]["authors"] + data["credits"]["others"]
    phrases = alternation(credit_phrases)
    name_word = r"[\p{L}\p{M}.'’\-]"
    return Lexicon(
        credit_parts=regex.compile(rf"\s*;\s*|\.\s+(?={phrases})", regex.I),
        credits_authors=regex.compile(
            rf"^\s*{alternation(data['credits']['authors'])}\s*:?\s+", regex.I
        ),
        credits_others=regex.compile(
            rf"^\s*{alternation(data['credits']['others'])}\s*:?\s+", regex.I
        ),
        # Matches where credits_authors or credits_others does: the same prefix and suffix
        # around one alternation of both lists (a match of either is one of this, and back).
        credits_any=regex.compile(rf"^\s*{phrases}\s*:?\s+", regex.I),
        credit_starts=_starts(credit_phrases),
        reading_time=regex.compile(
            rf"^\s*\d{{1,3}}\s*{alternation(data['reading_time'])}\s*$", regex.I
        ),
        # The name is words and initials only; the verb is in lower case ("Fact Check: Is
        # An ..." is a headline, not a bio).
        # Two to six name words: the fewest after which a verb follows. A name word is taken
        # whole (atomic group): it can only end where white space or the text ends, since the
        # white space after it is outside its characters; so this matches exactly where
        # ``(?:W+\s+){1,5}?W+?`` does, with the same name, without trying each shorter prefix
        # of the last word (``tests/test_byline.py`` checks the two agree).
        bio=regex.compile(
            rf"^(?P<name>(?>{name_word}+)(?:\s+(?>{name_word}+)){{1,5}}?)"
            rf"(?:\s+\([^()]*\))?\s+{alternation(verbs)}(?!\w)"
        ),
        bio_roles=regex.compile(rf"(?<!\w){alternation(data['bio']['roles'])}", regex.I),
        bio_headings=frozenset(data["bio"]["headings"]),
        agencies=frozenset(data["agencies"]),
        not_place=(frozenset(data["not_name_words"]) | frozenset(data["outlet_words"]))
        - frozenset(data["place_words"]),
    )


def _starts(phrases: list[str]) -> frozenset[str] | None:
    """The first two characters of ``phrases``, lower-cased; None unless all are ASCII
    letters (see parse_credits)."""
    starts = frozenset(phrase[:2].lower() for phrase in phrases)
    return starts if all(len(s) == 2 and s.isascii() and s.isalpha() for s in starts) else None


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
