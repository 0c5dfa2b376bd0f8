"""Word lists for reading names: sentence openers, place and group words, descriptors, name particles.

Kept apart from `names` so the name rules read as rules; every list is
general English news usage, never a corpus's own names.
"""

from __future__ import annotations

from briefing.text.abbreviations import TITLE_ABBREVIATIONS, TITLE_WORDS
from briefing.text.calendar import FULL_WEEKDAY_WORDS, MONTH_WORDS

CONNECTORS = frozenset({"de", "da", "van", "von", "al", "bin", "der", "la", "le", "du", "del", "di", "&"})

# Capitalised function words that open sentences: stripped from the front of a capitalised run.
OPENERS = frozenset(
    w.lower()
    for w in """
    The A An But And Or So Yet However Meanwhile Later Earlier Then Now In On At When While After Before Still
    Also This That These Those It Its He She They We I You His Her Their Our My Your There Here What Why How
    Who Where If As For With Without From To By Of Last Next Asked Speaking Writing According Despite Since
    Although Though Because Instead Moreover Furthermore Finally First Second Third Indeed Thus Today
    Ultimately Notably Nevertheless Nonetheless Overall Securing Reflecting Following More Most Many Some No
    Only Just Even All Both Each Every Several Few Another Other Such During Amid Amidst Ahead Upon Regarding
    Concerning Unlike Like Besides Beyond Throughout Toward Towards Via Addressing Responding Citing Unless
    """.split()
)

# Capitalised words that open sentences or name places/things, never people.
NOT_NAME = OPENERS | frozenset(
    w.lower()
    for w in """
    The A An But And Or So Yet However Meanwhile Later Earlier Then Now In On At When While After Before Still
    Also This That These Those It Its He She They We I You His Her Their Our My Your There Here What Why How
    Who Where If As For With Without From To By Of Last Next Asked Speaking Writing According Despite Since
    Although Though Because Instead Moreover Furthermore Finally First Second Third Indeed Thus Today Yesterday
    Tomorrow
    North South East West Northern Southern Eastern Western New United States Kingdom Korea Korean Koreans
    Japan Japanese China Chinese America American Americans Republic People's Democratic Republican Republicans
    Democrats Democrat U.S U.K U.N EU Europe European Russia Russian Washington Beijing Tokyo Seoul Pyongyang
    Asia Asian Pacific Sea Island Islands City State Province Prefecture Street Avenue Hall
    Twitter X Facebook Instagram Truth Social YouTube TV Internet Web Online Christmas Easter Day Week Year
    God Mount River Lake Bay Gulf Ocean Africa African India Indian Taiwan Taiwanese Britain British France
    French Germany German Israel Israeli Iran Iranian Iraq Syria Mexico Mexican Canada Canadian Ukraine
    Ukrainian Middle Federal National International Global Party Congress Senate House White Supreme
    """.split()
) | MONTH_WORDS | FULL_WEEKDAY_WORDS | TITLE_ABBREVIATIONS | TITLE_WORDS


AUXILIARIES = frozenset("is was has had will would did does can could should may might must".split())

# Words that describe a person before the name without being a title.
DESCRIPTORS = frozenset(
    "rival former late then gop democrat democratic republican conservative liberal libertarian independent"
    " retired veteran embattled outgoing incoming acting interim disgraced billionaire american korean japanese"
    " chinese british french german russian israeli iranian canadian mexican ukrainian european indian"
    " australian taiwanese".split()
)

SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "esq"})

HEADLINE_SMALL = frozenset(
    "a an the and or but nor of in on at to for by with from as vs via per up if is are be so than not into over"
    " off out".split()
)

NON_VERBS = frozenset(
    "of for and or in on at to from with by about as than but that who whom which whose into over under after"
    " before during since until while when where if because against among between through".split()
)

# Last words that make a capitalised name a law, event, document or place, never a person ("Referendum Act").
THINGS = frozenset(
    """
    act acts law laws treaty accord accords agreement bill plan strategy summit forum conference festival
    olympics games war award prize declaration charter constitution pact protocol initiative program programme
    project tower bridge airport station stadium museum temple shrine palace line route corridor zone
    """.split()
)
