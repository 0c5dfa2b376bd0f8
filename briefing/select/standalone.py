"""Does a sentence stand on its own?  The test a key point must pass before it leads a briefing.

A summary point is read out of context, at the top of the briefing, often weeks after
its source was written.  A verbatim sentence fails that reading when it

- opens with a connective that answers a sentence the reader has not seen
  ("However, ...", "Moreover, ...", "For his part, ...");
- points outside itself: a pronoun or demonstrative with no name before it in the
  sentence ("He added ...", "This is the first time ...", "..., this ensures ..."),
  "also"/"another" (in addition to what?), an opener such as "A prime example is";
- names its subject only by a bare common noun ("The summit also addressed ...":
  which summit?);
- is a fragment: it starts with a lower-case letter or does not end as a sentence;
- is dated relative to when it was written ("Recently, ...", "Earlier, ...");
- speaks of the future ("upcoming", "will visit", "is expected to") although the
  source is older than the edition by more than a few days, so the event has passed.

`standalone` returns the sentence, or a contiguous verbatim slice of it that passes
(a leading connective, a wire dateline or a log line's date stamp, "Jan 10, 2026 – ", cut off
when what follows starts with a capital), or None when
no standalone form exists and another sentence must be chosen.  Words are never added
and letters never re-cased: the point stays a quotation of its source.
"""

from __future__ import annotations

import re
from datetime import date

from briefing.extract.events.clauses import dateline_end
from briefing.text.calendar import MONTHS, WEEKDAY_NAMES

# Sentence adverbials that link to the previous sentence. Followed by a comma; when the
# rest starts with a capital it is itself a sentence and the adverbial may be cut off.
_LINKING = (
    r"however|moreover|furthermore|meanwhile|additionally|in addition|besides|likewise|similarly"
    r"|conversely|nonetheless|nevertheless|still|yet|thus|therefore|hence|consequently|accordingly"
    r"|as a result|as such|indeed|in fact|notably|importantly|significantly|ultimately|finally"
    r"|first(?:ly)?|second(?:ly)?|third(?:ly)?|lastly|next|then|again|also|instead|otherwise"
    r"|on the (?:one|other) hand|in contrast|by contrast|at the same time|even so|after all"
    r"|in turn|above all|in other words|that said|of course|to be sure|in short|in sum|overall"
    r"|for (?:his|her|their|its|our|my) part|in response|in return|to that end|by doing so"
    r"|in this (?:context|regard|respect|sense|way|case)|in that (?:context|regard|respect|sense|case)"
    r"|against this backdrop|with this|with that|for (?:example|instance)|specifically|similarly"
    # dated by when the source was written, meaningless weeks later
    r"|recently|lately|earlier|previously|until now|so far|to date|this week|last week"
)
_LINKING_OPENER = re.compile(rf"^(?:{_LINKING}),\s+", re.IGNORECASE)
# A log line's date stamp: "Jan 10, 2026 – In Tokyo, ...", "Monday, 3 March: ...", "2026-01-10 - ...".
# A date and a dash or colon, then a capital: a range ("March 4 - 6") never is one.
_MONTH_NAME = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_STAMP = re.compile(
    r"^(?:(?:" + "|".join(WEEKDAY_NAMES) + r"),?\s+)?"
    r"(?:" + _MONTH_NAME + r"\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+" + _MONTH_NAME + r"(?:,?\s+\d{4})?"
    r"|\d{4}-\d{2}-\d{2})"
    r"\s*(?:--|[\u2013\u2014:]|\s-)\s+(?=[A-Z\u201c\"])",
    re.IGNORECASE,
)
# Coordinating conjunctions that open a sentence continuing the previous one.
_CONJUNCTION_OPENER = re.compile(r"^(?:And|But|So|Or|Nor|Yet|Plus)\s+")

# Openers that refer to something outside the sentence and cannot be cut off.
_REFERRING_OPENER = re.compile(
    r"^(?:"
    r"(?:He|She|It|They|We|I|You|His|Her|Its|Their|Our|My|Him|Them|Us"
    r"|This|That|These|Those|Such|Both|Either|Neither|Another|Other|Others|Here|There,|Then|Also"
    r"|Recently|Lately|Earlier|Previously"
    r"|The (?:other|latter|former|same|rest|above|following|two|three|both)"
    r"|(?:A|An|One|Another|The) (?:\w+ ){0,2}(?:example|case|instance|illustration|sign|reason|factor"
    r"|result|consequence|point|step|move|sign|indication|problem)\s+(?:is|was|are|were|came|comes|being)"
    r")\b"
    r"|For (?:example|instance)\b)",
)
# "It is likely that ...", "It was agreed that ...": an expletive "it" names nothing.
_EXPLETIVE_IT = re.compile(
    r"^It (?:is|was|has been|had been|remains|seems|appears)\s+(?:\w+\s+){0,2}(?:that|whether|for)\b"
)

