"""Read a plan's title, organisation, region (län) and period from its text."""
from __future__ import annotations

import re
from collections import Counter

from .model import Block, Paragraph
from .records import PlanMeta
from .text import PERIOD, collapse, find_period, fold
from .vocabulary import load_pairs

DOC_TYPE = re.compile(r"^(verksamhetsplan(er)?|verksamhets-? och budgetplan|aktivitetsplan|budget|och|med|samt|för)\b\s*",
                      re.I)
ORG_NAME = re.compile(r"\b(Miljösamverkan|Miljö- och hälsoskyddssamverkan|Miljöförbundet|Samverkan miljö och hälsa)"
                      r"((?:\s+(?:[A-ZÅÄÖ][\wåäö-]*|län|och|i))*)")
SEARCH_BLOCKS = 40  # metadata is looked for in the opening blocks


def plan_title(paras: list[Paragraph]) -> str | None:
    titled = [p for p in paras if p.heading_level == 0 and p.text]
    if titled:
        return collapse(" ".join(p.text for p in titled[:2]))
    for p in paras:
        if "verksamhetsplan" in fold(p.text) and len(p.text.split()) <= 20:
            return collapse(p.text)
    return next((collapse(p.text) for p in paras if p.text.strip()), None)


def organisation_in(title: str | None, texts: list[str]) -> str | None:
    if title and re.search(r"\bför\b", title):
        name = re.split(r"\bför\b", title)[-1]
        name = collapse(PERIOD.sub(" ", name)).strip(" ,.:–-")
        if name and name[0].isupper() and len(name.split()) <= 8:
            return name
    for text in ([title] if title else []) + texts:
        m = ORG_NAME.search(text)
        if m:
            return collapse(PERIOD.sub(" ", m.group(0))).strip(" ,.:–-")
    return None


def region_in(*texts: str | None, body: list[str] = ()) -> str | None:
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
    organisation = organisation_in(title, texts)
    region = region_in(organisation, title, body=texts)
    return PlanMeta(title=title, organisation=organisation, region=region,
                    period_start=period[0] if period else None,
                    period_end=period[1] if period else None)
