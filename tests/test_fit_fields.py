"""Fitting a one-page brief keeps what the JSON carries in step with what the page shows."""

from __future__ import annotations

from briefgen.fit import _drop
from briefgen.model import (
    Brief,
    BulletList,
    Cite,
    Entity,
    EntityIndex,
    Extract,
    Para,
    Paragraph,
    Section,
    Source,
)

SOURCE = Source(id="s1", path="s1.txt", paragraphs=(Paragraph(1, "One."),), title="Ports reopen")
ONE = Extract("Ships wait offshore.", (Cite("s1", 1),))
TWO = Extract("Wages rise six percent.", (Cite("s1", 1),))


def _brief(*blocks: object) -> Brief:
    return Brief(
        title="T",
        audience="principals",
        audience_title="Principals",
        as_of="2025-06-20",
        organisation="",
        sections=(Section("Key judgements", 1, tuple(blocks)),),  # type: ignore[arg-type]
        sources=(SOURCE,),
        judgements=(ONE, TWO),
    )


def test_a_dropped_judgement_leaves_the_briefs_judgements():
    brief = _brief(BulletList(tuple(Para(e.text, e.cites) for e in (ONE, TWO))))
    fitted, _ = _drop(brief, (0, 0, 1))
    assert [e.text for e in fitted.judgements] == [ONE.text]


def test_a_dropped_entity_keeps_the_index_naming_its_sources():
    people = tuple(Entity(name, "person", mentions=1, sources=("s1",)) for name in ("Ana Reis", "Rui Alves"))
    brief = _brief(EntityIndex(people, (SOURCE,)))
    fitted, _ = _drop(brief, (0, 0, 1))
    index = fitted.sections[0].blocks[0]
    assert isinstance(index, EntityIndex) and index.sources == (SOURCE,) and len(index.entities) == 1