# Third-person pronouns that need an antecedent; a name earlier in the sentence supplies one.
_PRONOUN = re.compile(r"\b(?:he|him|his|she|her|hers|they|them|their|theirs|it|its)\b")
# "this/these/those" outside a time expression ("this year") points back to the previous sentence.
_DEMONSTRATIVE = re.compile(
    r"\b(?:this|these|those)\b(?!\s+(?:year|week|month|morning|afternoon|evening|weekend|spring|summer"
    r"|autumn|fall|winter|quarter|decade|century|year's|week's|month's)\b)",
    re.IGNORECASE,
)
# "also", "another", "too": in addition to something the reader was not shown ("but also" is fine).
_ADDITIVE = re.compile(r"(?<!\bbut )\b(?:also|another)\b", re.IGNORECASE)

# A subject named only by a common noun: "The summit ...", "The two leaders agreed ...".
_BARE_SUBJECT = re.compile(
    r"^The\s+(?:[a-z][\w\u2010\u2011-]*\s+){0,2}"
    r"(?:summit|meeting|talks|visit|trip|leaders?|sides|countries|nations|president|minister|premier"
    r"|agreement|deal|plan|move|decision|proposal|announcement|statement|report|conference|event"
    r"|issue|program|programme|policy|government|administration|officials?|country|nation|bill|law"
    r"|measure|initiative|project|framework|talk|remarks?|speech|incident|dispute|crisis|war|attack)"
    r"(?!\s+(?:of|between|with|in|on|at|to|for|from|by|held|hosted|called|known|named)\b)"
    r"(?=[\s,])"
)

# Text in quotation marks is the speaker's, and may say "we" or "this" freely.
_QUOTED = re.compile(r"[\u201c\"][^\u201d\"]*[\u201d\"]")
# A capitalised word: a name or an acronym, unless it is a function word opening the sentence.
_NAME = re.compile(r"\b[A-Z][\w\u2019'\u2010\u2011.-]*")
_FUNCTION_OPENERS = frozenset(
    "the a an on in at for during after before while when as with by from since despite although"
    " though because if under over to of amid following until unlike like among between".split()
)
_END = re.compile(r"[.!?][\u201d\u2019\"')\]]*$")

# Words that speak of the event as still to come.
_FUTURE = re.compile(
    r"\b(?:upcoming|forthcoming|coming (?:days|weeks|months|week|month)|next (?:week|month)"
    r"|later this (?:week|month)|this coming|(?:is|are) (?:set|scheduled|slated|due|expected|poised) to"
    r"|will|is to|are to|plans? to|(?:is|are) planning to)\b",
    re.IGNORECASE,
)
# A reporting verb: a future after it is what someone said, not the reporter's forecast.
_REPORTING = re.compile(
    r"\b(?:said|says|stated|noted|told|added|announced|pledged|stressed|that|according)\b"
)
STALE_AFTER_DAYS = 7  # a forecast in a source older than this (before the edition) has come due


def standalone(sentence: str) -> str | None:
    """Return `sentence` or its standalone verbatim slice; None if it cannot stand alone."""
    s = sentence.strip()
    s = s[dateline_end(s, 0, len(s)) :]  # "RIGA, Sept. 22 -- Twelve ...": the point starts at "Twelve"
    stamp = _DATE_STAMP.match(s)
    if stamp:  # "Jan 10, 2026 – In Tokyo, ...": the stamp is the log's, the point starts at "In"
        s = s[stamp.end() :]
    for _ in range(3):  # "However, for his part, ..." peels twice
        m = _LINKING_OPENER.match(s) or _CONJUNCTION_OPENER.match(s)
        if not m:
            break
        s = s[m.end() :]
    if not _reads_alone(s):
        return None
    return s


def _reads_alone(s: str) -> bool:
    if len(s.split()) < 6 or not _END.search(s):
        return False
    first = s.lstrip("\u201c\"'(")
    if not first or not (first[0].isupper() or first[0].isdigit()):
        return False
    if _LINKING_OPENER.match(s) or _CONJUNCTION_OPENER.match(s):
        return False
    if _REFERRING_OPENER.match(s) and not _EXPLETIVE_IT.match(s):
        return False
    if _BARE_SUBJECT.match(s):
        return False
    own = _QUOTED.sub(" ", s)
    if _DEMONSTRATIVE.search(own[1:]) or _ADDITIVE.search(own):
        return False
    pronoun = _PRONOUN.search(own)
    if pronoun and not any(m.start() < pronoun.start() for m in _names(own)):
        return False
    return True


def _names(s: str) -> list[re.Match[str]]:
    """Return the capitalised words that can be antecedents (not an opening "The", "On", ...)."""
    out = []
    for m in _NAME.finditer(s):
        if m.start() == s.find(m.group()) and s[: m.start()].strip("\u201c\"'( ") == "":
            if m.group().lower() in _FUNCTION_OPENERS:
                continue
        out.append(m)
    return out


def is_stale(sentence: str, source_date: str | None, edition_date: str | None) -> bool:
    """True when the sentence speaks of something still to come, in a source that the edition
    is more than `STALE_AFTER_DAYS` newer than: by the edition's date that event has passed."""
    if not source_date or not edition_date:
        return False
    try:
        age = (date.fromisoformat(edition_date[:10]) - date.fromisoformat(source_date[:10])).days
    except ValueError:
        return False
    if age <= STALE_AFTER_DAYS:
        return False
    own = _QUOTED.sub(" ", sentence)
    future = _FUTURE.search(own)
    if not future:
        return False
    report = _REPORTING.search(own)
    return not report or future.start() < report.start()
