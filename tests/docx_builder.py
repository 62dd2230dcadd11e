"""Write small activity-plan .docx files for tests with python-docx.

A plan is described as a list of parts: ("title", text), ("h1", text),
("h2", text), ("p", text), ("bold", text), ("italic", text), ("bullet", text)
and ("table", rows). A table row is a list of cell specs: a plain string, or a
dict {"text", "span", "vmerge": "restart"|"continue", "bold"}; a row given as
{"header": True, "cells": [...]} is marked as a repeated header row.
"""
from __future__ import annotations

import copy
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def cell_spec(spec) -> dict:
    return {"text": spec, "span": 1} if isinstance(spec, str) else {"span": 1, **spec}


def set_cell(cell, spec: dict) -> None:
    lines = spec["text"].split("\n")
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)
    if spec.get("bold"):
        for p in cell.paragraphs:
            for r in p.runs:
                r.bold = True
    if spec.get("vmerge"):
        vm = OxmlElement("w:vMerge")
        if spec["vmerge"] == "restart":
            vm.set(qn("w:val"), "restart")
        cell._tc.get_or_add_tcPr().append(vm)


def add_table(document, rows: list) -> None:
    rows = [r if isinstance(r, dict) else {"cells": r} for r in rows]
    n_cols = max(sum(cell_spec(c)["span"] for c in r["cells"]) for r in rows)
    table = document.add_table(rows=len(rows), cols=n_cols)
    table.style = "Table Grid"
    for row, spec in zip(table.rows, rows):
        col = 0
        for c in map(cell_spec, spec["cells"]):
            cell = row.cells[col]
            if c["span"] > 1:
                cell = cell.merge(row.cells[col + c["span"] - 1])
            set_cell(cell, c)
            col += c["span"]
        if spec.get("header"):
            trpr = row._tr.get_or_add_trPr()
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            trpr.append(header)


def build_plan(parts: list, path: Path) -> Path:
    document = docx.Document()
    for kind, value in parts:
        if kind == "title":
            document.add_paragraph(value, style="Title")
        elif kind in ("h1", "h2", "h3"):
            document.add_heading(value, level=int(kind[1]))
        elif kind == "p":
            document.add_paragraph(value)
        elif kind in ("bold", "italic"):
            run = document.add_paragraph().add_run(value)
            setattr(run, kind, True)
        elif kind == "bullet":
            document.add_paragraph(value, style="List Bullet")
        elif kind == "table":
            add_table(document, value)
    document.save(path)
    return path


def wrap_in_content_control(element) -> None:
    """Put `element` (a w:p, w:tbl or w:tc) inside a w:sdt content control where it stands."""
    sdt = OxmlElement("w:sdt")
    sdt.append(OxmlElement("w:sdtPr"))
    content = OxmlElement("w:sdtContent")
    sdt.append(content)
    element.addprevious(sdt)
    content.append(element)


def nest_table(cell, rows: list[list[str]]) -> None:
    """Put a small table inside a table cell."""
    inner = cell.add_table(rows=len(rows), cols=len(rows[0]))
    for row, texts in zip(inner.rows, rows):
        for c, text in zip(row.cells, texts):
            c.text = text


def deep_copy(element):
    return copy.deepcopy(element)
