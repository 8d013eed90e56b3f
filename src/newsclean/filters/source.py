"""Take a trailing "Source: URL" line out of the body and into ``meta.source_url``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsclean.document import Document, Edit

__all__ = ["ExtractSource"]

_SOURCE_LINE = re.compile(
    r"^(?:sources?|via|originally published (?:at|on|in|by)|read the original(?: article)?(?: at)?|"
    r"quelle|fuente|fonte|источник|lien|link)\s*:?\s*<?(https?://\S+?)>?\s*$",
    re.IGNORECASE,
)
# The source line is one of the last few blocks of the body.
_TAIL_BLOCKS = 3


@dataclass(frozen=True, slots=True)
class ExtractSource:
    """Move a "Source: URL" line near the end of the body into ``meta.source_url``.

    >>> from newsclean.document import Block
    >>> doc = ExtractSource()(Document(blocks=(Block("Text."), Block("Source: https://x.test/a"))))
    >>> doc.meta.source_url, doc.text
    ('https://x.test/a', 'Text.')
    """

    name = "source"

    def __call__(self, doc: Document, /) -> Document:
        """Return ``doc`` with its source line moved into metadata."""
        blocks = doc.blocks
        for index in range(len(blocks) - 1, max(-1, len(blocks) - 1 - _TAIL_BLOCKS), -1):
            match = _SOURCE_LINE.match(blocks[index].text)
            if match is None:
                continue
            url = match.group(1)
            edit = Edit(self.name, "extract", blocks[index].text, url, "the source URL line")
            kept = blocks[:index] + blocks[index + 1 :]
            if doc.meta.source_url is None:
                doc = doc.with_meta(source_url=url)
            return doc.with_blocks(kept, [edit])
        return doc
