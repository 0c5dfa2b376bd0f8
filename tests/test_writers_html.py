"""HTML writer: escaping, anchors, a self-contained page, the template found from a checkout."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from briefing.templating import template_dirs
from briefing.writers import WRITERS
from briefing.writers.html import TEMPLATE
from tests.briefing_fixture import make_briefing


class Collector(HTMLParser):
    """Collect the tags, ids, links and headings of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.headings: list[str] = []
        self._in_h2 = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])
        self._in_h2 = tag == "h2"

    def handle_endtag(self, tag):
        if tag == "h2":
            self._in_h2 = False

    def handle_data(self, data):
        if self._in_h2:
            self.headings.append(data.strip())


@pytest.fixture(scope="module")
def page() -> str:
    return WRITERS["html"].render(make_briefing()).decode("utf-8")


@pytest.fixture(scope="module")
def parsed(page) -> Collector:
    c = Collector()
    c.feed(page)
    return c


def test_source_text_is_escaped_not_interpreted(page, parsed):
    assert parsed.tags.count("script") == 0
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "AT&amp;T-style" in page and "tariffs &lt; 10%" in page
    assert "\x07" not in page and "\x0c" not in page


def test_every_citation_link_lands_on_a_source_anchor(parsed):
    internal = {h[1:] for h in parsed.hrefs if h.startswith("#")}
    assert internal == {"src-1", "src-2", "src-3", "src-4"}
    assert internal <= parsed.ids


def test_page_is_self_contained(page, parsed):
    assert not {"link", "script", "img", "iframe"} & set(parsed.tags)
    assert "@import" not in page and "url(" not in page
    external = [h for h in parsed.hrefs if not h.startswith("#")]
    assert sorted(external) == sorted(s.url for s in make_briefing().sources if s.url)


def test_sections_are_h2_headings_in_order(parsed):
    assert parsed.headings == [
        "What\u2019s new",
        "Summary",
        "Timeline",
        "Background",
        "Quotes",
        "Who said what",
        "Key passages",
        "Notes",
        "Sources",
    ]


def test_template_is_found_in_the_checkout():
    dirs = template_dirs(TEMPLATE)
    assert dirs and (dirs[0] / TEMPLATE).is_file()


def test_unsafe_url_schemes_are_shown_but_not_linked():
    from dataclasses import replace

    b = make_briefing()
    evil = replace(b.sources[0], url="javascript:alert(1)")
    page = WRITERS["html"].render(replace(b, sources=(evil, *b.sources[1:]))).decode("utf-8")
    assert "javascript:alert(1)" in page
    assert not re.search(r'href="javascript:', page)
