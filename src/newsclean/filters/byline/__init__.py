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

from newsclean.filters.byline.dateline import Dateline, split_dateline
from newsclean.filters.byline.endmatter import Credits, bio_name, parse_credits
from newsclean.filters.byline.extract import ExtractByline
from newsclean.filters.byline.lines import Byline, parse_byline

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
