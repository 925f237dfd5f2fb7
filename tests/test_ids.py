"""Stable ids: from content, not from rank or position, and shown in the JSON."""

from __future__ import annotations

from briefgen.model import Cite, Event, Extract, Paragraph, Quote, Source
from briefgen.render.json import source_json


def test_a_sentence_keeps_its_id_when_it_moves_or_gains_cites():
    first = Extract("The council met on Friday.", (Cite("a", 3),), score=0.9)
    moved = Extract("The council met on Friday.", (Cite("a", 7), Cite("b", 2)), score=0.1)
    assert first.id == moved.id
    assert first.id.startswith("s-")


def test_ids_ignore_spacing_and_case_but_not_words():
    assert Extract("The  council met.", ()).id == Extract("the council met.", ()).id
    assert Extract("The council met.", ()).id != Extract("The council left.", ()).id


def test_the_same_words_in_two_sources_are_two_quotes():
    one = Quote("We will not yield.", Cite("a", 1), "statement", speaker="Ann Lee")
    other = Quote("We will not yield.", Cite("b", 4), "statement", speaker="Ann Lee")
    assert one.id != other.id
    assert one.id == Quote("We will not yield.", Cite("a", 9), "statement").id


def test_an_event_is_its_date_and_sentence():
    e = Event("2025-06", "The trip took place in June.", (Cite("a", 2),))
    assert e.id == Event("2025-06", "The trip took place in June.", (Cite("b", 5),)).id
    assert e.id != Event("2024-06", "The trip took place in June.", (Cite("a", 2),)).id


def test_a_source_digest_changes_exactly_when_its_text_does():
    s = Source("a", "a.txt", (Paragraph(1, "One."), Paragraph(2, "Two.")))
    same = Source("a", "elsewhere/a.txt", (Paragraph(1, "One."), Paragraph(2, "Two.")), title="T")
    edited = Source("a", "a.txt", (Paragraph(1, "One."), Paragraph(2, "Two!")))
    assert s.digest == same.digest != edited.digest
    assert source_json(s)["digest"] == s.digest


def test_the_seed_briefs_json_carries_unique_ids(tmp_path):
    import json

    from fixture_project import copy_project

    from briefgen.cli import main

    assert main(["--quiet", "build", str(copy_project(tmp_path)), "--format", "json"]) == 0
    for path in (tmp_path / "out").glob("*.json"):
        brief = json.loads(path.read_text())
        items = [
            *brief["quotes"],
            *brief["events"],
            *brief["bluf"],
            *(e for t in brief["themes"] for e in t["summary"]),
        ]
        assert items and all(i["id"] for i in items)
        assert len({i["id"] for i in brief["quotes"]}) == len(brief["quotes"])
        assert len({i["id"] for i in brief["events"]}) == len(brief["events"])
        assert all(s["digest"] for s in brief["sources"])
