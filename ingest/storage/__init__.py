"""The curated tables as Delta Lake tables, written with `deltalake` (delta-rs).

Every table (`documents`, `activities`, `budget_lines`, `proposals`,
`national_activities`, `ingest_errors`) is a Delta table: a folder of Parquet
files and its transaction log (`_delta_log`). Delta gives each table atomic
commits, replace-by-predicate, optimize, vacuum and time travel. What it
cannot give is one commit over several tables, so vplan adds one rule:

    A batch commits the other tables first and `documents` last; the
    `documents` commit records, in its commit metadata (`vplan`), the version
    of every other table that goes with it.

A reader takes a version of `documents` (the latest, or one `--as-of`) and
reads every other table at the version recorded there: whole batches only,
whatever the moment. A writer that died between the first and the last commit
of a batch leaves commits past those versions; the next writer restores those
tables to them (`recover.restore_uncommitted`).

Modules: `delta` (writing one table, errors), `snapshot` (what a reader
sees), `commit` (a batch), `maintenance` (optimize, vacuum, history),
`migrate` (the per-document Parquet folders of earlier versions), `lock`.
"""
