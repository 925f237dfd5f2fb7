"""Sentences that lean on what came before them: openers, descriptions and references a brief's reader
cannot resolve, since the brief shows the sentence without its neighbours."""

from __future__ import annotations

import re

from .referents import FUNCTION_WORDS, NOT_GIVEN

QUOTED = re.compile(r"[\"\u201c][^\"\u201d]*[\"\u201d]")
_WORDS = re.compile(r"[a-z]+")

# Openers that point back to something the reader of a brief will not have seen.
_CONTEXT_OPENERS = re.compile(
    r"^[\"'\u201c\u2018(]*(?:this|that|these|those|it|its|such|he|she|they|his|her|their|him|them"
    r"|here|as (?:said|noted|mentioned|discussed|argued) (?:above|earlier|before)|as such"
    r"|the latter|the former|also|likewise|similarly|moreover|furthermore|in addition|besides"
    r"|thus|therefore|hence|consequently|the rest|the same|the other|both|neither|either|another"
    r"|but|and|or|so|instead|then|however|nevertheless|nonetheless|yet|even so|at the same time|in turn"
    r"|regardless|meanwhile|still|otherwise|after all|all the same|in any case|anyway|things like|such as|(?:some time |shortly |soon |moments |minutes |hours |days "
    r"|weeks |months |years )?(?:later|afterwards|after that|before that)"
    r"|all (?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b)\b",
    re.IGNORECASE,
)
# "In particular, he ...": a pronoun subject after a short opening phrase needs context just as much.
_LATE_PRONOUN = re.compile(r"^[^,]{1,60},\s+(?:he|she|it|they|this|these|those|his|her|its|their)\b", re.I)
# "The move drew praise": a bare event noun pointing back to what the previous sentence reported.
# "Graham's comments came ...": the same, told as someone's. "In his speech, Graham urged ...": a
# speech or a statement the text has spoken of before.
_BACK_REFERENCE = re.compile(
    r"^(?:The|[A-Z][\w-]*[\u2019']s) (?:move|decision|step|deal|plan|measure|episode|announcement|gesture"
    r"|visit|trip|meeting|incident|event|development|shift|change|effort|initiative|proposal|offer|policy"
    r"|approach|strategy|outcome|comments?|remarks?|statement|words|response|reaction)\b"
    r"(?!\s+(?:of|by|to|for|that|in|on|with|from|between|about)\b)"
    r"|^(?:In|During|After) (?:his|her|their|its) (?:speech|remarks|statement|testimony|interview|address"
    r"|letter|report|ruling|decision|appearance|visit)\b"
)
# "The firm reported ...", "The pair are facing ...", "The 25-year-old has ...", "The athletes, who ...":
# a definite description of a few common words, then straight to its verb (or an aside), names nothing
# the reader of a brief has seen. A description that says more ("The trial at the Old Bailey ...",
# "The revelation that ...") or a proper name ("The Clean Power Plan") identifies itself.
_DEFINITE_SUBJECT = re.compile(
    r"^The\s+(?:(?:[a-z0-9]|[A-Z]\w*-[a-z])[\w\u2019'-]*\s+)?(?:[a-z0-9]|[A-Z]\w*-[a-z])[\w\u2019'-]*"
    r"(?:,|\s+(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|did|does|do"
    r"|also|now|then|still|later|again|too|already|never|said|says|told|[a-z]+ed|laid|took|made|gave|came"
    r"|went|met|held|left|won|lost|ran|saw|found|began|brought|kept|put|set|sent|spent|paid|themselves"
    # Present-tense verbs that report or list ("The charges include ...", "The defence contends ...").
    r"|include|includes|contend|contends|argue|argues|claim|claims|allege|alleges|insist|insists|remain"
    r"|remains|show|shows|involve|involves|face|faces)\b)"
)
# Heads that name one body wherever the news is set ("The central bank raised ..."): they stand alone.
_UNIQUE = frozenset(
    [
        "bank",
        "government",
        "police",
        "parliament",
        "cabinet",
        "army",
        "military",
        "navy",
        "opposition",
        "economy",
        "public",
        "president",
        "pope",
        "electorate",
        "population",
        "weather",
        "world",
        "senate",
        "congress",
    ]
)
# "The Olympic silver medallist's time ...", "The 31-year-old Scot ...", "The Briton, made a dame ...":
# a person described, not named.
_DESCRIBED = re.compile(
    r"^The\s+(?:(?:[A-Z]\w+\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?[\u2019']s\b|\d+-year-old\b|[A-Z][a-z]+,)"
)
# "explanations from the pair", "the two": people counted, not named.
_GROUP = re.compile(
    r"\b(?:the|^The) (?:(?:pair|duo|trio|couple)\b(?!\s+of\b)|(?:two|three|four|five|six)(?=[,.;:]|\s+(?:men"
    r"|women|people|sides|countries|leaders|candidates|teams|companies|firms|parties|groups|are|were|have"
    r"|had|will|would|said)\b))"
)
# "... was further proof of that.": a demonstrative pronoun pointing back.
_THAT_END = re.compile(r"\b(?:of|to|about|for|on|from|with|by) (?:that|this)[.,;:]")
# "World indoor hurdles champion also won", "Norway's former world champion is", "The Bergen star
# joins": a person described by a role, and not named, as the subject.
_ROLES = (
    r"(?:champion|medallist|medalist|winner|holder|runner-up|star|veteran|captain|striker|sprinter|runner"
    r"|nominee|candidate|incumbent|frontrunner|front-runner|leader|chief|boss)"
)
_UNNAMED_ROLE = re.compile(
    rf"^(?:The\s+|[A-Z][\w.]*[\u2019']s\s+)?(?:[\w.\u2019'-]+\s+){{0,5}}{_ROLES}"
    r"(?:,|\s+(?:also\s+|now\s+|then\s+)?(?:is|was|has|had|will|won|joins|joined|took|set|ran|finished|said))\b"
)
# "that percentage is likely to be higher", "this figure": a number or a claim given before.
_THAT_NOUN = re.compile(
    r"\b(?:this|that) (?:percentage|figure|proportion|tally|estimate|total|ratio|claim|assessment)\b", re.I
)
# "Mook further asserted": more of what someone said before.
_FURTHER = re.compile(
    r"\bfurther (?:asserted|said|argued|claimed|stated|noted|added|explained|insisted|warned)\b", re.I
)
# "A plaque ... was also unveiled.": one more of something done before, and nothing else said.
_ALSO_DONE = re.compile(r"\b(?:was|were|is|are|has been|have been|had been) also [a-z]+(?:ed|en|wn)\.$")
# "will also take part": in what?
_TAKE_PART = re.compile(r"\btak(?:e|es|ing|en) part\b(?!\s+in\b)")
# "will demand more details", "has given no response", "under the new laws", "The first three at ...":
# more of, an answer to, a change of, or a rank in something the sentence does not name.
_UNNAMED_TOPIC = re.compile(
    r"\bmore (?:details|information|specifics|clarity)\b(?!\s+(?:about|on|of|from|than|regarding|in)\b)"
    r"|\bno (?:response|reply|answer|comment)\b(?!\s+(?:to|on|from|about)\b)"
    r"|\bthe new (?:laws?|rules?|measures?|regulations?|policy|powers)\b(?!\s+(?:on|for|to|that|which|of)\b)"
    r"|\b(?:the|The) (?:first|last|top) (?:two|three|four|five|six|ten)\b"
    r"(?!\s+(?:of|in|days|weeks|months|years|decades|hours|minutes|seasons|rounds|games|matches)\b)"
    r"|^The (?:trial|hearing|case|inquiry|investigation) (?:at|in)\b"
    # "China, for example, restated ...": an example of something said before.
    r"|\bfor (?:example|instance)\b"
)
# "the previous week", "the following day": a time counted from an event the sentence does not give.
_RELATIVE_TIME = re.compile(
    r"\b(?:the (?:previous|following|next) (?:day|week|month|year|morning|evening|night)"
    r"|the (?:day|week|night) (?:before|after)\b(?!\s+(?:the|a|an|his|her|their|its)\b))\b"
)
# "attorneys for the family", "the city's police": a person or place met before, unless the sentence
# brings it in itself ("a man ... the man").
_THE_ONE = re.compile(
    r"\bthe (family|victim|suspect|gunman|driver|officer|man|woman|boy|girl|teenager|city|town|village|aide"
    r"|tweet|protest)"
    r"\b(?!\s+(?:of|who|whose|that|which|in|at|from|against)\b)"
    # "footage of the encounter", "the operation is connected": an event met before, said no more of.
    r"|\bthe (encounter|operation|plenary|meeting|link|session|incident|raid|idea|proposal|changes|decision"
    r"|issue|matter)\b(?=\s*[,.;:\"\u201d)]|\s+(?:is|was|were|are|has|had|have|will|would|did|does|could"
    r"|should|can|may|might|must|said|says)\b)"
    # "the 7 July link", "the plenary": a link, incident or sitting met before, even with a date on it.
    r"|\bthe (?:[\w-]+\s+){1,2}(link|incident|encounter|raid)\b(?=\s*[,.;:\"\u201d)]|\s+(?:is|was|were|had|has)\b)"
    r"|\bthe (plenary)\b(?!\s+(?:of|session)\b)"
    # "describing the searches as significant", "the bombings, when ...": a series of acts met before.
    r"|\bthe (searches|raids|arrests|bombings|shootings|killings)\b(?!\s+(?:of|in|at|on|by|that|which|were|was)\b)"
)
# "that the 18 year old traveled": a person described by age, named before.
_AGED = re.compile(r"\bthe \d{1,2}[- ]year[- ]old\b(?![- ](?:[A-Z]|who\b|named\b|called\b))")
# "the sprinters had failed": people referred to as a group already met. "The women's 5,000m", "the
# men's final": a category (an event, a division) named by whom it is for, not people met before.
_PEOPLE = re.compile(
    r"\b(?:the|^The) (?:[a-z]+ )?(?:men|women|sprinters|athletes|players|defendants|suspects|brothers|sisters)\b"
    r"(?!['\u2019]s\b)(?!\s+(?:of|who|from|in|at|accused|charged|involved|that|which)\b)"
)
# "Each column represented ...": one of a set the sentence does not name ("Each year" is a time).
_EACH = re.compile(r"^Each (?!(?:year|week|day|month|time|season|night|morning|evening|of)\b)[a-z]+\b")
# "There was also consensus on ...": more of something said before.
_THERE_ALSO = re.compile(r"^There (?:is|are|was|were|has been|have been|will be) also\b")
# "Two other men ...", "Other observers ...": others than someone mentioned before.
_OTHER = re.compile(r"^(?:\S+\s+){0,2}other\b", re.I)
_IMPERSONAL = re.compile(r"\b(?:it|its|they|their|them)\b")
_PERSONAL = re.compile(r"\b(?:he|his|him|she|her|hers)\b")
_PERSON_NOUN = re.compile(
    r"\b(?:man|woman|men|women|boy|girl|child|mother|father|wife|husband|son|daughter|leader|president"
    r"|minister|official|judge|officer|player|athlete|champion|coach|candidate|nominee|senator|governor"
    r"|spokesman|spokeswoman|spokesperson|chief|head|director|secretary|chairman|chairwoman|suspect"
    r"|victim|survivor|lawyer|prosecutor|witness|member|author|writer|reporter|analyst|expert|runner"
    r"|sprinter|hurdler|jumper|star|manager|mayor|king|queen|prince|princess|ambassador|envoy|whoever"
    r"|nobody|no one|someone|everyone|anyone|each)\b",
    re.I,
)
# "the above-described developments", "the aforementioned report", "the latter": a pointer upwards.
_POINTER = re.compile(
    r"\b(?:above[- ](?:described|mentioned|named|cited)|aforementioned|aforesaid|the latter)\b", re.I
)
# "the same", "a similar ban" compare with something said before; "in the event" points back to it.
_COMPARED = re.compile(
    r"\b(?:the same\b(?!\s+as\b)|(?:a|the) similar\b"
    r"|(?:in|at|from|for|to|during) the (?:event|race|meeting|match|game|contest|tournament|competition"
    r"|trial|hearing|case|plenary|session)\b"
    r"(?!\s+(?:of|in|at|on|for)\b))",
    re.I,
)
# "both of these areas", "those emails": a demonstrative points at what came before ("those who" does not).
_DEMONSTRATIVE = re.compile(r"\b(?:these|those)\b(?!\s+(?:who|whose|which|that|with|in|of)\b)", re.I)

