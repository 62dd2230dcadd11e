"""The neutral document model that every reader produces and `interpret` consumes.

A reader (Word, PDF) turns a file into a `Document`: an ordered list of blocks,
each a `Paragraph` or a `Table`. Nothing here knows about activity plans; the
shared interpretation stage gives the blocks their meaning.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

VMerge = Literal["restart", "continue"]


@dataclass
class Paragraph:
    """A heading or a paragraph of body text."""

    text: str
    heading_level: int | None = None  # 0 = document title, 1.. = heading levels, None = body text
    bold: bool = False  # every visible character is bold
    italic: bool = False  # every visible character is italic
    bold_lead: str = ""  # the leading bold words of a paragraph not bold throughout ("Tidplan:")
    is_list: bool = False  # a bullet or numbered list item
    style: str = ""
    font_size: float | None = None
    page: int | None = None  # 1-based, when known
    columnar: bool = False  # laid out in columns like a table, but read as no table (PDF)


@dataclass
class Cell:
    """One cell of a table row; `span` grid columns wide."""

    text: str
    span: int = 1
    v_merge: VMerge | None = None  # "continue": the value is the one of the cell above
    bold: bool = False


@dataclass
class Row:
    cells: list[Cell]
    is_header: bool = False  # marked as a repeated header row by the author
    page_start: int | None = None
    page_end: int | None = None

    def grid(self) -> list[Cell]:
        """The cells expanded to grid columns: a spanning cell, then empty placeholders."""
        out: list[Cell] = []
        for cell in self.cells:
            out.append(cell)
            out.extend(Cell("", 1, cell.v_merge) for _ in range(cell.span - 1))
        return out

    def texts(self) -> list[str]:
        return [c.text for c in self.grid()]


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)

    @property
    def n_cols(self) -> int:
        return max((sum(c.span for c in r.cells) for r in self.rows), default=0)


Block = Paragraph | Table


@dataclass
class Document:
    blocks: list[Block]
    n_pages: int | None = None
    file_format: str = ""
    warnings: list[str] = field(default_factory=list)
