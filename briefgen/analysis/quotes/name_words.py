"""Quote attribution: word lists that tell names from roles and places, and first names that tell gender."""

from __future__ import annotations

import re

from .descriptions import clean_token


def word_set(text: str) -> frozenset[str]:
    """Return the white-space separated words of a word list."""
    return frozenset(text.split())


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


def split_role(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Return (role tokens, name tokens) of a capitalised sequence, cutting after the last title word."""
    cut = 0
    for i, tok in enumerate(tokens[:-1]):
        if clean_token(tok).lower() in TITLE_WORDS:
            cut = i + 1
    return tokens[:cut], tokens[cut:]


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

# A lower-case role noun right before a name ("Conservative leader Michael Howard", "spokesman, Ali Rezai").
_ROLE_NOUN = (
    r"(?:leader|spokesman|spokeswoman|spokesperson|colleague|minister|secretary|chairman|chairwoman|"
    r"director|adviser|advisor|aide|official|president|chief|commander|coach|captain|manager|lawyer|"
    r"economist|analyst|professor|candidate|rival|deputy|envoy|ambassador|governor|senator|mayor|retiree|"
    r"strategist|consultant|operative|activist|voter|resident|student|teacher|worker|owner|founder)"
)
ROLE_BEFORE = re.compile(rf"\b{_ROLE_NOUN}\s*,?\s+$")
# An appositive giving a role right after a name: "Karl Moss, a former budget director, ...".
ROLE_AFTER = re.compile(rf",\s+(?:\d{{1,3}},\s+)?(?:the|a|an)\s+(?:[\w\u2019'\-]+\s+){{0,4}}{_ROLE_NOUN}\b")
# Verbs whose subject is a person: "Karl Moss criticised ...", "Ali Rezai, the spokesman, rejected ...".
PERSON_VERB = re.compile(
    r"(?:(?:,[^,;\u201c\u201d\"]{1,40}){1,3},)?(?:\s+(?:also|then|later|still|again|[a-z]+ly))?"
    r"\s+(?:criticised|criticized|attacked|defended|accused|praised|railed|complained|"
    r"supported|backed|opposed|endorsed|voted|"
    r"rejected|denied|dismissed|urged|warned|argued|insisted|vowed|promised|conceded|admitted|apologised|"
    r"apologized|resigned)\b"
)
# "an analyst at Compass Point Research & Trading, wrote": a capitalised word after a preposition ends an
# appositive naming a body or place; it is not the cue's subject.
OF_BODY = re.compile(r"(?:\b(?:at|of|for|in|from|with)|&)\s+$")
