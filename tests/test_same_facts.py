"""Near-identical sentences across sources: the same figures are the same fact."""

from __future__ import annotations

from briefgen.analysis.same_facts import figures, same_figures
from briefgen.compose.theme_order import not_repeated
from briefgen.model import Cite, Extract


def test_figures_read_number_words_and_leave_out_years_and_small_numbers() -> None:
    assert figures("Fifty-two people died in 2005; about 1,700 were hurt, 3 seriously.") == {52.0, 1700.0}


def test_two_reports_of_the_same_figures_are_one_fact() -> None:
    a = "Fifty-two people were killed in the blasts and about 700 were injured."
    b = "In all, 52 people died and approximately 700 were hurt, officials said."
    assert same_figures(a, b)
    assert not same_figures(a, "The storm killed 52 cattle on Monday.")  # one figure in common is chance
    assert not same_figures("The vote was 44 to 34 in 2016.", "The vote was 49 to 47 in 2016.")


def test_a_theme_does_not_repeat_a_figure_the_bottom_line_gave() -> None:
    shown = ["Fifty-two people were killed in the blasts and about 700 were injured."]
    again = Extract("In all, 52 people died and approximately 700 were hurt.", (Cite("b", 2),))
    other = Extract("The memorial was unveiled in the park on Tuesday.", (Cite("c", 1),))
    assert not_repeated([again, other], shown) == [other]


def test_one_shared_figure_and_two_content_words_is_told_again_when_choosing() -> None:
    from briefgen.analysis.same_facts import repeats

    said = "52 people were killed and hundreds injured when four bombs exploded on the trains."
    assert repeats("Fifty-two people were killed in the attacks and about 700 injured.", said)
    assert not repeats("Exports fell 52 percent in May, the statistics office said.", said)
