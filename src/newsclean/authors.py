"""Author names: read the names in a byline or a meta tag, cleaned and normally capitalized.

:func:`parse_authors` splits a list of names and takes off what is not a name (the "By",
roles such as "Staff Writer", agencies such as "Associated Press", e-mail addresses and
handles); :func:`normalize_author` does the same for one name; :func:`fix_capitals` writes a
name or place printed in capitals as it is normally written (``McDONALD`` is ``McDonald``,
``DE LA CRUZ`` is ``de la Cruz`` after a first name). A desk signature ("Devdiscourse News
Desk") is kept when no person signs. The words used live in ``lexicon/bylines.json``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

import regex

from newsclean.errors import InputTypeError
from newsclean.lexicon import load

_INITIALS = regex.compile(r"(?:\p{Lu}\.)+")

__all__ = ["Chunk", "ChunkKind", "classify", "fix_capitals", "normalize_author", "parse_authors"]

ChunkKind = Literal["name", "desk", "agency", "outlet", "role", "contact", "empty", "other"]
"""What a piece of a byline is."""

# A name has at most this many words (particles and suffixes included).
_MAX_NAME_WORDS = 6
# An agency, outlet or role printed after a name has at most this many words.
_MAX_ATTRIBUTION_WORDS = 4
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_URL = r"(?:https?://|www\.)\S+"
_HANDLE = r"(?<![\w@])@\w{1,30}"
_BRACKETS = r"\([^()]*\)|\[[^\[\]]*\]|<[^<>]*>"
# A word printed in capitals ("McDONALD" counts: capitals after a Mc or Mac prefix).
_UPPER_WORD = regex.compile(r"^(?:Ma?c)?\p{Lu}[\p{Lu}\p{M}'’\-.]*$")


@dataclass(frozen=True, slots=True)
class Chunk:
    """A classified piece of a byline: its kind and, for a name or desk, the clean text.

    ``attributed`` is True for a name printed with its agency, outlet or role attached
    ("ERIC TUCKER Associated Press").
    """

    kind: ChunkKind
    text: str = ""
    attributed: bool = False


def phrase_alternation(words: Iterable[str]) -> str:
    """A pattern matching any of ``words``, longest first, spaces matching any white space.

    >>> print(phrase_alternation(["by", "written by"]))
    (?:written\\s+by|by)
    """
    escaped = sorted((regex.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return "(?:" + "|".join(escaped) + ")"


@dataclass(frozen=True, slots=True)
class _Words:
    data: dict[str, Any]
    noise: regex.Pattern[str]
    brackets: regex.Pattern[str]
    by: regex.Pattern[str]
    separators: regex.Pattern[str]
    role: regex.Pattern[str]
    trailing_role: regex.Pattern[str]
    agencies: frozenset[str]
    outlet_words: frozenset[str]
    desks: regex.Pattern[str]
    particles: frozenset[str]
    hyphen_particles: frozenset[str]
    suffixes: frozenset[str]
    mac_names: frozenset[str]
    not_name_words: frozenset[str]
    ignorable: regex.Pattern[str]
    ignorable_reverse: regex.Pattern[str]


@cache
def _words() -> _Words:
    data: dict[str, Any] = load("bylines")
    by = [phrase for phrases in data["by"].values() for phrase in phrases]
    plain = phrase_alternation(p for p in by if not p.endswith(":"))
    colon = phrase_alternation(p.rstrip(":") for p in by if p.endswith(":"))
    roles = phrase_alternation(data["roles"])
    modifiers = phrase_alternation(data["role_modifiers"])
    ignorable = rf"(?:^|\s+)(?:{phrase_alternation(data['ignorable'])})\s*:?\s*$"
    agency = phrase_alternation(data["agencies"])
    role = (
        rf"(?:{agency}\s+)?(?:(?:{modifiers})\s+)*{roles}"
        rf"(?:\s+(?:for|at|of|to|on|für|de|du|di|del)\s+.+)?"
    )
    return _Words(
        data=data,
        noise=regex.compile(rf"{_EMAIL}|{_URL}|{_HANDLE}|{_BRACKETS}", regex.I),
        # The noise pattern's last branches: all it can match in a text without "@", "://"
        # and "www." (see strip_noise).
        brackets=regex.compile(_BRACKETS, regex.I),
        by=regex.compile(rf"^\s*(?:(?:{plain})\s*:?\s+|(?:{colon})\s*:\s*)", regex.I),
        separators=regex.compile(r"\s*(?:[,;/|]|\s(?:and|&|und|et|y|e|и)\s)\s*", regex.I),
        role=regex.compile(rf"^(?:{role})$", regex.I),
        trailing_role=regex.compile(rf"[\s,]+(?:{modifiers}\s+)*{roles}$", regex.I),
        agencies=frozenset(data["agencies"]),
        outlet_words=frozenset(data["outlet_words"]),
        desks=regex.compile(rf"(?<!\w){phrase_alternation(data['desks'])}(?!\w)", regex.I),
        particles=frozenset(data["particles"]),
        hyphen_particles=frozenset(data["hyphen_particles"]),
        suffixes=frozenset(data["suffixes"]),
        mac_names=frozenset(data["mac_names"]),
        not_name_words=frozenset(data["not_name_words"]),
        ignorable=regex.compile(ignorable, regex.I),
        # The same pattern searched from the end: it finds a match where the forward search
        # finds one, but tries the anchor ``$`` first instead of the words at every space.
        ignorable_reverse=regex.compile(ignorable, regex.I | regex.REVERSE),
    )


def strip_by(text: str) -> tuple[str, bool]:
    """Return ``text`` without a leading "By" phrase, and whether it had one.

    >>> strip_by("By Jane Doe"), strip_by("Par Jean Dupont"), strip_by("Bystanders said")
    (('Jane Doe', True), ('Jean Dupont', True), ('Bystanders said', False))
    """
    match = _words().by.match(text)
    if match is None:
        return text, False
    return text[match.end() :], True


def strip_noise(text: str) -> str:
    """Take e-mail addresses, links, handles, bracketed notes and link words off ``text``.

    >>> strip_noise("Jane Doe (jane@example.com) @janedoe Follow")
    'Jane Doe'
    """
    words = _words()
    if "@" in text or "://" in text or "www." in text.lower():
        cleaned = words.noise.sub(" ", text)
    elif "(" in text or "[" in text or "<" in text:
        # Every e-mail address and handle needs an "@", every link a "://" or a "www." (only
        # "W" and "w" match "w" under regex.IGNORECASE, and ".", ":", "/" and "@" only
        # themselves: tests/test_byline_fast.py checks all of Unicode). Without them
        # those branches match nowhere, and the noise pattern replaces what its bracket
        # branches alone do; they are far cheaper than an e-mail branch tried at every word.
        cleaned = words.brackets.sub(" ", text)
    else:
        cleaned = text
    previous = None
    while previous != cleaned:
        previous = cleaned
        cleaned = cleaned.strip(" \t,;:|·•-–—")
        # sub changes the text only where the pattern matches; most texts have no match.
        if words.ignorable_reverse.search(cleaned) is not None:
            cleaned = words.ignorable.sub("", cleaned)
    return " ".join(cleaned.split())


def _may_hold_noise(text: str) -> bool:
    """Whether ``text`` has a character every match of the noise pattern needs (most byline
    pieces have none, and the pattern is slow to try at every word): every e-mail address
    and handle has "@", every link "://" or "www.", every note a bracket."""
    return (
        "@" in text
        or "(" in text
        or "[" in text
        or "<" in text
        or "://" in text
        or "www." in text.lower()
    )


def split_names(text: str) -> list[str]:
    """Split a list of names at commas, semicolons, slashes and "and" in any language.

    >>> split_names("JOHN SMITH and Jane Doe, Associated Press")
    ['JOHN SMITH', 'Jane Doe', 'Associated Press']
    """
    return [part.strip() for part in _words().separators.split(text) if part.strip()]


def classify(chunk: str, *, allow_lower: bool = False) -> Chunk:
    """Tell what one piece of a byline is: a name, desk, agency, outlet, role or other.

    ``allow_lower`` accepts a name written all in lower case (from a meta tag; in running
    text a lower-case "name" is usually not one).

    >>> classify("JANE McDONALD")
    Chunk(kind='name', text='Jane McDonald', attributed=False)
    >>> classify("ERIC TUCKER Associated Press")
    Chunk(kind='name', text='Eric Tucker', attributed=True)
    >>> [classify(text).kind for text in ("Staff Writer", "Reuters", "The Post", "the end")]
    ['role', 'agency', 'outlet', 'other']
    """
    words = _words()
    text = " ".join(strip_noise(chunk).split())
    key = text.lower().removeprefix("the ").strip(" .")
    if not text:
        return Chunk("empty")
    if key in words.agencies:
        return Chunk("agency")
    roles, desks = _may_hold_roles_desks(text)
    if roles and words.role.match(text):
        return Chunk("role")
    if desks and words.desks.search(text) and _capitalized(text):
        return Chunk("desk", fix_capitals(text))
    person, _, outlet = text.partition(" for ")
    if outlet and classify(outlet).kind not in ("agency", "outlet"):
        person = text
    name = _name_before_attribution(person, allow_lower, roles=roles)
    if name is not None:
        return Chunk("name", name, attributed=True)
    name = _name(person, allow_lower)
    if name is not None:
        return Chunk("name", name, attributed=person != text)
    tokens = text.lower().split()
    if _capitalized(text) and any(token.strip(".,") in words.outlet_words for token in tokens):
        return Chunk("outlet")
    return Chunk("other")


def _name_before_attribution(text: str, allow_lower: bool, *, roles: bool = True) -> str | None:
    """The name in "Eric Tucker Associated Press", "Kevin McCoy USA TODAY" or "Jane Doe
    Senior Reporter": a name followed by an agency, a role, or an outlet of two words or more.

    ``roles`` False says no role can match in ``text`` (see _may_hold_roles_desks): a tail
    of it is not tried as one.
    """
    words = _words()
    tokens = text.split()
    first_cut = max(2, len(tokens) - _MAX_ATTRIBUTION_WORDS)
    if first_cut >= len(tokens) or (not allow_lower and not _may_open_name(tokens[0])):
        # Every name tried below starts with tokens[0], and _name refuses a first word that
        # is not a name word (without allow_lower it reads the words as they are): the
        # answer is None whatever the attribution, so none is looked for.
        return None
    for cut in range(first_cut, min(len(tokens), _MAX_NAME_WORDS + 1)):
        tail = " ".join(tokens[cut:])
        key = tail.lower().removeprefix("the ").strip(" .")
        if key in words.agencies or (roles and words.role.match(tail)) or _outlet_name(key, tail):
            return _name(" ".join(tokens[:cut]), allow_lower)
    return None


# Characters that match a lexicon character under regex.IGNORECASE without lower-casing to
# it (dotted capital I, long s, old Cyrillic letter forms); tests/test_byline_exit.py
# recomputes the set over all of Unicode.
_ODD_CASE = regex.compile("[\u0130\u017f\u1c80-\u1c88]")
_WORD = regex.compile(r"\w+")
_ASCII_WORD = re.compile(r"\w+")


def _may_hold_roles_desks(text: str) -> tuple[bool, bool]:
    r"""Whether the role pattern may match ``text`` (or a tail of its tokens), and whether
    the desk pattern may find a desk in it: False only when it cannot.

    Each pattern matches a listed phrase P (a role; a desk) with ``regex.IGNORECASE``
    between white space, non-word characters or the ends of the text. Without the
    characters of _ODD_CASE, a character matching a lexicon character x lower-cases to x
    (and ``lower`` depends on context only for capital sigma, in no phrase); white space and
    the other non-word characters of P match only non-word characters. So each word (run of
    ``\w``) of P is a word of ``text.lower()``, as in lines._may_be_signed; a tail of the
    tokens of ``text`` has no other words.
    """
    if text.isascii():
        # The standard library's \w is regex's in ASCII, and faster.
        found = set(_ASCII_WORD.findall(text.lower()))
    elif _ODD_CASE.search(text):
        return True, True
    else:
        found = set(_WORD.findall(text.lower()))
    roles, desks = _role_desk_words()
    return _holds(found, roles), _holds(found, desks)


def _holds(words: set[str], phrases: dict[str, tuple[frozenset[str], ...]]) -> bool:
    """Whether ``words`` hold every word of one of ``phrases`` (from _phrase_index)."""
    return any(needed <= words for word in words & phrases.keys() for needed in phrases[word])


@cache
def _role_desk_words() -> tuple[dict[str, tuple[frozenset[str], ...]], ...]:
    data = _words().data
    return _phrase_index(data["roles"]), _phrase_index(data["desks"])


def _phrase_index(phrases: list[str]) -> dict[str, tuple[frozenset[str], ...]]:
    """For each word of ``phrases`` (lower case), the word sets of the phrases holding it."""
    index: dict[str, set[frozenset[str]]] = {}
    for phrase in phrases:
        needed = frozenset(_WORD.findall(phrase.lower()))
        for word in needed:
            index.setdefault(word, set()).add(needed)
    return {word: tuple(sets) for word, sets in index.items()}


def _outlet_name(key: str, tail: str) -> bool:
    """Whether ``tail`` is a publication's name: 2-3 plain capitalized words ending in a
    word such as Times, Post, News or Today ("USA TODAY", "Business Insider")."""
    words = key.split()
    return (
        2 <= len(words) <= 3
        and words[-1] in _words().outlet_words
        and _capitalized(tail)
        and all(word.isalpha() for word in words)
    )


def _capitalized(text: str) -> bool:
    return all(
        token[:1].isupper()
        or token[:1] in "&-'’"
        or not token[:1].isalpha()
        or token.lower() in _words().particles
        for token in text.split()
    )


def _may_open_name(token: str) -> bool:
    """Whether ``_name`` (without ``allow_lower``) accepts ``token`` as its first word: the
    first word is neither skipped as a particle or suffix nor allowed to be a listed
    non-name word."""
    return token.lower() not in _words().not_name_words and _name_word(token)


def _name(text: str, allow_lower: bool) -> str | None:
    """The name ``text`` holds, normally capitalized, or None if it is not a person's name."""
    words = _words()
    tokens = text.split()
    if not 2 <= len(tokens) <= _MAX_NAME_WORDS:
        return None
    if allow_lower and text.islower():
        text = text.title()
        tokens = text.split()
    core = 0
    for index, token in enumerate(tokens):
        lower = token.lower()
        if lower in words.not_name_words:
            return None
        if lower in words.suffixes and index > 0:
            continue
        if lower in words.particles and 0 < index < len(tokens) - 1:
            continue
        if not _name_word(token):
            return None
        core += 1
    return fix_capitals(text) if core >= 2 else None


