"""Quote attribution: the lower-case words of a source, asked about one word at a time."""

from __future__ import annotations

import re
from collections.abc import Sequence

LOWER_WORD = re.compile(r"(?<![\w\-])[a-z][a-z]+\b")


def common_compound(word: str, lower: LowerWords) -> bool:
    """Return whether a capitalised hyphenated word is a common compound ("Off-colour") the text writes lower-case."""
    parts = word.split("-")
    return len(parts) > 1 and parts[1][:1].islower() and lower.written(word.lower())


class LowerWords:
    """The words ``LOWER_WORD`` finds in a source's paragraphs, as a set that is only asked about a few.

    A source has hundreds of lower-case words and a name test asks about a handful, so each asked word
    is looked up in the text on demand (a substring search, then the pattern where it occurs) and kept.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        # No lower-case word spans a line break, and one stands on either side of it like a text's edge.
        self._text = "\n".join(texts)
        self._known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self._known.get(word)
        if found is None:
            found = self._known[word] = self._find(word)
        return found

    def written(self, word: str) -> bool:
        """Return whether the text writes ``word`` (a hyphenated compound, say) in lower case as a word."""
        return re.search(r"(?<![\w\-])" + re.escape(word) + r"(?![\w\-])", self._text) is not None

    def _find(self, word: str) -> bool:
        if len(word) < 2:
            return False  # the pattern's words have two letters or more ("" would be found everywhere)
        text = self._text
        at = text.find(word)
        while at >= 0:
            # Where the pattern matches at a position, findall matches there too: no match of it can
            # cover a later start, since that start would follow a letter.
            m = LOWER_WORD.match(text, at)
            if m is not None and m.end() == at + len(word):
                return True
            at = text.find(word, at + 1)
        return False
