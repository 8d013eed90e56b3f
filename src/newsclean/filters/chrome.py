"""Remove a page's navigation chrome around and inside the article.

The article is the best-scoring run of prose blocks (:func:`~newsclean.filters.shape.prose_core`);
what lies before and after it is chrome (menus, trending lists, footers, comment sections),
and inside it the lines the chrome lexicon knows (advertisement labels, share rows, teasers,
credits, newsletter prompts) go too. A page without prose keeps everything but those lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import repeat
from typing import NamedTuple

from newsclean.authors import strip_by
from newsclean.document import Block, Document, Edit, _new_edit
from newsclean.filters.shape import (
    _BOILERPLATE_SHARE,
    _CHROME_COST,
    _CLOCK,
    _ITEM_COST,
    _ITEM_COST_PER_CHAR,
    _MAX_KEYED_CHARS,
    _SHORT_COST,
    _SHORT_COST_PER_CHAR,
    COMMENTS_COST,
    COMPILED,
    SECTION_COST,
    ChromeLexicon,
    Core,
    Shape,
    _by_first_words,
    _date_words,
    _stopwords,
    _word_set,
    block_fields,
    block_weight,
    chrome_lexicon,
    guess_language,
    measure,
    prose_core,
    shape_is_header_line,
    stopwords_of,
)

if COMPILED:
    from newsclean._speedups import Phrases, WordSet, facts_function

__all__ = ["DropChrome", "PageAnalysis", "analyse_facts", "analyse_page", "chrome_reason"]

_SEPARATORS = re.compile(r"\s[|›»/·•>]\s|\s?[|›»·•]\s?")
_SEPARATOR_CHAR = re.compile(r"[|›»/·•>]")
# The agencies credited after a "/" at the end of a caption; in parentheses, these and more.
_WIRE_AGENCIES = ("getty images", "afp", "reuters", "ap", "epa", "dpa", "shutterstock", "istock")
_CREDITED_AGENCIES = (*_WIRE_AGENCIES, "ap photo", "efe", "ansa", "tass", "ria novosti")
_CREDIT = re.compile(
    r"(?:\bcredit\s*(?:\.\.\.|…|:)|\b(?:photo|photograph|image|foto|bild|imagen|immagine|фото)"
    r"\s*(?::|by\b|credit\b)|\((?:[^()]{0,40}/)?\s*(?:"
    + "|".join(_CREDITED_AGENCIES)
    + r")[^()]{0,40}\)\s*$|/\s*(?:"
    + "|".join(_WIRE_AGENCIES)
    + r")\s*$)",
    re.IGNORECASE,
)
_COMMENT_COUNT = re.compile(
    r"^\W*(?:\d+\s+)?(?:comments?|responses?|replies|reactions|kommentare?|commentaires?|"
    r"réactions|comentarios?|comentários?|commenti|комментари\w*)(?:\s+(?:to|on|zu|à|a|para)\b|\W*$)",
    re.IGNORECASE,
)
_CREDIT_WORDS = ("credit", "photo", "image", "foto", "bild", "imagen", "immagine", "фото")
# Whether case-folded text has one of the words: one search instead of a test per word.
_CREDIT_WORD = re.compile("|".join(map(re.escape, _CREDIT_WORDS)))
# A data line has a number and a label or dash ("1a etapa: 10 de março – Interlagos"); a
# run of at least three counts for the article with this share of its length. Tuned on
# ../shared/benchmarks/article-text.
_DATA_LINE = re.compile(r"\d.*[:–]\s+\w|\w[:–]\s+.*\d")
_DATA_MIN_WORDS = 4
_DATA_MIN_RUN = 3
_DATA_SHARE = 0.3
# A comment-section heading ("34 responses to “Title”") has at most this many words.
_MAX_HEADING_WORDS = 20
_NO_WORDS = re.compile(r"^[\W\d_]*$")
# Priors of the core search, tuned on ../shared/benchmarks/article-text (181 pages): the
# first prose within this many blocks after a byline or date line gets this bonus (in
# characters of prose); prose after a related-list heading, or after the comments heading,
# counts this share of its length.
_BYLINE_REACH = 4
_BYLINE_BONUS = 400.0
# Only the first bylines of a page mark the article; later ones sign comments and teasers.
_MAX_ANCHORS = 2
_AFTER_SECTION_SHARE = 0.5
_AFTER_COMMENTS_SHARE = 0.3
_MIN_ARTICLE_WEIGHT = 250.0
# The core carries over this many labels in a row when the prose after them weighs at
# least this share of their cost (an "Advertisement" between two paragraphs).
_MAX_BRIDGED = 2
_BRIDGE_SHARE = 0.5
# Each further short line in an unbroken run costs this much more than the one before.
_RUN_ESCALATION = 0.1
_MAX_ESCALATION_STEPS = 40
# The cost factor of the n-th short line in a run (index n; index 0 is never used).
_ESCALATION = [
    1.0 + _RUN_ESCALATION * min(run - 1, _MAX_ESCALATION_STEPS)
    for run in range(_MAX_ESCALATION_STEPS + 2)
]
# A sentence with two or more chrome phrases (cookies, privacy, all rights reserved) and at
# most this many characters is a notice, not article prose.
_MAX_NOTICE = 300
_NOTICE = "a legal, consent or copyright notice"
# The other reasons a block is chrome (the compiled block_facts returns these strings).
_TEASER = "a teaser for another article"
_LABEL = "a chrome label"
_PREFIXED = "a label, teaser, credit or prompt"
_PHRASED = "a cookie, newsletter, sign-in or copyright line"
_SHARE_ROW = "a share row"
_CREDIT_LINE = "a photo caption or credit"
_NAVIGATION_ROW = "a navigation row or breadcrumb"
# Lines longer than this are not taken as chrome for a prefix or a phrase they contain.
_MAX_PHRASE_LINE = 200


_NO_WORDS_REASON = "a line without words"


def chrome_reason(text: str, shape: Shape, lexicon: ChromeLexicon) -> str | None:
    """Return why ``text`` is chrome, or ``None`` when nothing proves it.

    Prose (a sentence of six or more words) is chrome only when it opens with a teaser
    label such as "Read more:".

    >>> from newsclean.filters.shape import shape_of
    >>> chrome_reason("Advertisement", shape_of("Advertisement"), chrome_lexicon())
    'a chrome label'
    >>> line = "Officials met on Monday to talk."
    >>> chrome_reason(line, shape_of(line), chrome_lexicon()) is None
    True
    """
    folded = text.casefold()
    return _chrome_reason(text, folded, shape, lexicon, lexicon.count_contained(folded))


def _chrome_reason(
    text: str, folded: str, shape: Shape, lexicon: ChromeLexicon, phrases: int
) -> str | None:
    """:func:`chrome_reason` given the case-folded text and its count of chrome phrases."""
    if _is_teaser(text, folded, lexicon):
        return _TEASER
    if shape.key in lexicon.lines:
        return _LABEL
    if shape.prose:
        return None
    if _NO_WORDS.match(text):
        return _NO_WORDS_REASON
    if shape.chars <= _MAX_PHRASE_LINE:
        return _short_line_reason(text, folded, shape, lexicon, phrases)
    return None


def _short_line_reason(
    text: str, folded: str, shape: Shape, lexicon: ChromeLexicon, phrases: int
) -> str | None:
    folded = folded.lstrip(" *-•·>|»›")
    if folded.startswith(lexicon.prefixes_by_char.get(folded[:1], ())):
        return _PREFIXED
    if phrases:
        return _PHRASED
    words = shape.key.split()
    if not lexicon.social.isdisjoint(words):
        social = sum(map(lexicon.social.__contains__, words))
        if social >= 2 and 2 * social >= len(words):
            return _SHARE_ROW
    if ("(" in text or "/" in text or _CREDIT_WORD.search(folded) is not None) and _CREDIT.search(
        text
    ):
        return _CREDIT_LINE
    if _is_separated_row(text):
        return _NAVIGATION_ROW
    return None


def _is_separated_row(text: str) -> bool:
    # Every separator has one of these characters: most lines need no split.
    if not _SEPARATOR_CHAR.search(text):
        return False
    parts = [part for part in _SEPARATORS.split(text) if part.strip()]
    if len(parts) < 3:
        return False
    return sum(len(part.split()) for part in parts) / len(parts) <= 3.5


@dataclass(frozen=True, slots=True)
class DropChrome:
    """Remove navigation chrome: menus, labels, share rows, teasers, trending lists, footers.

    Configuration: ``language`` forces the stop-word language (ISO 639-1); by default it is
    guessed from the page. ``keep_outside_core`` keeps every block before and after the
    article's prose core, removing only lines the lexicon proves to be chrome; it is
    implied for a document from the HTML reader (every block has a tag ``path``), which
    has already chosen the article.

    >>> from newsclean.readers import read_text
    >>> page = ("Home\\nWorld\\nBusiness\\n\\nOfficials met on Monday to discuss the trade deal "
    ...         "that both sides signed last year.\\n\\nAdvertisement\\n\\nThe talks will go on "
    ...         "next week, a spokesman said.\\n\\nTRENDING\\n\\n1\\nSomething else happened")
    >>> DropChrome()(read_text(page)).text.splitlines()[0::2]
    ['Officials met on Monday to discuss the trade deal that both sides signed last year.', \
'The talks will go on next week, a spokesman said.']
    """

    language: str | None = None
    keep_outside_core: bool = False
    name = "chrome"

    def __call__(self, doc: Document, /) -> Document:
        """Return ``doc`` without its chrome blocks, one ``Edit`` per removed block."""
        blocks = doc.blocks
        if not blocks:
            return doc
        core: Core | None = None
        if self.keep_outside_core or all(block.path for block in blocks):
            # The HTML reader (its blocks have tag paths) has already chosen the article: what
            # lies around its prose core is article too (tables, lists, short paragraphs).
            # Only the lines that prove to be chrome go, so no core is searched for.
            language = self.language or doc.meta.language
            reasons = [_proven_chrome(block, language) for block in blocks]
        else:
            page = analyse_page(blocks, self.language or doc.meta.language)
            core, reasons = page.core, page.reasons
        # Without a core, every block counts as inside it: only proven chrome goes.
        start, end = (0, len(blocks)) if core is None else (core.start, core.end)
        kept, edits = _drop(self.name, blocks, reasons, start, end)
        if not edits:
            return doc
        return doc.with_blocks(kept, edits)


def _drop_chrome(
    name: str, blocks: Sequence[Block], reasons: Sequence[str | None], start: int, end: int
) -> tuple[list[Block], list[Edit]]:
    """The blocks to keep, and an edit for each block to remove: every block outside the
    core ``start``..``end`` and every block with a chrome reason inside it (the reference
    of the compiled ``drop_chrome``)."""
    kept: list[Block] = []
    edits: list[Edit] = []
    for index, (block, reason) in enumerate(zip(blocks, reasons, strict=True)):
        inside = start <= index < end
        # An empty block shows nowhere in the text; removing it would be an invisible edit.
        if not block.text or (inside and reason is None):
            kept.append(block)
            continue
        if inside:
            why = f"chrome: {reason}"
        else:
            where = "before" if index < start else "after"
            why = f"{where} the article's prose: {reason or 'not part of the article'}"
        edits.append(_new_edit(name, "remove", block.text, "", why))
    return kept, edits


@dataclass(frozen=True, slots=True)
class PageAnalysis:
    """Each block's shape and chrome reason, and the article's prose core (if any).

    ``headers`` tells, for each block that is not prose, whether it is a byline or a date
    line (:func:`~newsclean.filters.shape.is_header_line` without a title); it is ``False``
    for prose.
    """

    shapes: list[Shape]
    reasons: list[str | None]
    core: Core | None
    headers: list[bool]


class BlockFacts(NamedTuple):
    """What the chrome analysis knows of one block, independent of its neighbours.

    A named tuple rather than a dataclass: one is made for every distinct block, and
    tuples are made several times faster.
    """

    shape: Shape
    reason: str | None
    section: float
    base_weight: float
    header: bool
    data: bool


def _block_facts_python(text: str, kind: str, language: str | None) -> BlockFacts:
    """:func:`block_facts` in Python: the reference of the compiled code, and what runs
    without it."""
    lexicon = chrome_lexicon()
    # One case folding and split serve the shape, the phrase count and the reason.
    folded = text.casefold()
    shape = measure(text, folded, stopwords_of(language))
    phrases = lexicon.count_contained(folded)
    reason = _block_reason(text, folded, kind, shape, lexicon, phrases)
    section = _section_cost(kind, shape, text, lexicon)
    weight = block_weight(shape, kind, reason is not None, section, phrases)
    prose = shape.prose
    header = not prose and shape_is_header_line(text, shape)
    data = (
        reason is None
        and not section
        and not prose
        and shape.words >= _DATA_MIN_WORDS
        and ("–" in text or ":" in text)  # what _DATA_LINE needs besides a digit
        and _DATA_LINE.search(text) is not None
    )
    return BlockFacts(shape, reason, section, weight, header, data)


def _facts_parts() -> dict[str, object]:
    """What the compiled :func:`block_facts` reads (on its first call): the lexicon, the
    patterns it calls behind its own pre-checks, the tuned constants and the reasons."""
    lexicon = chrome_lexicon()
    return {
        "shape_type": Shape,
        "lines": lexicon.lines,
        "sections": lexicon.sections,
        "comments": lexicon.comments,
        "contains": Phrases(sorted(lexicon.contains)),
        "prefixes": Phrases(lexicon.prefixes),
        "teasers": Phrases(lexicon.teasers),
        "credit_words": Phrases(_CREDIT_WORDS),
        "credited_agencies": Phrases(_CREDITED_AGENCIES),
        "wire_agencies": Phrases(_WIRE_AGENCIES),
        "social": WordSet(sorted(lexicon.social)),
        "date_words": WordSet(sorted(_date_words())),
        "by_words": WordSet(sorted(_by_first_words())),
        "stop_words": {language: _word_set(words) for language, words in _stopwords().items()},
        "teaser_match": lexicon.teaser_pattern.match,
        "credit_search": _CREDIT.search,
        "comment_count_match": _COMMENT_COUNT.match,
        "clock_search": _CLOCK.search,
        "strip_by": strip_by,
        "teaser_reason": _TEASER,
        "label_reason": _LABEL,
        "no_words_reason": _NO_WORDS_REASON,
        "prefix_reason": _PREFIXED,
        "phrases_reason": _PHRASED,
        "share_row_reason": _SHARE_ROW,
        "credit_reason": _CREDIT_LINE,
        "row_reason": _NAVIGATION_ROW,
        "notice_reason": _NOTICE,
        "keyed_chars": _MAX_KEYED_CHARS,
        "max_phrase_line": _MAX_PHRASE_LINE,
        "max_notice": _MAX_NOTICE,
        "max_heading_words": _MAX_HEADING_WORDS,
        "data_min_words": _DATA_MIN_WORDS,
        "comments_cost": COMMENTS_COST,
        "section_cost": SECTION_COST,
        "chrome_cost": _CHROME_COST,
        "boilerplate_share": _BOILERPLATE_SHARE,
        "item_cost": _ITEM_COST,
        "item_cost_per_char": _ITEM_COST_PER_CHAR,
        "short_cost": _SHORT_COST,
        "short_cost_per_char": _SHORT_COST_PER_CHAR,
    }


# The compiled block_facts (newsclean._speedups) gives what _block_facts_python gives, in
# one call of C (no Python frame under the cache); tests/test_speedups_facts.py compares them.
_block_facts: Callable[[str, str, str | None], BlockFacts] = (
    facts_function(BlockFacts, _facts_parts) if COMPILED else _block_facts_python
)
block_facts = lru_cache(maxsize=16384)(_block_facts)
block_facts.__doc__ = """Measure one block: ``block_facts(text, kind, language) -> BlockFacts``.

