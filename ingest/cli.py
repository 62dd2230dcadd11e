"""The `vplan` command line: a thin layer over `ingest.pipeline` and `ingest.catalog`."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from parsers.errors import UsageError

from . import config
from .catalog import connect
from .pipeline import FileResult, ingest

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="vplan: activity plans (verksamhetsplaner) from PDF and Word into Parquet tables.")
out_console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)


@app.command("ingest")
def ingest_cmd(
    paths: Optional[List[Path]] = typer.Argument(None, help="Files or folders (searched recursively for "
                                                 ".pdf, .docx, .doc). Default: data/raw"),
    out: Path = typer.Option(config.CURATED_DIR, "--out", "-o", help="Curated output directory."),
    password: Optional[str] = typer.Option(None, "--password", help="Password for encrypted PDFs."),
    force: bool = typer.Option(False, "--force", help="Parse every file again, even those already "
                               "ingested unchanged by this parser version."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only the summary, no line per file."),
) -> None:
    """Parse plan files and write their rows to the curated Parquet tables.

    Exit code 0 when every file was ingested, 1 when some failed (the rest are written), 2 for usage errors.
    """
    def show(result: FileResult) -> None:
        if not quiet:
            mark = {"ingested": "[green]ok[/]", "unchanged": "[dim]unchanged[/]",
                    "failed": "[red]FAILED[/]", "duplicate": "[yellow]duplicate[/]"}
            err_console.print(f"{mark[result.status]} {result.path}"
                              + (f" [dim]({result.message})[/]" if result.message else ""))

    try:
        report = ingest(paths or [config.RAW_DIR], out, password=password, force=force, on_file=show,
                        on_wait=lambda lock: err_console.print(f"waiting for another ingest to finish ({lock})"))
    except UsageError as exc:
        err_console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2)
    print_summary(report, out)
    raise typer.Exit(1 if report.with_status("failed") else 0)


def print_summary(report, out: Path) -> None:
    ok, failed = report.with_status("ingested"), report.with_status("failed")
    dups, same = report.with_status("duplicate"), report.with_status("unchanged")
    out_console.print(f"files: {len(report.results)}, ingested: {len(ok)}, unchanged: {len(same)}, "
                      f"duplicates: {len(dups)}, failed: {len(failed)} -> {out}")
    for table, n in report.rows_per_table().items():
        out_console.print(f"  {table}: {n} rows")
    unparsed = sum(r.unparsed_tid for r in ok)
    if unparsed:
        out_console.print(f"  timings not understood: {unparsed} (activities.tid_parsed = false)")
    warned = sum(len(r.warnings) for r in ok)
    if warned:
        out_console.print(f"  warnings: {warned} (see documents.warnings)")
    for r in failed:
        out_console.print(f"[red]failed[/] {r.path} \\[{r.reason}] {r.message}", highlight=False)


@app.command("query")
def query_cmd(
    sql: str = typer.Argument(..., help="A SQL statement over the views documents, activities, "
                              "budget_lines, proposals, national_activities."),
    curated: Path = typer.Option(config.CURATED_DIR, "--curated", help="Curated output directory."),
    limit: int = typer.Option(50, "--limit", help="Rows to show at most."),
) -> None:
    """Run SQL against the curated tables and print the result."""
    import duckdb

    try:
        result = connect(curated).execute(sql)
    except duckdb.Error as exc:
        err_console.print(f"[red]query failed:[/] {exc}")
        raise typer.Exit(2)
    columns = [d[0] for d in result.description]
    rows = result.fetchmany(limit)
    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*["" if v is None else str(v) for v in row])
    out_console.print(table)


def main() -> None:
    app()
