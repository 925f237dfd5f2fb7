"""Wording shared by the renderers: source-note lines and entity source lists stay short at scale."""

from __future__ import annotations

from briefgen.model import Entity, SourceNote
from briefgen.render._text import FLAGS_SHOWN, entity_sources, note_lines


def test_note_lines_show_a_few_flags_of_each_kind_and_count_the_rest():
    differs = tuple(
        f'Number differs from s{i} (para 2): "3 ships" (para 1) vs "{i + 5} ships".' for i in range(7)
    )
    note = SourceNote("a", "news analysis", 120, used="cited once", flags=(*differs, "No publication date."))
    lines = note_lines(note)
    assert lines[0] == "News analysis, 120 words. Cited once"
    assert [x for x in lines if x.startswith("Note: Number differs")] == [
        f"Note: {f}" for f in differs[:FLAGS_SHOWN]
    ]
    assert "Note: No publication date." in lines
    assert (
        lines[-1] == f"Note: {7 - FLAGS_SHOWN} more \u201cNumber differs\u201d notes, all in the JSON export."
    )


def test_entity_sources_lists_five_then_counts():
    many = Entity("Ann Lee", "person", sources=tuple(f"s{i}" for i in range(12)))
    assert entity_sources(many) == "s0, s1, s2, s3, s4 and 7 more"
    few = Entity("Ann Lee", "person", sources=("s0", "s1"))
    assert entity_sources(few, str.upper, "; ") == "S0; S1"


def test_a_source_index_finds_the_first_source_of_an_id_in_its_brief():
    import dataclasses

    from sample_brief import sample_brief

    from briefgen.render._text import SourceIndex

    brief = sample_brief()
    first = brief.sources[0]
    assert SourceIndex(brief).get(first.id) is first
    assert SourceIndex(brief).get("no such source") is None
    twin = dataclasses.replace(first, title="A later twin")
    other = dataclasses.replace(brief, sources=(twin, *brief.sources))
    assert SourceIndex(other).get(first.id) is twin
    assert SourceIndex(brief).get(first.id) is first
