"""The `vplan` commands that look after the Delta tables: optimize, vacuum, history, export."""
from __future__ import annotations

from pathlib import Path

import typer

from . import config
from .cli import AS_OF_HELP, app, clean_errors, note, out_console
from .formats import ExportFormat, OutputFormat
from .storage.lock import CuratedLock
from .storage.maintenance import history, optimize, vacuum
from .storage.migrate import migrate

OUT_HELP = "Curated output directory."


def wait_note(lock: Path) -> None:
    note(f"waiting for another writer to finish ({lock})")


@app.command("optimize")
def optimize_cmd(out: Path = typer.Option(config.CURATED_DIR, "--out", "-o", help=OUT_HELP)) -> None:
    """Compact the tables' small files into large ones; the data stay the same.

    Ingest does this by itself once the tables hold many small files.
    """
    with clean_errors(), CuratedLock(out, on_wait=wait_note):
        migrate(out, note)
        rewritten = optimize(out)
    out_console.print(f"optimized {out}: {rewritten} small files merged", highlight=False)


@app.command("vacuum")
def vacuum_cmd(
    out: Path = typer.Option(config.CURATED_DIR, "--out", "-o", help=OUT_HELP),
    retain: int = typer.Option(config.VACUUM_RETAIN_HOURS, "--retain", min=0,
                                 help="Keep the files of the snapshots of the last HOURS hours."),
) -> None:
    """Delete the files that no snapshot of the last --retain hours needs (default one week)."""
    with clean_errors(), CuratedLock(out, on_wait=wait_note):
        migrate(out, note)
        deleted = vacuum(out, retain)
    out_console.print(f"vacuumed {out}: {deleted} files deleted; --as-of reaches back {retain} hours",
                      highlight=False)


@app.command("history")
def history_cmd(
    curated: Path = typer.Option(config.CURATED_DIR, "--curated", help=OUT_HELP),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="Output format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file."),
    limit: int = typer.Option(100, "--limit", help="Versions to show at most with --format table."),
) -> None:
    """Every version of the tables, newest first: time, operation, run, files, documents added/replaced/removed."""
    with clean_errors():
        from .output import write_result
        write_result(history(curated), fmt, output, limit)


@app.command("export")
def export_cmd(
    to: Path = typer.Option(..., "--to", help="Folder to write the snapshot to."),
    fmt: ExportFormat = typer.Option("parquet", "--format", "-f", help="parquet: one file per table; "
                                     "duckdb: one vplan.duckdb file with the tables and views."),
    curated: Path = typer.Option(config.CURATED_DIR, "--curated", help=OUT_HELP),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP),
) -> None:
    """Write a plain snapshot of the curated tables, for tools that do not read Delta."""
    with clean_errors():
        from .export import export
        written = export(curated, to, fmt.value, as_of)
    for path in written:
        out_console.print(str(path), highlight=False)
