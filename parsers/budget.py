"""Turn a budget table into `BudgetLine` records, in thousands of kronor.

The header row gives one column per year, its kind (Utfall / Budget /
Prognos) and often the unit; rows with a label and no amounts open a section
(Intäkter, Kostnader); a "Summa …" / "Totalt …" line is a total only when its
label names no more than the section. Totals are checked against their lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Table
from .records import BudgetLine
from .text import collapse, find_year, fold, parse_amount
from .vocabulary import words_for

KINDS = (("utfall", "utfall"), ("bokslut", "utfall"), ("prognos", "prognos"), ("budget", "budget"))
MONEY = r"budget|utfall|prognos|bokslut|belopp|\bt?kr\b|kronor"
MONEY_WORDS = re.compile(MONEY, re.I)
VALUE_HEADER = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)|" + MONEY, re.I)
TOTAL_WORDS = re.compile(r"^(summa|totalt|total|sum|s:a)\b[:\s]*(.*)$", re.I)
BUDGET_LABEL = re.compile(r"\b(intäkter|kostnader|utgifter)\b")  # in folded text
DASHES = {"-", "–", "—", "−"}
KR_MAGNITUDE = 100_000  # with no unit written, amounts this large are taken to be kronor


@dataclass
class ValueColumn:
    index: int
    year: int | None
    kind: str


def unit_in(text: str) -> str | None:
    """The unit a text names: 'tkr' (thousands) or 'kr', else None."""
    t = fold(text)
    if re.search(r"\btkr\b|\bkkr\b|tusentals? kronor|tusen kronor|tkronor|\bksek\b", t):
        return "tkr"
    if re.search(r"\bkr\b|\bkronor\b|\bsek\b", t):
        return "kr"
    return None


def value_columns(header: list[str], year_hint: int | None) -> list[ValueColumn]:
    cols = []
    for i, text in enumerate(header[1:], start=1):
        if VALUE_HEADER.search(text):
            kind = next((k for word, k in KINDS if word in fold(text)), "budget")
            cols.append(ValueColumn(i, find_year(text) or year_hint, kind))
    return cols


def is_budget_table(table: Table, context: str = "") -> bool:
    """A table whose header names value columns and whose rows carry amounts. Columns named by
    years alone make a budget only under a budget's heading or caption (`context`), or with
    a budget's labels (a total, "Intäkter", "Kostnader"): a table of figures by year in
    another document is no budget."""
    if len(table.rows) < 2 or table.n_cols < 2:
        return False
    header = table.rows[0].texts()
    cols = value_columns(header, None)
    if not cols:
        return False
    labels = [r.texts()[0] for r in table.rows[1:] if r.texts()]
    if not any(MONEY_WORDS.search(t) for t in header) and not names_budget(context) and not any(
            TOTAL_WORDS.match(collapse(label)) or BUDGET_LABEL.search(fold(label)) for label in labels):
        return False
    rows = [r.texts() for r in table.rows[1:]]
    amounts = sum(1 for texts in rows for c in cols
                  if c.index < len(texts) and parse_amount(texts[c.index]) is not None)
    return amounts >= 2


def names_budget(text: str) -> bool:
    """Whether a heading or caption speaks of a budget ("Budget 2024", "Ekonomi", "tkr")."""
    folded = fold(text)
    return bool(MONEY_WORDS.search(text)) or any(
        re.search(rf"\b{re.escape(fold(w))}\b", folded) for w in words_for("sections", "budget"))


def amount_of(text: str) -> float | None:
    return 0.0 if text.strip() in DASHES else parse_amount(text)


def is_total(label: str, section: str | None) -> bool:
    """'SUMMA KOSTNADER' is a total; 'Summa inbetalningar från kommuner' is a line."""
    m = TOTAL_WORDS.match(collapse(label))
    if not m:
        return False
    rest = fold(m.group(2))
    if section and rest == fold(section):
        return True
    return len(rest.split()) <= 2 and "från" not in rest.split()


def table_to_budget(table: Table, year_hint: int | None, unit_hint: str | None,
                    first_seq: int = 0) -> tuple[list[BudgetLine], list[str]]:
    """Budget lines of one table, and warnings (totals that do not add up, guessed units)."""
    header = table.rows[0].texts()
    cols = value_columns(header, year_hint)
    rows = [r.texts() for r in table.rows[1:]]
    unit, warnings = table_unit(header, rows, cols, unit_hint)
    scale = 1000.0 if unit == "kr" else 1.0
    lines: list[BudgetLine] = []
    section = None
    for texts in rows:
        texts = texts + [""] * (len(header) - len(texts))
        label = collapse(texts[0])
        cells = [(c, collapse(texts[c.index])) for c in cols]
        if not any(t for _, t in cells):
            section = label or section
            continue
        total = is_total(label, section)
        for col, text in cells:
            amount = amount_of(text)
            if amount is None:
                continue
            lines.append(BudgetLine(budget_year=col.year, kind=col.kind, section=section, label=label,
                                    amount_tkr=amount / scale, is_total=bool(total),
                                    seq=first_seq + len(lines), unit=unit, amount_text=text))
    return lines, warnings + reconcile(lines)


def table_unit(header, rows, cols, unit_hint) -> tuple[str, list[str]]:
    for text in header + [unit_hint or ""]:
        unit = unit_in(text)
        if unit:
            return unit, []
    amounts = [abs(amount_of(r[c.index]) or 0) for r in rows for c in cols if c.index < len(r)]
    if amounts and max(amounts) >= KR_MAGNITUDE:
        return "kr", [f"budget unit not stated; amounts up to {max(amounts):,.0f} read as kr"]
    return "tkr", []


def reconcile(lines: list[BudgetLine]) -> list[str]:
    """Warnings for totals that differ from the sum of the lines above them in their section."""
    warnings = []
    running: dict[tuple, float] = {}
    for line in lines:
        key = (line.section, line.budget_year, line.kind)
        if line.is_total:
            expected = running.get(key, 0.0)
            if line.amount_tkr is not None and abs(expected - line.amount_tkr) > 0.5:
                warnings.append(f"budget total '{line.label}' {line.budget_year} {line.kind}: "
                                f"{line.amount_tkr:g} tkr, but its lines add up to {expected:g} tkr")
            running[key] = 0.0
        else:
            running[key] = running.get(key, 0.0) + (line.amount_tkr or 0.0)
    return warnings
