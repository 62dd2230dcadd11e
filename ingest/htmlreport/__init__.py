"""`vplan report`: one self-contained HTML page for coordinators, in Swedish.

The page is rendered from the Jinja2 templates in `templates/` (package data, so a wheel
install has them), with its CSS inline and its charts as inline SVG: it opens offline.
All text is escaped (autoescape); the data comes from the named queries (`data.py`).
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..display import CHANGE_SV, FIELD_SV, KIND, STATUS, number_sv, translated
from ..output import replacing
from .charts import charts
from .data import ReportData, gather

__all__ = ["write_report", "render", "gather"]


def write_report(curated: Path, out: Path, region: str | None = None) -> ReportData:
    """Write the report on the curated tables to `out` (beside it first, then renamed into place)."""
    data = gather(curated, region)
    html = render(data)
    with replacing(out) as tmp:
        tmp.write_text(html, encoding="utf-8")
    return data


def render(data: ReportData, generated: datetime | None = None) -> str:
    template = environment().get_template("report.html.j2")
    return template.render(data=data, charts=charts(data),
                           generated=(generated or datetime.now()).strftime("%Y-%m-%d %H:%M"))


def environment() -> Environment:
    env = Environment(loader=PackageLoader("ingest.htmlreport", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(
        num=number_sv, year=year_text, period=period_text, years=year_ranges,
        status=lambda code: translated(STATUS, code, "sv"), kind=lambda code: translated(KIND, code, "sv"),
        change=lambda code: CHANGE_SV.get(code, code),
        fields=lambda names: ", ".join(FIELD_SV.get(n, n) for n in names or []),
    )
    return env


def year_text(value) -> str:
    """A year as written, without thousands separator; "–" for none."""
    return "–" if value is None else str(int(value))


def period_text(value) -> str:
    """A period "2021-2023" with an en dash, as Swedish typesetting writes it."""
    return "–" if not value else str(value).replace("-", "–")


def year_ranges(years) -> str:
    """Years as runs: [2019, 2020, 2021, 2023] -> "2019–2021, 2023"."""
    runs: list[list[int]] = []
    for year in sorted(int(y) for y in years or []):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
