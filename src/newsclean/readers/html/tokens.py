"""Split class names and ids into words.

>>> split_tokens("storyBody__text js-share")
('story', 'body', 'text', 'js', 'share')
"""

from __future__ import annotations

import re

__all__ = ["split_tokens", "token_list"]

_TOKEN_SPLIT = re.compile(r"[\W_]+")
_CAMEL_HUMP = re.compile(r"(?<=[^\W\d_])(?=[A-Z])")


def split_tokens(raw: str) -> tuple[str, ...]:
    """Split class names or ids into lower-case words, at punctuation and camelCase humps.

    >>> split_tokens("storyBody__text js-share")
    ('story', 'body', 'text', 'js', 'share')
    """
    return tuple(filter(None, token_list(raw)))


def token_list(raw: str) -> list[str]:
    """Like :func:`split_tokens`, but a list that may hold empty strings (faster).

    >>> token_list("-share-bar")
    ['', 'share', 'bar']
    """
    spaced = raw if raw.islower() else _CAMEL_HUMP.sub(" ", raw)
    return _TOKEN_SPLIT.split(spaced.lower())
