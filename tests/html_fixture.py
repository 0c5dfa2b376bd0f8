"""A small synthetic news page (written for these tests) with the furniture real pages carry."""

from __future__ import annotations

PARAS = [
    "The harbour authority of Eastport approved a plan on Tuesday to dredge the northern channel, "
    "a project that has been debated by the council for more than three years.",
    "\u201cWe cannot wait for another storm season,\u201d said Maria Keller, the authority\u2019s chair, "
    "after the vote. \u201cThe channel has to be safe for the ferries by spring.\u201d",
    "Work is due to begin in March and to last about eleven months, according to the plan, which "
    "puts the cost at 42 million dollars shared between the port and the regional government.",
    "Fishermen who use the northern berths said they welcomed the decision but wanted the work "
    "scheduled outside the autumn season, when most of the catch is landed at the old quay.",
]


def news_page(
    headline: str = "Eastport Approves Plan to Dredge Northern Channel",
    byline: str = "By Jonas Berg",
    meta_author: str | None = "Staff",
    canonical: str = "https://news.example.org/2025/05/13/eastport-dredging",
    charset: str = "utf-8",
) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in PARAS)
    author = f'<meta name="author" content="{meta_author}">' if meta_author else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>{headline} | The Eastport Ledger</title>
<meta property="og:title" content="{headline} | The Eastport Ledger">
<meta property="og:site_name" content="The Eastport Ledger">
<meta property="article:published_time" content="2025-05-13T09:30:00+00:00">
{author}
<link rel="canonical" href="{canonical}">
</head><body>
<header><div class="logo">The Eastport Ledger</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li><li><a href="/sport">Sport</a></li></ul></nav>
</header>
<main><article>
<h1>{headline}</h1>
<div class="byline">{byline}</div>
<time datetime="2025-05-13">May 13, 2025</time>
<figure><img src="dredger.jpg"><figcaption>A dredger at work in a neighbouring port last year.</figcaption></figure>
{body}
</article>
<section class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Ferry timetable changes for the summer season announced</a></li>
<li><a href="/b">Council election results for the harbour ward in full</a></li></ul></section>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><span class="comment-author">Reader99 says:</span>
<p>This is a waste of money and everybody in town knows it already.</p></div></section>
</main>
<footer><p>Copyright The Eastport Ledger. All rights reserved.</p></footer>
</body></html>
"""