# The words that can set off each rule that looks through the whole sentence.
_COMPARED_WORDS = frozenset(
    [
        "same",
        "similar",
        "event",
        "race",
        "meeting",
        "match",
        "game",
        "contest",
        "tournament",
        "competition",
        "trial",
        "hearing",
        "case",
        "plenary",
        "session",
    ]
)
_DEMONSTRATIVE_WORDS = frozenset(("these", "those"))
_GROUP_WORDS = frozenset(["pair", "duo", "trio", "couple", "two", "three", "four", "five", "six"])
_THAT_WORDS = frozenset(("that", "this"))
_TAKE_PART_WORDS = frozenset(("part",))
_PEOPLE_WORDS = frozenset(
    ["men", "women", "sprinters", "athletes", "players", "defendants", "suspects", "brothers", "sisters"]
)
_TOPIC_WORDS = frozenset(
    [
        "details",
        "information",
        "specifics",
        "clarity",
        "response",
        "reply",
        "answer",
        "comment",
        "new",
        "first",
        "last",
        "top",
        "trial",
        "hearing",
        "case",
        "inquiry",
        "investigation",
        "example",
        "instance",
    ]
)
_POINTER_WORDS = frozenset(("above", "aforementioned", "aforesaid", "latter"))
_TIME_WORDS = frozenset(("previous", "following", "next", "before", "after"))
_EVENT_WORDS = frozenset(
    [
        "encounter",
        "operation",
        "plenary",
        "meeting",
        "link",
        "session",
        "incident",
        "raid",
        "idea",
        "proposal",
        "changes",
        "decision",
        "issue",
        "matter",
    ]
)
_ONE_WORDS = _EVENT_WORDS | frozenset(
    [
        "aide",
        "tweet",
        "protest",
        "searches",
        "raids",
        "arrests",
        "bombings",
        "shootings",
        "killings",
        "family",
        "victim",
        "suspect",
        "gunman",
        "driver",
        "officer",
        "man",
        "woman",
        "boy",
        "girl",
        "teenager",
        "city",
        "town",
        "village",
    ]
)
_AGE_WORDS = frozenset(("old",))
_FURTHER_WORDS = frozenset(("further",))
_ALSO_WORDS = frozenset(("also",))
_PRONOUN_WORDS = frozenset(["he", "his", "him", "she", "her", "hers", "it", "its", "they", "their", "them"])
_TRIGGERS = (
    _COMPARED_WORDS
    | _DEMONSTRATIVE_WORDS
    | _GROUP_WORDS
    | _THAT_WORDS
    | _TAKE_PART_WORDS
    | _PEOPLE_WORDS
    | _PRONOUN_WORDS
    | _AGE_WORDS
    | _FURTHER_WORDS
    | _ALSO_WORDS
    | _TIME_WORDS
    | _POINTER_WORDS
    | _TOPIC_WORDS
    | _ONE_WORDS
)


