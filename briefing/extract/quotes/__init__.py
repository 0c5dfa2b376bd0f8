"""Direct quotations and attributed statements, each with the right speaker.

`extract_quotes` finds text between quotation marks that reproduces somebody's
words and names who said them; `extract_statements` finds reported speech
("Wi Sung-lac stated that …", "According to officials, …"). Both are rules
over the text (no statistical model: none can be installed on users'
machines), resolving speakers through the `people:` registry and the names
the document itself uses.

Modules: `marks` pairs quotation marks; `tokens` and `lexicon`/`namewords`
hold the words the rules look at; `speaker` and `forward` read the speaker
phrase before or after a reporting verb; `attribution` decides what is a
quotation and whose; `names` resolves a phrase to a canonical name (registry,
fullest form in the document, pronouns, "the president"); `extract` walks a
document; `statements` handles reported speech; `corpus` gives one speaker
one name across documents.
"""

from __future__ import annotations

from briefing.extract.quotes.corpus import unify_corpus, unify_speakers
from briefing.extract.quotes.extract import FoundQuote, extract_quotes
from briefing.extract.quotes.statements import FoundStatement, extract_statements

__all__ = ["FoundQuote", "FoundStatement", "extract_quotes", "extract_statements", "unify_corpus", "unify_speakers"]
