"""When were a quote's words said?  The date the text states, else none (the source's date stands in).

A quote printed under its source's publication date tells the reader the words are from that
day; often they are not ("Woo said on January 7 that ..." in an article of January 12).  The
sentence a quote stands in says when, if anything does, in a date attached to the speech verb:
"said on January 7", "told reporters on Tuesday", "On January 7, Woo said".  Only such a date
counts: another date in the sentence ("... the summit on Jan 13") dates an event, not the words.
Run after quote extraction, on its context sentence; it does not change who said what.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.extract.timex import tag

# A speech verb; a date "on ..." right after it (within a few words) or opening the sentence dates it.
_SPEECH = re.compile(
    r"\b(?:said|says|told|tells|stating|stated|states|added|adds|noted|notes|stressed|stresses|remarked"
    r"|wrote|writes|posted|announced|announces|declared|declares|warned|warns|urged|urges|insisted"
    r"|emphasi[sz]ed|emphasi[sz]es|pledged|pledges|vowed|vows|asked|asks)\b"
)
# "said on", "told reporters on"; not "said the summit on" (a determiner starts another phrase)
_GAP = re.compile(r"^(?:\s+(?!(?:the|a|an|this|that|its|his|her|their)\b)[\w\u2019'-]+){0,3}?\s+on\s+$", re.I)
_OPENING = re.compile(r"^\s*(?:On|on)\s+$")
_STAMP_DASH = re.compile(r"^\s*[\u2013\u2014-]\s")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@lru_cache(maxsize=4096)
def said_on(context: str, source_date: str | None) -> str | None:
    """Return the YYYY-MM-DD the sentence says the words were said, or None when it does not say.

    The date must be a whole day, not after the source's own date (words are reported after
    they are said), and attached to a speech verb. Remembered per sentence and date: copies of
    an article, and the themes quoting the same people, ask about the same sentences.
    """
    if not context:
        return None
    speech = list(_SPEECH.finditer(context))
    if not speech:
        return None
    for t in tag(context, source_date):
        if t.type != "DATE" or not _DAY.match(t.value) or (source_date and t.value > source_date[:10]):
            continue
        before = context[: t.start]
        after_verb = any(_GAP.match(before[m.end() :]) for m in speech if m.end() <= t.start)
        # "On January 7, Woo said ..."; a dated log line "Jan 7, 2026 – Lee tells reporters ..."
        stamp = not before.strip() and bool(_STAMP_DASH.match(context[t.end :]))
        opening = (bool(_OPENING.match(before)) or stamp) and any(m.start() > t.end for m in speech)
        if after_verb or opening:
            return t.value
    return None
