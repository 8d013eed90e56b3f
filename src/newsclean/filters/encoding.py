"""Repair mojibake and remove invisible junk, block by block, with ftfy.

ftfy does the repair; this module chooses its options for news text, applies them to each
block separately (so one damaged paragraph does not decide the fate of the others), skips
text that cannot need it, and turns ftfy's explanation into :class:`~newsclean.document.Edit`
records.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import ftfy
import regex
from ftfy.badness import is_bad

from newsclean.document import Block, Document, Edit, Metadata

__all__ = ["NEWS_FIXER_CONFIG", "FixEncoding", "fix_encoding_and_explain"]

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
# and emoji need them.
_INVISIBLE = regex.compile(r"[\u200b\u2060\u00ad\u180e\u202a-\u202e\u2066-\u2069]")

# Characters ftfy may change other than by its encoding repair, which ``is_bad`` checks:
# C0/C1 controls and escapes, HTML entities, BOM and other format junk, surrogates,
# Latin ligatures, and line separators.
_FIXABLE = regex.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f&\ufeff\ufff9-\ufffc\ud800-\udfff\ufb00-\ufb06\u2028\u2029"
    r"\u200b\u2060\u00ad\u180e\u202a-\u202e\u2066-\u2069]"
)

_REASONS = {
    "unescape_html": "decoded HTML entities",
    "remove_terminal_escapes": "removed terminal escape codes",
    "restore_byte_a0": "restored a non-breaking space lost in mojibake",
    "replace_lossy_sequences": "marked unrecoverable mojibake",
    "decode_inconsistent_utf8": "repaired mojibake inside the text",
    "fix_c1_controls": "replaced C1 control characters with the punctuation meant",
    "fix_latin_ligatures": "expanded Latin ligatures",
    "fix_line_breaks": "normalized line breaks",
    "fix_surrogates": "joined UTF-16 surrogate pairs",
    "remove_control_chars": "removed control characters",
}


def needs_fixing(text: str, config: ftfy.TextFixerConfig = NEWS_FIXER_CONFIG) -> bool:
    """Tell whether ``text`` could be changed at all; ``False`` is certain, ``True`` a maybe.

    >>> needs_fixing("Plain ASCII."), needs_fixing("Café’s “menu”"), needs_fixing("Cafâ€™s")
    (False, False, True)
    """
    if _FIXABLE.search(text) is not None:
        return True
    if text.isascii():
        return False
    if config.normalization and not unicodedata.is_normalized(config.normalization, text):
        return True
    return bool(is_bad(text))


def fix_encoding_and_explain(
    text: str, config: ftfy.TextFixerConfig = NEWS_FIXER_CONFIG
) -> tuple[str, list[str]]:
    """Return ``text`` repaired, and the reasons for each kind of change (empty if none).

    >>> fix_encoding_and_explain("Chinaâ€™s")
    ('China’s', ['repaired mojibake (UTF-8 read as windows-1252)'])
    """
    if not needs_fixing(text, config):
        return text, []
    fixed, steps = ftfy.fix_and_explain(text, config)
    cleaned = _INVISIBLE.sub("", fixed)
    if cleaned == text:
        return text, []
    reasons = _reasons(steps or [])
    if cleaned != fixed:
        reasons.append("removed invisible characters")
    return cleaned, reasons or ["normalized Unicode (NFC)"]


def _reasons(steps: Sequence[tuple[str, str]]) -> list[str]:
    reasons: list[str] = []
    encodings = [name for action, name in steps if action == "encode"]
    if encodings:
        readings = ", then ".join(_codec_label(name) for name in encodings)
        reasons.append(f"repaired mojibake (UTF-8 read as {readings})")
    for action, name in steps:
        if action in ("apply", "transcode"):
            reason = _REASONS.get(name, name.replace("_", " "))
            if reason not in reasons:
                reasons.append(reason)
    return reasons


def _codec_label(name: str) -> str:
    return name.removeprefix("sloppy-")


@dataclass(frozen=True, slots=True)
class FixEncoding:
    """Repair mojibake, decode HTML entities, remove control and invisible characters, NFC.

    Configuration: ``config`` is the ftfy :class:`ftfy.TextFixerConfig` used on each block
    (default :data:`NEWS_FIXER_CONFIG`). Metadata text fields are repaired the same way.
    Text that cannot need a repair (ASCII without ``&`` or controls; non-ASCII text ftfy's
    badness check finds clean, already in NFC) is passed through without calling ftfy.

    >>> FixEncoding()(Document(blocks=(Block("Ã©tÃ© 2024"),))).text
    'été 2024'
    """

    config: ftfy.TextFixerConfig = NEWS_FIXER_CONFIG
    name = "encoding"

    def __call__(self, doc: Document, /) -> Document:
        """Return ``doc`` with every block and metadata text field repaired."""
        edits: list[Edit] = []
        blocks = tuple(self._fix_block(block, edits) for block in doc.blocks)
        meta = self._fix_meta(doc.meta, edits)
        if not edits:
            return doc
        return dataclasses.replace(doc, blocks=blocks, meta=meta, edits=doc.edits + tuple(edits))

    def _fix(self, text: str, edits: list[Edit]) -> str:
        fixed, reasons = fix_encoding_and_explain(text, self.config)
        if reasons:
            edits.append(Edit(self.name, "replace", text, fixed, "; ".join(reasons)))
        return fixed

    def _fix_block(self, block: Block, edits: list[Edit]) -> Block:
        fixed = self._fix(block.text, edits)
        if fixed is block.text:
            return block
        if block.kind != "preformatted":
            fixed = " ".join(fixed.split())
        return dataclasses.replace(block, text=fixed)

    def _fix_meta(self, meta: Metadata, edits: list[Edit]) -> Metadata:
        changes: dict[str, Any] = {}
        for key in ("title", "description", "dateline", "site_name"):
            value = getattr(meta, key)
            if isinstance(value, str):
                fixed = self._fix(value, edits)
                if fixed != value:
                    changes[key] = fixed
        authors = tuple(self._fix(author, edits) for author in meta.authors)
        if authors != meta.authors:
            changes["authors"] = authors
        return dataclasses.replace(meta, **changes) if changes else meta
