"""The one list of words news English abbreviates with a full stop, and the titles among them.

A full stop after one of these ("Sen.", "Jan.", "Corp.", "Calif.") usually ends no sentence,
and a title before a capitalised word ("Gen. Park") starts a person's name.  The sentence
splitter, the quotation tokenizer and the name finder all read this module, so a title added
here is known to all three.
"""

from __future__ import annotations

from briefing.text.calendar import MONTH_ABBREVIATIONS, WEEKDAY_ABBREVIATIONS

# Titles written before a person's name, abbreviated ("Sen. Warren", "Lt. Kim", "Messrs. Lee and Park").
TITLE_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen sens rep reps gov gen lt col maj capt cmdr adm sgt cpl pvt rev hon pres sec amb
    supt insp det atty messrs mme mlle brig lt.gen
    """.split()
)

# Titles that are never abbreviated but open a name all the same ("Sir Keir Starmer", "Lady Thatcher").
TITLE_WORDS = frozenset("miss sir dame lord lady".split())

# Titles that say nothing about a person's role ("Mr. Barrett" has no role from "Mr.").
COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "messrs", "mme", "mlle", "sir", "dame"})

# Every title, with and without its full stop, as the name rules meet it in running text.
HONORIFICS = TITLE_WORDS | frozenset(form for title in TITLE_ABBREVIATIONS for form in (title, title + "."))

_AFTER_NAMES = frozenset({"jr", "sr", "st"})  # "Martin Luther King Jr.", "St. Louis"

# US states that are not also English words ("Wilmington, Del.").
_STATES = frozenset(
    """
    ala ariz ark calif colo conn del fla kan ky md mass mich minn mont neb nev okla tenn tex vt wis wyo
    """.split()
)

_ORGANISATIONS_AND_PLACES = frozenset("inc corp co ltd plc bros dept univ assn ft mt ave blvd rd".split())

_OTHER = frozenset("no nos vs v etc est approx fig vol pp e.g i.e a.m p.m cf al".split())

ABBREVIATIONS = (
    TITLE_ABBREVIATIONS
    | _AFTER_NAMES
    | MONTH_ABBREVIATIONS
    | WEEKDAY_ABBREVIATIONS
    | _STATES
    | _ORGANISATIONS_AND_PLACES
    | _OTHER
)