def lower_words(text: str) -> frozenset[str]:
    """Return the lower-cased words of ``text``: each rule below runs only if its trigger word is there."""
    return frozenset(_WORDS.findall(text.lower()))


def needs_context(text: str, seen: frozenset[str] | None = None) -> bool:
    """Return whether a sentence opens with, or leans on, something said before it.

    ``seen`` holds the sentence's lower-cased words when the caller has them already.
    """
    if _CONTEXT_OPENERS.match(text) or _LATE_PRONOUN.match(text) or _BACK_REFERENCE.match(text):
        return True
    if _DESCRIBED.match(text):
        return True
    m = _DEFINITE_SUBJECT.match(text)
    if m and _UNIQUE.isdisjoint(w.strip(",").lower() for w in m.group(0).split()[1:]):
        return True
    if _OTHER.match(text) or _THERE_ALSO.match(text) or _UNNAMED_ROLE.match(text) or _EACH.match(text):
        return True
    seen = lower_words(text) if seen is None else seen
    if seen.isdisjoint(_TRIGGERS):
        return False  # most sentences: no word any rule below looks for
    outside = QUOTED.sub(" ", text) if '"' in text or "\u201c" in text else text
    return any(
        not seen.isdisjoint(words) and rule(outside)
        for words, rule in (
            (_COMPARED_WORDS, _COMPARED.search),
            (_DEMONSTRATIVE_WORDS, _DEMONSTRATIVE.search),
            (_GROUP_WORDS, _GROUP.search),
            (_THAT_WORDS, _THAT_END.search),
            (_THAT_WORDS, _THAT_NOUN.search),
            (_AGE_WORDS, _AGED.search),
            (_FURTHER_WORDS, _FURTHER.search),
            (_ALSO_WORDS, _ALSO_DONE.search),
            (_TAKE_PART_WORDS, _TAKE_PART.search),
            (_PEOPLE_WORDS, _PEOPLE.search),
            (_TIME_WORDS, _RELATIVE_TIME.search),
            (_TOPIC_WORDS, _UNNAMED_TOPIC.search),
            (_POINTER_WORDS, _POINTER.search),
            (_ONE_WORDS, _the_one),
            (_PRONOUN_WORDS, _unnamed_person),
        )
    )


