"""Joining wrapped lines again: a space, or nothing where the layout broke a word.

A layout engine wraps a line at a space, or breaks inside a word only when
the word alone is wider than the line. `joiner` decides from the kept
trailing space, hyphens and punctuation, the geometry of the two lines and,
where those leave it open, from the document's own words (`TextContext`).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from .lines import Line
from .words import MIN_PART, is_word, join_preference

BREAK_AFTER = ("-", "/", "\u2010", "\u2011", "\u2013")  # a line may wrap after these inside a word
CLOSING = set(".,;:!?)]}»”’%")  # never preceded by a space
MIN_BREAK_EVIDENCE = 2  # words broken after other words on a line that show a producer does it
WORD = re.compile(r"[\w-]+")


@dataclass(frozen=True)
class TextContext:
    """What the whole document says about its own words and line breaks."""

    starts: frozenset = frozenset()  # lower-case words seen where a word surely starts
    sorted_starts: tuple = ()  # the same, sorted, to look up words by their beginning
    ends: frozenset = frozenset()  # ... and where a word surely ends
    common: frozenset = frozenset()  # the document's most frequent words (>= 1 % of them)
    trailing_spaces: bool = False  # the producer keeps the space at a line wrap
    breaks_words: bool = False  # the producer breaks words wherever a line ends, even after other words

    def begins_word(self, word: str) -> bool:
        """Whether `word` is, or begins, a word the document starts somewhere."""
        i = bisect_left(self.sorted_starts, word)
        return i < len(self.sorted_starts) and self.sorted_starts[i].startswith(word)


def document_context(runs: list[tuple[list[Line], bool]]) -> TextContext:
    """Word statistics of a document, from its runs of consecutive lines (a cell, a page body),
    each with a flag telling whether the run is closed (cannot go on across a page break).

    A word surely starts inside a line, first in a closed run, or first on a
    line after a line that ended with a space; it surely ends inside a line,
    last in a closed run, or last on a line that ends with a space.
    """
    starts: Counter = Counter()
    ends: set[str] = set()
    trailing = n_lines = broken = 0
    for run, closed in runs:
        for i, line in enumerate(run):
            tokens = WORD.findall(line.text.lower())
            opens = i == 0 and closed or i > 0 and run[i - 1].trailing_space
            starts.update(tokens if opens else tokens[1:])
            ends.update(tokens if line.trailing_space or closed and i == len(run) - 1 else tokens[:-1])
            trailing += line.trailing_space
            n_lines += 1
            broken += i > 0 and broke_after_words(run[i - 1], line)
    total = sum(starts.values())
    common = frozenset(w for w, n in starts.items() if n >= max(3, 0.01 * total))
    return TextContext(frozenset(starts), tuple(sorted(starts)), frozenset(ends), common,
                       trailing >= 0.05 * max(n_lines, 1), broken >= MIN_BREAK_EVIDENCE)


def broke_after_words(prev: Line, line: Line) -> bool:
    """Whether a line of several words ends in a word the next line completes: a fragment that is
    no word of its own ("miljö- och h" / "älsoskyddsförvaltningar")."""
    if prev.trailing_space or " " not in prev.text or not starts_lower(line.text):
        return False
    tail, head = WORD.findall(prev.text.lower()), WORD.match(line.text.lower())
    if not tail or head is None:
        return False
    return not is_word(head.group(0)) and is_word(tail[-1] + head.group(0))


def starts_lower(text: str) -> bool:
    return bool(text) and text[0].islower()


def joiner(prev: Line, nxt: Line, right: float, ctx: TextContext = TextContext(), before: str = "",
           left: float | None = None) -> str:
    """'' when `nxt` continues a word the layout broke at the end of `prev`, else ' '.

    `right` is the x the text of the box may reach, `left` where its lines
    start, `before` the text joined so far. A layout breaks a word inside only
    when the word alone is wider than the line; otherwise it wraps at a space.
    The tests run from the surest to the weakest: a kept trailing space, a
    hyphen/dash/slash at the end (`compound_joiner`), punctuation
    (`punctuation_joiner`), geometry (`geometry_joiner`), and finally the
    document's own words (`lexical_joiner`).
    """
    if prev.trailing_space or not prev.text or not nxt.text:
        return " "
    if prev.text.endswith(BREAK_AFTER):
        return compound_joiner(prev, nxt, right, ctx)
    if " " in prev.text:
        return full_line_joiner(prev, nxt, right, ctx, left)
    for rule in (punctuation_joiner(prev.text, nxt.text, before, early=True),
                 geometry_joiner(prev, nxt, right, left, ctx),
                 punctuation_joiner(prev.text, nxt.text, before, early=False)):
        if rule is not None:
            return rule
    return "" if nxt.text[0].isdigit() else lexical_joiner(prev.text, nxt.text, ctx)


def first_glyph_width(line: Line) -> float:
    ink = [c for c in line.chars if not c["text"].isspace()]
    return (ink[0]["x1"] - ink[0]["x0"]) if ink else 0.5 * line.size


def full_line_joiner(prev: Line, nxt: Line, right: float, ctx: TextContext, left: float | None) -> str:
    """A line of several words wraps at a space, unless it is full to the edge and its last word
    goes on in the next line: a layout that breaks a long word wherever the line ends
    ("länsgemensamma b" / "ehovsutredningsmallen", "Andra miljösam" / "verkansorganis…").
    A word narrower than the line is never broken. Else it goes on when the two make a word
    the document uses; in a document that breaks words so, as `weighed_joiner` decides;
    elsewhere when the next line starts with no word of its own and either completes the
    last one or the last is no word either."""
    if right - prev.x1 > first_glyph_width(nxt) + 0.5 or prev.text[-1] in CLOSING or not starts_lower(nxt.text):
        return " "
    head, tail = WORD.match(nxt.text.lower()), WORD.findall(prev.text.lower())
    if head is None or not tail:
        return " "
    first, last = head.group(0), tail[-1]
    if left is not None and fits_alone(prev, nxt, right, left) and not broken_anywhere(last, first, ctx):
        return " "
    if (last + first) in ctx.starts or (last + first) in ctx.ends:
        return ""
    if ctx.breaks_words:
        return weighed_joiner(prev, nxt, last, first, right, left)
    return "" if not is_word(first) and (is_word(last + first) or not is_word(last)) else " "


def weighed_joiner(prev: Line, nxt: Line, last: str, first: str, right: float, left: float | None) -> str:
    """One word or two, from how Swedish writes them; when either is as likely (a compound of
    two known words the list does not hold), from the geometry: a word that would all but fit
    on a line of its own (within half a font size: the box's edge is only known to within a
    glyph) was not broken ("God bebyggd" / "miljö"), a much wider one was ("läns" / "gemensamma")."""
    preference = join_preference(last, first)
    if preference == 0 and left is not None:
        return " " if fits_alone(prev, nxt, right + 0.5 * prev.size, left) else ""
    return " " if preference < 0 else ""


def compound_joiner(prev: Line, nxt: Line, right: float, ctx: TextContext) -> str:
    """After a hyphen, dash or slash: a compound (or a range of numbers) goes on without a space
    when the next line starts in lower case (but not with one of the document's most frequent
    words: those follow a suspended hyphen, "miljö- och") or with a digit after a digit, and
    its first word did not fit on the line above."""
    head = WORD.match(nxt.text.lower())
    suspended = head is not None and len(head.group(0)) >= 3 and head.group(0) in ctx.common
    joins = (starts_lower(nxt.text) and not suspended
             or nxt.text[0].isdigit() and prev.text[-2:-1].isdigit())
    return "" if joins and not fits(prev, nxt, right) else " "


def punctuation_joiner(prev: str, nxt: str, before: str, early: bool) -> str | None:
    """What punctuation says, or None. Early: a line starting with a period, hyphen or closing
    quote continues the one above. Late: no word goes on after a comma or period (unless a
    number continues), nor into a bracket; letters and digits are separate tokens."""
    a, b = prev[-1], nxt[0]
    if early:
        return "" if b in CLOSING or b == "-" or b == '"' and before.count('"') % 2 == 1 else None
    last_alnum = next((ch for ch in reversed(prev) if ch.isalnum()), a)
    if a in CLOSING and not (a == "." and last_alnum.isdigit() and b.isdigit()):
        return " "
    if not b.isalnum() or last_alnum.isdigit() != b.isdigit():
        return " "
    return None


def geometry_joiner(prev: Line, nxt: Line, right: float, left: float | None, ctx: TextContext) -> str | None:
    """What the widths say, or None: a space if the next glyph would have fit after the line or
    the two pieces would fit on a line of their own; a break if the producer keeps spaces at
    wraps and one would have fit here."""
    room = right - prev.x1
    if room > first_glyph_width(nxt) + 0.5:
        return " "
    if left is not None and fits_alone(prev, nxt, right, left) and not broken_anywhere(
            last_token(prev.text), first_token(nxt.text), ctx):
        return " "
    if ctx.trailing_spaces and room >= space_width(prev, nxt):
        return "" if nxt.text[0].isalnum() and prev.text[-1] not in CLOSING else None
    return None


def lexical_joiner(prev: str, nxt: str, ctx: TextContext) -> str:
    """Break or space between a full-width word and the next line, from the document's words:
    joined they make a word it uses (break), or the first is a word it ends elsewhere and the
    second begins one of its words, or the second is among its most frequent words (space);
    and from Swedish: a fragment that is no word, or a short ending ("en", "ren"), that completes
    the first is joined before any of that (the pieces of a word broken alike on many lines end
    and begin lines themselves), and else
    the likelier of one word or two ("… i landet" keeps its space); a compound broken between
    its parts only where the producer breaks words after other words too."""
    head = WORD.match(nxt.lower())
    word = head.group(0) if head else ""
    tail = WORD.findall(prev.lower())
    last = tail[-1] if tail else ""
    if (last + word) in ctx.starts or (last + word) in ctx.ends:
        return ""
    preference = join_preference(last, word)
    if preference > 0 and is_word(last + word) and (not is_word(word) or len(word) < MIN_PART):
        return ""  # a fragment or an ending that completes the word ("Samordnare" / "n", "projekt" / "en")
    if last in ctx.ends and ctx.begins_word(word) or len(word) >= 3 and word in ctx.common:
        return " "
    return "" if preference > 0 or preference == 0 and ctx.breaks_words else " "


def broken_anywhere(last: str, first: str, ctx: TextContext) -> bool:
    """A word broken where the line was full though it would have fit on a line of its own: only
    where the producer breaks words anywhere (`ctx.breaks_words`: CSS `word-break: break-all`,
    reportlab), and only into pieces of which one is no word ("verksa" / "mheterna", "a" / "v")."""
    return (ctx.breaks_words and bool(last) and bool(first) and is_word(last + first)
            and not (word_or_genitive(last) and is_word(first)))


def word_or_genitive(word: str) -> bool:
    """A word, or one in the genitive ("miljösamverkans")."""
    return is_word(word) or word.endswith("s") and is_word(word[:-1])


def last_token(text: str) -> str:
    tokens = WORD.findall(text.lower())
    return tokens[-1] if tokens else ""


def first_token(text: str) -> str:
    head = WORD.match(text.lower())
    return head.group(0) if head else ""


def space_width(*lines: Line) -> float:
    """The width of a word space in these lines' font (a quarter em if none is set)."""
    for line in lines:
        for c in line.chars:
            if c["text"] == " " and c["x1"] > c["x0"]:
                return c["x1"] - c["x0"]
    return 0.25 * lines[0].size


def last_word_width(line: Line) -> float:
    """Width of the line's last word."""
    start = line.x0
    for c in line.chars:
        if c["text"] == " " and c["x1"] < line.x1:
            start = c["x1"]
    return line.x1 - start


def fits_alone(prev: Line, nxt: Line, right: float, left: float) -> bool:
    """Whether the last word of `prev` and the first of `nxt`, as one word, would fit on a line of
    their own: then a layout would not have broken it."""
    return last_word_width(prev) + nxt.first_word_width() <= right - left - 0.5


def fits(prev: Line, nxt: Line, right: float) -> bool:
    """Whether the first word of `nxt` would have fit after `prev` on the same line."""
    return prev.x1 + 0.3 * prev.size + nxt.first_word_width() <= right + 0.5


def join_lines(lines: list[Line], right: float, ctx: TextContext = TextContext()) -> str:
    """The text of lines that wrap inside one box whose text may reach `right`."""
    out = ""
    prev = None
    left = min((l.x0 for l in lines), default=None)
    for line in lines:
        if not line.text:
            continue
        out = line.text if prev is None else out + joiner(prev, line, right, ctx, out, left) + line.text
        prev = line
    return out
