"""The compiled date grammar: one regular expression per set of languages, built from data.

Every word the grammar knows (month and weekday names, labels, relative forms, time zone
abbreviations) comes from ``lexicon/dates.json``; this module only arranges them into one
pattern whose named groups the parser reads. Grammars are built once per language set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

import regex

from newsclean.lexicon import load

__all__ = ["LANGUAGES", "Found", "Grammar", "LabelKind", "grammar", "matches", "normalize_key"]

LabelKind = Literal["published", "updated"]
"""What a label before a date says the date is."""

LANGUAGES: tuple[str, ...] = tuple(load("dates")["languages"])
"""The languages whose month names, labels and relative forms the grammar reads."""


@dataclass(frozen=True, slots=True)
class Label:
    """A label phrase's meaning: the kind of date it announces and its language."""

    kind: LabelKind
    language: str


@dataclass(frozen=True, slots=True)
class Grammar:
    """Compiled patterns and the tables that turn their matched words into numbers.

    ``labelled``, ``digit`` and ``word`` are one grammar compiled for a match starting at a
    label, a digit, or another word that can begin a date; ``starters`` maps each such
    first word (lower case) to whether it begins a label.
    """

    labelled: regex.Pattern[str]
    digit: regex.Pattern[str]
    word: regex.Pattern[str]
    starters: Mapping[str, bool]
    months: Mapping[str, int]
    labels: Mapping[str, Label]
    units: Mapping[str, str]
    numbers: Mapping[str, int]
    days: Mapping[str, int]
    now: frozenset[str]
    risky_months: frozenset[str]


def normalize_key(text: str) -> str:
    """Return a matched phrase as a table key: lower case, one space between words.

    >>> normalize_key("Last   Updated")
    'last updated'
    """
    return " ".join(text.lower().replace("’", "'").split())


def _phrases(words: Iterable[str], *, fold: bool = True) -> str:
    """A pattern matching any of ``words`` (longest first), as a trie of shared prefixes.

    A space in a word matches any run of white space and an apostrophe either apostrophe.
    A trie makes a failed match cost one character test instead of one per word.
    """
    trie: dict[str, Any] = {}
    for word in {normalize_key(word) if fold else word for word in words}:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _emit(trie) + ")"


