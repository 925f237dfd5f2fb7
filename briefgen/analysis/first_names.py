"""Quote attribution: common men's first names, so "she said" is never given to a Kenneth or a Donald."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """Return the words of a word list."""
    return frozenset(text.split())


# Common English-language men's first names only; names used for both sexes (Kim, Jan, Robin) are left out.
MALE_FIRST = _words(
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
