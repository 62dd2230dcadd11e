"""The `vplan` command line: a thin layer over `ingest.pipeline`, `ingest.queries` and `ingest.storage`.

Errors of usage end a command with one line and exit code 2; errors of the
output folder (full disk, read-only, no permission) with one line and exit
code 1. A traceback is for bugs only.
"""
from __future__ import annotations

import os
import shutil
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from parsers import DEFAULT_PDF_ENGINE, PDF_ENGINES
from parsers.errors import NoPlansError, StorageError, UsageError

from . import config
from .formats import OutputFormat
from .pipeline import FileResult, ingest

PdfEngine = Enum("PdfEngine", {name: name for name in PDF_ENGINES}, type=str)  # type: ignore[misc]

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="vplan: activity plans (verksamhetsplaner) from PDF and Word into Delta tables.")
out_console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)
AS_OF_HELP = "Run on an earlier snapshot: a version (see vplan history) or a date and time, e.g. 2024-05-01T12:00."


@contextmanager
def clean_errors():
    """Usage errors exit with 2, errors of the output folder with 1; each as one line."""
    try:
        yield
    except UsageError as exc:
        err_console.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
        raise typer.Exit(2) from None
    except StorageError as exc:
        err_console.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
        raise typer.Exit(1) from None


def note(text: str) -> None:
    err_console.print(escape(text), highlight=False)


@app.command("ingest")
def ingest_cmd(
    paths: list[Path] | None = typer.Argument(None, help="Files or folders (searched recursively for "
                                                 ".pdf, .docx, .doc). Default: data/raw"),
    out: Path = typer.Option(config.CURATED_DIR, "--out", "-o", help="Curated output directory."),
    password: str | None = typer.Option(None, "--password", help="Password for encrypted PDFs."),
    force: bool = typer.Option(False, "--force", help="Parse every file again, even those already "
                               "ingested unchanged by this parser version."),
    workers: int = typer.Option(os.cpu_count() or 1, "--workers", "-w", min=1,
                                help="Parallel parsing processes (default: the number of CPU cores)."),
    time_limit: float = typer.Option(config.TIME_LIMIT_S, "--time-limit", min=0,
                                     help="Seconds one file may take to parse; 0 for no limit."),
    max_pages: int = typer.Option(config.MAX_PAGES, "--max-pages", min=0,
                                  help="Refuse PDFs with more pages than this; 0 for no limit."),
    commit_every: int = typer.Option(config.COMMIT_EVERY, "--commit-every", min=1,
                                     help="Commit the documents in batches of this many (and at the end)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only the summary, no line per file."),
    pdf_engine: PdfEngine = typer.Option(DEFAULT_PDF_ENGINE, "--pdf-engine",
                                         help="The library that reads PDF pages: pdfium (fast) or pdfplumber."),
) -> None:
    """Parse plan files and commit their rows to the curated Delta tables.

    Exit code 0 when every file was ingested in full, 1 when some failed or were read only in part (the
    rest are written, and so are the rows of a partial file) or the output folder cannot be written,
    2 for usage errors.
    """
    with clean_errors(), progress_reporter(quiet) as show:
        report = ingest(paths or [config.RAW_DIR], out, password=password, force=force, workers=workers,
                        time_limit_s=time_limit or None, max_pages=max_pages or None, commit_every=commit_every,
                        on_file=show, on_note=note,
                        on_wait=lambda lock: note(f"waiting for another writer to finish ({lock})"),
                        pdf_engine=pdf_engine.value)
    if report.error:
        err_console.print(f"[red]error:[/] {escape(str(report.error))}; the run stopped: what it committed before is kept, "
                          "the batch in progress is not written. Run again once this is fixed.", highlight=False)
        raise typer.Exit(1)
    print_summary(report, out)
    raise typer.Exit(1 if report.with_status("failed", "partial") else 0)


MARKS = {"ingested": "[green]ok[/]", "unchanged": "[dim]unchanged[/]",
         "failed": "[red]FAILED[/]", "duplicate": "[yellow]duplicate[/]", "partial": "[yellow]PARTIAL[/]"}


