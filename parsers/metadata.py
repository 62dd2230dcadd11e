"""Read a plan's title, organisation, region (län) and period from its text."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .model import Block, Paragraph
from .records import PlanMeta
from .text import PERIOD, collapse, find_period, fold
from .vocabulary import load_pairs, words_for

DOC_TYPE = re.compile(r"^(verksamhetsplan(er)?|verksamhets-? och budgetplan|aktivitetsplan|budget|och|med|samt|för)\b\s*",
                      re.I)
ORG_NAME = re.compile(r"\b(Miljösamverkan|Miljö- och hälsoskyddssamverkan|Miljöförbundet|Samverkan miljö och hälsa)"
                      r"((?:\s+(?:[A-ZÅÄÖ][\wåäö-]*|län|och|i))*)")
SEARCH_BLOCKS = 40  # metadata is looked for in the opening blocks
MAX_NAME_WORDS = 8
SEPARATOR = re.compile(r"\s[–—-]\s|[:|]\s*|,\s+|\s/\s")


def plan_title(paras: list[Paragraph]) -> str | None:
    titled = [p for p in paras if p.heading_level == 0 and p.text]
    if titled:
        return collapse(" ".join(p.text for p in titled[:2]))
    for p in paras:
        if "verksamhetsplan" in fold(p.text) and len(p.text.split()) <= 20:
            return collapse(p.text)
    return next((collapse(p.text) for p in paras if p.text.strip()), None)


def organisation_in(title: str | None, first_page: list[str], texts: list[str]) -> str | None:
    """The body that wrote the plan: named after "för" in the title, or the part of the title, or a
    short line of the first page, that holds an organisation word ("samverkan", "förbund" …):
    "Mitt miljösamverkan", "Miljösamverkan Sydost", "Samverkan miljö och hälsa i Kalmar län"."""
    if title and re.search(r"\bför\b", title):
        name = re.split(r"\bför\b", title)[-1]
        name = collapse(PERIOD.sub(" ", name)).strip(" ,.:–-")
        if name and name[0].isupper() and len(name.split()) <= MAX_NAME_WORDS:
            return name
    for text in ([title] if title else []) + first_page:
        for part in SEPARATOR.split(text):
            name = name_in(part)
            if name:
                return name
    for text in ([title] if title else []) + texts:
        m = ORG_NAME.search(text)
        if m:
            return collapse(PERIOD.sub(" ", m.group(0))).strip(" ,.:–-")
    return None


def name_in(part: str) -> str | None:
    """A short piece of text that, without doc-type words and period, is an organisation's name."""
    name = collapse(PERIOD.sub(" ", part))
    while (m := DOC_TYPE.match(name)) and m.group(0):
        name = name[m.end():]
    name = name.strip(" ,.:–-")
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or not (name[0].isupper() or name[0].isdigit()):
        return None
    return name if looks_like_name(words) else None


def looks_like_name(words: list[str]) -> bool:
    """An organisation word inside a compound ("Miljösamverkan", "Miljöförbundet"), or one
    beside a proper name ("Samverkan miljö och hälsa i Kalmar län"); "Samverkan och
    kommunikation" is a heading, not a name."""
    org = words_for("sections", "organisation")
    compound = any(o in fold(w) and fold(w) != o for w in words for o in org)
    named = any(o in fold(w) for w in words for o in org) and any(w[0].isupper() for w in words[1:])
    return compound or named


def region_in(*texts: str | None, body: Sequence[str] = ()) -> str | None:
    """The län named in the organisation or title, else the one the body names most."""
    pairs = load_pairs("lan")
    for text in texts:
        t = fold(text)
        for region, alias in pairs:
            if fold(region) in t or re.search(rf"\b{re.escape(alias)}", t):
                return region
    counts = Counter(region for text in body for region, _ in pairs if fold(region) in fold(text))
    return counts.most_common(1)[0][0] if counts else None


def read_metadata(blocks: list[Block]) -> PlanMeta:
    paras = [b for b in blocks[:SEARCH_BLOCKS] if isinstance(b, Paragraph)]
    texts = [p.text for p in paras if p.text]
    title = plan_title(paras)
    period = find_period(title) or next(filter(None, (find_period(t) for t in texts)), None)
    first_page = [p.text for p in paras if p.text and (p.page or 1) == 1 and (p.heading_level is not None or p.bold)]
    organisation = organisation_in(title, first_page, texts)
    region = region_in(organisation, title, body=texts)
    return PlanMeta(title=title, organisation=organisation, region=region,
                    period_start=period[0] if period else None,
                    period_end=period[1] if period else None)
