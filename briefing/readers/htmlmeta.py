"""The headline and byline as a web page displays them, read from its markup.

Extractors take the title from `<title>` or `og:title`, which often carry a site
suffix ("… | The Daily Example") or an SEO variant, and the author from metadata that
may hold "Staff" or a profile slug.  Pages print the real headline in an `<h1>` and
the byline in an element marked as such; metadata is used to confirm which `<h1>` is
the headline (a logo or section name can be an `<h1>` too).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|«|·|•|/)\s+|\s*\|\s*")


@dataclass
class Page:
    h1: list[str] = field(default_factory=list)
    h1_parts: list[str] = field(
        default_factory=list
    )  # separately styled pieces of an <h1> (kicker, headline)
    meta_titles: list[str] = field(default_factory=list)  # og:title, twitter:title, JSON-LD headline
    title_tag: str | None = None
    site_name: str | None = None
    canonical: str | None = None
    meta_authors: list[str] = field(default_factory=list)  # JSON-LD author names, meta author
    bylines: list[str] = field(default_factory=list)  # text of elements marked as byline/author


def _text(el: Any) -> str:
    return _SPACE.sub(" ", "".join(el.itertext())).strip()


def _words(s: str) -> list[str]:
    return _WORD.findall(s.casefold())


def _jsonld(tree: Any) -> list[dict[str, Any]]:
    """Return the JSON-LD objects of the page, @graph members flattened."""
    out: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (ValueError, TypeError):
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                out.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
            elif isinstance(item, list):
                stack.extend(item)
    return out


def _names(value: Any) -> list[str]:
    """Return person names from a JSON-LD author value (string, object, or list of them)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _marked(word: str) -> str:
    attrs = ("@class", "@id", "@data-testid", "@itemprop", "@rel")
    return " or ".join(
        f'contains(translate({a}, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"), "{word}")'
        for a in attrs
    )


# Elements a page marks as its byline; comment threads, footers and sidebars are other people's names.
_BYLINE_XPATH = f"//body//*[{_marked('byline')} or {_marked('author')}]"
_OUTSIDE_ARTICLE = (
    "ancestor-or-self::footer or ancestor-or-self::aside or ancestor-or-self::nav or "
    "ancestor-or-self::*[not(self::body) and not(self::html) and "
    f"({_marked('comment')} or {_marked('related')} or {_marked('sidebar')})]"
)

_ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "blogposting",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "webpage",
    "report",
    "scholarlyarticle",
    "backgroundnewsarticle",
}


def read_page(tree: Any) -> Page:
    """Return the title and byline candidates the page's markup offers."""
    page = Page()
    for el in tree.xpath("//body//h1"):
        if el.xpath("ancestor::nav or ancestor::footer or ancestor::aside"):
            continue
        t = _text(el)
        if t:
            page.h1.append(t)
            pieces = [_SPACE.sub(" ", p).strip() for p in el.itertext()]
            page.h1_parts.extend(p for p in pieces if len(p.split()) >= 2 and p != t)

    def meta(*keys: str) -> list[str]:
        found = []
        for k in keys:
            for v in tree.xpath(f'//meta[@property="{k}" or @name="{k}"]/@content'):
                v = _SPACE.sub(" ", str(v)).strip()
                if v:
                    found.append(v)
        return found

    page.meta_titles = meta("og:title", "twitter:title")
    titles = tree.xpath("//title")
    if titles:
        page.title_tag = _text(titles[0]) or None
    sites = meta("og:site_name", "application-name")
    page.site_name = sites[0] if sites else None
    canon = tree.xpath('//link[@rel="canonical"]/@href') or meta("og:url")
    page.canonical = str(canon[0]).strip() if canon and str(canon[0]).strip().startswith("http") else None
    for item in _jsonld(tree):
        types = item.get("@type")
        types = types if isinstance(types, list) else [types]
        if not any(isinstance(t, str) and t.casefold() in _ARTICLE_TYPES for t in types):
            continue
        if isinstance(item.get("headline"), str):
            page.meta_titles.append(_SPACE.sub(" ", item["headline"]).strip())
        page.meta_authors.extend(n.strip() for n in _names(item.get("author")) if n.strip())
    page.meta_authors.extend(
        meta("author", "article:author", "parsely-author", "sailthru.author", "dc.creator")
    )
    for el in tree.xpath(_BYLINE_XPATH):
        if el.xpath(_OUTSIDE_ARTICLE):
            continue
        links = [_text(a) for a in el.xpath(".//a")]
        page.bylines.extend(t for t in links if t and len(t) <= 80)
        t = _text(el)
        if t and len(t) <= 160:
            page.bylines.append(t)
    return page


def _overlap(a: str, b: str) -> float:
    """Share of `a`'s words that occur in `b`."""
    wa, wb = _words(a), set(_words(b))
    return sum(w in wb for w in wa) / len(wa) if wa else 0.0


def strip_site_suffix(title: str, site: str | None) -> str:
    """Return the title without a leading or trailing site-name segment ("Headline | Site")."""
    parts = [p.strip() for p in _SEPARATORS.split(title) if p and p.strip()]
    if len(parts) < 2:
        return title
    site_words = set(_words(site or ""))

    def is_site(p: str) -> bool:
        w = _words(p)
        return bool(w) and (bool(site_words) and set(w) <= site_words or len(w) <= 3 and p[:1].isupper())

    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
    while len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
    if len(parts) == 1:
        return parts[0]
    return max(parts, key=len) if site_words and any(is_site(p) for p in parts) else title


