"""Quote attribution: find direct quotations in a source and attribute each to its speaker.

``find_quotes(source)`` is the stage's one entry point. Inside the package:

- ``find``: ``find_quotes`` and its passes (cued, uncued, continued statement, remembered speaker);
- ``paragraph``: one paragraph's quotes, their marks paired, and the cue that attributes each;
- ``quotemarks``, ``quote_kind``: quotation-mark spans, and statement or scare-quoted phrase;
- ``cues``, ``finite_verbs``, ``intros``, ``uncued``, ``roundups``, ``transcripts``: where the speaker of a
  quote is named (a reporting verb, a clause subject, an introduction, a round-up line, a transcript turn);
- ``speaker_phrase``, ``phrases``: read a speaker phrase ("Ann Lee, the minister");
- ``resolver``, ``speakers``, ``coref``, ``gender``, ``descriptions``, ``name_runs``, ``name_words``,
  ``lower_words``: the people of a source, and names, pronouns and descriptions resolved to them.

The word lists these modules share (reporting verbs, title words, first names) are in ``analysis.words``.
"""

from __future__ import annotations

from .find import find_quotes

__all__ = ["find_quotes"]