@contextmanager
def progress_reporter(quiet: bool):
    """A callback per file: a progress bar on a terminal, else a line per file (none when quiet)."""
    if quiet:
        yield lambda result: None
    elif not err_console.is_terminal:
        yield lambda r: err_console.print(f"{MARKS[r.status]} {r.path}" + (f" ({r.message})" if r.message else ""),
                                          highlight=False)
    else:
        with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      TextColumn("{task.description}"), console=err_console, transient=True) as bar:
            task = bar.add_task("", total=None)

            def advance(result: FileResult) -> None:
                if result.status in ("failed", "partial"):
                    bar.console.print(f"{MARKS[result.status]} {result.path} ({result.message})", highlight=False)
                bar.update(task, advance=1, description=result.path.name)
            yield advance


def print_summary(report, out: Path) -> None:
    ok, failed, partial = report.with_status("ingested", "partial"), report.with_status("failed"), report.with_status("partial")
    dups, same = report.with_status("duplicate"), report.with_status("unchanged")
    out_console.print(f"files: {len(report.results)}, ingested: {len(ok)}, unchanged: {len(same)}, "
                      f"duplicates: {len(dups)}, failed: {len(failed)} -> {out}" + (f" ({len(partial)} read only in part)" if partial else ""))
    for table, n in report.rows_per_table().items():
        out_console.print(f"  {table}: {n} rows")
    unparsed = sum(r.unparsed_tid for r in ok)
    if unparsed:
        out_console.print(f"  timings not understood: {unparsed} (activities.tid_parsed = false)")
    if report.commits:
        out_console.print(f"  committed in {report.commits} batch{'es' if report.commits > 1 else ''}"
                          + (f"; optimized ({report.optimized} small files merged)" if report.optimized else ""))
    warned = sum(len(r.warnings) for r in ok)
    if warned:
        out_console.print(f"  warnings: {warned} (see documents.warnings)")
    for r in partial:
        for reason, message in r.problems:
            out_console.print(f"[yellow]read in part[/] {r.path} \\[{reason}] {message}", highlight=False)
    for r in failed:
        out_console.print(f"[red]failed[/] {r.path} \\[{r.reason}] {r.message}", highlight=False)


@app.command("query")
def query_cmd(
    query: str | None = typer.Argument(None, help="A named query (see --list), a .sql file, or SQL text "
                                          "over the views documents, activities, budget_lines, proposals, "
                                          "national_activities, plans, adopted_activities …"),
    curated: Path = typer.Option(config.CURATED_DIR, "--curated", help="Curated output directory."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="Output format."),
    param: list[str] = typer.Option([], "--param", "-p", help="A query parameter, key=value (repeatable)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file "
                                          "(required for --format parquet and xlsx)."),
    limit: int = typer.Option(100, "--limit", help="Rows to show at most with --format table."),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP),
    list_: bool = typer.Option(False, "--list", help="List the named queries and what each answers."),
) -> None:
    """Run a named query, a .sql file or SQL against a snapshot of the curated tables."""
    import duckdb

    from .output import write_result
    from .queries import named_queries, run_query

    if list_:
        for q in named_queries().values():
            listed = ", ".join(k if v is None else f"{k}={v}" for k, v in q.params.items())
            out_console.print(f"[bold]{q.name}[/] [dim]({listed or 'no parameters'})[/]\n    {q.description}",
                              highlight=False)
        return
    if not query:
        err_console.print("error: give a query name, a .sql file or SQL (or --list)")
        raise typer.Exit(2)
    with clean_errors():
        params = dict(p.split("=", 1) for p in param if "=" in p)
        if len(params) != len(param):
            raise UsageError("--param takes key=value")
        try:
            df = run_query(query, curated, params, as_of=as_of)
        except duckdb.Error as exc:
            raise UsageError(str(exc)) from exc
        try:
            write_result(df, fmt, output, limit, name=result_name(query))
        except BrokenPipeError:  # the reader of stdout stopped early (| head)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except OSError as exc:
            exit_on_os_error(exc)


def fail(exc: Exception, code: int) -> NoReturn:
    """One line saying what went wrong, and the exit code."""
    err_console.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
    raise typer.Exit(code)


def exit_on_os_error(exc: OSError) -> None:
    """A file that cannot be read or written: one line naming it, exit code 1."""
    err_console.print(f"[red]error:[/] {exc.filename or ''}: {exc.strerror or exc}", highlight=False)
    raise typer.Exit(1)


