"""Choose the article body among a page's blocks.

Each block gets a value: its prose characters (weighted by how much it reads like prose:
stop-word share in the page's language, sentence punctuation) when it reads as prose, a
penalty proportional to its length when it is mostly links, and about nothing when it is
short. Each container's score is the sum of its blocks' values, except that the blocks of
a container marked as boilerplate (by class, id, role or tag: ``nav``, ``share``,
``related``, ``comment``, ``<aside>``, ``<footer>``, ...) count as a penalty for every
container above it. The container with the best score wins; the body is its blocks
minus those inside boilerplate-marked containers and link lists, plus the sibling
containers that read as its continuation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from newsclean import lexicon
from newsclean.readers.html.dom import Container, Page, RawBlock
from newsclean.readers.html.signals import BOILERPLATE, CONTENT, NEUTRAL

__all__ = ["Selection", "guess_language", "select_content"]

_WORD = re.compile(r"\w+")
# ASCII characters that are not word characters (\w: letters, digits, underscore), as spaces.
_ASCII_NON_WORD = str.maketrans(
    dict.fromkeys((chr(code) for code in range(128) if not re.match(r"\w", chr(code))), " ")
)
# The same table, that also lower-cases ASCII letters.
_ASCII_WORDS = str.maketrans(
    {
        **{chr(code): chr(code).lower() for code in range(ord("A"), ord("Z") + 1)},
        **{chr(code): " " for code in range(128) if not re.match(r"\w", chr(code))},
    }
)
# Punctuation that keeps most Latin-script prose from being ASCII (curly quotes, dashes,
# ellipsis, guillemets); none is a word character, so it splits words as a space does.
_PROSE_MARKS = tuple("’“”—–‘…«»")
_SENTENCE_FINAL = frozenset(".!?。！？\"'”’»)")
_SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’»)\]]*(?:\s|$)")

# How many words of the page guess its language when it declares none.
_LANGUAGE_SAMPLE_WORDS = 1000
# A block is read as prose from this many words (with punctuation); shorter blocks are
# neutral (subheadings, captions, datelines). Tuned on the article-extraction benchmark:
# 6-10 words all score within 0.002 F1; 8 is the middle.
_PROSE_MIN_WORDS = 8
# Shorter blocks cannot have _PROSE_MIN_WORDS words; they are not even tokenized.
_PROSE_MIN_CHARS = 25
# Chinese and Japanese are written without spaces; their words are counted as characters
# divided by this (an average word length in characters).
_UNSPACED_CHARS_PER_WORD = 2
_UNSPACED_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A block with more than this share of its characters inside links is a link list entry,
# never prose. Tuned on the article-extraction benchmark (0.3-0.6 within 0.003 F1).
_LINK_HEAVY = 0.5
# The penalty per character of link-heavy or boilerplate text, relative to the reward
# per character of prose. Tuned on the article-extraction benchmark: 0.2-0.6 are within
# 0.001 F1 (0.5 best), 0.1 and 0.8 lose 0.002.
_PENALTY = 0.5
# A sibling container joins the body when it scores at least this share of the winner's
# score (a body split by a link list or a widget). Readability's value; it changes nothing
# on the article-extraction benchmark (any value from 0.05 to never), where the
# container around split bodies wins by itself.
_SIBLING_SHARE = 0.2
# Multiplier of the candidate score of containers that are, or sit inside, boilerplate.
# Tuned on the article-extraction benchmark (comment sections longer than the article):
# 0.1 and 0.2 score the same, 0.3 loses 0.005 F1.
_INSIDE_BOILERPLATE = 0.2
# Multiplier of the score of containers marked as the article body (itemprop=articleBody).
# No effect on the article-extraction benchmark, where such a body wins anyway; boosting
# every content-marked container (<article>, <main>, "story-body") instead loses 0.002-0.004
# F1 there (an <article> with its header beats its tighter body), so only this is trusted.
_BODY_BOOST = 1.5


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    data = lexicon.load("stopwords")
    return {lang: frozenset(words) for lang, words in data.items() if not lang.startswith("_")}


def guess_language(declared: str | None, blocks: Sequence[RawBlock]) -> str | None:
    """Return the page's language code: the declared one, else the one whose stop words
    are most frequent in the text (``None`` when no list reaches a tenth of the words).

    >>> from newsclean.readers.html.dom import RawBlock
    >>> block = RawBlock("Der Hund und die Katze sind im Haus.", "paragraph", 0, 0, 0)
    >>> guess_language(None, [block])
    'de'
    """
    if declared:
        return declared.split("-")[0].split("_")[0].lower()
    words: list[str] = []
    for block in blocks:
        words.extend(_WORD.findall(block.text.lower()))
        if len(words) > _LANGUAGE_SAMPLE_WORDS:
            break
    if not words:
        return None
    counts = Counter(words)
    best, best_hits = None, 0
    for lang, stops in _stopwords().items():
        hits = sum([counts[word] for word in stops.intersection(counts)])
        if hits > best_hits:
            best, best_hits = lang, hits
    return best if best_hits * 10 >= len(words) else None


def block_values(blocks: Sequence[RawBlock], language: str | None) -> list[float]:
    """Return each block's value for content selection (positive for prose).

    >>> prose = RawBlock("The mayor said the bridge would reopen next week.", "paragraph", 0, 0, 0)
    >>> links = RawBlock("Home World Sport", "paragraph", 0, 16, 0)
    >>> [round(value) for value in block_values([prose, links], "en")]
    [49, -8]
    """
    stops = _stopwords().get(language or "")
    return [_block_value(block, stops) for block in blocks]


def _block_value(block: RawBlock, stops: frozenset[str] | None) -> float:
    text = block.text
    chars = len(text)
    if block.link_chars > _LINK_HEAVY * chars:
        return -_PENALTY * chars
    if block.kind == "heading" or chars < _PROSE_MIN_CHARS:
        return 0.0
    words = _words(text)
    count = len(words)
    if count < _PROSE_MIN_WORDS:
        if _UNSPACED_SCRIPT.search(text) is None:
            return 0.0
        count = chars // _UNSPACED_CHARS_PER_WORD
        if count < _PROSE_MIN_WORDS:
            return 0.0
    quality = 1.0
    if stops is not None:
        share = sum(map(stops.__contains__, words)) / count
        # News prose has 30-50% stop words; a line of names or keywords has few.
        quality = min(1.0, 0.25 + 2.5 * share)
    if "," not in text and "、" not in text and _SENTENCE_END.search(text) is None:
        quality *= 0.5
    return quality * (chars - block.link_chars)


def _words(text: str) -> list[str]:
    """The lower-case words of ``text``, as ``_WORD.findall(text.lower())`` finds them.

    >>> _words("It’s “Rain” — again")
    ['it', 's', 'rain', 'again']
    """
    if text.isascii():
        # Splitting at the ASCII non-word characters finds the same words as _WORD, faster.
        return text.translate(_ASCII_WORDS).split()
    lowered = text.lower()
    for mark in _PROSE_MARKS:
        if mark in lowered:
            lowered = lowered.replace(mark, " ")
    if lowered.isascii():
        return lowered.translate(_ASCII_NON_WORD).split()
    return _WORD.findall(lowered)


@dataclass(frozen=True, slots=True)
class Selection:
    """The chosen body: indices of the kept blocks, and the winning container.

    ``complete`` is false when a boilerplate subtree the walk skipped holds enough text
    that a container inside it could have won: the page must then be walked whole.
    """

    blocks: tuple[int, ...]
    winner: int
    complete: bool = True


def select_content(page: Page, language: str | None) -> Selection:
    """Choose the body blocks of ``page`` (see the module docstring).

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> from newsclean.readers.html.dom import walk
    >>> prose = "<p>Officials said on Monday that the bridge would reopen next week.</p>"
    >>> tree = LexborHTMLParser(f"<nav><a href=/>Home</a></nav><article>{prose * 2}</article>")
    >>> page = walk(tree.body, skip_boilerplate=False)
    >>> [page.blocks[i].text[:9] for i in select_content(page, "en").blocks]
    ['Officials', 'Officials']
    """
    blocks, containers = page.blocks, page.containers
    skipped = max((c.skipped for c in containers), default=0)
    # The best score a container inside a skipped subtree could have had (not counting
    # the rare itemprop=articleBody boost).
    bound = _INSIDE_BOILERPLATE * skipped
    if not blocks:
        return Selection((), 0, complete=bound <= 0)
    values = block_values(blocks, language)
    marks = [c.mark for c in containers]
    marks[0] = NEUTRAL  # <body>: its classes describe the whole page
    scores, passed = _container_scores(page, values, marks)
    candidates = _candidate_scores(containers, scores, marks)
    winner = _best(candidates)
    if candidates[winner] < bound:
        return Selection((), winner, complete=False)
    if candidates[winner] <= 0:
        # No prose anywhere (a page of short lines): keep the page minus its boilerplate
        # rather than guess.
        winner = 0
    chosen = _siblings(page, winner, scores, passed, marks)
    kept = _keep(page, chosen, marks, values)
    return Selection(tuple(kept), winner)


def _candidate_scores(
    containers: Sequence[Container], scores: Sequence[float], marks: Sequence[int]
) -> list[float]:
    """Scores as candidates for the body: discounted inside boilerplate (a long comment
    in the comment section must not beat the article, an article in odd markup still
    wins when it is the only prose)."""
    # Whether each container is, or sits inside, boilerplate (parents come first).
    down = [mark == BOILERPLATE for mark in marks]
    for index, container in enumerate(containers):
        parent = container.parent
        if parent >= 0 and down[parent]:
            down[index] = True
    return [
        score * _INSIDE_BOILERPLATE if bad else score
        for score, bad in zip(scores, down, strict=True)
    ]


def _best(scores: Sequence[float]) -> int:
    """The index of the best score; on a tie the first: a container rather than the child
    that holds all its prose, since what else it holds is neutral (subheadings, tables,
    short lines), and losing article text is worse than keeping a short line."""
    best, best_score = 0, scores[0]
    for index, value in enumerate(scores):
        if value > best_score:
            best, best_score = index, value
    return best


def _container_scores(
    page: Page, values: Sequence[float], marks: Sequence[int]
) -> tuple[list[float], list[float]]:
    """Return each container's own score and the score it passes to its parent."""
    containers = page.containers
    scores = [0.0] * len(containers)
    bad = [0.0] * len(containers)  # total characters, for the boilerplate penalty
    for index, block in enumerate(page.blocks):
        scores[block.owner] += values[index]
        bad[block.owner] += len(block.text)
    listed = _listed_articles(containers)
    passed = [0.0] * len(containers)
    for index in range(len(containers) - 1, -1, -1):
        container = containers[index]
        if container.skipped:
            bad[index] += container.skipped
        if marks[index] == CONTENT and container.attr("itemprop"):
            scores[index] *= _BODY_BOOST
        if marks[index] == BOILERPLATE or listed[index]:
            passed[index] = -_PENALTY * bad[index]
        else:
            passed[index] = scores[index]
        parent = container.parent
        if parent >= 0:
            scores[parent] += passed[index]
            bad[parent] += bad[index]
    return scores, passed


