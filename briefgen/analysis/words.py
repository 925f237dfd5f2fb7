"""The word lists of analysis, in one place: reporting verbs, words that open a clause, and the words that
tell a person's name from a role, a place or a body (with first names that tell gender).

``word_set`` writes a list as white-space separated words (``any_word`` makes a regex group of one); ``gazetteer`` holds the lists of places,
nationalities and organisation words that entity finding uses.
"""

from __future__ import annotations

import re


def word_set(text: str) -> frozenset[str]:
    """Return the white-space separated words of a word list."""
    return frozenset(text.split())


def any_word(text: str) -> str:
    """Return a regex group matching any one of a list's white-space separated words, tried in the order written."""
    return "(?:" + "|".join(text.split()) + ")"


# Reporting verbs: the lexicon of quote cues ("said", "told", "argued") and their inflected forms.

_IRREGULAR = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "writing"),
    "speak": ("speaks", "spoke"),
    "argue": ("argue",),
    "insist": ("insist",),
}
_REGULAR = word_set(
    """
    add argue state insist explain note ask reply respond declare claim warn continue recall tweet post
    announce acknowledge admit concede suggest observe remark shout yell exclaim quip joke boast
    complain predict promise vow urge caution emphasize emphasise stress conclude counter retort plead
    muse whisper testify allege maintain contend agree assert affirm confirm deny scoff lament proclaim
    pledge answer recount mention interject chime sigh grumble reiterate concur elaborate brag gush
    """
)


# Verbs that name or judge what someone said ("blasted Disney for its “outrageous practices”"): they give
# the quote a speaker, but a quote right after them is a phrase being judged, not a remark being reported.
_EVALUATIVE = word_set(
    """
    accuse attack blame blast chant characterize characterise cite condemn credit criticize criticise
    decry defend denounce deride describe dismiss dub echo fume hail herald insult lambaste lament label
    liken mock nickname pan portray praise question reject ridicule scold slam taunt term tout assure
    brand call refer report email quote repeat remember reference sing trumpet welcome applaud fault
    laud exhort rate bemoan snipe coach identify dismiss champion tease lash rail thank congratulate
    """
)
# Third-person forms that are mostly plural nouns ("the attacks", "reports") stay out of the lexicon.
_NOUNISH = word_set(
    """
    attacks blames blasts chants credits echoes fumes hails insults labels pans praises questions
    rejects slams taunts terms touts brands calls refers emails quotes repeats references sings
    trumpets welcomes faults describes dubs remarks notes posts answers
    """
)


# Stems stressed on the first syllable keep a single consonant ("answered", "edited").
_NO_DOUBLE = frozenset(
    {
        "answer",
        "edit",
        "visit",
        "limit",
        "credit",
        "target",
        "summon",
        "liken",
        "open",
        "happen",
        "threaten",
        "beckon",
        "reckon",
        "listen",
        "sharpen",
        "soften",
        "gossip",
        "develop",
    }
)


def _forms(stem: str) -> tuple[str, ...]:
    """Return the inflected forms of a regular reporting verb."""
    if stem.endswith("y") and stem[-2] not in "aeiou":
        return (stem[:-1] + "ies", stem[:-1] + "ied")
    third = stem + ("es" if stem.endswith(("s", "sh", "ch", "x")) else "s")
    # Short stems ending consonant-vowel-consonant double the consonant ("admitted", "bragged", "quipped").
    double = bool(re.search(r"(?:^|[^aeiou]|qu)[aeiou][bdgmnpt]$", stem)) and stem not in _NO_DOUBLE
    root = stem + stem[-1] if double else stem
    past = stem + "d" if stem.endswith("e") else root + "ed"
    ing = (stem[:-1] if stem.endswith("e") else root) + "ing"
    # The bare stem is left out: "state", "post", "claim" and "continue" are mostly not reporting verbs.
    return (third, past, ing)


EVALUATIVE_FORMS = frozenset(f for s in _EVALUATIVE for f in _forms(s) if f not in _NOUNISH)
CUE_VERBS = sorted(
    {f for forms in _IRREGULAR.values() for f in forms}
    | {f for s in _REGULAR for f in _forms(s) if s not in _EVALUATIVE and f not in _NOUNISH}
    | EVALUATIVE_FORMS
    | {"reads", "read", "referred to", "refers to", "referring to", "calls", "describes"}
    | {
        "points out",
        "pointed out",
        "went on to say",
        "goes on to say",
        "went on",
        "goes on",
        "put it",
        "puts it",
        "wrote in",
        "said in a statement",
    },
    key=len,
    reverse=True,
)
# "-ed" forms of the cue verbs: capitalised in a headline-style line ("Lee Praised ..."), never a name.
PAST_CUE_FORMS = frozenset(v for v in CUE_VERBS if v.endswith("ed") and " " not in v)
WEAK_CUES = EVALUATIVE_FORMS | {
    "reads",
    "read",
    "referred to",
    "refers to",
    "referring to",
    "calls",
    "describes",
}