Cached: the headline and chrome filters look at the same blocks.
"""


def analyse_page(blocks: Sequence[Block], language: str | None = None) -> PageAnalysis:
    """Measure ``blocks``, find which are chrome and where the article's prose core lies."""
    texts, kinds = block_fields(blocks)
    if language is None:
        language = guess_language(texts)
    # map() rather than a comprehension: the loop over the blocks runs in C.
    facts = list(map(block_facts, texts, kinds, repeat(language)))
    return _analyse(facts)


def analyse_facts(facts: Sequence[BlockFacts]) -> PageAnalysis:
    """The page analysis of blocks whose :func:`block_facts` are ``facts``, in order (the
    reference of the compiled ``analyse_facts``, which :func:`analyse_page` uses when built).

    >>> line = "Officials met on Monday to discuss the trade deal that both sides signed."
    >>> facts = [block_facts("Home", "line", "en"), block_facts(line, "paragraph", "en")]
    >>> page = analyse_facts(facts)
    >>> page.core, page.reasons
    (Core(start=1, end=2), ['a chrome label', None])
    """
    if not facts:
        return PageAnalysis([], [], None, [])
    # One list per fact, in block order.
    shapes, reasons, sections, base_weights, headers, data = map(list, zip(*facts, strict=True))
    weights = _weights(shapes, sections, base_weights, headers, data)
    core = prose_core(weights)
    if core is not None:
        core = _bridge_labels(core, weights, sections)
    first_section = sections.index(COMMENTS_COST) if COMMENTS_COST in sections else len(facts)
    if core is not None and core.start > first_section:
        # Articles come before their comments: an article-sized core before the comment
        # section wins over a larger one after it.
        before = prose_core(weights[:first_section])
        if before is not None and sum(weights[before.start : before.end]) >= _MIN_ARTICLE_WEIGHT:
            core = before
    if core is not None:
        core = _extend(core, shapes, reasons, sections)
    return PageAnalysis(shapes, reasons, core, headers)


