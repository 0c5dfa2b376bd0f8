"""Word lists the quote extractor reasons with: reporting verbs, titles, pronouns, organisation words.

Kept apart from the rules so the rules read as grammar and the lists can grow
without touching them. Every list is general English news usage, never a
corpus's own names.
"""

from __future__ import annotations

import re

from briefing.text.abbreviations import TITLE_ABBREVIATIONS, TITLE_WORDS

# Reporting and stance verbs: lemma -> irregular forms (regular -s/-ed/-ing forms are generated).
_CUE_LEMMAS: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "tweet": (),
    "post": (),
    "state": (),
    "note": (),
    "add": (),
    "stress": (),
    "emphasize": (),
    "emphasise": (),
    "indicate": (),
    "frame": (),
    "call": (),
    "describe": (),
    "characterize": (),
    "characterise": (),
    "term": (),
    "label": (),
    "brand": (),
    "dub": ("dubbed", "dubbing", "dubs"),
    "declare": (),
    "announce": (),
    "acknowledge": (),
    "admit": ("admitted", "admitting", "admits"),
    "explain": (),
    "reply": ("replied", "replies", "replying"),
    "respond": (),
    "answer": (),
    "recall": (),
    "suggest": (),
    "predict": (),
    "warn": (),
    "argue": (),
    "insist": (),
    "claim": (),
    "contend": (),
    "assert": (),
    "allege": (),
    "maintain": (),
    "urge": (),
    "ask": (),
    "plead": ("pled", "pleaded"),
    "pledge": (),
    "vow": (),
    "promise": (),
    "agree": (),
    "liken": (),
    "testify": ("testified", "testifies", "testifying"),
    "exclaim": (),
    "proclaim": (),
    "disclose": (),
    "confess": (),
    "threaten": (),
    "forecast": ("forecasts", "forecasting", "forecasted"),
    "estimate": (),
    "speculate": (),
    "recommend": (),
    "advise": (),
    "inform": (),
    "reassure": (),
    "confide": (),
    "elaborate": (),
    "clarify": ("clarified", "clarifies", "clarifying"),
    "summarize": (),
    "summarise": (),
    "dispute": (),
    "refute": (),
    "question": (),
    "challenge": (),
    "contradict": (),
    "laugh": (),
    "sigh": (),
    "snap": ("snapped", "snapping", "snaps"),
    "scoff": (),
    "fume": (),
    "gush": (),
    "rave": (),
    "marvel": (),
    "ponder": (),
    "opine": (),
    "email": ("emailed", "emailing", "emails"),
    "text": ("texted", "texting", "texts"),
    "message": (),
    "beg": ("begged", "begging", "begs"),
    "implore": (),
    "swear": ("swore", "sworn", "swears", "swearing"),
    "brag": ("bragged", "bragging", "brags"),
    "tout": (),
    "blame": (),
    "ridicule": (),
    "deride": (),
    "congratulate": (),
    "celebrate": (),
    "denounce": (),
    "decry": ("decried", "decries", "decrying"),
    "dismiss": (),
    "lambaste": (),
    "applaud": (),
    "commend": (),
    "laud": (),
    "echo": ("echoed", "echoes", "echoing"),
    "reject": (),
    "put": ("puts", "putting"),
    "scold": (),
    "bemoan": (),
    "lash": (),
    "compare": (),
    "rate": (),
    "disagree": (),
    "object": (),
    "protest": (),
    "concur": ("concurred", "concurring", "concurs"),
    "affirm": (),
    "reaffirm": (),
    "assure": (),
    "reiterate": (),
    "highlight": (),
    "underline": (),
    "underscore": (),
    "remark": (),
    "comment": (),
    "observe": (),
    "continue": (),
    "conclude": (),
    "joke": (),
    "quip": ("quipped", "quipping", "quips"),
    "complain": (),
    "charge": (),
    "accuse": (),
    "concede": (),
    "boast": (),
    "counter": (),
    "lament": (),
    "caution": (),
    "shout": (),
    "yell": (),
    "scream": (),
    "chant": (),
    "cry": ("cried", "cries", "crying"),
    "whisper": (),
    "muse": (),
    "wonder": (),
    "report": (),
    "read": ("reads", "reading"),
    "recount": (),
    "reveal": (),
    "confirm": (),
    "deny": ("denied", "denies", "denying"),
    "express": (),
    "voice": (),
    "praise": (),
    "criticize": (),
    "criticise": (),
    "condemn": (),
    "attack": (),
    "slam": ("slammed", "slamming", "slams"),
    "blast": (),
    "mock": (),
    "demand": (),
    "propose": (),
    "envision": (),
    "hail": (),
    "welcome": (),
    "thank": (),
    "cite": (),
    "quote": (),
    "repeat": (),
    "begin": ("began", "begun", "begins", "beginning"),
    "interject": (),
    "interrupt": (),
    "chime": (),
    "retort": (),
    "fire": (),
    "think": ("thinks", "thought", "thinking"),
    "believe": (),
    "feel": ("feels", "felt", "feeling"),
    "hope": (),
    "want": (),
    "mention": (),
    "point": (),
    "worry": ("worried", "worries", "worrying"),
    "blurt": (),
    "shoot": ("shot", "shoots", "shooting"),
    "hit": ("hits", "hitting"),
    "push": (),
    "go": ("goes", "went", "gone", "going"),
    "invoke": (),
    "signal": (),
}

