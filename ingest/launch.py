"""The `vplan` command's entry point: starts the parsing workers' server before anything heavy loads.

`vplan ingest` parses in worker processes that fork from a server which has
already imported the parsers (`parallel.PRELOAD`, about 0.4 s). Started here,
first thing, that server imports them while this process imports the CLI
(pyarrow, deltalake, typer), instead of after it: the two start-ups overlap.
"""
from __future__ import annotations

import os
import sys


def parses_in_workers(argv: list[str]) -> bool:
    """Whether the command line is an ingest that will parse in worker processes."""
    if argv[:1] != ["ingest"] or (os.cpu_count() or 1) < 2:
        return False
    for i, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--workers=") else \
            argv[i + 1] if arg in ("--workers", "-w") and i + 1 < len(argv) else None
        if value is not None:
            return value.strip() not in ("0", "1")
    return True


def main() -> None:
    if parses_in_workers(sys.argv[1:]):
        from .parallel import start_server
        start_server()
    from .cli import main as cli_main
    cli_main()