def _the_one(text: str) -> bool:
    """Return whether "the family", "the city" ... refers to one the sentence does not introduce."""
    for m in _THE_ONE.finditer(text):
        noun = next(g for g in m.groups() if g)
        if not re.search(rf"\b(?:a|an|one)\s+(?:[\w-]+\s+)?{noun}\b", text[: m.start()], re.I):
            return True
    return False


def _unnamed_person(text: str) -> bool:
    """Return whether "he", "his", "she" or "her" is used where the sentence names no one (or describes no
    one before it),
    or "it", "its", "they" or "their" before anything at all ("Almost all of its grain ...")."""
    m = _IMPERSONAL.search(text)
    if m and all(w.lower() in FUNCTION_WORDS for w in re.findall(r"[A-Za-z]+", text[: m.start()])):
        return True
    m = _PERSONAL.search(text)
    if m is None:
        return False
    if _PERSON_NOUN.search(text[: m.start()]):
        return False
    # Anyone named in the sentence will do, before the pronoun or after it ("Before the stage, which
    # he won, Rasmussen said ...").
    for i, w in enumerate(re.findall(r"[A-Za-z][\w\u2019'-]*", text)):
        low = w.lower().strip("\u2019'")
        if (
            w[0].isupper()
            and low not in NOT_GIVEN
            and not (i == 0 and (low in FUNCTION_WORDS or low.endswith(("ing", "ed", "ly"))))
        ):
            return False
    return True