# The compiled versions of analyse_facts and _drop_chrome when the accelerator is built.
_analyse: Callable[[list[BlockFacts]], PageAnalysis]
_drop: Callable[
    [str, Sequence[Block], Sequence[str | None], int, int], tuple[list[Block], list[Edit]]
]
if COMPILED:
    from newsclean._speedups import analyse_facts as _compiled_analyse
    from newsclean._speedups import drop_chrome as _compiled_drop

    _analyse = partial(_compiled_analyse, PageAnalysis, Core)
    _drop = partial(_compiled_drop, Edit)
else:
    _analyse = analyse_facts
    _drop = _drop_chrome


def _weights(
    shapes: Sequence[Shape],
    sections: Sequence[float],
    base_weights: Sequence[float],
    headers: Sequence[bool],
    data: Sequence[bool],
) -> list[float]:
    """Each block's weight, with two priors: prose that follows a byline or date line near
    the top is the article's opening; prose after a section heading (Related, Comments) is
    more likely teasers and comments."""
    tabular = _tabular(data)
    if tabular:
        base_weights = list(base_weights)
        for index in tabular:
            base_weights[index] = _DATA_SHARE * shapes[index].chars
    weights: list[float] = []
    append = weights.append
    after_comments = False
    discount = 1.0
    anchor = 0
    anchors_left = _MAX_ANCHORS
    run = 0
    escalation = _ESCALATION
    last = len(escalation) - 1
    for weight, section, header in zip(base_weights, sections, headers, strict=True):
        if section:
            after_comments = after_comments or section == COMMENTS_COST
            discount = (
                _AFTER_COMMENTS_SHARE if after_comments else min(discount, _AFTER_SECTION_SHARE)
            )
        if weight > 0:
            run = 0
            weight *= discount
            if anchor > 0:
                weight += _BYLINE_BONUS
                anchors_left -= 1
            anchor = 0
        else:
            # A subheading or two between paragraphs is normal; ten short lines in a row
            # are a menu.
            run += 1
            if weight < 0:
                weight *= escalation[run if run <= last else last]
            if anchors_left and not after_comments and header:
                anchor = _BYLINE_REACH
            else:
                anchor -= 1
        append(weight)
    return weights