def _agreement(a: str, b: str) -> float:
    """Word-overlap F1 of two titles: high only when each covers most of the other."""
    p, r = _overlap(a, b), _overlap(b, a)
    return 2 * p * r / (p + r) if p + r else 0.0


def choose_title(page: Page, extracted: str | None, site: str | None) -> str | None:
    """Return the displayed headline: the `<h1>` (or styled piece of one) the metadata confirms,
    else the metadata title without its site-name segment."""
    brand = _brand_h1(page)
    site = page.site_name or site or brand
    refs = [strip_site_suffix(t, site) for t in [*page.meta_titles, page.title_tag, extracted] if t]
    # an <h1> that runs a kicker or subtitle into the headline: the metadata headline is the part shown as such
    for h in page.h1:
        for r in page.meta_titles:
            if len(_words(r)) >= 3 and fold(r) in fold(h) and fold(r) != fold(h):
                return r
    best, best_score = None, 0.0
    for candidates in (page.h1, page.h1_parts):
        for h in candidates:
            if len(_words(h)) < 2 or h == brand:
                continue
            score = max((_agreement(h, r) for r in refs), default=0.0)
            if score > best_score + 1e-9:
                best, best_score = h, score
        if best_score >= 0.8:
            break
    if best is not None and best_score >= 0.6:
        return best
    for candidate in [*page.meta_titles, page.title_tag, extracted]:
        if candidate and candidate != brand:
            return strip_site_suffix(candidate, site)
    return page.h1[0] if page.h1 else None


def fold(s: str) -> str:
    """Return the words of `s`, casefolded, joined by single spaces (for comparing titles)."""
    return " ".join(_words(s))


def _brand_h1(page: Page) -> str | None:
    """Return an <h1> that is the site's name: it opens or closes a multi-part <title> ("Blog » Post")."""
    if not page.title_tag:
        return None
    parts = [p.strip() for p in _SEPARATORS.split(page.title_tag) if p and p.strip()]
    if len(parts) < 2:
        return None
    longest = max(len(_words(p)) for p in parts)
    for h in page.h1:
        if fold(h) and fold(h) in (fold(parts[0]), fold(parts[-1])) and len(_words(h)) < longest:
            return h
    return None


_BY = re.compile(r"^\s*(?:written\s+)?by[:\s]+", re.I)
_FURNITURE_AUTHOR = re.compile(r"^(?:staff|admin|administrator|editor|editorial|web ?desk|news ?desk)$", re.I)


def _clean_author(name: str) -> str:
    name = _BY.sub("", name).strip(" ,;|")
    return _SPACE.sub(" ", name)


_NAME_WORD = r"(?:[A-Z][a-z]*\.?(?:[A-Z]\.)*|[A-Z][\w'’-]+|(?:de|van|von|der|da|di|le|la|bin|al)\b)"
_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}$")
_BYLINE_NAMES = re.compile(r"\bby\s+(.+)$", re.I)
_LIST_SPLIT = re.compile(r"\s*(?:,|&|\band\b|;)\s*", re.I)


def _is_name(s: str) -> bool:
    return bool(_NAME.match(s)) and not re.search(r"\d", s)


def names_in_byline(text: str) -> list[str]:
    """Return the person names a byline states ("By Ann Lee and Bo Chan", "Posted on May 2 by Ann Lee")."""
    text = _SPACE.sub(" ", text).strip(" -–—|:")
    m = _BYLINE_NAMES.search(text)
    if m:
        text = m.group(1)
    text = re.split(r"\s+(?:[|•·–—-]|for|from|at|on)\s+", text, maxsplit=1)[0]
    parts = [p.strip(" .,-–—|:") for p in _LIST_SPLIT.split(text)]
    parts = [p for p in parts if p]
    return parts if parts and all(_is_name(p) for p in parts) else []


def choose_authors(page: Page, extracted: str | None, site: str | None = None) -> list[str]:
    """Return the byline's people: the extractor's authors unless they are furniture ("Staff"), a
    commenter ("Ann says"), or the site's own name; else the first name-like byline the page marks."""
    site_words = set(_words(site or "")) | set(_words(page.site_name or ""))

    def is_site(n: str) -> bool:
        return bool(site_words) and set(_words(n)) == site_words

    names = [_clean_author(a) for a in (extracted or "").split(";")]
    names = [
        n for n in names if n and not _FURNITURE_AUTHOR.match(n) and not re.search(r"\bsays:?$", n, re.I)
    ]
    found = [n for b in page.bylines for n in names_in_byline(b) if not is_site(n)]
    if names and all(is_site(n) for n in names) and found:
        names = []  # the site's own name where the page prints a person's byline
    if not names:
        return found[:1] if found else []
    # a bare first name in metadata ("Todd") is the byline's full name when the page prints it
    out = []
    for n in names:
        if len(n.split()) == 1:
            longer = [f for f in found if f.split()[0].casefold() == n.casefold()]
            n = longer[0] if longer else n
        out.append(n)
    return out