def result_name(query: str) -> str:
    """What a result is called (an Excel sheet's name): the named query, the .sql file's name, else 'query'."""
    if query.endswith(".sql"):
        return Path(query).stem
    return query if query.replace("_", "").replace("-", "").isalnum() else "query"


@app.command("report")
def report_cmd(
    curated: Path = typer.Option(config.CURATED_DIR, "--curated", help="Curated output directory."),
    out: Path = typer.Option(Path("report.html"), "--out", "-o", help="The HTML file to write."),
    region: str | None = typer.Option(None, "--region", "-r", help="Only this region (its name or a "
                                         "part of it that names one region, e.g. Värmland)."),
) -> None:
    """Write one self-contained HTML page (in Swedish) on the curated plans: opens offline in any browser."""
    import matplotlib
    matplotlib.use("Agg")  # no window system needed; set before the report imports pyplot
    from .htmlreport import write_report
    try:
        data = write_report(curated, out, region)
    except UsageError as exc:
        fail(exc, 2)
    except NoPlansError as exc:
        fail(exc, 1)
    except OSError as exc:
        exit_on_os_error(exc)
    out_console.print(f"{out}: {len(data.plans)} plans, {len(data.regions)} regions", highlight=False)


@app.command("inspect")
def inspect_cmd(
    path: Path = typer.Argument(..., help="A plan file: .pdf, .docx or .doc."),
    pages: str | None = typer.Option(None, "--pages", help="Only these pages of a PDF: 3, 3-5 or 2,4-6 "
                                        "(the whole file is read all the same)."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Folder for the page images and index.html "
                                       "(default: <file name>-inspect in the working directory)."),
    dpi: int = typer.Option(100, "--dpi", min=30, max=600, help="Resolution of the page images."),
    password: str | None = typer.Option(None, "--password", help="Password for an encrypted PDF."),
) -> None:
    """Draw what vplan read over each page of one plan (PNGs) and list the records beside them (index.html).

    Tables found, their column and row boundaries, header, category and repeated header rows, rows mended
    across a page break, page furniture set aside, and each activity row with its seq. A Word file gets
    index.html alone: its tables, their rows and what each was read as.
    """
    from parsers.errors import VplanError, internal_error

    from .inspection import inspect_file

    target = out or Path(f"{path.stem}-inspect")
    try:
        seen, drawn = inspect_file(path, target, pages, dpi, password)
    except UsageError as exc:
        fail(exc, 2)
    except VplanError as exc:
        fail(exc.at(str(path)), 1)
    except OSError as exc:
        exit_on_os_error(exc)
    except Exception as exc:  # a bug in vplan: one line, not a traceback
        fail(internal_error(exc, str(path)), 1)
    plan = seen.plan
    images = f"{len(drawn)} page image{'s' if len(drawn) != 1 else ''} and " if drawn else ""
    out_console.print(f"{target / 'index.html'}: {images}{len(plan.activities)} activities from {path.name}",
                      highlight=False)
    if pages and not seen.pages:
        out_console.print(f"(a {seen.file_format} file has no pages to draw: --pages is left aside)", highlight=False)
    if seen.not_a_plan:
        out_console.print(f"[yellow]not a plan[/] {escape(f'{path}: {seen.not_a_plan}')}", highlight=False)
    for problem in plan.partial:
        out_console.print(f"[yellow]read in part[/] {escape(f'{path} [{problem.reason}] {problem.message}')}",
                          highlight=False)


@app.command("sql")
def sql_cmd(
    curated: Path = typer.Option(config.CURATED_DIR, "--curated", help="Curated output directory."),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP),
) -> None:
    """Write a DuckDB file holding a snapshot of the tables and views; open it in the duckdb shell."""
    from .export import export

    with clean_errors():
        [path] = export(curated, curated, "duckdb", as_of)
    shell = shutil.which("duckdb")
    if shell and sys.stdin.isatty():
        os.execv(shell, [shell, str(path)])
    out_console.print(f"{path}\nopen it with: duckdb {path}   (or duckdb.connect('{path}') in Python)",
                      highlight=False)


from . import cli_tables  # noqa: E402,F401  (registers optimize, vacuum, history, export)


def main() -> None:
    app()