def _is_teaser(text: str, folded: str, lexicon: ChromeLexicon) -> bool:
    """Whether ``text`` opens with a teaser label and a separator ("Read more: ...")."""
    return (
        folded.startswith(lexicon.teasers_by_char.get(folded[:1], ()))
        and lexicon.teaser_pattern.match(text) is not None
    )


def _proven_chrome(block: Block, language: str | None) -> str | None:
    """The chrome reason of one block, looked at alone (no neighbours, no core)."""
    if len(block.text) > _MAX_NOTICE:
        # Long text is chrome only as a teaser ("Read more: ..."); skip measuring it.
        text = block.text
        if _is_teaser(text, text[:40].casefold(), chrome_lexicon()):
            return "a teaser for another article"
        return None
    return _reason_alone(block.text, block.kind, language)


@lru_cache(maxsize=16384)
def _reason_alone(text: str, kind: str, language: str | None) -> str | None:
    lexicon = chrome_lexicon()
    folded = text.casefold()
    phrases = lexicon.count_contained(folded)
    if len(text) > _MAX_PHRASE_LINE and _NO_WORDS.match(text) is None:
        # Too long for a lexicon key or the short-line checks, and with words: only a
        # teaser label or a notice is chrome, and the shape decides neither.
        if _is_teaser(text, folded, lexicon):
            return "a teaser for another article"
        return _NOTICE if phrases >= 2 else None
    shape = measure(text, folded, stopwords_of(language))
    return _block_reason(text, folded, kind, shape, lexicon, phrases)