# Verbs that name something rather than report speech when the reporter uses them without a subject.
NAMING_PHRASES = re.compile(
    r"\b(?:so[- ]called|known as|entitled|titled|nicknamed|billed as|dubbed|labell?ed|referred to as|"
    r"what (?:is|was|has been|have been|are|were|became|would become) (?:known|called|dubbed|termed)|"
    r"the (?:so[- ]called|term|phrase|word|slogan|motto|hashtag|banner|headline|title|book|film|song|show|"
    r"program|programme|series|album|article|column|essay|report|op-ed|editorial)|"
    r"words? like|terms? like|the words?)\W*$",
    re.IGNORECASE,
)


def _inflect(lemma: str) -> set[str]:
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return forms


def _cue_forms() -> dict[str, str]:
    out: dict[str, str] = {}
    for lemma, irregular in _CUE_LEMMAS.items():
        for form in _inflect(lemma) | set(irregular):
            out[form] = lemma
    return out


CUE_FORMS: dict[str, str] = _cue_forms()  # word form -> lemma

# Cues that name or judge something rather than report words: "describing the talks as “…”".
NAMING_LEMMAS = frozenset(
    """
    call describe characterize characterise term label brand dub frame liken compare rate praise criticize
    denounce decry dismiss lambaste applaud commend laud echo reject tout blame ridicule deride congratulate
    celebrate
    criticise condemn attack slam blast mock hail welcome thank cite quote invoke signal highlight underline
    underscore express voice mention note point continue begin
    """.split()
)

# Cues that report speech strongly enough to govern a full quote on their own.
SPEECH_LEMMAS = frozenset(
    {
        "say", "tell", "write", "tweet", "post", "state", "note", "add", "stress", "emphasize", "emphasise",
        "indicate", "declare", "announce", "acknowledge", "admit", "explain", "reply", "respond", "answer",
        "recall", "suggest", "predict", "warn", "argue", "insist", "claim", "contend", "assert", "allege",
        "maintain", "urge", "ask", "plead", "remark", "comment", "observe", "continue", "conclude", "joke",
        "quip", "complain", "charge", "concede", "boast", "counter", "lament", "caution", "shout", "yell",
        "scream", "chant", "cry", "whisper", "muse", "wonder", "report", "read", "recount", "reveal",
        "confirm", "deny", "reiterate", "affirm", "reaffirm", "assure", "pledge", "vow", "promise", "demand",
        "propose", "interject", "interrupt", "retort", "repeat", "begin", "quote", "cite", "mention",
        "call", "describe", "characterize", "characterise", "frame", "term", "label", "brand", "dub",
        "agree", "testify", "exclaim", "proclaim", "disclose", "confess", "threaten", "forecast", "estimate", "speculate", "recommend", "advise", "inform", "reassure", "confide", "elaborate", "clarify", "summarize", "summarise", "dispute", "refute", "question", "challenge", "contradict", "laugh", "sigh", "snap", "scoff", "fume", "gush", "rave", "marvel", "ponder", "opine", "email", "text", "message", "beg", "implore", "swear", "brag", "tout", "blame", "ridicule", "deride", "congratulate", "celebrate", "denounce", "decry", "dismiss", "lambaste", "applaud", "commend", "laud", "echo", "reject", "put", "scold", "bemoan", "liken", "compare", "rate", "disagree", "object", "protest", "concur", "highlight", "underline", "underscore", "praise", "criticize", "criticise", "condemn",
        "attack", "slam", "blast", "mock", "hail", "welcome", "express", "voice", "accuse", "thank", "invoke",
        "signal", "envision", "think", "believe", "feel", "hope", "want", "point", "chime", "fire",
    }
)  # fmt: skip

