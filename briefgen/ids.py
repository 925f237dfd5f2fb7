"""Stable ids for what a brief shows: derived from content, never from rank or position.

An editor's correction, the weekly archive and the week's stories all point at sentences, quotes,
events and sources by these ids, so they must survive sources being added, paragraphs renumbered
and rankings changing: each id hashes only the words of the item (and, for a quote, the file it
was said in, since two sources may carry the same words from different speakers).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Return ``text`` as the ids see it: NFKC, case-folded, single spaces, no outer spaces."""
    if not text.isascii():  # ASCII is its own NFKC form: spare the call (a week has many sentences)
        text = unicodedata.normalize("NFKC", text)
    return _SPACE.sub(" ", text).strip().casefold()


def content_id(prefix: str, *parts: str) -> str:
    """Return ``prefix-`` and 12 hex digits hashing the normalised ``parts``."""
    digest = hashlib.blake2b("\x1f".join(normalise(p) for p in parts).encode("utf-8"), digest_size=6)
    return f"{prefix}-{digest.hexdigest()}"


def sentence_id(text: str) -> str:
    """Return the id of a brief sentence: the same words are the same sentence, whichever source."""
    return content_id("s", text)


def quote_id(text: str, source: str) -> str:
    """Return the id of a quotation: its words in one source."""
    return content_id("q", text, source)


def event_id(date: str, text: str) -> str:
    """Return the id of a dated event: its date and sentence."""
    return content_id("e", date, text)


def story_id(first_source: str) -> str:
    """Return the id of a story from the id of the source that first reported it.

    Later reports joining the story (a week's reading grows day by day) leave its id as it was, so
    the archive and an editor's file keep pointing at the same story.
    """
    return content_id("t", first_source)


def source_digest(paragraphs: list[str] | tuple[str, ...]) -> str:
    """Return the SHA-256 of a source's cleaned paragraphs: changes exactly when its text does."""
    h = hashlib.sha256()
    for p in paragraphs:
        h.update(p.encode("utf-8", "surrogatepass"))
        h.update(b"\n")
    return h.hexdigest()