def _block_reason(
    text: str, folded: str, kind: str, shape: Shape, lexicon: ChromeLexicon, phrases: int
) -> str | None:
    reason = _chrome_reason(text, folded, shape, lexicon, phrases)
    if reason == _NO_WORDS_REASON and kind == "table_cell":
        return None  # a number in a table (from HTML) is data, not a stray line
    if reason is None and shape.chars <= _MAX_NOTICE and phrases >= 2:
        reason = _NOTICE
    return reason


def _tabular(data: Sequence[bool]) -> set[int]:
    """Indexes of runs of data lines ("3a etapa: 22 de abril – Velopark"): a table or
    schedule in the article, which counts like prose."""
    found: set[int] = set()
    if data.count(True) < _DATA_MIN_RUN:
        return found
    start = 0
    for index in range(len(data) + 1):
        if index < len(data) and data[index]:
            continue
        if index - start >= _DATA_MIN_RUN:
            found.update(range(start, index))
        start = index + 1
    return found


def _section_cost(kind: str, shape: Shape, text: str, lexicon: ChromeLexicon) -> float:
    # A list item saying "Comments" is a button in a share row, not a section heading.
    if kind == "list_item":
        return 0.0
    if shape.words <= _MAX_HEADING_WORDS and (
        _COMMENT_COUNT.match(text) or (shape.words <= 8 and shape.key in lexicon.comments)
    ):
        return COMMENTS_COST
    if shape.prose or shape.words > 8:
        return 0.0
    return SECTION_COST if shape.key in lexicon.sections else 0.0


