"""What a reader sees: one version of `documents` and the versions of the other tables committed with it."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
from deltalake import DeltaTable

from parsers.errors import StorageError, UsageError

from .delta import (
    META_KEY,
    SCHEMAS,
    commit_info,
    conform,
    is_delta,
    latest_version,
    log_versions,
    storage_errors,
    table_dir,
)
from .migrate import refuse_old_format

AS_OF_HELP = "a version number (see vplan history) or a date and time such as 2024-05-01 or 2024-05-01T12:00"


@dataclass(frozen=True)
class Snapshot:
    out: Path
    version: int  # the version of documents
    versions: dict[str, int]  # every table's version in this snapshot, documents included
    time: datetime  # when that version of documents was committed
    latest: bool = True  # False for a snapshot asked for with --as-of

    def table(self, name: str, columns: list[str] | None = None) -> pa.Table:
        """Table `name` at this snapshot, in the columns of `ingest/schema.py` (or only `columns` of them)."""
        schema = SCHEMAS[name] if columns is None else pa.schema([SCHEMAS[name].field(c) for c in columns])
        version = self.versions.get(name)
        if version is None:
            return schema.empty_table()
        path = table_dir(self.out, name)
        try:
            with storage_errors(path):
                dataset = DeltaTable(str(path), version=version).to_pyarrow_dataset()
                data = dataset.to_table(columns=[c for c in schema.names if c in dataset.schema.names])
        except StorageError as exc:
            if self.latest or "missing" not in exc.message:
                raise
            raise UsageError(f"--as-of {self.version}: {name} of that version needs files that vplan vacuum "
                             "removed (it keeps those of the last --retain hours)") from None
        return conform(data, schema)

    def tables(self) -> dict[str, pa.Table]:
        return {name: self.table(name) for name in SCHEMAS}


def empty_tables() -> dict[str, pa.Table]:
    return {name: schema.empty_table() for name, schema in SCHEMAS.items()}


def parse_as_of(text: str | int | datetime) -> int | datetime:
    """A version number, or a moment: a date and time without a zone is local time, and a time given
    to the second takes in that whole second, so a time copied from `vplan history` includes its version."""
    if isinstance(text, int):
        return text
    if isinstance(text, datetime):
        return text.astimezone(UTC)
    text = str(text).strip()
    if text.isdigit():
        return int(text)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--as-of {text}: give {AS_OF_HELP}") from None
    if len(text) > 10 and moment.microsecond == 0 and "." not in text:
        moment = moment.replace(microsecond=999_999)
    return moment.astimezone(UTC)


def commit_time(entry: dict) -> datetime:
    return datetime.fromtimestamp(entry["timestamp"] / 1000, UTC)


def batch_record(entry: dict) -> dict | None:
    """The batch record vplan wrote into a documents commit, or None for another commit."""
    return json.loads(entry[META_KEY]) if entry.get(META_KEY) else None


def history_of(out: Path) -> list[dict]:
    """The commits of documents, newest first (each with its version, time and batch record)."""
    path = table_dir(out, "documents")
    return [commit_info(path, v) for v in log_versions(path)]


def chosen_version(path: Path, as_of: int | datetime | None) -> int:
    """The version of documents to read: the latest, the one given, or the last committed by a moment."""
    latest = latest_version(path)
    if as_of is None:
        return latest
    versions = [v for v in log_versions(path) if v <= latest]
    if isinstance(as_of, int):
        if as_of not in versions:
            raise UsageError(f"--as-of {as_of}: there is no such version (0 to {latest}, see vplan history)")
        return as_of
    for version in versions:  # newest first
        if commit_time(commit_info(path, version)) <= as_of:
            return version
    first = commit_time(commit_info(path, versions[-1])).astimezone()
    raise UsageError(f"--as-of {as_of.astimezone():%Y-%m-%d %H:%M:%S}: nothing was committed before then "
                     f"(the first version is from {first:%Y-%m-%d %H:%M:%S})")


def record_at(path: Path, version: int) -> dict | None:
    """The batch record in force at `version`: its own, or that of the newest vplan commit before it."""
    for earlier in (v for v in log_versions(path) if v <= version):
        record = batch_record(commit_info(path, earlier))
        if record:
            return record
    return None


def snapshot(out: Path, as_of: str | int | datetime | None = None) -> Snapshot | None:
    """The latest snapshot of the output directory, or the one as of a version or moment; None when empty."""
    out = Path(out)
    refuse_old_format(out)
    moment = parse_as_of(as_of) if as_of is not None else None
    if not is_delta(table_dir(out, "documents")):
        if moment is not None:
            raise UsageError(f"--as-of: {out} holds no tables yet")
        return None
    path = table_dir(out, "documents")
    version = chosen_version(path, moment)
    record = record_at(path, version)
    if record is None:
        raise StorageError("the documents table carries no vplan batch record: it was not written by vplan",
                           str(path))
    at = commit_time(commit_info(path, version))
    return Snapshot(out, version, {**record["versions"], "documents": version}, at, moment is None)