_NAME_WORD = regex.compile(
    r"^(?:\p{Lu}\.(?:-?\p{Lu}\.)*|(?:\p{Lu}['’])?\p{Lu}[\p{L}\p{M}'’]*(?:-\p{Lu}[\p{L}\p{M}'’]*)*\.?)$"
)


def _name_word(token: str) -> bool:
    return _NAME_WORD.match(token) is not None and any(char.isalpha() for char in token)


def fix_capitals(text: str) -> str:
    """Write a name or place printed in capitals as it is normally written; keep others.

    Only words printed entirely in capitals change: particles (``de``, ``van``...) go to
    lower case after the first word, ``Mc``/``O'``/``D'`` and listed ``Mac`` names keep
    their inner capital, roman numerals and initials stay as they are.

    >>> [fix_capitals(n) for n in ("MARIA DE LA CRUZ", "SEAN O'BRIEN JR.", "Jane McDonald")]
    ['Maria de la Cruz', "Sean O'Brien Jr.", 'Jane McDonald']
    >>> [fix_capitals(n) for n in ("PORT-AU-PRINCE", "WASHINGTON, D.C.", "DEVDISCOURSE NEWS DESK")]
    ['Port-au-Prince', 'Washington, D.C.', 'Devdiscourse News Desk']
    """
    tokens = text.split(" ")
    return " ".join(_fix_token(token, index) for index, token in enumerate(tokens))


