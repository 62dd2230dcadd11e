"""The curated data contract: every output table's pyarrow schema, defined once.

Each table is a Delta table under the output directory (`<out>/<table>`), written
by `ingest.storage`. A column added here is added to the existing tables' schema
at the next commit; older versions read it as null.
"""
from __future__ import annotations

import pyarrow as pa

TEXT = pa.string()
INT = pa.int32()
TIMESTAMP = pa.timestamp("us", tz="UTC")

DOCUMENTS = pa.schema([
    ("doc_id", TEXT), ("source_file", TEXT), ("source_path", TEXT), ("sha256", TEXT),
    ("file_format", TEXT), ("organisation", TEXT), ("region", TEXT),
    ("period_start", INT), ("period_end", INT), ("title", TEXT), ("n_pages", INT),
    ("ingested_at", TIMESTAMP), ("parser_version", TEXT),
    ("file_size", pa.int64()), ("file_mtime", TIMESTAMP),
    ("n_activities", INT), ("n_budget_lines", INT), ("n_proposals", INT),
    ("n_national_activities", INT), ("warnings", pa.list_(TEXT)),
])

ACTIVITIES = pa.schema([
    ("doc_id", TEXT), ("region", TEXT), ("plan_year", INT), ("category", TEXT), ("seq", INT),
    ("aktivitet", TEXT), ("aktivitetsmal", TEXT), ("genomforande", TEXT), ("tid", TEXT),
    ("ansvar", TEXT), ("samverkansparter", TEXT), ("effektmal", TEXT),
    ("extra", pa.map_(TEXT, TEXT)), ("page_start", INT), ("page_end", INT),
    # normalised beside the raw texts (parsers/normalise/columns.py, ingest/keys.py)
    ("category_norm", TEXT), ("tid_year", INT), ("tid_period", TEXT), ("tid_quarter", INT),
    ("tid_month", INT), ("tid_month_end", INT), ("times_per_year", INT), ("tid_parsed", pa.bool_()),
    ("miljomal", pa.list_(TEXT)), ("globala_mal", pa.list_(TEXT)), ("activity_key", TEXT),
])

BUDGET_LINES = pa.schema([
    ("doc_id", TEXT), ("region", TEXT), ("budget_year", INT), ("kind", TEXT), ("section", TEXT),
    ("label", TEXT), ("amount_tkr", pa.float64()), ("is_total", pa.bool_()), ("seq", INT),
    ("unit", TEXT), ("amount_text", TEXT),
])

PROPOSALS = pa.schema([
    ("doc_id", TEXT), ("region", TEXT), ("category", TEXT), ("text", TEXT), ("seq", INT),
    ("proposal_key", TEXT),
])

NATIONAL_ACTIVITIES = pa.schema([
    ("doc_id", TEXT), ("region", TEXT), ("year", INT), ("category", TEXT), ("text", TEXT),
    ("agency", TEXT), ("seq", INT),
])

TABLES: dict[str, pa.Schema] = {  # documents first: it lists a document, the others hold its rows
    "documents": DOCUMENTS,
    "activities": ACTIVITIES,
    "budget_lines": BUDGET_LINES,
    "proposals": PROPOSALS,
    "national_activities": NATIONAL_ACTIVITIES,
}
CHILD_TABLES = [t for t in TABLES if t != "documents"]

INGEST_ERRORS = pa.schema([  # the files that failed in the latest ingest run
    ("source_path", TEXT), ("source_file", TEXT), ("reason", TEXT), ("message", TEXT), ("run_at", TIMESTAMP),
])
