"""Named DuckDB queries: the files in `queries/`, their header comments and their parameters.

A query file starts with comment lines:
    -- <name>: <what it answers>
    -- params: a=default (help), b (help)     a parameter without '=' is required
    -- columns: ...
Parameters are written `$name` in the SQL and always bound as text; the SQL casts them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

from parsers.errors import UsageError
from parsers.normalise import title_similarity

from .catalog import connect
from .config import QUERIES_DIR

PARAM = re.compile(r"(\w+)\s*(?:=\s*([^\s(,]*))?\s*(?:\(([^)]*)\))?")


@dataclass
class NamedQuery:
    name: str
    description: str
    sql: str
    params: dict[str, str | None] = field(default_factory=dict)  # name -> default (None: required)
    columns: str = ""


def parse_query(name: str, sql: str) -> NamedQuery:
    query = NamedQuery(name, "", sql)
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        text = line[2:].strip()
        if text.startswith("params:"):
            for m in PARAM.finditer(text[len("params:"):]):
                query.params[m.group(1)] = m.group(2) if m.group(2) is not None else None
        elif text.startswith("columns:"):
            query.columns = text[len("columns:"):].strip()
        elif not query.description:
            query.description = text.split(":", 1)[-1].strip()
    return query


def named_queries(folder: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    return {p.stem: parse_query(p.stem, p.read_text(encoding="utf-8"))
            for p in sorted(folder.glob("*.sql")) if not p.name.startswith("_")}


def resolve(query: str) -> NamedQuery:
    """A named query, a .sql file, or SQL text."""
    queries = named_queries()
    if query in queries:
        return queries[query]
    if query.endswith(".sql") and Path(query).is_file():
        return parse_query(Path(query).stem, Path(query).read_text(encoding="utf-8"))
    if re.fullmatch(r"[\w-]+", query):
        raise UsageError(f"no named query '{query}' (see vplan query --list)")
    found = parse_query("sql", query)
    found.params = {name: "" for name in re.findall(r"\$(\w+)", query)}
    return found


def bind(query: NamedQuery, given: dict[str, str]) -> dict[str, str]:
    unknown = set(given) - set(query.params)
    if unknown:
        raise UsageError(f"{query.name} takes no parameter {', '.join(sorted(unknown))}; "
                         f"it takes: {', '.join(query.params) or 'none'}")
    values = {k: given.get(k, default) for k, default in query.params.items()}
    missing = [k for k, v in values.items() if v is None]
    if missing:
        raise UsageError(f"{query.name} needs --param {missing[0]}=…")
    used = set(re.findall(r"\$(\w+)", query.sql))
    return {k: v for k, v in values.items() if k in used and v is not None}


def analysis_connection(curated: Path, as_of: str | int | datetime | None = None) -> duckdb.DuckDBPyConnection:
    """A snapshot of the curated tables (the latest, or the one `as_of`), their views and the query functions."""
    con = connect(curated, as_of)
    # null handling by name: duckdb's stubs know only its enum, whose module moved between versions
    con.create_function("title_similarity", title_similarity, [str, str], float,  # type: ignore[call-overload]
                        null_handling="special")
    return con


def run_query(query: str, curated: Path, params: dict[str, str] | None = None,
              con: duckdb.DuckDBPyConnection | None = None, as_of: str | int | datetime | None = None) -> pd.DataFrame:
    """Run a named query, a .sql file or SQL text against the curated tables; a DataFrame back.

    `as_of` (a version of documents, or a moment) runs it on an earlier snapshot.
    """
    found = resolve(query)
    con = con or analysis_connection(Path(curated), as_of)
    return con.execute(found.sql, bind(found, params or {})).df()
