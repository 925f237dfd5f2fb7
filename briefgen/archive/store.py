"""The weekly archive's storage: every SQL statement briefgen runs lives here, behind ``Store``.

The archive is one SQLite file (Python's own sqlite3). A shared server database could take its
place by offering the same methods: ``read_week``, ``replace_week`` and ``list_weeks``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import BriefgenError, ExitStatus

SCHEMA_VERSION = 2
LOCK_WAIT = 30.0  # seconds a build waits for another build to finish writing the archive

# Version n's statements bring a version n-1 file to version n; a new file runs them all.
_MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """CREATE TABLE briefs (
            id INTEGER PRIMARY KEY,
            as_of TEXT NOT NULL,
            audience TEXT NOT NULL,
            sources INTEGER NOT NULL,
            sentences INTEGER NOT NULL,
            quotes INTEGER NOT NULL,
            events INTEGER NOT NULL,
            UNIQUE (as_of, audience))""",
        """CREATE TABLE sources (
            brief INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
            source_id TEXT NOT NULL, digest TEXT NOT NULL, title TEXT, outlet TEXT, date TEXT, url TEXT)""",
        """CREATE TABLE items (
            brief INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,          -- sentence | quote | event | voice
            item_id TEXT NOT NULL,       -- Extract.id, Quote.id, Event.id; the speaker for a voice
            text_key TEXT NOT NULL,      -- the words alone, whichever source carried them
            text TEXT NOT NULL,
            cites TEXT NOT NULL,         -- JSON [[source, paragraph], ...]
            detail TEXT,                 -- an event's date, a quote's speaker
            carried INTEGER NOT NULL DEFAULT 0)""",
        "CREATE INDEX items_by_brief ON items (brief, kind)",
        """CREATE TABLE entities (
            brief INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
            name TEXT NOT NULL, kind TEXT NOT NULL, mentions INTEGER NOT NULL, sources INTEGER NOT NULL)""",
        """CREATE TABLE coverage (
            brief INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
            theme TEXT NOT NULL, sentences INTEGER NOT NULL, sources INTEGER NOT NULL, quotes INTEGER NOT NULL)""",
    ),
    # What a week's record was made from (WeekRecord.digest): a rebuild that changed nothing rewrites nothing.
    2: ("ALTER TABLE briefs ADD COLUMN digest TEXT",),
}


class ArchiveError(BriefgenError):
    """The archive file is not one briefgen can use (exit 2); it is left as it is."""

    category = "archive"
    status = ExitStatus.CONFIG


class ArchiveBusy(ArchiveError):
    """Another build held the archive for longer than a build waits (exit 1: try again)."""

    status = ExitStatus.FAILED


@dataclass(frozen=True, slots=True)
class StoredItem:
    as_of: str
    kind: str
    item_id: str
    text_key: str
    text: str
    cites: tuple[tuple[str, int], ...]
    detail: str | None
    carried: bool


@dataclass(frozen=True, slots=True)
class WeekRecord:
    """What one audience's brief of one week showed, as the archive stores it."""

    as_of: str
    audience: str
    sources: tuple[tuple[str, str, str | None, str | None, str | None, str | None], ...]
    items: tuple[StoredItem, ...]
    entities: tuple[tuple[str, str, int, int], ...]  # name, kind, mentions, sources
    coverage: tuple[tuple[str, int, int, int], ...]  # theme, sentences, sources, quotes

    @property
    def digest(self) -> str:
        """Return a digest of everything the record holds (plain tuples of text and numbers: repr is stable)."""
        return hashlib.sha256(repr(self).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class WeekSummary:
    as_of: str
    audience: str
    sources: int
    sentences: int
    quotes: int
    events: int
    carried: int


class Store:
    """An open archive file; use as a context manager."""

    def __init__(self, path: Path, *, create: bool, lock_wait: float | None = None) -> None:
        self.path = path
        self.lock_wait = LOCK_WAIT if lock_wait is None else lock_wait
        self._db: sqlite3.Connection | None = None
        if not create and not path.exists():
            return  # nothing archived yet: reads find no weeks, and nothing is created
        if path.exists() and not path.is_file():
            raise ArchiveError(
                f"{path}: the archive path is a folder, not a file; set archive: to a file name"
            )
        try:
            self._db = sqlite3.connect(path, timeout=self.lock_wait, isolation_level=None)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._check()
        except sqlite3.DatabaseError as exc:
            self.close()
            raise self._error(exc) from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _error(self, exc: sqlite3.Error) -> ArchiveError:
        """Return the one-line error for a failure of the archive file."""
        text = str(exc)
        if "locked" in text or "busy" in text:
            return ArchiveBusy(
                f"{self.path}: the archive is in use by another build (waited {self.lock_wait:g}s); "
                "nothing was archived; run the build again when that one has finished"
            )
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return ArchiveError(
                f"{self.path}: not a briefgen archive or damaged ({text}); it was left untouched; "
                "move it aside or pass --archive with another file (or --no-archive)"
            )
        return ArchiveError(f"{self.path}: cannot use the archive: {text}; it was left untouched")

    def _check(self) -> None:
        """Check the file is an archive of a version we know, and bring an older one up to date."""
        db = self._conn()
        # One read transaction: another build creating the archive may commit between two reads, and
        # its tables without its version would look like a foreign file.
        db.execute("BEGIN")
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            db.execute("COMMIT")
        if version > SCHEMA_VERSION:
            raise ArchiveError(
                f"{self.path}: archive written by a newer briefgen (schema {version}, this one reads "
                f"up to {SCHEMA_VERSION}); it was left untouched; upgrade briefgen or pass another --archive"
            )
        if version == 0 and tables:
            raise ArchiveError(
                f"{self.path}: an SQLite file that is not a briefgen archive; it was left untouched; "
                "pass --archive with another file"
            )
        if version < SCHEMA_VERSION:
            with self._transaction():
                # Another build may have migrated it while we waited for the lock.
                now = db.execute("PRAGMA user_version").fetchone()[0]
                for step in range(now + 1, SCHEMA_VERSION + 1):
                    for statement in _MIGRATIONS[step]:
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _conn(self) -> sqlite3.Connection:
        assert self._db is not None
        return self._db

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        db = self._conn()
        db.execute("BEGIN IMMEDIATE")  # takes the write lock now, waiting up to lock_wait
        try:
            yield
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    # --- reads ---

    def earlier_weeks(self, audience: str, as_of: str, limit: int) -> list[str]:
        """Return up to ``limit`` as-of dates of the audience's weeks before ``as_of``, latest first."""
        if self._db is None:
            return []
        rows = self._query(
            "SELECT as_of FROM briefs WHERE audience = ? AND as_of < ? ORDER BY as_of DESC LIMIT ?",
            (audience, as_of, limit),
        )
        return [r[0] for r in rows]

    def items(
        self, audience: str, since: str | None, before: str, kinds: tuple[str, ...]
    ) -> list[StoredItem]:
        """Return the items of these kinds the audience's briefs showed from ``since`` up to ``before``."""
        if self._db is None:
            return []
        marks = ",".join("?" * len(kinds))
        rows = self._query(
            "SELECT b.as_of, i.kind, i.item_id, i.text_key, i.text, i.cites, i.detail, i.carried "
            "FROM items i JOIN briefs b ON b.id = i.brief "
            f"WHERE b.audience = ? AND b.as_of >= ? AND b.as_of < ? AND i.kind IN ({marks}) "
            "ORDER BY b.as_of, i.rowid",
            (audience, since or "", before, *kinds),
        )
        return [
            StoredItem(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                tuple((s, int(p)) for s, p in json.loads(r[5])),
                r[6],
                bool(r[7]),
            )
            for r in rows
        ]

    def coverage(self, audience: str, weeks: list[str]) -> dict[str, dict[str, int]]:
        """Return, per week, each theme's sentences as archived for the audience."""
        if self._db is None or not weeks:
            return {}
        marks = ",".join("?" * len(weeks))
        rows = self._query(
            "SELECT b.as_of, c.theme, c.sentences FROM coverage c JOIN briefs b ON b.id = c.brief "
            f"WHERE b.audience = ? AND b.as_of IN ({marks})",
            (audience, *weeks),
        )
        out: dict[str, dict[str, int]] = {}
        for as_of, theme, n in rows:
            out.setdefault(as_of, {})[theme] = n
        return out

    def list_weeks(self) -> list[WeekSummary]:
        """Return every archived brief, by as-of date then audience."""
        if self._db is None:
            return []
        rows = self._query(
            "SELECT b.as_of, b.audience, b.sources, b.sentences, b.quotes, b.events, "
            "(SELECT COUNT(*) FROM items i WHERE i.brief = b.id AND i.carried) "
            "FROM briefs b ORDER BY b.as_of, b.audience",
            (),
        )
        return [WeekSummary(*r) for r in rows]

    def _query(self, sql: str, params: tuple[object, ...]) -> list[tuple]:
        try:
            return self._conn().execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise self._error(exc) from None

    # --- writes ---

    def replace_weeks(self, records: list[WeekRecord]) -> None:
        """Replace these weeks' records (one per week and audience) in one transaction."""
        try:
            with self._transaction():
                for r in records:
                    self._replace(r)
        except sqlite3.DatabaseError as exc:
            raise self._error(exc) from None

    def _replace(self, r: WeekRecord) -> None:
        db = self._conn()
        digest = r.digest
        stored = db.execute(
            "SELECT digest FROM briefs WHERE as_of = ? AND audience = ?", (r.as_of, r.audience)
        ).fetchone()
        if stored is not None and stored[0] == digest:
            return  # the same brief of the same week: its thousands of rows stay as they are
        db.execute("DELETE FROM briefs WHERE as_of = ? AND audience = ?", (r.as_of, r.audience))
        count = {k: sum(1 for i in r.items if i.kind == k) for k in ("sentence", "quote", "event")}
        brief = db.execute(
            "INSERT INTO briefs (as_of, audience, sources, sentences, quotes, events, digest) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (r.as_of, r.audience, len(r.sources), count["sentence"], count["quote"], count["event"], digest),
        ).lastrowid
        db.executemany("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?)", [(brief, *s) for s in r.sources])
        db.executemany(
            "INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (brief, i.kind, i.item_id, i.text_key, i.text, json.dumps(i.cites), i.detail, int(i.carried))
                for i in r.items
            ],
        )
        db.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?)", [(brief, *e) for e in r.entities])
        db.executemany("INSERT INTO coverage VALUES (?, ?, ?, ?, ?)", [(brief, *c) for c in r.coverage])
