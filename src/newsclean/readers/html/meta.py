"""Read an article's metadata from its page, preferring the most specific source.

Sources, most specific first: JSON-LD (``NewsArticle``, ``Article``,
``ReportageNewsArticle`` and their kin, also inside ``@graph``), microdata
(``itemprop``), Open Graph and ``article:*`` properties, Twitter cards, plain ``<meta
name=...>`` tags, ``<time datetime>``, ``rel=author`` links, ``<html lang>``, the
canonical link, ``<h1>`` and ``<title>``. The dates of a JSON-LD ``WebPage`` (where SEO
plug-ins put them) count after every other date source, before a date in the URL.

Dates go through the shared date rules (:func:`newsclean.dates.parse_date`) and author
names through the shared byline rules (:mod:`newsclean.authors`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import cache
from typing import Any

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsclean import lexicon
from newsclean.authors import normalize_author, parse_authors
from newsclean.dates import parse_date
from newsclean.document import Metadata

__all__ = ["SOURCES_SELECTOR", "Element", "read_metadata", "strip_site_name"]

Element = tuple[LexborNode, str | None, dict[str, str | None]]
"""A node with its tag and attributes (read once for all the steps that need them)."""

# JSON-LD types of the page itself, whose dates count after every other date source.
_PAGE_TYPES = frozenset(("webpage", "itempage", "collectionpage", "profilepage"))
_ARTICLE_TYPES = frozenset(
    (
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "report",
        "techarticle",
        "scholarlyarticle",
        "satiricalarticle",
        "advertisercontentarticle",
    )
)
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "article:published",
    "published_time",
    "og:published_time",
    "publishdate",
    "publish_date",
    "publish-date",
    "publication_date",
    "pubdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "originalpublicationdate",
    "displaydate",
    "cxenseparse:recs:publishtime",
)
_UPDATED_META = (
    "article:modified_time",
    "og:article:modified_time",
    "datemodified",
    "og:updated_time",
    "article:modified",
    "modified_time",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "article.updated",
)
_AUTHOR_META = (
    "author",
    "article:author",
    "og:article:author",
    "dc.creator",
    "dcterms.creator",
    "sailthru.author",
    "parsely-author",
    "byl",
    "cxenseparse:author",
)
_TITLE_META = ("og:title", "twitter:title", "headline", "sailthru.title", "parsely-title", "title")
_DESCRIPTION_META = ("og:description", "description", "twitter:description", "dc.description")
_SITE_META = ("og:site_name", "application-name", "apple-mobile-web-app-title")
_TAG_META = ("article:tag", "news_keywords", "keywords", "parsely-tags", "sailthru.tags")

_WORDS = re.compile(r"\w+")
_TITLE_SEPARATORS = regex.compile(r"\s+(?:[|\-–—·•»«:]|::)\s+")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
_URL_SCHEME = re.compile(r"^https?://(?:www\.)?")
_BYLINE_LEAD = re.compile(
    r"^(?:(?:written|posted|reported|story|words|text|photos?)\s+)?"
    r"(?:by|from|von|par|por|di|door|af|av|autor|author)\b[:\s]*",
    re.IGNORECASE,
)
_BYLINE_END = re.compile(r"\s+(?:[|•·—–-]|on|updated|published|posted)\s+|[|•·(\n]", re.I)
_NAME_LIST_SPLIT = re.compile(r"\s*(?:,|;|\s&\s|\sand\s|\sund\s|\set\s|\sy\s)\s*")
# Lower-case particles of personal names ("Ana de la Cruz"); the byline rules own the full
# list, this is only enough to tell a name in a byline-classed element from a sentence.
_NAME_PARTICLES = frozenset(
    {"de", "da", "di", "do", "du", "del", "della", "der", "den", "van", "von", "la", "le"}
    | {"bin", "al", "el", "ter"}
)
_NAME_MIN_WORDS = 2
_NAME_MAX_WORDS = 4
_MAX_BYLINES = 10
_MAX_BYLINE_CHARS = 120
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/_.-](0?[1-9]|1[0-2])[/_.-](0?[1-9]|[12]\d|3[01])(?:/|[_.-]|$)"
)
_JSON_BUDGET = 20_000  # JSON-LD values visited per page, at most
_MAX_TAGS = 50
_MAX_H1 = 5
# An <h1> is the headline when it shares at least this many words, and this share of the
# shorter one's words, with the title of the page's metadata (an SEO title may differ from
# the visible headline; a logo in an <h1> shares nothing with it). Tuned on the
# article-extraction benchmark's title accuracy.
_MIN_SHARED_WORDS = 2
_SHARED_SHARE = 0.5
# An <h1> found inside a longer title ("Site: Headline") needs this many words.
_MIN_HEADLINE_WORDS = 2
# A " | Site" tail is stripped when it has at most this many words; separators other
# than "|" need the tail to match the site name or the domain.
_SUFFIX_MAX_WORDS = 5


@dataclass
class _Sources:
    """Everything the page says about itself, gathered in one pass per source."""

    ld: dict[str, Any] = field(default_factory=dict)
    ld_page: dict[str, Any] = field(default_factory=dict)
    """The first JSON-LD ``WebPage`` (SEO plug-ins put the dates there, not on an article)."""
    ld_site: str | None = None
    meta: dict[str, list[str]] = field(default_factory=dict)
    items: dict[str, list[str]] = field(default_factory=dict)
    item_authors: list[str] = field(default_factory=list)
    rel_authors: list[str] = field(default_factory=list)
    times: list[str] = field(default_factory=list)
    h1: list[str] = field(default_factory=list)
    title: str | None = None
    lang: str | None = None
    canonical: str | None = None

    def first_meta(self, names: tuple[str, ...]) -> Iterator[str]:
        for name in names:
            yield from self.meta.get(name, ())


def read_metadata(
    tree: LexborHTMLParser,
    nodes: Iterable[LexborNode] | None = None,
    *,
    elements: Iterable[Element] | None = None,
) -> Metadata:
    """Return the metadata of the page in ``tree``.

    ``nodes``, when given, are the result of a search for :data:`SOURCES_SELECTOR` (maybe
    joined to another selector, to save a pass over the tree); other nodes are ignored.
    ``elements`` are such nodes with their tag and attributes already read (instead of
    ``nodes``, when another step reads them too).

    >>> page = LexborHTMLParser(
    ...     '<html lang="en"><head><title>Storm hits coast | Daily Planet</title>'
    ...     '<meta name="author" content="By Lois Lane">'
    ...     '<meta property="article:published_time" content="2024-05-01T08:00:00Z">'
    ...     "</head><body></body></html>"
    ... )
    >>> meta = read_metadata(page)
    >>> meta.title, meta.authors, meta.published.isoformat(), meta.language
    ('Storm hits coast', ('Lois Lane',), '2024-05-01T08:00:00+00:00', 'en')
    """
    if elements is None:
        found = tree.css(SOURCES_SELECTOR) if nodes is None else nodes
        elements = [(node, node.tag, node.attributes) for node in found]
    src = _gather(elements)
    root = tree.root
    if root is not None and root.tag == "html":
        src.lang = root.attributes.get("lang")
    site = _first_text(src.first_meta(_SITE_META), [src.ld_site, _ld_text(src.ld, "publisher")])
    source_url = _source_url(src)
    return Metadata(
        title=_title(src, site, source_url),
        description=_first_text(
            [_ld_text(src.ld, "description")], src.first_meta(_DESCRIPTION_META)
        ),
        authors=_authors(src) or _visible_byline(tree),
        published=_first_date(
            [_ld_text(src.ld, "datePublished"), _ld_text(src.ld, "dateCreated")],
            src.first_meta(_PUBLISHED_META),
            src.items.get("datepublished", ()),
            src.times[:1],
            [_ld_text(src.ld_page, "datePublished")],
        )
        or _url_date(source_url),
        updated=_first_date(
            [_ld_text(src.ld, "dateModified")],
            src.first_meta(_UPDATED_META),
            src.items.get("datemodified", ()),
            [_ld_text(src.ld_page, "dateModified")],
        ),
        language=_language(src),
        source_url=source_url,
        site_name=site,
        tags=_tags(src),
    )


# One selector, so the tree is scanned once; nodes come back in document order. It is as
# narrow as :func:`_gather` allows: a page has dozens of scripts and stylesheet links.
SOURCES_SELECTOR = (
    'script[type*="ld+json" i], meta, link[rel~="canonical" i], [itemprop],'
    ' a[rel~="author" i], time, h1, title'
)
# Elements that may hold a visible byline; looked for only when no source names an author.
_BYLINE_SELECTOR = '[class*="byline" i], [class*="author" i]'


def _gather(elements: Iterable[Element]) -> _Sources:
    src = _Sources()
    for node, tag, attrs in elements:
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
            key = key or attrs.get("http-equiv")
            content = attrs.get("content")
            if key and content:
                src.meta.setdefault(key.strip().lower(), []).append(content)
            continue
        if tag == "script":
            if (attrs.get("type") or "").strip().lower() == "application/ld+json":
                _read_json_ld(node.text(deep=True), src)
        elif tag == "link":
            rel = (attrs.get("rel") or "").lower().split()
            if "canonical" in rel and src.canonical is None:
                src.canonical = attrs.get("href")
        elif tag == "a" and "author" in (attrs.get("rel") or "").lower().split():
            src.rel_authors.append(_text(node))
        elif tag == "time":
            src.times.append(attrs.get("datetime") or _text(node))
        elif tag == "h1" and len(src.h1) < _MAX_H1:
            src.h1.append(_text(node))
        elif tag == "title" and src.title is None:
            src.title = _text(node)
        if "itemprop" in attrs:
            _read_itemprop(node, attrs, src)
    return src


def _read_itemprop(node: LexborNode, attrs: dict[str, str | None], src: _Sources) -> None:
    for prop in (attrs.get("itemprop") or "").lower().split():
        if prop == "author":
            name = node.css_first('[itemprop~="name"]')
            value = attrs.get("content") or _text(name if name is not None else node)
            src.item_authors.append(value)
        elif prop in ("datepublished", "datemodified", "headline", "name"):
            value = attrs.get("content") or attrs.get("datetime") or ""
            if not value and node.tag != "meta":
                value = _text(node)
            src.items.setdefault(prop, []).append(value)


def _read_json_ld(raw: str, src: _Sources) -> None:
    data = _load_json(raw)
    if data is None:
        return
    budget = _JSON_BUDGET
    stack: list[Any] = [data]
    while stack and budget > 0:
        budget -= 1
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            types = item.get("@type")
            names = {
                t.lower()
                for t in (types if isinstance(types, list) else [types])
                if isinstance(t, str)
            }
            if names & _ARTICLE_TYPES and not src.ld:
                src.ld = item
            elif names & _PAGE_TYPES and not src.ld_page:
                src.ld_page = item
            elif "website" in names and src.ld_site is None and isinstance(item.get("name"), str):
                src.ld_site = item["name"]
            for key in ("@graph", "mainEntity", "itemListElement"):
                if isinstance(item.get(key), (list, dict)):
                    stack.append(item[key])


def _load_json(raw: str) -> Any:
    text = raw.strip()
    if text.startswith("<!--"):
        text = text.removeprefix("<!--").removesuffix("-->")
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        pass
    try:
        return json.loads(_TRAILING_COMMA.sub(r"\1", text), strict=False)
    except (ValueError, RecursionError):
        return None


def _ld_text(ld: dict[str, Any], key: str) -> str | None:
    value = ld.get(key)
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    return value if isinstance(value, str) else None


def _ld_names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return _ld_names(name) if isinstance(name, (str, list)) else []
    if isinstance(value, list):
        return [name for item in value[:_MAX_TAGS] for name in _ld_names(item)]
    return []


def _text(node: LexborNode) -> str:
    return " ".join(node.text(deep=True, separator="").split())


def _squash(value: str | None) -> str | None:
    if value is None:
        return None
    text = " ".join(value.split())
    return text or None


def _first_text(*groups: Any) -> str | None:
    for group in groups:
        for value in group:
            text = _squash(value) if isinstance(value, str) else None
            if text:
                return text
    return None


def _parse_date(text: str) -> datetime | date | None:
    """The date a metadata value gives, by the shared date rules (:mod:`newsclean.dates`).

    >>> _parse_date("2019-11-19T10:30:00Z")
    datetime.datetime(2019, 11, 19, 10, 30, tzinfo=datetime.timezone.utc)
    >>> _parse_date("November 19, 2019"), _parse_date("n/a")
    (datetime.date(2019, 11, 19), None)
    """
    iso = _iso_timestamp(text)
    if iso is not None:
        return iso
    result = parse_date(text)
    return None if result is None else result.value


# The common form of metadata dates: an ISO 8601 timestamp with its zone, read without the
# general date grammar (to the same value: see tests/test_html_meta.py).
_ISO_TIMESTAMP = re.compile(
    r"([12]\d{3})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,6}))?)?"
    r"(?:(Z)|([+-])(0\d|1[0-4]):?([0-5]\d))",
    re.ASCII,
)
_MAX_OFFSET_MINUTES = 14 * 60


def _iso_timestamp(text: str) -> datetime | None:
    """The value of an ISO 8601 timestamp with a zone (None for any other text).

    >>> _iso_timestamp("2019-11-19T10:30:00.5+05:30").isoformat()
    '2019-11-19T10:30:00.500000+05:30'
    >>> _iso_timestamp("2019-11-19T10:30:00") is None
    True
    """
    match = _ISO_TIMESTAMP.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, utc, sign, zone_h, zone_m = match.groups()
    offset = 0 if utc else int(zone_h) * 60 + int(zone_m)
    if offset > _MAX_OFFSET_MINUTES:
        return None  # the date rules call this no zone (:func:`newsclean.dates.parse_offset`)
    offset = -offset if sign == "-" else offset
    zone = timezone.utc if offset == 0 else timezone(timedelta(minutes=offset))
    try:
        return datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second or 0),
            int((fraction or "").ljust(6, "0")),
            tzinfo=zone,
        )
    except ValueError:
        return None


def _first_date(*groups: Any) -> datetime | date | None:
    for group in groups:
        for value in group:
            if isinstance(value, str) and value.strip():
                parsed = _parse_date(value)
                if parsed is not None:
                    return parsed
    return None


def _authors(src: _Sources) -> tuple[str, ...]:
    groups = (
        _ld_names(src.ld.get("author")),
        src.item_authors,
        list(src.first_meta(_AUTHOR_META)),
        src.rel_authors,
    )
    for group in groups:
        names: list[str] = []
        for raw in group:
            for name in parse_authors(raw):
                if name.casefold() not in {n.casefold() for n in names}:
                    names.append(name)
        if names:
            return tuple(names)
    return ()


def _visible_byline(tree: LexborHTMLParser) -> tuple[str, ...]:
    """The authors named by the first byline-classed element that names any."""
    for node in tree.css(_BYLINE_SELECTOR)[:_MAX_BYLINES]:
        text = _text(node)
        if 0 < len(text) <= _MAX_BYLINE_CHARS:
            found = _byline_names(text)
            if found:
                return found
    return ()


def _byline_names(text: str) -> tuple[str, ...]:
    """The names in a visible byline ("By Jane Doe and John Roe, Reuters | May 5"): the
    leading parts that look like names; none when the first part does not.

    >>> _byline_names("By Jane Doe and John Roe | Updated May 5, 2024")
    ('Jane Doe', 'John Roe')
    >>> _byline_names("About the author: Jane writes about buses.")
    ()
    >>> _byline_names("The Russian and Syrian defense ministries")
    ()
    """
    body = _BYLINE_LEAD.sub("", " ".join(text.split()))
    body = _BYLINE_END.split(body, maxsplit=1)[0]
    names: list[str] = []
    for part in _NAME_LIST_SPLIT.split(body):
        candidate = part.strip(" ,;:|-")
        name = normalize_author(candidate) if _looks_like_name(candidate) else None
        if name is None:
            break
        names.append(name)
    return tuple(names)


def _looks_like_name(text: str) -> bool:
    """Two to four capitalized words (particles aside), none of them a function word."""
    words = text.split()
    if not _NAME_MIN_WORDS <= len(words) <= _NAME_MAX_WORDS or any(c.isdigit() for c in text):
        return False
    stops = _function_words()
    for word in words:
        lower = word.lower()
        if lower in _NAME_PARTICLES:
            continue
        if not word[0].isupper() or lower in stops:
            return False
    return True


@cache
def _function_words() -> frozenset[str]:
    data = lexicon.load("stopwords")
    words = {w for lang, ws in data.items() if not lang.startswith("_") for w in ws}
    return frozenset(words - _NAME_PARTICLES)


def _url_date(url: str | None) -> date | None:
    """The date in an article URL (``/2024/03/05/``), if it has one.

    >>> _url_date("https://example.com/news/2024/03/05/buses.html")
    datetime.date(2024, 3, 5)
    """
    match = _URL_DATE.search(url) if url else None
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _language(src: _Sources) -> str | None:
    for value in (
        src.lang,
        _ld_text(src.ld, "inLanguage"),
        *src.first_meta(("content-language", "og:locale", "language", "dc.language")),
    ):
        text = _squash(value)
        if text and _LANGUAGE_TAG.fullmatch(text):
            return text.replace("_", "-")
    return None


def _source_url(src: _Sources) -> str | None:
    ld_url = _ld_text(src.ld, "url")
    entity = src.ld.get("mainEntityOfPage")
    entity_url = entity.get("@id") if isinstance(entity, dict) else entity
    for value in (src.canonical, *src.meta.get("og:url", ()), ld_url, entity_url):
        text = _squash(value) if isinstance(value, str) else None
        if text and text.lower().startswith(("http://", "https://")):
            return text
    return None


def _tags(src: _Sources) -> tuple[str, ...]:
    raw: list[str] = []
    keywords = src.ld.get("keywords")
    if isinstance(keywords, str):
        raw = keywords.split(",")
    elif isinstance(keywords, list):
        raw = [k for k in keywords if isinstance(k, str)]
    if not raw:
        for name in _TAG_META:
            values = src.meta.get(name, ())
            raw = [part for value in values for part in value.split(",")]
            if raw:
                break
    tags: list[str] = []
    seen: set[str] = set()
    for value in raw:
        tag = _squash(value)
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tuple(tags[:_MAX_TAGS])


def _key(text: str) -> str:
    return " ".join(_WORDS.findall(text.casefold()))


def _title(src: _Sources, site: str | None, url: str | None) -> str | None:
    """The headline: the page's ``<h1>`` when a title source confirms it, else the most
    specific title source without its site name, else the first ``<h1>``."""
    candidates = [
        _ld_text(src.ld, "headline"),
        *src.first_meta(_TITLE_META[:2]),
        *src.items.get("headline", ()),
        src.title,
    ]
    stripped = [strip_site_name(c, site, url) for c in candidates if c and _squash(c)]
    keys = {_key(c) for c in stripped} | {_key(c) for c in candidates if c}
    headlines = [h1 for h1 in src.h1 if h1]
    for h1 in headlines:
        if _key(h1) in keys or any(_framed(_key(h1), key) for key in keys):
            return h1
    for h1 in headlines:
        if stripped and _similar(_key(h1), _key(stripped[0])):
            return h1
    if stripped:
        return stripped[0]
    return headlines[0] if headlines else None


def _framed(headline: str, title: str) -> bool:
    """Tell whether ``title`` is ``headline`` with a site name before or after it."""
    if not headline or len(title) <= len(headline):
        return False
    if title.startswith(headline + " ") or title.endswith(" " + headline):
        return len(headline.split()) >= _MIN_HEADLINE_WORDS
    return False


def _similar(headline: str, title: str) -> bool:
    """Tell whether two headlines share most of their words (an SEO title and the <h1>)."""
    left, right = set(headline.split()), set(title.split())
    shared = len(left & right)
    return shared >= _MIN_SHARED_WORDS and shared >= _SHARED_SHARE * min(len(left), len(right))


def strip_site_name(title: str, site: str | None, url: str | None = None) -> str:
    """Return ``title`` without a leading or trailing site name (" | Site", " - Site").

    >>> strip_site_name("Storm hits coast | Daily Planet", None)
    'Storm hits coast'
    >>> strip_site_name("Storm hits coast - Daily Planet", "Daily Planet")
    'Storm hits coast'
    >>> strip_site_name("Storm - what we know", None)
    'Storm - what we know'
    """
    text = " ".join(title.split())
    parts = _TITLE_SEPARATORS.split(text)
    if len(parts) < 2:
        return text
    separators = _TITLE_SEPARATORS.findall(text)
    names = {_key(site)} if site else set()
    if url:
        host = _URL_SCHEME.sub("", url.lower()).split("/")[0]
        names.add(_key(host.rsplit(".", 1)[0]))
        names.add(_key(host))
        names.add(_key(host.split(".")[0]))
    names.discard("")
    head, tail = parts[0], parts[-1]
    if _key(tail) in names or (_key(tail).replace(" ", "") in {n.replace(" ", "") for n in names}):
        return text[: text.rfind(separators[-1])].strip()
    if _key(head) in names:
        return text[text.find(separators[0]) + len(separators[0]) :].strip()
    if separators[-1].strip() == "|" and len(_WORDS.findall(tail)) <= _SUFFIX_MAX_WORDS:
        rest = text[: text.rfind(separators[-1])].strip()
        if rest:
            return rest
    return text