def _emit(node: Mapping[str, Any]) -> str:
    branches = [_char(char) + _emit(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # "(?:x|)" rather than "(?:x)?": regex sets up every repeat at each match call.
    return f"(?:{body}|)" if "" in node else body


def _char(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char == "'":
        return "['’]"
    return regex.escape(char)


def _time(prefix: str, tsep: bool) -> str:
    """The time-of-day pattern; ``prefix`` names its groups; ``tsep`` allows ``h`` and ``.``."""
    h, m, s, f, ap = (prefix + name for name in ("H", "M", "S", "frac", "ampm"))
    ampm = rf"(?P<{ap}>[ap]\.?\s?m\b\.?)"
    seconds = rf"(?::(?P<{s}>[0-5]\d|60)(?:[.,](?P<{f}>\d{{1,9}}))?)?"
    clock = rf"(?P<{h}>[01]?\d|2[0-3]):(?P<{m}>[0-5]\d){seconds}"
    if not tsep:
        return rf"(?<![\d:.])(?:{clock}(?:\s*{ampm})?|(?P<{h}>1[0-2]|0?[1-9])\s*{ampm})"
    dot_end = r"(?=\s*(?:Uhr\b|[hH]\b|(?-i:[A-Z]{2,5})\b|[+\-−]\d|[(|,;)\]–—]|\s-|$))"
    forms = [
        rf"{clock}(?:\s*{ampm})?",
        rf"(?P<{h}>[01]?\d|2[0-3])\s?h\s?(?P<{m}>[0-5]\d)(?!\d)",
        rf"(?P<{h}>[01]?\d|2[0-3])\.(?P<{m}>[0-5]\d){dot_end}",
        rf"(?P<{h}>[01]?\d|2[0-3])(?:\s?h\b|(?=\s*Uhr\b))",
        rf"(?P<{h}>1[0-2]|0?[1-9])\s*{ampm}",
    ]
    return r"(?<![\d:.])(?:" + "|".join(forms) + r")(?:\s*(?:Uhr|hrs?)\b)?"


def _zone(name: str, zones: Iterable[str]) -> str:
    offset = r"[+\-−]\s?\d{1,2}(?::?\d{2})?(?!\d)"
    return (
        rf"\(?(?-i:(?P<{name}>Z\b|(?:UTC|GMT)\s?{offset}|[+\-−]\d{{2}}:?\d{{2}}(?!\d)"
        rf"|{_phrases(zones, fold=False)}(?![^\W\d_])))\)?"
    )


def relative_templates(langs: list[Mapping[str, Any]]) -> tuple[list[str], list[str], list[str]]:
    """The words of the relative templates of ``langs``: those before the number ("vor",
    "il y a"), those after the unit ("ago"), and those after a unit whose number may be
    left out ("назад")."""
    before: list[str] = []
    after: list[str] = []
    after_optional: list[str] = []
    for lang in langs:
        for template in lang["relative"]["templates"]:
            head, _, tail = template.partition("{unit}")
            if tail.strip():
                (after_optional if "{n?}" in head else after).append(tail.strip())
            else:
                before.append(head.replace("{n}", "").replace("{n?}", "").strip())
    return before, after, after_optional


def _relative(langs: list[Mapping[str, Any]]) -> tuple[list[str], str]:
    """The relative forms led by a word, and those led by digits, templates merged by shape."""
    numbers = [word for lang in langs for word in lang["relative"]["numbers"]]
    units = [
        word for lang in langs for words in lang["relative"]["units"].values() for word in words
    ]
    unit = rf"(?P<ru>{_phrases(units)})(?!\w)"
    before, after, after_optional = relative_templates(langs)
    word_led: list[str] = []
    digit_led = r"(?!)"
    number = rf"(?P<rn>\d{{1,6}}|{_phrases(numbers)})"
    if before:
        word_led.append(rf"{_phrases(before)}\s+{number}\s*{unit}")
    if after or after_optional:
        suffixes = _phrases(after + after_optional)
        word_led.append(rf"(?P<rn>{_phrases(numbers)})\s*{unit}\s+{suffixes}")
        digit_led = rf"(?P<rn>\d{{1,6}})\s*{unit}\s+{suffixes}(?!\w)"
    if after_optional:
        word_led.append(rf"{unit}\s+{_phrases(after_optional)}")
    return word_led, digit_led


# The words a day may have before its month ("5 de mayo", "5th of May").
DAY_MONTH_WORDS = ("de", "of")


def _core(langs: list[Mapping[str, Any]], months: Iterable[str]) -> str:
    ordinals = [o for lang in langs for o in lang["ordinals"]]
    year_suffixes = [s for lang in langs for s in lang["year_suffixes"]]
    ordinal = rf"{_phrases(ordinals)}?" if ordinals else ""
    suffix = rf"(?:\s*{_phrases(year_suffixes)}(?!\w))?" if year_suffixes else ""
    day = r"(?P<d>3[01]|[12]\d|0?[1-9])"
    year = r"(?P<y>[12]\d{3})(?!\d)"
    month = rf"(?P<mon>{_phrases(months)})(?!\w)\.?"
    iso = rf"(?P<y>[12]\d{{3}})(?P<s>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=s){day}(?!\d)"
    numeric = r"(?P<a>\d{1,2})(?P<s>[-/.])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})(?![\d]|[-/.]\d)"
    day_month = (
        rf"{day}{ordinal}(?:\s*[-/.]\s*|\s+(?:(?:{'|'.join(DAY_MONTH_WORDS)})\s+)?){month}"
        rf"(?:(?:\s*[-/.,]\s*|\s+(?:(?:de|del)\s+)?){year}{suffix})?"
    )
    month_day = rf"{month}(?:\s+|\s*[-/]\s*){day}(?!\d){ordinal}(?:\s*,?\s*{year})?"
    days = [word for lang in langs for word in lang["relative"]["days"]]
    now = [word for lang in langs for word in lang["relative"]["now"]]
    relative, relative_digit = _relative(langs)
    digit_led = "|".join([iso, numeric, day_month, relative_digit])
    word_led = "|".join(
        [month_day, *relative, rf"(?P<rday>{_phrases(days)})", rf"(?P<rnow>{_phrases(now)})"]
    )
    # A cheap test of the first character skips the branches that cannot match there.
    return rf"(?:(?=\d)(?:{digit_led})|(?!\d)(?:{word_led})(?!\w))"


def _pattern_texts(
    langs: list[Mapping[str, Any]], months: Iterable[str], zones: list[str]
) -> dict[str, str]:
    labels = [word for lang in langs for kind in lang["labels"].values() for word in kind]
    preps = [word for lang in langs for word in lang["label_prepositions"]]
    connectors = [word for lang in langs for word in lang["time_connectors"]]
    weekdays = [word for lang in langs for word in lang["weekdays"]]
    label = (
        rf"(?P<label>{_phrases(labels)})(?!\w)(?>\s*[:\-–—]?\s*)"
        rf"(?:{_phrases(preps)}(?!\w)(?>\s*[:\-–—]?\s*))?"
    )
    pre_time = rf"{_time('p', tsep=False)}(?:\s*{_zone('ptz', zones)})?(?>\s*(?:[,|·•/\-–—]\s*)?)"
    weekday = rf"(?:(?!\d){_phrases(weekdays)}(?!\w)\.?,?\s*)?"
    joint = (
        rf"(?:T|(?=[\s,|·•/\-–—])\s*[,|·•/]?\s*(?:[-–—]\s*)?"
        rf"(?:{_phrases(connectors)}(?!\w)\s*)?)"
    )
    post_time = rf"(?:{joint}{_time('', tsep=True)}(?:\s*{_zone('tz', zones)})?)?"
    # A date never starts inside a word or a run of digits and separators ("1.5.2020").
    start = r"(?<![\w+\-/.,])(?<!\d[:.,/-]\s?)"
    rest = weekday + _core(langs, months) + post_time
    return {
        "labelled": rf"{start}(?:{label})?(?:{pre_time})?{rest}",
        "digit": rf"{start}(?:{pre_time})?{rest}",
        "word": rf"{start}{rest}",
    }


def _starting_words(langs: list[Mapping[str, Any]], months: Iterable[str]) -> Iterator[str]:
    """Every word a date can start with, other than a label and a number."""
    yield from months
    for lang in langs:
        relative = lang["relative"]
        yield from lang["weekdays"]
        yield from relative["numbers"]
        yield from relative["days"]
        yield from relative["now"]
        for template in relative["templates"]:
            first = template.split()[0]
            if first == "{n?}":
                yield from (word for words in relative["units"].values() for word in words)
            elif not first.startswith("{"):
                yield first


# The standard library's engine is the faster one for this simple pattern.
_TOKEN = re.compile(r"\w+")


def _first_token(phrase: str) -> str:
    match = _TOKEN.search(normalize_key(phrase))
    return match.group() if match else ""


@cache
def grammar(languages: tuple[str, ...] = LANGUAGES) -> Grammar:
    """Return the compiled grammar for ``languages`` (codes from :data:`LANGUAGES`).

    >>> grammar(("en",)).months["sept"]
    9
    """
    data = load("dates")
    langs = [data["languages"][code] for code in languages]
    tables = _tables(languages, data)
    zones = [zone for zone in data["time_zones"]["zones"] if not zone.startswith("_")]
    texts = _pattern_texts(langs, tables["months"], zones)
    flags = regex.IGNORECASE | regex.UNICODE
    starters = dict.fromkeys(map(_first_token, _starting_words(langs, tables["months"])), False)
    starters.update(dict.fromkeys(map(_first_token, tables["labels"]), True))
    return Grammar(
        labelled=regex.compile(texts["labelled"], flags),
        digit=regex.compile(texts["digit"], flags),
        word=regex.compile(texts["word"], flags),
        starters=starters,
        months=tables["months"],
        labels=tables["labels"],
        units=tables["units"],
        numbers=tables["numbers"],
        days=tables["days"],
        now=frozenset(tables["now"]),
        risky_months=frozenset(data["risky_months"]["words"]),
    )


@dataclass(frozen=True, slots=True)
class Found:
    """One match of the grammar: its span and its named groups (read by name, cheaply)."""

    start: int
    end: int
    values: tuple[str | None, ...]
    index: Mapping[str, int]

    def get(self, name: str) -> str | None:
        """Return the text of group ``name``, or None if it did not take part."""
        position = self.index.get(name)
        return None if position is None else self.values[position - 1]

    def text(self, name: str) -> str:
        """Return the text of group ``name``, or "" if it did not take part."""
        return self.get(name) or ""

    def number(self, name: str) -> int:
        """Return group ``name`` (digits the grammar guarantees) as an int; 0 if absent."""
        value = self.get(name)
        return int(value) if value else 0


def matches(text: str, gram: Grammar) -> Iterator[Found]:
    """Yield the date matches in ``text``, left to right, none overlapping.

    Only word starts that can begin a date (a digit, a label, a month, weekday or relative
    word) are tried, each with the pattern for that kind of word: far cheaper than letting
    one pattern try every position.

    >>> [(m.start, m.end, m.get("label")) for m in matches("Posted Jan 5, 2026; 3-2", grammar())]
    [(0, 18, 'Posted')]
    """
    end = 0
    for token in _TOKEN.finditer(text):
        start = token.start()
        if start < end:
            continue
        word = token.group()
        if word[0].isdigit():
            pattern = gram.digit
        else:
            labelled = gram.starters.get(word.lower())
            if labelled is None:
                continue
            pattern = gram.labelled if labelled else gram.word
        match = pattern.match(text, start)
        if match is not None:
            end = match.end()
            # Match.group(name) is slow in regex; a tuple and a dict lookup are not.
            yield Found(start, end, match.groups(), pattern.groupindex)


def _tables(languages: tuple[str, ...], data: Mapping[str, Any]) -> dict[str, Any]:
    months: dict[str, int] = {}
    labels: dict[str, Label] = {}
    units: dict[str, str] = {}
    numbers: dict[str, int] = {}
    days: dict[str, int] = {}
    now: list[str] = []
    for code in languages:
        lang = data["languages"][code]
        for index, names in enumerate(lang["months"], start=1):
            months.update((normalize_key(name), index) for name in names)
        for kind, phrases in lang["labels"].items():
            labels.update((normalize_key(p), Label(kind, code)) for p in phrases)
        relative = lang["relative"]
        for unit, words in relative["units"].items():
            units.update((normalize_key(word), unit) for word in words)
        numbers.update((normalize_key(k), v) for k, v in relative["numbers"].items())
        days.update((normalize_key(k), v) for k, v in relative["days"].items())
        now.extend(normalize_key(word) for word in relative["now"])
    return {
        "months": months,
        "labels": labels,
        "units": units,
        "numbers": numbers,
        "days": days,
        "now": now,
    }
