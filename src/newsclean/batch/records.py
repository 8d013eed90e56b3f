"""Clean one record, and tally what cleaning many did: the part of a batch a worker runs.

A record is a JSON object (a Parquet row). :func:`clean_record` reads its text field (or its
HTML field), runs the pipeline, and returns the record with the field replaced by the
cleaned text and the document's metadata under ``"newsclean"``. A record that cannot be
cleaned comes back unchanged with a :class:`RecordError` saying why: a batch never loses one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from newsclean.document import Document
from newsclean.pipeline import Filter
from newsclean.readers import read_html, read_str

__all__ = [
    "META_KEY",
    "ErrorKind",
    "Outcome",
    "RecordError",
    "RecordOptions",
    "Tally",
    "clean_record",
    "metadata",
]

META_KEY = "newsclean"
"""The key under which a cleaned record gets the document's metadata."""

ErrorKind = Literal["not-json", "not-an-object", "missing-field", "not-a-string", "clean-failed"]
"""Why a record was not cleaned."""


@dataclass(frozen=True, slots=True)
class RecordOptions:
    """Which field to clean and what to add.

    ``field``: the text to clean, replaced by the cleaned text. ``html_field``: when set,
    the HTML page to read instead (kept as it is; the cleaned text goes to ``field``).
    ``explain``: add the edits under ``newsclean.edits``.
    """

    field: str = "text"
    html_field: str | None = None
    explain: bool = False

    @property
    def source_field(self) -> str:
        """The field the document is read from."""
        return self.html_field if self.html_field is not None else self.field


@dataclass(frozen=True, slots=True)
class RecordError:
    """A record that was written through unchanged: its line (or row) number, kind and reason."""

    line: int
    error: ErrorKind
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """The error as one JSON-ready object of the ``--errors`` file."""
        return {"line": self.line, "error": self.error, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Outcome:
    """The record to write, and either the cleaned document or the error."""

    record: Any
    doc: Document | None = None
    error: RecordError | None = None
    removed: int = 0


@dataclass
class Tally:
    """Counts that add up over chunks: records, bytes, characters removed, edits per filter."""

    records: int = 0
    cleaned: int = 0
    failed: int = 0
    removed: int = 0
    edits: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        """Add ``other``'s counts to this tally."""
        self.records += other.records
        self.cleaned += other.cleaned
        self.failed += other.failed
        self.removed += other.removed
        self.edits.update(other.edits)

    def count(self, outcome: Outcome) -> None:
        """Count one record's outcome."""
        self.records += 1
        if outcome.doc is None:
            self.failed += 1
            return
        self.cleaned += 1
        self.removed += outcome.removed
        self.edits.update(edit.filter for edit in outcome.doc.edits)


def clean_record(record: Any, line: int, options: RecordOptions, pipeline: Filter) -> Outcome:
    """Clean ``record`` (a decoded JSON value) found at ``line``; never raises on bad input.

    >>> from newsclean.pipeline import default_pipeline
    >>> pipeline = default_pipeline()
    >>> out = clean_record({"id": 1, "text": "Caf\\u00c3\\u00a9"}, 1, RecordOptions(), pipeline)
    >>> out.record["text"], out.record["newsclean"]["title"]
    ('Café', None)
    >>> clean_record({"id": 2}, 7, RecordOptions(), pipeline).error.reason
    "no field 'text'"
    """
    name = options.source_field
    if not isinstance(record, dict):
        return _failed(record, line, "not-an-object", f"{_json_type(record)}, not an object")
    if name not in record:
        return _failed(record, line, "missing-field", f"no field {name!r}")
    value = record[name]
    if not isinstance(value, str):
        return _failed(record, line, "not-a-string", f"field {name!r} is {_json_type(value)}")
    try:
        doc = pipeline(read_html(value) if options.html_field is not None else read_str(value))
    except Exception as error:  # a record that breaks a filter must not stop the batch
        return _failed(record, line, "clean-failed", f"{type(error).__name__}: {error}")
    text = doc.text
    cleaned = dict(record)
    cleaned[options.field] = text
    cleaned[META_KEY] = metadata(doc, explain=options.explain)
    return Outcome(cleaned, doc=doc, removed=max(len(value) - len(text), 0))


def metadata(doc: Document, *, explain: bool) -> dict[str, Any]:
    """The ``"newsclean"`` object of a cleaned record: ``doc.to_dict()`` without the text.

    >>> sorted(metadata(Document(), explain=False))[:3]
    ['authors', 'dateline', 'description']
    """
    meta = doc.to_dict()
    meta.pop("text", None)
    if not explain:
        meta.pop("edits", None)
    return meta


def _failed(record: Any, line: int, kind: ErrorKind, reason: str) -> Outcome:
    return Outcome(record, error=RecordError(line, kind, reason))


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (list, tuple)):
        return "an array"
    if isinstance(value, Mapping):
        return "an object"
    return f"a {type(value).__name__}"
