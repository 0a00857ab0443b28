"""The results store: one SQLite row per design, written the moment the design finishes.

Rows are keyed by the design key (a stable hash of the resolved design, see
:class:`~sibamm.compare.space.Design`), so a rerun over the same store skips what is done and
an interrupted sweep loses nothing but the designs that were running. Each commit is its
own transaction; the file is readable by any SQLite client::

    SELECT label, status, json_extract(metrics, '$.ICE') FROM designs;
"""

from __future__ import annotations

import datetime
import json
import sqlite3
from pathlib import Path

from ..errors import SibammError

SCHEMA = """
CREATE TABLE IF NOT EXISTS designs (
    key TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    status TEXT NOT NULL,          -- completed | stopped early | failed
    reason TEXT NOT NULL DEFAULT '',
    axes TEXT NOT NULL,            -- JSON
    metrics TEXT NOT NULL,         -- JSON
    ragone TEXT NOT NULL,          -- JSON
    details TEXT NOT NULL,         -- JSON: energy basis, stack, cycles, wall time, versions
    finished_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sweeps (
    started_at TEXT NOT NULL,
    space TEXT NOT NULL,           -- JSON of the design space (with its LHS seed)
    n_designs INTEGER NOT NULL
);
"""
JSON_COLUMNS = ("axes", "metrics", "ragone", "details")
#: statuses that count as finished: a rerun does not repeat them
FINISHED = ("completed", "stopped early", "failed")


class ResultStore:
    """SQLite store of design records (see :data:`SCHEMA`)."""

    def __init__(self, path):
        self.path = Path(path)
        if self.path.is_dir():
            raise SibammError(f"--db {str(self.path)!r} is a directory; give a file name")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path, timeout=30)
            self._db.executescript(SCHEMA)
        except sqlite3.DatabaseError as err:
            raise SibammError(f"{str(self.path)!r} is not a sibamm results store ({err})") from None

    def close(self) -> None:
        self._db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def finished_keys(self) -> set:
        marks = ",".join("?" * len(FINISHED))
        rows = self._db.execute(f"SELECT key FROM designs WHERE status IN ({marks})", FINISHED)
        return {r[0] for r in rows}

    def put(self, record: dict) -> None:
        """Insert or replace one design record, committed at once."""
        row = {k: record.get(k) for k in ("key", "label", "status", "reason")}
        row["reason"] = row["reason"] or ""
        for column in JSON_COLUMNS:
            row[column] = json.dumps(record.get(column, {} if column != "ragone" else []))
        row["finished_at"] = record.get("finished_at") or datetime.datetime.now(
            datetime.timezone.utc
        ).isoformat(timespec="seconds")
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO designs (key, label, status, reason, axes, metrics, ragone, details, "
                "finished_at) VALUES (:key, :label, :status, :reason, :axes, :metrics, :ragone, :details, "
                ":finished_at)",
                row,
            )

    def log_sweep(self, space: dict, n_designs: int) -> None:
        with self._db:
            self._db.execute(
                "INSERT INTO sweeps VALUES (?, ?, ?)",
                (
                    datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
                    json.dumps(space),
                    n_designs,
                ),
            )

    def get(self, keys=None) -> list[dict]:
        """Records for ``keys`` in that order (missing keys skipped), or all records."""
        cur = self._db.execute(
            "SELECT key, label, status, reason, axes, metrics, ragone, details, finished_at FROM designs"
        )
        names = [d[0] for d in cur.description]
        rows = {}
        for values in cur:
            rec = dict(zip(names, values))
            for column in JSON_COLUMNS:
                rec[column] = json.loads(rec[column])
            rows[rec["key"]] = rec
        if keys is None:
            return list(rows.values())
        return [rows[k] for k in keys if k in rows]
