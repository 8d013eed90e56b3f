"""What follows the body: credit lines and author boxes."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from newsclean.authors import classify, split_names
from newsclean.filters.byline.words import MAX_BYLINE_WORDS, lexicon, place_name

_IN_PLACE = regex.compile(r"\s+(?:in|from)\s+")
_SENTENCE_BREAK = regex.compile(r"(?<=[.!?])\s")

__all__ = ["Credits", "bio_name", "has_bio_role", "parse_credits"]

# An author box bio is one short paragraph; longer paragraphs are article text.
_MAX_BIO_WORDS = 150


@dataclass(frozen=True, slots=True)
class Credits:
    """A credit line: the reporters and writers it names, and where they reported from."""

    authors: tuple[str, ...]
    place: str | None = None


def parse_credits(text: str) -> Credits | None:
    """Read a credit line; its reporters and writers are authors, its editors are not.

    >>> parse_credits("(Reporting by Ben Blanchard in Taipei; Editing by Tom Hogue)")
    Credits(authors=('Ben Blanchard',), place='Taipei')
    >>> parse_credits("Reporting from the border was difficult.") is None
    True
    """
    body = text.strip()
    if body.startswith("(") and body.endswith(")"):
        body = body[1:-1]
    lex = lexicon()
    start = body.lstrip()[:2]
    if lex.credit_starts is not None and start.isascii() and start.lower() not in lex.credit_starts:
        # credits_any would have to match a phrase after ``^\s*``: str.lstrip takes every
        # character regex's ``\s`` matches (and a few more, where a phrase cannot start
        # either), so the phrase would start at ``start``. ``body`` itself is not stripped
        # when it was in parentheses ("( Reporting by ...)"). Every phrase starts with two
        # ASCII letters (credit_starts), and under regex.IGNORECASE an ASCII character
        # matches an ASCII letter only if it lower-cases to it: no phrase matches here.
        return None
    return _read_credits(body)


def _read_credits(body: str) -> Credits | None:
    """:func:`parse_credits` of ``body``, the line stripped and out of its parentheses."""
    lex = lexicon()
    # Every part must open with a credit phrase, so the line must too: most lines fail here.
    # (One match of both lists: credits_any matches where either of them does.)
    if lex.credits_any.match(body) is None:
        return None
    if len(body.split()) > MAX_BYLINE_WORDS * 2:
        return None
    authors: list[str] = []
    place: str | None = None
    for part in lex.credit_parts.split(body.strip().rstrip(".")):
        writer = lex.credits_authors.match(part)
        if writer is None and lex.credits_others.match(part) is None:
            return None
        if writer is None:
            continue
        for chunk in split_names(part[writer.end() :]):
            person, *where = _IN_PLACE.split(chunk, maxsplit=1)
            name = classify(person)
            if name.kind != "name":
                return None
            authors.append(name.text)
            place = place or (place_name(where[0]) if where else None)
    return Credits(tuple(dict.fromkeys(authors)), place) if authors else None


def bio_name(text: str) -> str | None:
    """The name an author bio starts with ("Jane Doe is a reporter ..."), or None.

    >>> bio_name("Sana Khan is the News Editor at Modern Diplomacy.")
    'Sana Khan'
    >>> bio_name("The minister is a former reporter.") is None
    True
    """
    # Both tests must pass; the pattern (which reads only the first words) goes first, so
    # the long paragraphs it refuses are not split.
    match = lexicon().bio.match(text)
    if match is None or len(text.split(None, _MAX_BIO_WORDS)) > _MAX_BIO_WORDS:
        return None
    chunk = classify(match.group("name"))
    return chunk.text if chunk.kind == "name" else None


def has_bio_role(text: str) -> bool:
    """Whether the first sentence of a bio names a job such as reporter or editor."""
    first_sentence = _SENTENCE_BREAK.split(text, maxsplit=1)[0]
    return lexicon().bio_roles.search(first_sentence) is not None
