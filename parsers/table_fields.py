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
   genomforande. With no header word known at all, the look alone decides,
   in the usual order: short titles that differ row by row are the activity,
   sentences its goal and then its method, one name that repeats who is
   responsible, lists of names who takes part.

Every guess (2, 3 and containment in 1) is a warning that names the header
and the field chosen; the header's text is kept as the cell's key otherwise.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from statistics import median

from .headers import match_header
from .normalise import match_miljomal, parse_tid, tid_is_parsed
from .records import ACTIVITY_FIELDS
from .text import collapse, fold

OBJECTIVE_WORDS = {"flertalet", "flerpart", "alla", "samtliga"}
CONTENT_SHARE = 0.6  # share of a column's filled cells that must read as timings / objectives
RECUR_SHARE = 0.15  # inside one table, no title comes back in more than this share of its cells


def looks_like_objectives(text: str) -> bool:
    return bool(match_miljomal(text)) or fold(text).rstrip(".") in OBJECTIVE_WORDS


def reads_as_timing(text: str) -> bool:
    return tid_is_parsed(parse_tid(text))


def share(test: Callable[[str], bool]) -> Callable[[list[str]], bool]:
    return lambda cells: sum(map(test, cells)) >= CONTENT_SHARE * len(cells)


def words(most: float = float("inf"), least: float = 0) -> Callable[[list[str]], bool]:
    """Cells whose median length in words lies between `least` and `most`."""
    return lambda cells: least <= median(len(c.split()) for c in cells) <= most


def names(text: str) -> bool:
    """A cell that names someone: it starts with a capital and holds a word of four letters."""
    return text[:1].isupper() and any(len(w) >= 4 for w in text.split())


# what a column's cells look like, per field: titles and names are short, goals and methods are
# sentences; who is responsible is one name, who takes part may be a list
def worded(text: str) -> bool:
    """Text with a word in it, not a number or a code ("1.2", "A3")."""
    return any(sum(ch.isalpha() for ch in w) >= 3 for w in text.split())


def recurs(tables: list[list[str]]) -> bool:
    """Whether some text comes back often inside one table: who is responsible does, an
    activity's title does not (though it may recur in each year's table)."""
    for cells in tables:
        if cells and Counter(fold(c) for c in cells).most_common(1)[0][1] > max(1, RECUR_SHARE * len(cells)):
            return True
    return False


LOOKS_LIKE: dict[str, Callable[[list[str]], bool]] = {
    "aktivitet": lambda cells: words(most=12)(cells) and share(worded)(cells),
    "aktivitetsmal": words(least=4),
    "genomforande": words(least=4),
    "tid": share(reads_as_timing),
    "ansvar": lambda cells: words(most=8)(cells) and share(names)(cells) and not share(lambda c: "," in c)(cells),
    "samverkansparter": lambda cells: words(most=15)(cells) and share(names)(cells),
    "effektmal": share(looks_like_objectives),
}
MAX_SHIFT = 2  # a field may stand this many places away from its usual one
BY_CONTENT = ("effektmal", "tid")  # fields whose cells tell them apart wherever the column stands


def extra(header: str, i: int) -> str:
    return f"extra:{collapse(header) or f'column_{i + 1}'}"


def columns_to_fields(header: list[str], rows: list[list[str]],
                      tables: list[list[list[str]]] | None = None) -> tuple[list[str], list[str]]:
    """For each column its canonical field, or `extra:<header>`; and a warning per guess.
    `rows` are the rows of every table under this header, `tables` the same rows table by table."""
    tables = tables or [rows]
    fields, warnings = fields_by_header(header)
    cells = [[r[i] for r in rows if i < len(r) and r[i]] for i in range(len(header))]
    for i in unknown(fields, cells):
        for field in BY_CONTENT:
            if field not in fields and LOOKS_LIKE[field](cells[i]):
                fields[i] = field
                warnings.append(f"column '{header[i]}' read as {field}: its cells read as {field}")
                break
    anchors = list(fields)  # what the header and the cells' content said: the places to go by
    for i in unknown(fields, cells):
        recurring = recurs([[r[i] for r in t if i < len(r) and r[i]] for t in tables])
        guess = field_by_place(fields, anchors, i, cells[i], recurring)
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


def field_by_place(fields: list[str], anchors: list[str], i: int, cells: list[str],
                   recurring: bool = False) -> str | None:
    """The missing field whose look the cells have and whose usual place is nearest to column i:
    between its neighbours known from the header or content (`anchors`) in the usual order if
    one fits there (the first such), else the one closest to them, at most MAX_SHIFT places away
    ("Projektägare" before the timing, with names, is ansvar); None when no missing field fits,
    or the column stands before the title. A header naming nothing leaves the look alone to
    decide, in the usual order (titles that differ row by row are the activity's)."""
    order = {f: k for k, f in enumerate(ACTIVITY_FIELDS)}
    left = max((order[f] for f in anchors[:i] if f in order), default=-1)
    right = min((order[f] for f in anchors[i + 1:] if f in order), default=len(ACTIVITY_FIELDS))
    def distance(f: str) -> int:
        return max(left + 1 - order[f], order[f] - (right - 1), 0)

    fitting = [f for f in ACTIVITY_FIELDS if f not in fields and LOOKS_LIKE[f](cells) and distance(f) <= MAX_SHIFT
               and not (f == "aktivitet" and recurring)]
    if not fitting or "aktivitet" in fields[i + 1:]:
        return None  # a column before the activity's title is a number or a code
    return min(fitting, key=lambda f: (distance(f), order[f]))
