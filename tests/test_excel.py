"""Excel output: `vplan query --format xlsx` holds what the CSV output holds; `write_xlsx` writes ready-to-filter sheets."""
from __future__ import annotations

import csv
import math
from datetime import UTC, datetime

import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

from ingest.cli import app
from ingest.excel import MAX_WIDTH, write_xlsx
from ingest.queries import named_queries, run_query

runner = CliRunner()


def query_args(curated) -> list[list[str]]:
    """Every named query, with its required parameters taken from the data, and SQL over two raw tables."""
    region, year = run_query("select region, plan_year from adopted_activities order by all limit 1", curated).iloc[0]
    given = {"region": str(region), "year": str(year)}
    named = [[name, *[f"--param={k}={given[k]}" for k, v in q.params.items() if v is None]]
             for name, q in named_queries().items()]
    return named + [["select * from documents order by doc_id"], ["select * from activities order by doc_id, seq"]]


def same_cell(text: str, value) -> bool:
    """A CSV cell and the Excel cell of the same query: equal as numbers, timestamps or text."""
    if value is None or value == "":
        return text == ""
    if isinstance(value, bool):
        return text == str(value)
    if isinstance(value, (int, float)):
        return math.isclose(float(text), value)
    if isinstance(value, datetime):
        written = pd.Timestamp(text)
        written = written.tz_convert("UTC").tz_localize(None) if written.tzinfo else written
        return abs(written - pd.Timestamp(value)) < pd.Timedelta(milliseconds=1)
    return text == value


def test_xlsx_output_of_a_query_holds_what_its_csv_output_holds(tmp_path, curated_samples):
    for i, args in enumerate(query_args(curated_samples)):
        base = ["query", *args, "--curated", str(curated_samples)]
        assert runner.invoke(app, [*base, "--format", "csv", "--output", str(tmp_path / f"{i}.csv")]).exit_code == 0
        result = runner.invoke(app, [*base, "--format", "xlsx", "--output", str(tmp_path / f"{i}.xlsx")])
        assert result.exit_code == 0, result.output
        with open(tmp_path / f"{i}.csv", encoding="utf-8", newline="") as f:
            expected = list(csv.reader(f))
        sheet = openpyxl.load_workbook(tmp_path / f"{i}.xlsx").worksheets[0]
        got = [list(row) for row in sheet.iter_rows(values_only=True)]
        assert got[0] == expected[0], args
        assert len(got) == len(expected), args
        for want_row, got_row in zip(expected[1:], got[1:]):
            assert [(t, v) for t, v in zip(want_row, got_row) if not same_cell(t, v)] == [], args


def test_xlsx_output_needs_an_output_file(curated_samples):
    result = runner.invoke(app, ["query", "select * from plans", "--curated", str(curated_samples), "--format", "xlsx"])
    assert result.exit_code == 2 and "--output" in result.output


def test_write_xlsx_writes_one_ready_to_filter_sheet_per_table(tmp_path, curated_samples):
    activities = run_query("select * from activities order by doc_id, seq", curated_samples)
    documents = run_query("select * from documents order by doc_id", curated_samples)
    path = write_xlsx({"activities": activities, "documents": documents}, tmp_path / "tables.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["activities", "documents"]
    for sheet, df in zip(book.worksheets, [activities, documents]):
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(df.columns))}{len(df) + 1}"
        assert sheet.max_row == len(df) + 1
        assert all(cell.font.bold for cell in sheet[1])
        widths = [sheet.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width
                  for i in range(len(df.columns))]
        assert all(len(str(name)) < width <= MAX_WIDTH for name, width in zip(df.columns, widths))
    header = [c.value for c in book["activities"][1]]
    first = dict(zip(header, (c.value for c in book["activities"][2])))
    assert isinstance(first["plan_year"], int) and isinstance(first["seq"], int)
    assert first["tid_parsed"] in (True, False)
    longest = int(activities["aktivitet"].str.len().max())
    column = openpyxl.utils.get_column_letter(header.index("aktivitet") + 1)
    assert book["activities"].column_dimensions[column].width == min(longest + 2, MAX_WIDTH)


def test_write_xlsx_writes_lists_maps_years_timestamps_and_formula_like_text_as_readers_expect(tmp_path):
    df = pd.DataFrame({
        "year": pd.Series([2021.0, None]),  # a year column with a gap comes from pandas as floats
        "amount_tkr": [1083.5, 12.0],
        "years": [[2019, 2020], []],
        "per_category": [{"Utbildning": 2, "Styrning": 1}, {}],
        "largest": [[{"label": "Lön", "amount_tkr": 873.0}, {"label": "OH", "amount_tkr": 100.0}], None],
        "ingested_at": pd.Series([datetime(2024, 5, 1, 12, 0, tzinfo=UTC)] * 2).dt.tz_convert("Europe/Stockholm"),
        "text": ["=SUMMA(A1:A2)", "#N/A"],
    })
    book = openpyxl.load_workbook(write_xlsx({"s": df}, tmp_path / "s.xlsx"))
    rows = list(book["s"].iter_rows(min_row=2, values_only=True))
    assert rows[0] == (2021, 1083.5, "2019; 2020", "Utbildning: 2; Styrning: 1",
                       "label: Lön, amount_tkr: 873; label: OH, amount_tkr: 100",
                       datetime(2024, 5, 1, 12, 0), "=SUMMA(A1:A2)")
    assert isinstance(rows[0][0], int) and rows[1][0] is None
    assert [c.data_type for c in book["s"][2]][-1] == "s"  # text, not a formula


@pytest.mark.parametrize("names,expected", [
    (["a", "A"], ["a", "A_2"]),
    (["x" * 40], ["x" * 31]),
    (["2024/25: [budget]?"], ["2024_25_ _budget__"]),
])
def test_sheet_names_are_ones_excel_accepts(tmp_path, names, expected):
    path = write_xlsx({n: pd.DataFrame({"n": [1]}) for n in names}, tmp_path / "n.xlsx")
    assert openpyxl.load_workbook(path).sheetnames == expected


def test_an_unwritable_output_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["query", "select 1 as n", "--curated", str(tmp_path), "--format", "xlsx",
                                 "--output", str(tmp_path / "no" / "such" / "r.xlsx")])
    assert result.exit_code == 1 and "r.xlsx: No such file or directory" in result.output
