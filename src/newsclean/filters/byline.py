"""Bylines, datelines, credit lines and author boxes: read into metadata, taken off the body.

:class:`ExtractByline` looks near the title for a byline (``By JOHN SMITH and Jane Doe,
Associated Press``; ``Jane Doe | Taipei | Updated: 28-01-2026 07:09 IST``; ``Von``, ``Par``,
``Por``, ``Di``) and lines that only carry a date; in the first paragraphs for an agency
dateline (``TAIPEI, Jan 28 (Reuters) -``, ``WASHINGTON (AP) —``); and at the end for credit
lines (``Reporting by X in Taipei; Editing by Y``) and author boxes (``Jane Doe is a
reporter covering ...``, a name printed above its bio). It decides by the shape of the text,
never by site, and keeps a block it is not sure of. The pure readers it uses are public:
:func:`parse_byline`, :func:`split_dateline`, :func:`parse_credits`, :func:`bio_name`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any, Literal

import regex

from newsclean.authors import classify, fix_capitals, split_names, strip_by, strip_noise
from newsclean.dates import DateResult, find_dates
from newsclean.document import Block, Document, Edit
from newsclean.lexicon import load

__all__ = [
    "Byline",
    "Credits",
    "Dateline",
    "ExtractByline",
    "bio_name",
    "parse_byline",
    "parse_credits",
    "split_dateline",
]

DateValue = datetime | date

# A byline is short: at most this many words (seed 001's has 17). Longer blocks are prose.
_MAX_BYLINE_WORDS = 40
# An author box bio is one short paragraph; longer paragraphs are article text.
_MAX_BIO_WORDS = 150
# The agency dateline opens one of the first few paragraphs of some length (a title and a dek
# may come first in text); such a paragraph has at least this many words besides the dateline
# (AP's "LOS ANGELES (AP) — To LeBron James, triple-doubles are not a goal." has 9).
_DATELINE_PARAGRAPHS = 5
_MIN_PROSE_WORDS = 6
# A place in a byline segment has at most this many words ("Rio de Janeiro").
_MAX_PLACE_WORDS = 3
_SEGMENTS = regex.compile(r"\s+[|•·]\s+|\s+[—–]\s+|\s+-\s+|\s*\|\s*|\n+")
_BEFORE_DATE = regex.compile(r"(?:\s+(?:on|at|am|um|le|el|em|il|в|dne))?[\s,|·•\-–—:]*$", regex.I)
_SEPARATOR_START = regex.compile(r"^\s*[|•·,;\-–—/]")
_PLACE_WORD = regex.compile(
    r"^(?:\p{Lu}[\p{L}\p{M}'’.\-]*|de|da|do|del|la|el|es|al|di|am|upon|on)$"
)
_WORDY = regex.compile(r"[^\W_]")


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
class Dateline:
    """An agency dateline opening a paragraph: the place, the date and the text after it."""

    place: str
    prefix: str
    rest: str
    value: DateValue | None = None


@dataclass(frozen=True, slots=True)
class Credits:
    """A credit line: the reporters and writers it names, and where they reported from."""

    authors: tuple[str, ...]
    place: str | None = None


@dataclass(frozen=True, slots=True)
class _Segment:
    kind: Literal["people", "place", "meta", "other"]
    names: tuple[str, ...] = ()
    desks: tuple[str, ...] = ()
    by: bool = False
    attributed: bool = False
    place: str | None = None
    agency: bool = False


@dataclass(frozen=True, slots=True)
class _Lexicon:
    credits_authors: regex.Pattern[str]
    credits_others: regex.Pattern[str]
    credit_parts: regex.Pattern[str]
    reading_time: regex.Pattern[str]
    bio: regex.Pattern[str]
    bio_roles: regex.Pattern[str]
    bio_headings: frozenset[str]
    agencies: frozenset[str]
    not_place: frozenset[str]


def _alternation(words: Sequence[str]) -> str:
    escaped = sorted((regex.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return "(?:" + "|".join(escaped) + ")"


@cache
def _lexicon() -> _Lexicon:
    data: dict[str, Any] = load("bylines")
    verbs = [verb for words in data["bio"]["verbs"].values() for verb in words]
    phrases = _alternation(data["credits"]["authors"] + data["credits"]["others"])
    return _Lexicon(
        credit_parts=regex.compile(rf"\s*;\s*|\.\s+(?={phrases})", regex.I),
        credits_authors=regex.compile(
            rf"^\s*{_alternation(data['credits']['authors'])}\s*:?\s+", regex.I
        ),
        credits_others=regex.compile(
            rf"^\s*{_alternation(data['credits']['others'])}\s*:?\s+", regex.I
        ),
        reading_time=regex.compile(
            rf"^\s*\d{{1,3}}\s*{_alternation(data['reading_time'])}\s*$", regex.I
        ),
        bio=regex.compile(
            rf"^(?P<name>(?:\S+\s+){{1,5}}?\S+?)\s+{_alternation(verbs)}(?!\w)", regex.I
        ),
        bio_roles=regex.compile(rf"(?<!\w){_alternation(data['bio']['roles'])}", regex.I),
        bio_headings=frozenset(data["bio"]["headings"]),
        agencies=frozenset(data["agencies"]),
        not_place=(frozenset(data["not_name_words"]) | frozenset(data["outlet_words"]))
        - frozenset(data["place_words"]),
    )


# --- bylines -------------------------------------------------------------------------------


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
    if not text or len(text.split()) > _MAX_BYLINE_WORDS or text[:1] in "—–":
        # A line opening with a dash attributes a quotation or an embedded post.
        return None
    dates = find_dates(text, reference=reference, languages=languages)
    pieces, rest = _cut_at_dates(text, dates)
    segments = [
        _segment(part) for piece in pieces for part in _SEGMENTS.split(piece) if part.strip()
    ]
    segments = _places_after_people(segments)
    if any(segment.kind == "other" for segment in segments):
        return None
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
    if _lexicon().reading_time.match(body):
        return _Segment("meta")
    chunks = [classify(part) for part in split_names(body)]
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
    place = _place(body)
    if place is not None and not by:
        return _Segment("place", place=place)
    return _Segment("other")


def _place(text: str) -> str | None:
    """``text`` as a place name ("Taipei", "NEW DELHI"), or None."""
    words = text.split()
    if not 1 <= len([w for w in words if w[:1].isupper()]) <= _MAX_PLACE_WORDS:
        return None
    lex = _lexicon()
    if any(not _PLACE_WORD.match(w) or w.lower().strip(".,") in lex.not_place for w in words):
        return None
    if not words[0][:1].isupper():
        return None
    return fix_capitals(text)


def _places_after_people(segments: list[_Segment]) -> list[_Segment]:
    """A short name-like segment after the signature is the place ("Jane Doe | New Delhi")."""
    seen_people = False
    out: list[_Segment] = []
    for segment in segments:
        if segment.kind == "people" and seen_people and not segment.by and not segment.attributed:
            names = segment.names + segment.desks
            place = _place(names[0]) if len(names) == 1 else None
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


# --- datelines ------------------------------------------------------------------------------

_CAPS_PLACE = (
    r"\p{Lu}[\p{Lu}\p{M}'’.\-]{2,}(?:\s+(?:\p{Lu}[\p{Lu}\p{M}'’.\-]*|de|da|do|del|la|el|es|al|di))*"
)
_AGENCY_DATELINE = regex.compile(
    r"^(?P<head>[^()\n]{2,70}?)\s*\((?P<agency>[^()\n]{1,40})\)\s*(?:—|–|--|-|:)\s*(?=\S)"
)
_CAPS_DATELINE = regex.compile(
    rf"^(?P<head>{_CAPS_PLACE}(?:,[^—–\n]{{1,40}}?)?)\s+(?:—|–|--)\s*(?=\S)"
)


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
    match = _AGENCY_DATELINE.match(text)
    if match is not None and not _is_agency(match.group("agency")):
        match = None
    match = match or _CAPS_DATELINE.match(text)
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


def _is_agency(text: str) -> bool:
    key = " ".join(text.lower().split())
    agencies = _lexicon().agencies
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
        if value is not None or _place(part) is None or len(place_parts) >= 3:
            return None
        place_parts.append(part)
    if not place_parts:
        return None
    first = place_parts[0]
    if caps_only and not first.isupper():
        return None
    if not (first.isupper() or first.istitle()) or first.lower() in _lexicon().not_place:
        return None
    return fix_capitals(", ".join(place_parts)), value


# --- credit lines and author boxes --------------------------------------------------------


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
    if len(body.split()) > _MAX_BYLINE_WORDS * 2:
        return None
    lex = _lexicon()
    authors: list[str] = []
    place: str | None = None
    for part in lex.credit_parts.split(body.strip().rstrip(".")):
        writer = lex.credits_authors.match(part)
        if writer is None and lex.credits_others.match(part) is None:
            return None
        if writer is None:
            continue
        for chunk in split_names(part[writer.end() :]):
            person, *where = regex.split(r"\s+(?:in|from)\s+", chunk, maxsplit=1)
            name = classify(person)
            if name.kind != "name":
                return None
            authors.append(name.text)
            place = place or (_place(where[0]) if where else None)
    return Credits(tuple(dict.fromkeys(authors)), place) if authors else None


def bio_name(text: str) -> str | None:
    """The name an author bio starts with ("Jane Doe is a reporter ..."), or None.

    >>> bio_name("Sana Khan is the News Editor at Modern Diplomacy.")
    'Sana Khan'
    >>> bio_name("The minister is a former reporter.") is None
    True
    """
    if len(text.split()) > _MAX_BIO_WORDS:
        return None
    match = _lexicon().bio.match(text)
    if match is None:
        return None
    chunk = classify(match.group("name"))
    return chunk.text if chunk.kind == "name" else None


def _has_bio_role(text: str) -> bool:
    first_sentence = regex.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    return _lexicon().bio_roles.search(first_sentence) is not None


# --- the filter ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Found:
    """What the filter has read so far (mutable while one call builds it)."""

    authors: list[str] = field(default_factory=list)
    desks: list[str] = field(default_factory=list)
    place: str | None = None
    agency_place: str | None = None
    published: DateValue | None = None
    updated: DateValue | None = None
    removed: set[int] = field(default_factory=set)
    replaced: dict[int, str] = field(default_factory=dict)
    edits: list[Edit] = field(default_factory=list)


def _describe(**values: object) -> str:
    parts = []
    for key, value in values.items():
        if value in (None, (), []):
            continue
        if isinstance(value, (date, datetime)):
            value = value.isoformat()
        elif isinstance(value, (tuple, list)):
            value = ", ".join(str(v) for v in value)
        parts.append(f"{key}={value}")
    return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class ExtractByline:
    """Read bylines, datelines, credit lines and author boxes into metadata; remove them.

    Configuration (safe defaults):

    - ``head_blocks`` (40): how many blocks from the title (the block equal to
      ``meta.title``, else the first level-1 heading, else the start of the source) are
      searched for bylines, date lines and the agency dateline. Tuned on the 181 whole-page
      texts of the shared benchmark, whose bylines follow up to 30 menu lines.
    - ``tail_blocks`` (12): how many blocks at the end are searched for credit lines and
      author boxes.
    - ``reference``: "now" for relative and year-less dates ("3 hours ago", "Jan 28");
      without it such dates are recognized but not used, so the filter stays pure.

    Metadata already set (by a reader) is kept; the blocks are removed all the same. An
    author box is taken only with proof: its name is printed just above it, it sits under
    an "About the author" heading, or the name already signs the byline.

    >>> from newsclean.readers import read_text
    >>> page = "Title\\n\\nBy JANE DOE, Associated Press\\n\\nText of the story."
    >>> doc = ExtractByline()(read_text(page))
    >>> doc.meta.authors, doc.text
    (('Jane Doe',), 'Title\\n\\nText of the story.')
    """

    head_blocks: int = 40
    tail_blocks: int = 12
    reference: datetime | None = None
    name = "byline"

    def __call__(self, doc: Document, /) -> Document:
        """Return ``doc`` with bylines, datelines and author boxes moved into metadata."""
        if not doc.blocks:
            return doc
        meta = doc.meta
        found = _Found(list(meta.authors), [], meta.dateline, None, meta.published, meta.updated)
        languages = (doc.meta.language,) if doc.meta.language else None
        head = self._head(doc)
        self._read_head(doc.blocks, head, found, languages)
        self._read_tail(doc.blocks, found)
        self._read_dateline(doc.blocks, head, found, languages)
        if not found.edits:
            return doc
        return _apply(doc, found)

    def _head(self, doc: Document) -> list[int]:
        """Indexes of the blocks near the title, by source position (stable under removal)."""
        anchor = _anchor(doc)
        low, high = anchor - 2, anchor + self.head_blocks
        return [i for i, block in enumerate(doc.blocks) if low <= block.position < high]

    def _read_head(
        self,
        blocks: Sequence[Block],
        head: list[int],
        found: _Found,
        languages: Sequence[str] | None,
    ) -> None:
        date_lines: list[tuple[int, Byline]] = []
        for index in head:
            block = blocks[index]
            if block.kind in ("preformatted", "table_cell", "heading", "quote"):
                continue
            byline = parse_byline(block.text, reference=self.reference, languages=languages)
            if byline is None:
                credits = parse_credits(block.text)
                if credits is not None:
                    _take_credits(index, block.text, credits, found)
                continue
            if not byline.signed:
                date_lines.append((index, byline))
                continue
            _take_byline(index, block.text, byline, found)
        for index, line in date_lines:
            _take_date_line(index, blocks[index].text, line, found)

    def _read_dateline(
        self,
        blocks: Sequence[Block],
        head: list[int],
        found: _Found,
        languages: Sequence[str] | None,
    ) -> None:
        prose = 0
        for index in head:
            if blocks[index].kind != "paragraph" or index in found.removed:
                continue
            text = found.replaced.get(index, blocks[index].text)
            dateline = split_dateline(text, reference=self.reference, languages=languages)
            # Counted on the text without its dateline, so a second run counts the same.
            if len((dateline.rest if dateline else text).split()) < _MIN_PROSE_WORDS:
                continue
            prose += 1
            if prose > _DATELINE_PARAGRAPHS:
                return
            if dateline is None:
                continue
            found.replaced[index] = dateline.rest
            found.agency_place = found.agency_place or dateline.place
            if found.published is None and dateline.value is not None:
                found.published = dateline.value
            found.edits.append(
                Edit(
                    "byline",
                    "extract",
                    dateline.prefix,
                    dateline.place,
                    "agency dateline opening the first paragraph",
                )
            )

    def _read_tail(self, blocks: Sequence[Block], found: _Found) -> None:
        while True:
            remaining = [i for i in range(len(blocks)) if i not in found.removed]
            window = remaining[-self.tail_blocks :]
            if not any(_take_tail_block(i, blocks, remaining, found) for i in window):
                return


def _anchor(doc: Document) -> int:
    title = (doc.meta.title or "").strip().casefold()
    for block in doc.blocks:
        if title and block.text.casefold() == title:
            return block.position
    for block in doc.blocks:
        if block.kind == "heading" and block.level <= 1:
            return block.position
    # The start of the source, not the first block left: removing a block must not move it.
    return 0


def _take_byline(index: int, text: str, byline: Byline, found: _Found) -> None:
    first = not (found.authors or found.desks)
    if first:
        found.authors.extend(byline.authors)
        found.desks.extend(byline.desks)
    found.place = found.place or byline.place
    found.published = found.published or byline.published
    found.updated = found.updated or byline.updated
    removed = text[: len(text) - len(byline.rest)].strip() if byline.rest else text
    after = _describe(
        authors=byline.authors or byline.desks,
        dateline=byline.place,
        published=byline.published,
        updated=byline.updated,
    )
    found.edits.append(Edit("byline", "extract" if after else "remove", removed, after, "byline"))
    if byline.rest:
        found.replaced[index] = byline.rest
    else:
        found.removed.add(index)


def _take_date_line(index: int, text: str, line: Byline, found: _Found) -> None:
    values = [v for v in (line.published, line.updated) if v is not None]
    known = {v for v in (found.published, found.updated) if v is not None}
    new_published = line.published if found.published is None else None
    new_updated = line.updated if found.updated is None else None
    if not values or not (new_published or new_updated or set(values) <= known):
        return
    found.published = found.published or new_published
    found.updated = found.updated or new_updated
    after = _describe(published=new_published, updated=new_updated)
    found.edits.append(
        Edit("byline", "extract" if after else "remove", text, after, "date line near the title")
    )
    if line.rest:
        found.replaced[index] = line.rest
    else:
        found.removed.add(index)


def _take_credits(index: int, text: str, credits: Credits, found: _Found) -> None:
    found.authors.extend(a for a in credits.authors if a not in found.authors)
    found.place = found.place or credits.place
    found.removed.add(index)
    found.edits.append(
        Edit("byline", "extract", text, _describe(authors=credits.authors), "credit line")
    )


def _take_tail_block(
    index: int, blocks: Sequence[Block], remaining: list[int], found: _Found
) -> bool:
    """Take a credit line or an author box at ``index``; True if something was taken."""
    text = blocks[index].text
    if blocks[index].kind == "heading":
        return False
    credits = parse_credits(text)
    if credits is not None:
        _take_credits(index, text, credits, found)
        return True
    name = bio_name(text)
    if name is None:
        return False
    above = _name_lines_above(index, name, blocks, remaining)
    heading = _heading_above(index if not above else above[0], blocks, remaining)
    signed = name in found.authors and _has_bio_role(text)
    if not (above or heading is not None or signed):
        return False
    for line in [*above, *([heading] if heading is not None else [])]:
        found.removed.add(line)
        found.edits.append(
            Edit("byline", "extract", blocks[line].text, name, "author box after the body")
        )
    found.removed.add(index)
    found.edits.append(Edit("byline", "extract", text, name, "author box after the body"))
    if name not in found.authors:
        found.authors.append(name)
    return True


def _name_lines_above(
    index: int, name: str, blocks: Sequence[Block], remaining: list[int]
) -> list[int]:
    """The blocks just above ``index`` that hold only ``name`` (a name printed over its bio)."""
    lines: list[int] = []
    position = remaining.index(index)
    for previous in reversed(remaining[max(0, position - 3) : position]):
        chunk = classify(blocks[previous].text)
        if chunk.kind != "name" or chunk.text.casefold() != name.casefold():
            break
        lines.insert(0, previous)
    return lines


def _heading_above(index: int, blocks: Sequence[Block], remaining: list[int]) -> int | None:
    position = remaining.index(index)
    if position == 0:
        return None
    previous = remaining[position - 1]
    key = " ".join(blocks[previous].text.lower().strip(" :").split())
    return previous if key in _lexicon().bio_headings else None


def _apply(doc: Document, found: _Found) -> Document:
    blocks = [
        dataclasses.replace(block, text=found.replaced[i]) if i in found.replaced else block
        for i, block in enumerate(doc.blocks)
        if i not in found.removed
    ]
    meta = doc.meta
    authors = found.authors or found.desks
    changes: dict[str, Any] = {}
    if not meta.authors and authors:
        changes["authors"] = tuple(dict.fromkeys(authors))
    place = found.agency_place or found.place
    if meta.dateline is None and place:
        changes["dateline"] = place
    if meta.published is None and found.published is not None:
        changes["published"] = found.published
    if meta.updated is None and found.updated is not None:
        changes["updated"] = found.updated
    out = doc.with_blocks(blocks, found.edits)
    return dataclasses.replace(out, meta=dataclasses.replace(meta, **changes)) if changes else out
