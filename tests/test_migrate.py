"""An output folder in the Parquet layout of an earlier vplan is converted to Delta tables once, never mixed."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

import ingest.storage.migrate as migrate_module
from ingest.catalog import snapshot_tables
from ingest.pipeline import ingest
from ingest.queries import run_query
from ingest.storage.maintenance import history
from parsers.errors import UsageError

from .conftest import SAMPLES, tables

DOCX = sorted(SAMPLES.glob("*.docx"))


@pytest.fixture(scope="module")
def delta_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("delta")
    ingest(DOCX, out)
    return out


def write_old_layout(out: Path, data: dict[str, pa.Table], in_parts: int = 3) -> None:
    """The tables as an earlier vplan wrote them: the first documents compacted into one part file, the
    others one file per document; a killed run's leftovers, a journal and a catalog of views beside them."""
    doc_ids = sorted(data["documents"].column("doc_id").to_pylist())
    for name, table in data.items():
        folder = out / name
        folder.mkdir(parents=True)
        if name == "ingest_errors":
            pq.write_table(table, folder / "errors.parquet")
            continue
        part = table.filter(pc.is_in(table["doc_id"], pa.array(doc_ids[:in_parts])))
        pq.write_table(part, folder / "part-jönköpings_län-0a1b2c3d.parquet")
        for doc_id in doc_ids[in_parts - 1:]:  # one document in its part and in its own file (a cut-short compaction)
            pq.write_table(table.filter(pc.equal(table["doc_id"], doc_id)), folder / f"{doc_id}.parquet")
    leftover = data["activities"].slice(0, 2).set_column(0, "doc_id", pa.array(["ffffffffffffffff"] * 2))
    pq.write_table(leftover, out / "activities" / "ffffffffffffffff.parquet")  # never listed in documents
    (out / ".compact.json").write_text(json.dumps({"new": [], "old": []}))
    (out / ".tmp").mkdir()
    (out / "vplan.duckdb").write_bytes(b"")


def test_an_old_folder_is_converted_on_the_first_ingest_with_a_message(tmp_path, delta_out):
    before = tables(delta_out)
    write_old_layout(tmp_path, snapshot_tables(delta_out))
    notes = []
    report = ingest(DOCX, tmp_path, on_note=notes.append)
    assert report.migrated == len(DOCX) and len(report.with_status("unchanged")) == len(DOCX)
    assert "converting" in notes[0] and f"converted {len(DOCX)} documents" in notes[1]
    assert tables(tmp_path) == before
    assert [p.name for p in tmp_path.glob("*/*.parquet") if not p.name.startswith("part-00000-")] == []
    assert not (tmp_path / ".compact.json").exists() and not (tmp_path / ".tmp").exists()
    assert history(tmp_path).operation.tolist() == ["migrate"]
    assert ingest(DOCX[:1], tmp_path).migrated is None


def test_readers_refuse_an_old_folder_and_say_how_to_convert_it(tmp_path, delta_out):
    write_old_layout(tmp_path, snapshot_tables(delta_out))
    with pytest.raises(UsageError, match="vplan ingest --out"):
        run_query("select count(*) from activities", tmp_path)


def test_a_conversion_cut_short_before_its_last_commit_is_redone(tmp_path, delta_out, monkeypatch):
    before = tables(delta_out)
    write_old_layout(tmp_path, snapshot_tables(delta_out))
    real = migrate_module.write_table

    def die_on_documents(out, name, *args, **kwargs):
        if name == "documents":
            raise KeyboardInterrupt
        return real(out, name, *args, **kwargs)

    with monkeypatch.context() as mp:
        mp.setattr(migrate_module, "write_table", die_on_documents)
        with pytest.raises(KeyboardInterrupt):
            ingest([], tmp_path)
    assert (tmp_path / ".migration").exists()
    ingest([], tmp_path)
    assert tables(tmp_path) == before and not (tmp_path / ".migration").exists()


def test_a_conversion_cut_short_while_moving_tables_in_is_finished(tmp_path, delta_out, monkeypatch):
    before = tables(delta_out)
    write_old_layout(tmp_path, snapshot_tables(delta_out))
    moves = {"n": 0}
    real = Path.rename

    def die_after_three(self, target):
        moves["n"] += 1
        if moves["n"] == 4:
            raise KeyboardInterrupt
        return real(self, target)

    with monkeypatch.context() as mp:
        mp.setattr(Path, "rename", die_after_three)
        with pytest.raises(KeyboardInterrupt):
            ingest([], tmp_path)
    with pytest.raises(UsageError):  # half moved: readers refuse it rather than mix the layouts
        run_query("select count(*) from activities", tmp_path)
    ingest([], tmp_path)
    assert tables(tmp_path) == before and not (tmp_path / ".migration").exists()
