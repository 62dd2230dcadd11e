"""Which canonical field each column of an activity table holds, and how sure that is.

1. **Header words** (`headers.match_header`): the vocabulary first; a header
   that only *contains* a field's word ("Planerat genomförande") is a guess.
2. **Cell content**: a column whose header names nothing, but whose cells
   read as timings or as environmental objectives, is `tid` or `effektmal`.
3. **Place and content**: a column whose header still names nothing takes a
   missing field that belongs between its known neighbours in the usual
   order (aktivitet, aktivitetsmal, genomforande, tid, ansvar,
   samverkansparter, effektmal), when its cells look like that field's:
   "Så här gör vi" between the goal and the timing, with sentences, is
   genomforande.

Every guess (2, 3 and containment in 1) is a warning that names the header
and the field chosen; the header's text is kept as the cell's key otherwise.
"""
from __future__ import annotations

from collections.abc import Callable
from statistics import median

from .headers import match_header
from .normalise import match_miljomal, parse_tid, tid_is_parsed
from .records import ACTIVITY_FIELDS
from .text import collapse, fold

OBJECTIVE_WORDS = {"flertalet", "flerpart", "alla", "samtliga"}
CONTENT_SHARE = 0.6  # share of a column's filled cells that must read as timings / objectives


def looks_like_objectives(text: str) -> bool:
    return bool(match_miljomal(text)) or fold(text).rstrip(".") in OBJECTIVE_WORDS


def reads_as_timing(text: str) -> bool:
    return tid_is_parsed(parse_tid(text))


def share(test: Callable[[str], bool]) -> Callable[[list[str]], bool]:
    return lambda cells: sum(map(test, cells)) >= CONTENT_SHARE * len(cells)


def words(most: float = float("inf"), least: float = 0) -> Callable[[list[str]], bool]:
    """Cells whose median length in words lies between `least` and `most`."""
    return lambda cells: least <= median(len(c.split()) for c in cells) <= most


# what a column's cells look like, per field: titles and names are short, goals and methods are sentences
LOOKS_LIKE: dict[str, Callable[[list[str]], bool]] = {
    "aktivitet": words(most=12),
    "aktivitetsmal": words(least=4),
    "genomforande": words(least=4),
    "tid": share(reads_as_timing),
    "ansvar": words(most=8),
    "samverkansparter": words(most=15),
    "effektmal": share(looks_like_objectives),
}
BY_CONTENT = ("effektmal", "tid")  # fields whose cells tell them apart wherever the column stands


def extra(header: str, i: int) -> str:
    return f"extra:{collapse(header) or f'column_{i + 1}'}"


def columns_to_fields(header: list[str], rows: list[list[str]]) -> tuple[list[str], list[str]]:
    """For each column its canonical field, or `extra:<header>`; and a warning per guess."""
    fields, warnings = fields_by_header(header)
    cells = [[r[i] for r in rows if i < len(r) and r[i]] for i in range(len(header))]
    for i in unknown(fields, cells):
        for field in BY_CONTENT:
            if field not in fields and LOOKS_LIKE[field](cells[i]):
                fields[i] = field
                warnings.append(f"column '{header[i]}' read as {field}: its cells read as {field}")
                break
    for i in unknown(fields, cells):
        guess = field_by_place(fields, i, cells[i])
        if guess:
            fields[i] = guess
            warnings.append(f"column '{header[i] or f'column_{i + 1}'}' read as {guess}: "
                            "its place in the table and its cells fit that field")
    return fields, warnings


def fields_by_header(header: list[str]) -> tuple[list[str], list[str]]:
    fields, warnings, taken = [], [], set()
    for i, text in enumerate(header):
        field, how = match_header(text)
        if field is None or field in taken:
            fields.append(extra(text, i))
            continue
        taken.add(field)
        fields.append(field)
        if how == "contains":
            warnings.append(f"column '{collapse(text)}' read as {field}: its header holds that field's word")
    return fields, warnings


def unknown(fields: list[str], cells: list[list[str]]) -> list[int]:
    """Columns still without a field that have at least two filled cells to judge them by."""
    return [i for i, f in enumerate(fields) if f.startswith("extra:") and len(cells[i]) >= 2]


def field_by_place(fields: list[str], i: int, cells: list[str]) -> str | None:
    """The first missing field that belongs between column i's known neighbours in the usual
    order and whose look the cells have; None when no field fits there."""
    order = {f: k for k, f in enumerate(ACTIVITY_FIELDS)}
    left = max((order[f] for f in fields[:i] if f in order), default=-1)
    right = min((order[f] for f in fields[i + 1:] if f in order), default=len(ACTIVITY_FIELDS))
    between = [f for f in ACTIVITY_FIELDS[left + 1:right] if f not in fields]
    return next((f for f in between if LOOKS_LIKE[f](cells)), None)
