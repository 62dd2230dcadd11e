"""Read the free-text timing column ("Tid") of an activity into a `TidInfo`.

What is recognised (words from `vocab/months.csv` and `vocab/tid_words.csv`):

* a year 19xx/20xx ("2021", "Under 2023") -> tid_year; period `year` when
  nothing finer is named. Two or more different years ("2021-2022") keep the
  first as tid_year and leave the period open (None).
* a season ("Våren 2021", "Hösten 2022", "första/andra halvåret") -> `spring` / `autumn`;
  both seasons named -> `year`.
* a quarter ("Kvartal 2 2023", "Q2 2023", "kv 2", "andra kvartalet", "2:a kvartalet") -> `quarter`.
* month names ("April 2021", "Maj/juni 2021", "2022-03", "Sommaren" = 6-8) -> `month`,
  with tid_month_end when more than one month is named (first and last).
* a frequency ("3 gånger per år", "2 ggr/år", "tre gånger per år", "en gång per
  kvartal" = 4, "årligen" = 1) -> times_per_year; the period stays None unless a
  year, season, quarter or month is also named.
* "Löpande", "Kontinuerligt", ... -> `continuous`; "Under året" alone -> `year`.

Precedence of the period: month > quarter > season > continuous > year.
Month, season and continuity words of five letters or more are also matched
fuzzily (rapidfuzz `fuzz.ratio` >= 85), so "Febuari" and "Löpnde" still count.
Text in which none of this is found gives a TidInfo with every field None.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from rapidfuzz import fuzz, process

from .vocab import fold, vocab_rows, word_spans

FUZZY_WORD_MIN_LEN = 5
FUZZY_WORD_THRESHOLD = 85
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
ISO_MONTH = re.compile(r"(?<!\d)(?:19|20)\d\d-(0[1-9]|1[0-2])(?:-\d\d)?(?!\d)")
QUARTER = re.compile(
    r"(?:\b(?:kvartal|kv|q)\.?\s*([1-4])(?!\d))|(?:(?<!\d)([1-4])\s*(?::?[ae])?\s*(?:kvartal|kv\b))"
)
WHOLE_YEAR = re.compile(r"\b(?:under|hela|i)\s+(?:hela\s+)?året\b|\båret\s+runt\b")
HALF_YEAR = re.compile(r"\b(första|andra)\s+halvåret\b")


@dataclass(frozen=True)
class TidInfo:
    """What a Tid cell says about when, and how often, an activity happens."""

    tid_year: int | None = None
    tid_period: str | None = None
    tid_quarter: int | None = None
    tid_month: int | None = None
    tid_month_end: int | None = None
    times_per_year: int | None = None


def tid_is_parsed(info: TidInfo) -> bool:
    """True when parse_tid understood anything at all."""
    return any(v is not None for v in (info.tid_year, info.tid_period, info.times_per_year))


@cache
def tid_words(kind: str) -> dict[str, str]:
    """word -> value of one kind of row in `vocab/tid_words.csv`."""
    return {fold(r[1]): (r[2] if len(r) > 2 else "") for r in vocab_rows("tid_words.csv") if r[0] == kind}


@cache
def month_words() -> dict[str, int]:
    """month name or abbreviation -> month number, from `vocab/months.csv`."""
    return {fold(r[1]): int(r[0]) for r in vocab_rows("months.csv")}


def alternation(kind: str) -> str:
    """A regex alternation of the words of one kind in `vocab/tid_words.csv`, longest first."""
    return "|".join(sorted(map(re.escape, tid_words(kind)), key=len, reverse=True))


@cache
def frequency_pattern() -> re.Pattern[str]:
    """The regex of 'N times per unit' with the Swedish number, occasion and unit words."""
    alt = alternation
    return re.compile(
        rf"(?<![\w\d])(?P<n>\d{{1,2}}|{alt('number')})\s*(?:{alt('occasion')})\.?"
        rf"(?:\s*(?:per|/|om|i|varje|under)?\s*(?P<unit>{alt('per_unit')}|(?:19|20)\d\d)\b)?"
    )

V = TypeVar("V")


def word_value(word: str, table: Mapping[str, V]) -> V | None:
    """The value of a word in a table: exact, or fuzzy for long enough words."""
    if word in table:
        return table[word]
    if len(word) < FUZZY_WORD_MIN_LEN:
        return None
    choices = [w for w in table if len(w) >= FUZZY_WORD_MIN_LEN]
    hit = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_WORD_THRESHOLD)
    return table[hit[0]] if hit else None


def times_per_year(s: str) -> int | None:
    """How many times a year a folded Tid text says the activity happens, or None."""
    m = frequency_pattern().search(s)
    if m:
        n = m.group("n")
        count = int(n) if n.isdigit() else int(tid_words("number")[n])
        unit = m.group("unit") or "år"
        return count * int(tid_words("per_unit").get(unit, "1"))
    for phrase, value in tid_words("frequency").items():
        if re.search(rf"\b{re.escape(phrase)}\b", s):
            return int(value)
    return None


def months_named(s: str) -> list[int]:
    """The month numbers named in a folded Tid text, in order."""
    found = [(m.start(), int(m.group(1))) for m in ISO_MONTH.finditer(s)]
    table, ranges = month_words(), tid_words("month_range")
    for word, start in word_spans(s):
        if word.isdigit():
            continue
        if (month := word_value(word, table)) is not None:
            found.append((start, month))
        elif span := word_value(word, ranges):
            found += [(start, int(m)) for m in span.split("-")]
    return [month for _, month in sorted(found)]


def seasons_named(s: str) -> list[str]:
    """The seasons ('spring', 'autumn') named in a folded Tid text, in order."""
    table = tid_words("season")
    found = [(m.start(), "spring" if m.group(1) == "första" else "autumn") for m in HALF_YEAR.finditer(s)]
    found += [(start, v) for word, start in word_spans(s) if (v := word_value(word, table))]
    return [season for _, season in sorted(found)]


def quarter_named(s: str) -> int | None:
    """The quarter (1-4) named in a folded Tid text, or None."""
    m = QUARTER.search(s)
    if m:
        return int(m.group(1) or m.group(2))
    m = re.search(rf"\b({'|'.join(tid_words('ordinal'))})\s+kvartal(?:et)?\b", s)
    return int(tid_words("ordinal")[m.group(1)]) if m else None


def is_continuous(s: str) -> bool:
    """True when a folded Tid text says the activity goes on all the time."""
    table = tid_words("continuous")
    return any(word_value(word, table) for word, _ in word_spans(s) if not word.isdigit())


def parse_tid(text: str | None) -> TidInfo:
    """A Tid cell ("Våren 2021", "Maj/juni 2021", "3 gånger per år", "Löpande") as a TidInfo."""
    s = fold(text)
    if not s:
        return TidInfo()
    years = list(dict.fromkeys(int(y) for y in YEAR.findall(s)))
    months, seasons = months_named(s), list(dict.fromkeys(seasons_named(s)))
    quarter, times = quarter_named(s), times_per_year(s)
    month = months[0] if months else None
    month_end = months[-1] if len(months) > 1 and months[-1] != months[0] else None
    if month:
        period = "month"
    elif quarter:
        period = "quarter"
    elif len(seasons) == 1:
        period = seasons[0]
    elif seasons:
        period = "year"
    elif is_continuous(s):
        period = "continuous"
    elif len(years) == 1 or (not years and not times and WHOLE_YEAR.search(s)):
        period = "year"
    else:
        period = None
    return TidInfo(
        tid_year=years[0] if years else None,
        tid_period=period,
        tid_quarter=quarter,
        tid_month=month,
        tid_month_end=month_end,
        times_per_year=times,
    )