def _fix_token(token: str, index: int) -> str:
    word = token.rstrip(",;:")
    tail = token[len(word) :]
    if not _UPPER_WORD.match(word) or not any(char.isalpha() for char in word):
        return token
    words = _words()
    lower = word.lower()
    if _INITIALS.fullmatch(word) or lower in ("ii", "iii", "iv"):
        return token
    if index > 0 and lower in words.particles:
        return lower + tail
    parts = word.split("-")
    return "-".join(_fix_part(part, position) for position, part in enumerate(parts)) + tail


def _fix_part(part: str, position: int) -> str:
    words = _words()
    lower = part.lower()
    if position > 0 and (lower in words.particles or lower in words.hyphen_particles):
        return lower
    if len(lower) > 2 and lower[1] in "'’" and lower[0].isalpha():
        return lower[0].upper() + lower[1] + lower[2:].capitalize()
    if lower.startswith("mc") and len(lower) > 3:
        return "Mc" + lower[2:].capitalize()
    if lower.rstrip(".,") in words.mac_names:
        return "Mac" + lower[3:].capitalize()
    return lower.capitalize()


def parse_authors(text: str, *, allow_lower: bool = True) -> tuple[str, ...]:
    """Return the authors a byline or meta tag names, cleaned; desks only if no person signs.

    >>> parse_authors("By JOHN SMITH and Jane Doe, Associated Press")
    ('John Smith', 'Jane Doe')
    >>> parse_authors("Devdiscourse News Desk")
    ('Devdiscourse News Desk',)
    >>> parse_authors("Reuters")
    ()
    """
    if not isinstance(text, str):
        raise InputTypeError(f"parse_authors() takes str, not {type(text).__name__}")
    body, _ = strip_by(strip_noise(text))
    chunks = [classify(part, allow_lower=allow_lower) for part in split_names(body)]
    names = [chunk.text for chunk in chunks if chunk.kind == "name"]
    if not names:
        names = [chunk.text for chunk in chunks if chunk.kind == "desk"]
    return tuple(dict.fromkeys(names))


def normalize_author(name: str) -> str | None:
    """Return one author's name cleaned and normally capitalized, or None if it is not one.

    Takes off "By", roles, agencies, e-mail addresses and handles; a string naming several
    people gives None (use :func:`parse_authors` for lists).

    >>> normalize_author("By SEAN O'BRIEN, Staff Writer"), normalize_author("jane doe")
    ("Sean O'Brien", 'Jane Doe')
    >>> normalize_author("https://twitter.com/janedoe") is None
    True
    """
    authors = parse_authors(name)
    return authors[0] if len(authors) == 1 else None