def _bridge_labels(core: Core, weights: list[float], sections: list[float]) -> Core:
    """Carry the core over one or two labels ("Advertisement") to the prose that follows."""
    end = core.end
    while end < len(weights):
        gap = end
        while (
            gap < len(weights)
            and gap - end < _MAX_BRIDGED
            and weights[gap] <= 0
            and not sections[gap]
        ):
            gap += 1
        if gap == end or gap >= len(weights) or weights[gap] <= 0:
            break
        cost = -sum(weights[end:gap])
        if weights[gap] < _BRIDGE_SHARE * cost:
            break
        end = gap + 1
        while end < len(weights) and weights[end] > 0:
            end += 1
    return Core(core.start, end)


def _extend(
    core: Core, shapes: list[Shape], reasons: list[str | None], sections: list[float]
) -> Core:
    """Take in sentence-like lines that touch the core (a closing "With reporting by X.")."""
    end = core.end
    while end < len(shapes) and _sentence_like(shapes[end], reasons[end], sections[end]):
        end += 1
    start = core.start
    while start > 0 and _sentence_like(shapes[start - 1], reasons[start - 1], sections[start - 1]):
        start -= 1
    return Core(start, end)


def _sentence_like(shape: Shape, reason: str | None, section: float) -> bool:
    return reason is None and not section and shape.terminal and shape.words >= 2
