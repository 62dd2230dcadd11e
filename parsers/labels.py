"""Labels of project descriptions: "Tidplan: Hösten 2024", or "Syfte" on a line of its own.

A label is a few words that say what the text after it is. It names a field
through the same vocabulary and function as a table header
(`headers.field_for_header`: exact, longest prefix, fuzzy); a label the
vocabulary does not know keeps its own name and its text goes to `extra`.

A two-column table of labels and texts under a project's heading reads as
labels on lines of their own, each followed by its text.

Paragraphs become items: a label (with the text on its line), a title (a
short bold line that opens a project: the heading of a plan that uses no
heading styles) or plain text. Whether a short bold line is a label or a
title is read from what follows it: a title is followed by labels, a label
by its text. Forms the plan does not use for the labels the vocabulary
knows are not taken for unknown labels either, so a sentence such as
"Följande gäller: …" in a plan with bold labels stays text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .headers import field_for_header
from .model import Paragraph, Table
from .text import collapse

LABEL_MAX_WORDS = 5
LABEL_MAX_CHARS = 40
TITLE_MAX_WORDS = 14  # a bold line longer than this is emphasised prose, not a title
COLON_LABEL = re.compile(r"^(?P<name>[^:]+?)\s*:\s+(?P<text>\S.*)$", re.S)


@dataclass
class Label:
    name: str  # as written, without its colon
    field: str | None  # the canonical field it names; None: unknown to the vocabulary (goes to extra)
    text: str  # the text on the label's own line ("" for a label that stands alone)
    form: str  # "bold", "plain" (a colon only) or "heading"


@dataclass
class Item:
    kind: str  # "label", "title" or "text"
    para: Paragraph
    label: Label | None = None


@dataclass(frozen=True)
class LabelStyle:
    """How a plan sets the labels the vocabulary knows; unknown labels must look the same."""

    plain_inline: bool = False  # "Tidplan: …" without bold
    standalone: bool = False  # a label on a line of its own ("Tidplan" bold, "Tidplan:", a small heading)


@lru_cache(maxsize=4096)
def label_field(name: str) -> str | None:
    """The field a label names. The activity title is never a label: "Projekt: …" stays text."""
    field = field_for_header(name)
    return None if field == "aktivitet" else field


def could_be_label(name: str) -> bool:
    """A few words without digits that start with a capital: "Syfte och mål", "Bakgrund"."""
    return (0 < len(name) <= LABEL_MAX_CHARS and len(name.split()) <= LABEL_MAX_WORDS
            and name[0].isupper() and not any(ch.isdigit() for ch in name))


def inline_label(p: Paragraph) -> Label | None:
    """A label and its text in one paragraph: "**Tidplan:** Hösten 2024" or "Tidplan: Hösten 2024".

    A bold lead is a label when the vocabulary knows it or a colon follows it."""
    lead = p.bold_lead.strip()
    if lead and p.text.startswith(lead):
        after = p.text[len(lead):].strip()
        colon = lead.endswith(":") or after.startswith(":")
        name, text = lead.rstrip(":").strip(), after.lstrip(":").strip()
        if text and could_be_label(name) and (colon or label_field(name)):
            return Label(name, label_field(name), text, "bold")
    m = COLON_LABEL.match(p.text)
    if m and could_be_label(m.group("name")):
        return Label(m.group("name"), label_field(m.group("name")), collapse(m.group("text")), "plain")
    return None


def standalone_label(p: Paragraph) -> Label | None:
    """A label on a line of its own ending with a colon ("Bakgrund:"), or a label heading."""
    name = p.text.strip().rstrip(":").strip()
    if not could_be_label(name):
        return None
    if p.heading_level:
        return Label(name, label_field(name), "", "heading")
    if p.text.rstrip().endswith(":") and not p.is_list:
        return Label(name, label_field(name), "", "bold" if p.bold else "plain")
    return None


def is_bold_line(p: Paragraph) -> bool:
    return p.bold and not p.is_list and len(p.text.split()) <= TITLE_MAX_WORDS and not p.text.endswith(".")


def label_style(paras: list[Paragraph]) -> LabelStyle:
    """The forms in which the plan sets the labels its vocabulary knows."""
    plain = standalone = False
    for p, nxt in zip(paras, paras[1:] + [None]):
        label = inline_label(p)
        if label and label.field:
            plain = plain or label.form == "plain"
            continue
        label = standalone_label(p)
        bold_known = is_bold_line(p) and could_be_label(p.text) and label_field(p.text)
        if (label and label.field) or (bold_known and nxt is not None and not inline_label(nxt)
                                       and not is_bold_line(nxt)):
            standalone = True
    return LabelStyle(plain, standalone)


def first_pass(p: Paragraph, style: LabelStyle) -> Item:
    """An item for one paragraph; short bold lines are left as "bold" for `resolve_bold_runs`.

    In a list item only a label the vocabulary knows counts ("• Tidplan: våren"), and so in a
    line bold throughout ("Tillsyn: förorenade områden" is a title)."""
    label = standalone_label(p) or inline_label(p)
    plain_ok = style.standalone if label and not label.text else style.plain_inline and not p.bold
    if label and (label.field or (not p.is_list and (label.form != "plain" or plain_ok))):
        return Item("label", p, label)
    return Item("bold" if is_bold_line(p) else "text", p)


def resolve_bold_runs(items: list[Item], style: LabelStyle) -> list[Item]:
    """Short bold lines before labels are titles; the last one before plain text is its label."""
    out: list[Item] = []
    i = 0
    while i < len(items):
        if items[i].kind != "bold":
            out.append(items[i])
            i += 1
            continue
        j = i
        while j < len(items) and items[j].kind == "bold":
            j += 1
        run = items[i:j]
        then = items[j] if j < len(items) else None
        last = run[-1].para.text
        if (then is None or then.kind != "label") and could_be_label(last) \
                and (label_field(last) or style.standalone):
            out += [Item("title", it.para) for it in run[:-1]]
            out.append(Item("label", run[-1].para, Label(last, label_field(last), "", "bold")))
        else:
            out += [Item("title", it.para) for it in run]
        i = j
    return out


def paragraphs_to_items(paras: list[Paragraph], style: LabelStyle) -> list[Item]:
    """Labels, titles and text, in order (empty paragraphs left out)."""
    return resolve_bold_runs([first_pass(p, style) for p in paras if p.text.strip()], style)


def label_table_paragraphs(table: Table) -> list[Paragraph]:
    """A two-column table whose first column holds labels ("Tidplan" | "Hösten 2024") read as
    paragraphs: the label on a line of its own, then its text. [] for any other table."""
    rows = [(row, [collapse(t) for t in row.texts()]) for row in table.rows]
    rows = [(row, texts) for row, texts in rows if any(texts)]
    if not rows or any(len(row.cells) != 2 for row, _ in rows):
        return []
    names = [texts[0].rstrip(":").strip() for _, texts in rows]
    if not all(map(could_be_label, names)) or len({label_field(n) for n in names} - {None}) < 2:
        return []
    out = []
    for (row, texts), name in zip(rows, names):
        out += [Paragraph(f"{name}:", bold=True, page=row.page_start), Paragraph(texts[1], page=row.page_end)]
    return out