def _listed_articles(containers: Sequence[Container]) -> list[bool]:
    """Mark the ``<article>`` elements that have a peer: another article with the same
    nearest article ancestor (or none). Peers are separate stories (a listing, teasers,
    the next story of an endless page); the body is one of them, so the containers
    around them gain nothing from them."""
    if [container.tag for container in containers].count("article") < 2:
        return [False] * len(containers)  # no article can have a peer
    nearest = [-1] * len(containers)  # the nearest <article> at or above each container
    group = [-2] * len(containers)  # for an article: the nearest article above it
    peers: dict[int, int] = {}
    for index, container in enumerate(containers):
        above = nearest[container.parent] if container.parent >= 0 else -1
        if container.tag == "article":
            group[index] = above
            peers[above] = peers.get(above, 0) + 1
            nearest[index] = index
        else:
            nearest[index] = above
    return [key != -2 and peers[key] > 1 for key in group]


def _siblings(
    page: Page, winner: int, scores: Sequence[float], passed: Sequence[float], marks: Sequence[int]
) -> list[int]:
    """Return the winner and the sibling containers that continue it, in document order."""
    containers = page.containers
    parent = containers[winner].parent
    if parent < 0 or scores[winner] <= 0:
        return [winner]
    threshold = _SIBLING_SHARE * scores[winner]
    chosen = []
    for index in range(winner - 1, -1, -1):
        if containers[index].parent == parent:
            chosen.append(index)
        if containers[index].depth <= containers[parent].depth:
            break
    chosen.reverse()
    chosen.append(winner)
    for index in range(winner + 1, len(containers)):
        depth = containers[index].depth
        if depth <= containers[parent].depth:
            break
        if containers[index].parent == parent:
            chosen.append(index)
    return [
        index
        for index in chosen
        if index == winner or (marks[index] != BOILERPLATE and passed[index] >= threshold)
    ]


