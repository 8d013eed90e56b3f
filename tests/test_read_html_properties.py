"""Properties of read_html on generated markup and generated article pages."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.readers.html import read_html

# Random markup: common tags, attributes that carry meaning, any text.

TAGS = [
    "div",
    "p",
    "span",
    "a",
    "b",
    "i",
    "em",
    "strong",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "article",
    "aside",
    "nav",
    "footer",
    "header",
    "section",
    "main",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "form",
    "input",
    "button",
    "select",
    "option",
    "label",
    "time",
    "br",
    "img",
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "dl",
    "dt",
    "dd",
    "story-body",
    "font",
]
CLASS_WORDS = ["content", "article", "body", "nav", "share", "related", "comment", "ad", "x"]
ATTRIBUTE = st.one_of(
    st.tuples(st.just("class"), st.lists(st.sampled_from(CLASS_WORDS), max_size=3).map(" ".join)),
    st.tuples(st.sampled_from(["id", "href", "title", "lang", "datetime", "itemprop"]), st.text()),
    st.tuples(st.just("role"), st.sampled_from(["main", "navigation", "banner", "article"])),
    st.tuples(st.just("hidden"), st.just("")),
    st.tuples(st.just("aria-hidden"), st.sampled_from(["true", "false"])),
    st.tuples(st.just("style"), st.sampled_from(["display:none", "color: red", ""])),
)


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;")


@st.composite
def element(draw: st.DrawFn, children: st.SearchStrategy[str]) -> str:
    tag = draw(st.sampled_from(TAGS))
    attrs = draw(st.lists(ATTRIBUTE, max_size=3))
    rendered = "".join(f' {name}="{_escape(value)}"' for name, value in attrs)
    inner = "".join(draw(st.lists(children, max_size=4)))
    closing = draw(st.booleans()) or tag == "script"
    return f"<{tag}{rendered}>{inner}" + (f"</{tag}>" if closing else "")


MARKUP = st.recursive(st.text(max_size=30), lambda children: element(children), max_leaves=40)


@settings(max_examples=200, deadline=None)
@given(MARKUP)
def test_never_raises_on_generated_markup(html: str) -> None:
    doc = read_html(html)
    for block in doc.blocks:
        assert block.text.strip()
        if block.kind == "preformatted":  # keeps the indentation of its first line
            assert block.text == block.text.rstrip().lstrip("\n")
        else:
            assert block.text == block.text.strip()
        assert 0.0 <= block.link_density <= 1.0


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    doc = read_html(text)
    assert all(block.text for block in doc.blocks)


# Generated article pages: a real <article> of prose inside generated chrome.

FUNCTION_WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "that",
    "is",
    "was",
    "for",
    "on",
    "with",
    "as",
    "by",
    "at",
    "from",
    "it",
    "said",
]
CONTENT_WORDS = [
    "council",
    "budget",
    "river",
    "bridge",
    "school",
    "teachers",
    "hospital",
    "doctors",
    "market",
    "prices",
    "farmers",
    "harvest",
    "election",
    "voters",
    "minister",
    "police",
    "court",
    "judge",
    "museum",
    "library",
    "station",
    "trains",
    "drivers",
    "company",
    "workers",
    "factory",
    "village",
    "residents",
    "mayor",
    "storm",
    "flood",
    "winter",
    "summer",
]
CHROME_WORDS = [
    "Home",
    "World",
    "Sport",
    "Weather",
    "Markets",
    "Podcasts",
    "Newsletters",
    "Login",
    "Careers",
    "Contact",
    "Privacy",
    "Cookies",
    "Advertise",
    "Archive",
    "Puzzles",
    "Horoscopes",
]


@st.composite
def sentence(draw: st.DrawFn) -> str:
    count = draw(st.integers(min_value=10, max_value=20))
    words = [
        draw(st.sampled_from(FUNCTION_WORDS if index % 2 else CONTENT_WORDS))
        for index in range(count)
    ]
    if draw(st.booleans()):
        words[count // 2] += ","
    return " ".join(words).capitalize() + "."


PARAGRAPH = st.lists(sentence(), min_size=2, max_size=4).map(" ".join)
CHROME_TEXT = st.lists(st.sampled_from(CHROME_WORDS), min_size=1, max_size=4).map(" ".join)


@st.composite
def link_list(draw: st.DrawFn) -> str:
    items = draw(st.lists(CHROME_TEXT, min_size=2, max_size=8))
    return (
        "<ul>"
        + "".join(f'<li><a href="/{i}">{text}</a></li>' for i, text in enumerate(items))
        + "</ul>"
    )


@st.composite
def chrome(draw: st.DrawFn) -> str:
    kind = draw(
        st.sampled_from(["nav", "header", "footer", "aside", "sidebar", "share", "related"])
    )
    links = draw(link_list())
    teaser = draw(CHROME_TEXT)
    if kind == "nav":
        return f'<nav class="menu">{links}</nav>'
    if kind == "header":
        return f'<header><a href="/">{teaser}</a>{links}</header>'
    if kind == "footer":
        return f"<footer><p>{teaser} {teaser} {teaser}</p>{links}</footer>"
    if kind == "aside":
        return f"<aside><h3>{teaser}</h3>{links}</aside>"
    if kind == "sidebar":
        return f'<div class="sidebar"><h3>{teaser}</h3>{links}</div>'
    if kind == "share":
        return f'<div class="share-buttons"><a href="#">{teaser}</a> <a href="#">{teaser}</a></div>'
    return f'<section class="related-stories"><h2>{teaser}</h2>{links}</section>'


@dataclass(frozen=True)
class ArticlePage:
    """A generated page and the paragraphs of its article."""

    html: str
    paragraphs: list[str]


@st.composite
def article_page(draw: st.DrawFn) -> ArticlePage:
    paragraphs = draw(st.lists(PARAGRAPH, min_size=2, max_size=6))
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    wrapper = draw(st.sampled_from(["{}", '<div class="story-body">{}</div>', "<div>{}</div>"]))
    article = "<article>" + wrapper.format(body) + "</article>"
    before = draw(st.lists(chrome(), max_size=3))
    after = draw(st.lists(chrome(), max_size=3))
    layout = draw(st.sampled_from(["{}", '<div class="page">{}</div>', "<main>{}</main>"]))
    inner = layout.format("".join(before) + article + "".join(after))
    html = f"<!DOCTYPE html><html><head><title>x</title></head><body>{inner}</body></html>"
    return ArticlePage(html, paragraphs)


@settings(max_examples=100, deadline=None)
@given(article_page())
def test_generated_article_comes_out_whole_and_without_chrome(page: ArticlePage) -> None:
    doc = read_html(page.html)
    assert [block.text for block in doc.blocks] == page.paragraphs
    assert not any(word in doc.text for word in CHROME_WORDS)