# Head nouns of titles/roles, and every title: a name follows them; words before them belong to the title.
ROLE_HEADS = (
    frozenset(
        w.lower().rstrip(".")
        for w in """
        President Minister Premier Chancellor Secretary Secretary-General Undersecretary Adviser Advisor Senator
        Representative Congressman Congresswoman Governor Mayor Chairman Chairwoman Chair Chairperson Ambassador
        Envoy Director Spokesman Spokeswoman Spokesperson Judge Justice General Admiral Colonel Captain Sergeant
        Commander Chief Deputy Speaker Leader Commissioner Attorney Doctor Professor Pope King Queen Prince Princess
        Sheikh Emir CEO CFO COO Founder Co-founder Officer Detective Sheriff Coach Reverend Pastor Bishop Cardinal
        Rabbi Imam Councilman Councilwoman Councilor Councillor Delegate Lawmaker Legislator Candidate Nominee
        Hopeful Host Anchor Correspondent Columnist Editor Analyst Economist Strategist Pollster Aide Consultant
        Manager Superintendent Treasurer Comptroller Inspector Marshal President-elect Frontrunner Front-runner
        Challenger Incumbent Chairmen Founder Partner Officer Head Boss Whip Counsel Clerk Fellow Researcher Scholar
        Author Mogul Businessman Businesswoman Billionaire Activist Organizer Lawyer Attorney Investigator Agent Del
        Host Moderator Narrator Announcer Master Owner Official Resident Farmer Worker Teacher Student Expert
        Researcher Historian Scientist Engineer Nurse Pilot Driver Veteran Critic Pastor Priest Monk Fisherman
        Diplomat Negotiator Prosecutor Defender Witness Survivor Victim Mother Father Son Daughter Wife Husband
        Taoiseach Tánaiste Tanaiste
    """.split()
    )
    | TITLE_ABBREVIATIONS
    | TITLE_WORDS
)

# Words that follow "of" in a title ("Secretary of Homeland Security", "Director of National Intelligence").
TITLE_OBJECTS = frozenset(
    """
    state defense defence treasury homeland security national intelligence staff commerce labor labour energy
    education agriculture transportation interior justice health human services housing urban development
    veterans affairs house representatives senate congress navy army air force police the
    """.split()
)

# Words that make a capitalised name an organisation or outlet, not a person.
ORG_WORDS = frozenset(
    w.lower()
    for w in """
    Times Post Journal News Press Herald Tribune Daily Weekly Magazine Gazette Telegraph Guardian Observer
    Review Monitor Chronicle Reuters AP AFP Yonhap Bloomberg CNN NBC CBS ABC Fox MSNBC NPR BBC Politico
    Network Agency Office House Department Ministry Committee Commission Council Party Campaign Foundation
    Institute Institution University College School Center Centre Association Union Bureau Administration
    Court Senate Congress Parliament Assembly Government Board Group Corporation Corp Inc Company Co Ltd
    LLC Bank Fund Service Services Force Army Navy Police Command Club Society League Coalition Alliance
    Organization Organisation Federation Caucus Team Staff Secretariat Cabinet Presidency Embassy Mission
    Command Side Mainichi Shimbun Asahi Yomiuri Nikkei Xinhua KCNA Hankyoreh JoongAng Chosun Ilbo Insider
    Breitbart HuffPost Post-Dispatch Globe Sun Star Mail Express Mirror Economist Atlantic Hill Axios
    """.split()
)

# Lower-case words that can end a nominal speaker ("the presidential office", "officials").
NOMINAL_STOP = frozenset(
    """
    that which who whom whose what when where while as if because but and or so than then though although
    after before since until unless whether to of in on at by for with from into onto about over under
    it its is are was were be been being has have had do does did will would can could should may might
    must shall not no also this these those there here
    """.split()
)

# Words that open a noun phrase: a reporting word after one is a noun ("the call", "a statement").
DETERMINERS = frozenset(
    "the a an his her their its our my your this that these those some many several two three four five both all"
    " one each another other such no any".split()
)