def _keep(
    page: Page, chosen: Sequence[int], marks: Sequence[int], values: Sequence[float]
) -> list[int]:
    """Return the blocks of the chosen containers outside boilerplate and link lists."""
    containers, blocks = page.containers, page.blocks
    kept: list[int] = []
    for top in chosen:
        first, end = containers[top].first, containers[top].end
        dropped = _dropped_containers(containers, top, marks)
        for index in range(first, end):
            block = blocks[index]
            if block.owner in dropped:
                continue
            if block.link_chars > _LINK_HEAVY * len(block.text) and not _linked_item(block):
                continue
            kept.append(index)
    return kept


def _linked_item(block: RawBlock) -> bool:
    """Tell whether a link-heavy list item is a sentence of the article (a list of linked
    sentences, as in "10 things you need to know"), not a teaser headline: it ends like a
    sentence and has at least _PROSE_MIN_WORDS words."""
    text = block.text
    return (
        block.kind == "list_item"
        and text[-1:] in _SENTENCE_FINAL
        and len(_WORD.findall(text)) >= _PROSE_MIN_WORDS
    )


def _dropped_containers(
    containers: Sequence[Container], top: int, marks: Sequence[int]
) -> set[int]:
    """Return the containers below ``top`` that are, or sit inside, boilerplate."""
    dropped: set[int] = set()
    top_depth = containers[top].depth
    for index in range(top + 1, len(containers)):
        container = containers[index]
        if container.depth <= top_depth:
            break
        if marks[index] == BOILERPLATE or container.parent in dropped:
            dropped.add(index)
    return dropped
