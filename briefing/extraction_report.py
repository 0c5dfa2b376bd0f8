"""`briefing extract`: what the pipeline sees in each article, as one JSON-ready mapping.

Kept out of the command line so the shape that `../shared/eval/score.py extract` and users'
own checks read is defined (and tested) in one place: metadata, body text, and every quote,
event and statement found, before any theme filters them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from briefing.extraction import extract_corpus
from briefing.model import Person
from briefing.readers import read_corpus


def extraction_report(
    corpus: Path, people: Sequence[Person], warn: Callable[[str], None], *, follow_links: bool = False
) -> dict[str, Any]:
    """Return {"documents": [...]} with each article's metadata, text, quotes, events and statements."""
    docs = read_corpus(corpus, warn, follow_links=follow_links)
    extraction = extract_corpus(docs, people, warn)
    out = []
    for d in docs:
        out.append(
            {
                "id": d.id,
                "file": d.file,
                "title": d.title,
                "authors": list(d.authors),
                "publisher": d.publisher,
                "published": d.published,
                "published_inferred": d.published_inferred,
                "url": d.url,
                "format": d.format,
                **({"pages": list(d.pages)} if d.pages else {}),
                "text": d.text,
                "quotes": [
                    {"text": q.text, "speaker": q.speaker, "role": q.role, "partial": q.partial}
                    for q in extraction.quotes[d.id]
                ],
                "events": [
                    {"date": e.date, "end": e.end, "text": e.text, "status": e.status, "context": e.context}
                    for e in extraction.events[d.id]
                ],
                "statements": [
                    {"speaker": s.speaker, "role": s.role, "text": s.text}
                    for s in extraction.statements[d.id]
                ],
            }
        )
    return {"documents": out}
