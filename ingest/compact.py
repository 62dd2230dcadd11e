"""Compaction: merge the per-document Parquet files into one part file per table and region.

Per-document files (`<table>/<doc_id>.parquet`) make re-ingesting a document
cheap; part files (`<table>/part-<region>-<token>.parquet`, each document's
rows together in seq order) keep queries fast as the archive grows. Both live in the same folder,
so `read_parquet('<out>/<table>/**/*.parquet')` reads them alike.

A compaction writes its new parts under `.tmp/`, records in `.compact.json`
which parts are new and which files they replace, renames the parts in, then
deletes the replaced files. A run killed halfway is finished (or undone) by
`recover` at the start of the next run.
"""
from __future__ import annotations

import json
import os
import re
import secrets
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .config import TMP_DIRNAME
from .schema import TABLES

PART_PREFIX = "part-"
JOURNAL = ".compact.json"
ROW_GROUP_ROWS = 5_000  # rows per row group, and so the most rows a compaction holds in memory


def is_part(path: Path) -> bool:
    return path.name.startswith(PART_PREFIX)


def doc_files(out: Path, table: str) -> list[Path]:
    return sorted(p for p in (out / table).glob("*.parquet") if not is_part(p))


def part_files(out: Path, table: str) -> list[Path]:
    return sorted(p for p in (out / table).glob("*.parquet") if is_part(p))


def region_slug(region: str | None) -> str:
    return re.sub(r"[^\w]+", "_", region or "unknown").strip("_").lower() or "unknown"


def write_part(files: list[Path], schema: pa.Schema, dest: Path) -> None:
    """Stream `files` into one Parquet file, a row group at a time, so memory stays at one row group."""
    with pq.ParquetWriter(dest, schema) as writer:
        buffer: list[pa.Table] = []
        for f in files:
            for batch in pq.ParquetFile(f).iter_batches(batch_size=ROW_GROUP_ROWS):
                buffer.append(pa.Table.from_batches([batch]).select(schema.names).cast(schema))
                if sum(t.num_rows for t in buffer) >= ROW_GROUP_ROWS:
                    writer.write_table(pa.concat_tables(buffer), row_group_size=ROW_GROUP_ROWS)
                    buffer = []
        if buffer or not files:
            writer.write_table(pa.concat_tables(buffer) if buffer else schema.empty_table())


def part_region(path: Path) -> str:
    """The region slug a part file's name carries."""
    return path.name[len(PART_PREFIX):].rsplit("-", 1)[0]


def regions_of_docs(out: Path) -> dict[str, list[str]]:
    """The doc_ids of the per-document files, by the slug of their region."""
    by_region: dict[str, list[str]] = {}
    for f in doc_files(out, "documents"):
        row = pq.read_table(f, columns=["doc_id", "region"]).to_pylist()[0]
        by_region.setdefault(region_slug(row["region"]), []).append(row["doc_id"])
    return by_region


def compact(out: Path) -> list[str]:
    """Merge the per-document files into the region parts; the doc_ids merged.

    Parts are streamed a row group at a time: the region's old part first,
    then the new documents in doc_id order, so every document's rows stay
    together and memory stays at one row group whatever the archive's size.
    """
    recover(out)
    by_region = regions_of_docs(out)
    merged = sorted(d for ids in by_region.values() for d in ids)
    if not merged:
        return []
    tmp = out / TMP_DIRNAME
    tmp.mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(4)
    new, old = [], []
    for slug, doc_ids in sorted(by_region.items()):
        for table, schema in TABLES.items():
            files = [p for p in part_files(out, table) if part_region(p) == slug]
            files += [out / table / f"{d}.parquet" for d in sorted(doc_ids) if (out / table / f"{d}.parquet").exists()]
            name = f"{PART_PREFIX}{slug}-{token}.parquet"
            write_part(files, schema, tmp / f"{table}.{name}")
            new.append((tmp / f"{table}.{name}", out / table / name))
            old += files
    journal = out / JOURNAL
    journal.write_text(json.dumps({"new": [str(f) for _, f in new], "old": [str(f) for f in old]}))
    for staged, final in new:
        os.replace(staged, final)
    finish(journal)
    return merged


def finish(journal: Path) -> None:
    plan = json.loads(journal.read_text())
    for f in plan["old"]:
        Path(f).unlink(missing_ok=True)
    journal.unlink()


def recover(out: Path) -> None:
    """Complete a compaction whose new parts are all in place, or undo one that was cut short."""
    journal = out / JOURNAL
    if not journal.exists():
        return
    try:
        plan = json.loads(journal.read_text())
    except ValueError:
        journal.unlink()
        return
    if all(Path(f).exists() for f in plan["new"]):
        finish(journal)
    else:
        for f in plan["new"]:
            Path(f).unlink(missing_ok=True)
        journal.unlink()


def drop_from_parts(out: Path, doc_id: str) -> None:
    """Rewrite the parts that hold `doc_id` without its rows (documents first)."""
    tmp = out / TMP_DIRNAME
    tmp.mkdir(parents=True, exist_ok=True)
    for table in TABLES:  # documents first
        for part in part_files(out, table):
            data = pq.read_table(part)
            keep = data.filter(pc.not_equal(data["doc_id"], doc_id))
            if keep.num_rows == data.num_rows:
                continue
            if keep.num_rows == 0:
                part.unlink()
                continue
            staged = tmp / f"{table}.{part.name}"
            pq.write_table(keep, staged, row_group_size=ROW_GROUP_ROWS)
            os.replace(staged, part)