# Irregular past forms: a description's head noun ends where one of these (or an -ed form) follows it.
IRREGULAR_PAST = word_set(
    """
    said told wrote spoke shot read sang swore put gave made thought felt knew saw found began held meant
    brought sent taught fought struck chose drew threw cried took got went came ran left became
    """
)
# Words that open an introductory phrase ("On Friday, ...", "Asked about it, ..."), never a subject.
OPENERS = word_set(
    """
    in on at after before during since while when as following amid despite by for from with without
    earlier later last this meanwhile however still yet but and so then now today yesterday asked
    speaking instead also indeed moreover separately finally first second third again once even here there
    """
)


# Capitalised words that introduce a name as a role ("Belarus President Alexander Lukashenko"), never the name.
TITLE_WORDS = word_set(
    """
    adm adviser advisor ambassador analyst anchor assemblyman attorney campaign candidate capt ceo chair
    chairman chairwoman chancellor chief col colonel columnist commander commissioner congressman
    congresswoman councilman councilwoman councillor councilor sheriff treasurer alderman defence defense democratic deputy director dr economist editor
    envoy executive finance foreign former founder gen general gop gov governor host house independent
    interior judge justice king leader lord lt majority manager mayor minister minority mr mrs ms
    nominee officer pollster pope president president-elect press prime prince prof professor queen rep
    reporter representative republican rev secretary sen senate senator sgt sir speaker special
    spokesman spokesperson spokeswoman state strategist trustee vice whip sens archbishop cardinal mp mep
    premier admiral coach novelist
    """
)
# Capitalised words that mark a sequence as a place, organisation or date rather than a person.
NOT_PERSON = word_set(
    """
    a abc about act administration after against agency air airport also although america american
    americans african asian australian british canadian chinese english european french german irish
    italian japanese mexican olympic paralympic russian scottish spanish welsh commonwealth among an and angeles april army as assembly associated association at august avenue bank
    bbc because before between bill board britain brexit but by campaign capitol caucus caucuses cbs center
    central centre christmas church city club cnn college committee company conference congress
    convention corporation council county court day debate december democratic democrats department
    despite dr during east easter eastern election eu european even facebook february federal federation
    for force forces fort foundation fox friday from fund google gop government group hall he her here
    hill his hospital house how however i if in inc instagram institute international internet into isis
    island it its january journal july june just kingdom kremlin lake las law like live llc los ltd
    magazine march may meanwhile medicaid medicare ministry monday mount mountain mr mrs ms msnbc my
    national nations nato navy nbc network new news night north northern november now npr obamacare
    october of office olympics on only or organisation organization our oval over parliament party peace
    pentagon per plan post press primary program project radio representatives republic republican
    republicans reserve reuters review river road san saturday school secretary security senate
    september service she show since so south southern square st state states station still street
    summit sunday super supreme thanksgiving that the their then there these they this those though today
    through thursday times to toward towards tuesday tv twitter u.s. uk un under union united university
    unless unlike until upon us valley vegas via war we wednesday west western what when where whether
    which while white who why with without world yet york you youtube
    """
)

# Common English-language men's first names only; names used for both sexes (Kim, Jan, Robin) are left out.
MALE_FIRST = word_set(
    """
    aaron adam adrian al alan albert alex alexander alfred andrew andy anthony arthur barack ben benjamin
    bernie bill billy bob bobby boris brad brett brian bruce carl charles charlie chris christopher chuck
    colin craig dan daniel danny darren dave david dennis derek dick don donald doug douglas duncan earl
    ed eddie edward eric frank fred gary gavin geoff george gerald gordon graham greg gregory harold harry
    henry howard hugh ian isaac jack jacob jake james jason jeb jeff jeffrey jeremy jerry jim jimmy joe
    john johnny jon jonathan joseph josh joshua keith ken kenneth kevin larry lawrence lee lewis liam
    lindsey luke marco mark martin matt matthew michael mike mitch neil nick nigel oliver patrick paul
    pete peter phil philip ralph ray raymond reince richard rick rob robert roger ron ronald roy russell
    ryan sam samuel scott sean simon stephen steve steven stuart ted terry thomas tim timothy tom tommy
    tony trevor vladimir walter wayne william xi
    """
)
# Women's first names: a pronoun "she" needs this evidence (most unmarked names in political news are men).
FEMALE_FIRST = word_set(
    """
    agnes alice amanda andrea angelica beatrice carmen charlotte chloe clara daria diana elena eva fatima
    francesca grace hanna hannah ines irene isabel jacqueline joanna judith julie leila lucia lydia
    marta martha mia nadia natasha nina petra pia rosa sandra silvia sofia tanya teresa ulrike vera yulia
    alison allison amy angela ann anna anne barbara betsy carly caroline carolyn catherine cheryl
    christine claire condoleezza dana debbie deborah denise diane donna elena elizabeth emily erin
    gretchen heather helen hillary hope huma irina ivanka jane janet jeanne jennifer jessica jill joanne
    joni julia kaja kamala karen kate katie katrina kelly kellyanne kirsten kristen kristin laura lauren
    linda lisa loretta louise madeleine margaret maria marie marine mary maxine megyn melania michelle
    monica mrs ms nancy natalia nikki olga patricia paula priya rachel rebecca ruby ruth samantha sara
    sarah shelley sheryl sonia sophie stephanie susan svetlana sviatlana tammy theresa tulsi ursula
    victoria wendy zoe
    """
)
