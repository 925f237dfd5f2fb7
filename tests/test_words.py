"""The word-list helpers of analysis/words.py: a set of words, and a regex group of them."""

from __future__ import annotations

import re

from briefgen.analysis.words import any_word, word_set


def test_a_word_list_is_its_white_space_separated_words() -> None:
    assert word_set("""
        said  told
        wrote
    """) == frozenset({"said", "told", "wrote"})


def test_a_word_group_matches_each_word_in_the_order_written() -> None:
    group = any_word("""
        on in
        Monday
    """)
    assert group == "(?:on|in|Monday)"
    pattern = re.compile(rf"\bresigned\s+{group}\b")
    assert [pattern.search(t) is not None for t in ("resigned on", "resigned Monday", "resigned once")] == [
        True,
        True,
        False,
    ]
