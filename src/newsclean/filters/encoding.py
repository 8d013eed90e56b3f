"""Repair mojibake and remove invisible junk, block by block, with ftfy.

ftfy does the repair; this module chooses its options for news text, applies them to each
block separately (so one damaged paragraph does not decide the fate of the others), skips
text that cannot need it, and turns ftfy's explanation into :class:`~newsclean.document.Edit`
records.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import ftfy
from ftfy import chardata

from newsclean.document import Block, Document, Edit, Metadata
from newsclean.filters._badness import anchored_alternatives, char_class, is_bad

__all__ = [
    "NEWS_FIXER_CONFIG",
    "FixEncoding",
    "fix_encoding_and_explain",
    "needs_fixing",
    "squash_spaces",
]

NEWS_FIXER_CONFIG = ftfy.TextFixerConfig(
    unescape_html=True,
    uncurl_quotes=False,
    fix_character_width=False,
    normalization="NFC",
    explain=True,
)
"""ftfy's configuration for news text. It differs from ftfy's defaults in three places:

- ``unescape_html=True``: blocks are text, never markup, so entities are always decoded
  (ftfy's ``"auto"`` skips text that contains ``<``).
- ``uncurl_quotes=False``: typographic quotes and apostrophes are kept.
- ``fix_character_width=False``: full-width punctuation is kept, as Chinese and Japanese
  text needs it.
"""

# Invisible characters that carry nothing in article text: zero-width space, word joiner,
# soft hyphen, Mongolian vowel separator, and the bidi embeddings, overrides and isolates
# (which can also disguise text). Zero-width (non-)joiners are kept: Persian, Indic scripts
# and emoji need them. ftfy keeps all of these; newsclean removes them.
_INVISIBLE_CODES = frozenset(
    (0x200B, 0x2060, 0x00AD, 0x180E, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
)
_INVISIBLE = re.compile(char_class(_INVISIBLE_CODES))

# A repair is repeated until nothing changes (removing a zero-width space can complete an
# HTML entity or a mojibake sequence); real text settles in one or two rounds.
_MAX_ROUNDS = 8

_REASONS = {
    "unescape_html": "decoded HTML entities",
    "remove_terminal_escapes": "removed terminal escape codes",
    "restore_byte_a0": "restored a non-breaking space lost in mojibake",
    "replace_lossy_sequences": "marked unrecoverable mojibake",
    "decode_inconsistent_utf8": "repaired mojibake inside the text",
    "fix_c1_controls": "replaced C1 control characters with the punctuation meant",
    "fix_latin_ligatures": "expanded Latin ligatures",
    "fix_character_width": "replaced full-width characters",
    "uncurl_quotes": "straightened quotes",
    "fix_line_breaks": "normalized line breaks",
    "fix_surrogates": "joined or replaced UTF-16 surrogates",
    "remove_control_chars": "removed control characters",
}


@functools.lru_cache(maxsize=16)
def _changeable_parts(config: ftfy.TextFixerConfig) -> tuple[frozenset[int], str | None]:
    """Return the characters that ``config`` lets ftfy change without mojibake, and the
    pattern text of what follows the ``&`` of an HTML entity it decodes (``None`` if
    entities are kept, or if any ``&`` is taken to be changeable).

    Built from ftfy's own tables so it follows ftfy: controls it removes (C0, C1, BOM,
    deprecated format characters, interlinear annotations), line separators, surrogates,
    ligatures and, when enabled, HTML entities, full-width forms and curly quotes; plus the
    invisible characters this module removes. Mojibake itself is ftfy's ``is_bad``.
    """
    codes = set(range(0x09)) | set(range(0x0B, 0x20)) | set(range(0x7F, 0xA0))
    codes |= set(chardata.CONTROL_CHARS) | {0x2028, 0x2029} | set(range(0xD800, 0xE000))
    if config.fix_latin_ligatures:
        codes |= set(chardata.LIGATURES)
    if config.fix_character_width:
        codes |= set(chardata.WIDTH_MAP)
    if config.uncurl_quotes:
        codes |= {0x02BC, *range(0x2018, 0x2020)}
    codes |= _INVISIBLE_CODES
    if not config.unescape_html:
        return frozenset(codes), None
    entity = chardata.HTML_ENTITY_RE.pattern
    if not entity.startswith("&") or chardata.HTML_ENTITY_RE.flags & ~re.UNICODE:
        # Not the pattern this was written for: any "&" may start an entity.
        return frozenset(codes | {ord("&")}), None
    # ftfy decodes only what its entity pattern matches; an "&" elsewhere stays.
    return frozenset(codes), entity[1:]


@functools.lru_cache(maxsize=16)
def _changeable(config: ftfy.TextFixerConfig) -> re.Pattern[str]:
    """Return a pattern of every character or HTML entity ``config`` lets ftfy change
    without mojibake (see :func:`_changeable_parts`)."""
    codes, entity = _changeable_parts(config)
    if entity is None:
        return re.compile(char_class(codes))
    # The class comes first so that the regex engine scans for it in C; the entity is
    # checked after its "&".
    return re.compile(f"{char_class(codes | {ord('&')})}(?:(?<!&)|(?<=&){entity})")


@functools.lru_cache(maxsize=16)
def _joined_check(config: ftfy.TextFixerConfig) -> tuple[re.Pattern[str], bool]:
    """Return a pattern for texts joined by line breaks, and whether it covers mojibake.

    It matches inside every text that holds a changeable character or entity (see
    :func:`_changeable`) and, if it covers mojibake, inside every text ftfy's ``is_bad``
    finds bad, in one scan (and perhaps elsewhere: a match only says which text to check).
    """
    codes, entity = _changeable_parts(config)
    lead = set(codes)
    alternatives = [f"(?<={char_class(codes)})"]
    if entity is not None:
        lead.add(ord("&"))
        alternatives.append(f"(?<=&){entity}")
    anchored = anchored_alternatives(line_starts=True) if config.fix_encoding else None
    if anchored is not None:
        try:
            everything = [*alternatives, *anchored.alternatives]
            pattern = f"{char_class(lead | anchored.anchors)}(?:{'|'.join(everything)})"
            return re.compile(pattern, anchored.flags), True
        except re.error:
            pass
    return re.compile(f"{char_class(lead)}(?:{'|'.join(alternatives)})"), False


def needs_fixing(text: str, config: ftfy.TextFixerConfig = NEWS_FIXER_CONFIG) -> bool:
    """Tell whether ``text`` could be changed at all; ``False`` is certain, ``True`` a maybe.

    ``False`` means ftfy with ``config`` would return ``text`` unchanged and it holds no
    invisible character to remove, so the repair can be skipped.

    >>> needs_fixing("Plain ASCII."), needs_fixing("Café’s “menu”"), needs_fixing("Cafâ€™s")
    (False, False, True)
    """
    if _changeable(config).search(text) is not None:
        return True
    if text.isascii():
        return False
    if config.normalization and not unicodedata.is_normalized(config.normalization, text):
        return True
    return config.fix_encoding and is_bad(text)


def _needing_fix(texts: Sequence[str], config: ftfy.TextFixerConfig) -> set[str]:
    """Return the texts among ``texts`` for which :func:`needs_fixing` is true.

    The texts are checked joined by line breaks, in one scan for changeable characters and
    mojibake (:func:`_joined_check`) and one NFC check (a line break changes nothing and
    joins nothing under NFC); only the texts these flag are looked at one by one.
    """
    joined = "\n".join(texts)
    needy: set[str] = set()
    pattern, covers_mojibake = _joined_check(config)
    match = pattern.search(joined)
    if match is not None:
        ends = list(itertools.accumulate(len(text) + 1 for text in texts))
        while match is not None:
            index = bisect.bisect_right(ends, match.start())
            if needs_fixing(texts[index], config):
                needy.add(texts[index])
            match = pattern.search(joined, ends[index])
    if joined.isascii():
        return needy
    form = config.normalization
    if form and unicodedata.is_normalized(form, joined):
        form = None
    if not form and covers_mojibake:
        return needy
    for text in texts:
        if text.isascii() or text in needy:
            continue
        if (form and not unicodedata.is_normalized(form, text)) or (
            not covers_mojibake and config.fix_encoding and is_bad(text)
        ):
            needy.add(text)
    return needy


def fix_encoding_and_explain(
    text: str, config: ftfy.TextFixerConfig = NEWS_FIXER_CONFIG
) -> tuple[str, list[str]]:
    """Return ``text`` repaired, and the reasons for each kind of change (empty if none).

    >>> fix_encoding_and_explain("Chinaâ€™s")
    ('China’s', ['repaired mojibake (UTF-8 read as windows-1252)'])
    """
    repair = _repair(text, config, squash=False)
    return repair.text, repair.reasons


@dataclass(frozen=True, slots=True)
class _Repair:
    text: str
    reasons: list[str]


def _repair(text: str, config: ftfy.TextFixerConfig, *, squash: bool) -> _Repair:
    """Repeat ftfy, invisible-character removal and space squashing until nothing changes.

    ftfy runs first: a soft hyphen or C1 character can be a byte of the mojibake it repairs
    ("í" read as windows-1252 is "Ã" and a soft hyphen). Removing a zero-width space can in
    turn complete an entity or a mojibake sequence, hence the next round.
    """
    reasons: list[str] = []
    current = text
    for _ in range(_MAX_ROUNDS):
        if not needs_fixing(current, config):
            break
        repaired, steps = ftfy.fix_and_explain(current, config)
        for reason in _reasons(steps or ()):
            _add(reasons, reason)
        fixed = _INVISIBLE.sub("", repaired)
        if fixed != repaired:
            _add(reasons, "removed invisible characters")
        if squash and fixed != current:
            fixed = squash_spaces(fixed)
        if fixed in (repaired, current):
            # ftfy's output is a fixed point of ftfy; nothing else changed it.
            current = fixed
            break
        current = fixed
    if current == text:
        return _Repair(text, [])
    return _Repair(current, reasons or ["normalized white space"])


_SPACE_RUN = re.compile(r"[^\S\u00a0]+")


def squash_spaces(text: str) -> str:
    """Collapse runs of white space other than no-break spaces to one space; trim the ends.

    No-break spaces are kept: they carry meaning (French punctuation, "10\\u00a0km") and
    ftfy needs them to repair mojibake such as "Ã\\u00a0" (UTF-8 "à" read as windows-1252).

    >>> squash_spaces(" a\\n\\t b\\u00a0c\\u00a0")
    'a b\\xa0c'
    """
    return _SPACE_RUN.sub(" ", text).strip()


def _add(reasons: list[str], reason: str) -> None:
    if reason not in reasons:
        reasons.append(reason)


def _reasons(steps: Sequence[tuple[str, str]]) -> list[str]:
    reasons: list[str] = []
    encodings = [name for action, name in steps if action == "encode"]
    if encodings:
        readings = ", then ".join(_codec_label(name) for name in encodings)
        reasons.append(f"repaired mojibake (UTF-8 read as {readings})")
    for action, name in steps:
        if action in ("apply", "transcode"):
            _add(reasons, _REASONS.get(name, name.replace("_", " ")))
        elif action == "normalize":
            _add(reasons, f"normalized Unicode ({name})")
    return reasons


def _codec_label(name: str) -> str:
    return name.removeprefix("sloppy-")


@dataclass(frozen=True, slots=True)
class FixEncoding:
    """Repair mojibake, decode HTML entities, remove control and invisible characters, NFC.

    Configuration: ``config`` is the ftfy :class:`ftfy.TextFixerConfig` used on each block
    (default :data:`NEWS_FIXER_CONFIG`). Metadata text fields are repaired the same way.
    Beyond ftfy, zero-width spaces, word joiners, soft hyphens and bidi controls are removed
    (zero-width joiners and non-joiners are kept), the repair is repeated until nothing
    changes (so the filter is idempotent), and a repaired block other than preformatted
    text has its runs of white space made one space (no-break spaces kept).

    Text that cannot need a repair (ASCII without HTML entities or controls; non-ASCII
    text ftfy's badness check finds clean, already in NFC) is passed through without
    calling ftfy; the check is conservative: it never skips text that ftfy would change.

    Not for text whose mojibake is the point (a page about encodings): it will be repaired.

    >>> FixEncoding()(Document(blocks=(Block("Ã©tÃ© 2024"),))).text
    'été 2024'
    """

    config: ftfy.TextFixerConfig = NEWS_FIXER_CONFIG
    name = "encoding"

    def __call__(self, doc: Document, /) -> Document:
        """Return ``doc`` with every block and metadata text field repaired."""
        needy = _needing_fix(_texts(doc), self.config)
        if not needy:
            # Most documents: one check of the whole text instead of one per field.
            return doc
        edits: list[Edit] = []
        blocks = tuple(self._fix_block(block, needy, edits) for block in doc.blocks)
        meta = self._fix_meta(doc.meta, needy, edits)
        if not edits:
            return doc
        return dataclasses.replace(doc, blocks=blocks, meta=meta, edits=doc.edits + tuple(edits))

    def _fix(self, text: str, needy: set[str], edits: list[Edit], *, squash: bool = False) -> str:
        if text not in needy:
            return text  # needs_fixing(text) is false: the repair would return it as is
        repair = _repair(text, self.config, squash=squash)
        if repair.text != text:
            edits.append(Edit(self.name, "replace", text, repair.text, "; ".join(repair.reasons)))
        return repair.text

    def _fix_block(self, block: Block, needy: set[str], edits: list[Edit]) -> Block:
        fixed = self._fix(block.text, needy, edits, squash=block.kind != "preformatted")
        return block if fixed == block.text else dataclasses.replace(block, text=fixed)

    def _fix_meta(self, meta: Metadata, needy: set[str], edits: list[Edit]) -> Metadata:
        changes: dict[str, Any] = {}
        for key in ("title", "description", "dateline", "site_name"):
            value = getattr(meta, key)
            if isinstance(value, str):
                fixed = self._fix(value, needy, edits)
                if fixed != value:
                    changes[key] = fixed
        authors = tuple(self._fix(author, needy, edits) for author in meta.authors)
        if authors != meta.authors:
            changes["authors"] = authors
        return dataclasses.replace(meta, **changes) if changes else meta


def _texts(doc: Document) -> list[str]:
    """Every text :class:`FixEncoding` repairs: the blocks and the metadata text fields."""
    meta = doc.meta
    texts = [block.text for block in doc.blocks]
    for value in (meta.title, meta.description, meta.dateline, meta.site_name, *meta.authors):
        if isinstance(value, str):
            texts.append(value)
    return texts
