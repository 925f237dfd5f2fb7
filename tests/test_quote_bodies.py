"""A statement a body issues is the body's, not the words of a person whose role names a body (issue 16)."""

from __future__ import annotations

from briefgen.analysis.bodies import names_a_body
from briefgen.analysis.quotes import find_quotes
from briefgen.model import Paragraph, Source


def _speakers(*paras: str) -> list[tuple[str | None, str | None]]:
    source = Source("s", "s.txt", tuple(Paragraph(i + 1, t) for i, t in enumerate(paras)))
    return [(q.speaker, q.speaker_role) for q in find_quotes(source)]


def test_a_committees_statement_after_a_colon_is_the_committees() -> None:
    got = _speakers(
        "“The count was fair,” said Lena Varga, the chair of the Harbour Users Committee.",
        "The Port Licensing Committee said in a statement on Monday: “We condemn the blockade.”",
        "The committee said: “Crews are at risk.”",
    )
    assert got == [
        ("Lena Varga", None),
        (None, "The Port Licensing Committee"),
        (None, "The committee"),
    ]


def test_a_ministry_is_not_the_person_whose_committee_shares_its_name() -> None:
    got = _speakers(
        "Ann Lee, the head of the Finance Committee, spoke first.",
        "The Finance Ministry said: “Growth will slow next year.”",
    )
    assert got == [(None, "The Finance Ministry")]


def test_a_person_described_by_their_post_in_a_body_is_still_found() -> None:
    got = _speakers(
        "Ann Lee, the head of the Finance Committee, spoke first.",
        "“It is over,” the committee head said.",
    )
    assert got == [("Ann Lee", None)]


def test_the_head_word_decides_whether_a_description_names_a_body() -> None:
    assert names_a_body("the committee")
    assert names_a_body("The Beijing Organizing Committee")
    assert not names_a_body("the head of the committee")
    assert not names_a_body("the committee chairman")
