"""Small text helpers shared by every stage: white space, Swedish numbers, years."""
from __future__ import annotations

import re
import unicodedata

MINUS = re.compile("[\u2212\u2013\u2012\u2010\u2011]")
SPACE = re.compile("[\\s\u00a0\u2009\u202f\u2007\u200a]+")
NUMBER = re.compile(r"^(\()?([-+])?(\d+(?:\.\d{3})*)(?:,(\d+))?\)?(?:t?kr|sek|mkr)?\.?$", re.I)
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
SECTION_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.|[IVX]{1,4}\.)\s+(?=[^\W\d_])")
CONTINUED = re.compile(r"\(\s*(?:forts|cont)[^)]*\)|\b(?:forts(?:ättning|\.)?|continued)(?=\W|$)", re.I)
PERIOD = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-\u2010-\u2015\u2212/]\s*((?:19|20)?\d\d)(?!\d)")


def collapse(text: str | None) -> str:
    """NFC-normalised text with runs of white space made one space."""
    if not text:
        return ""
    return " ".join(unicodedata.normalize("NFC", text).split())


def fold(text: str | None) -> str:
    """Text for comparing words: collapsed, case-folded."""
    return collapse(text).casefold()


def parse_amount(text: str | None) -> float | None:
    """A Swedish-formatted amount ("1 083", "−4 000", "1 116 000 kr", "12,5", "(500)") or None.
    Digits split by spaces are one number only when they group by thousands: "12 000 14 000"
    (two amounts run together) is none."""
    text = MINUS.sub("-", unicodedata.normalize("NFC", text or ""))
    if not thousands_grouped(text):
        return None
    s = SPACE.sub("", text)
    m = NUMBER.match(s)
    if not m:
        return None
    paren, sign, whole, frac = m.groups()
    value = float(whole.replace(".", "") + ("." + frac if frac else ""))
    return -value if sign == "-" or paren else value


def thousands_grouped(text: str) -> bool:
    """Digits split by spaces group by thousands ("1 083", "1 116 000 kr"), or are not split."""
    digits = [d for d in (re.sub(r"\D", "", g) for g in SPACE.split(text.split(",")[0].strip())) if d]
    return all(len(d) == 3 for d in digits[1:])


def find_year(text: str | None) -> int | None:
    m = YEAR.search(text or "")
    return int(m.group(1)) if m else None


def find_period(text: str | None) -> tuple[int, int] | None:
    """The first "2021-2023" (any dash, or 2021-23) in the text, as (start, end)."""
    for m in PERIOD.finditer(text or ""):
        start, end = int(m.group(1)), m.group(2)
        end = int(end) if len(end) == 4 else start // 100 * 100 + int(end)
        if start < end <= start + 10:
            return start, end
    return None


def without_numbering(text: str) -> str:
    """A heading's text without its section number ("2.1 Tillsyn", "3. Utbildning", "B. Nätverk")."""
    return SECTION_NUMBER.sub("", text, count=1)


def header_fold(texts: list[str] | tuple[str, ...]) -> list[str]:
    """A header's texts for comparing: folded, without the mark of a header repeated on the next
    page ("Aktivitet (forts.)", "Aktivitet, forts.")."""
    return [fold(CONTINUED.sub("", t)).strip(" ,;:-–") for t in texts]


def same_header(a: list[str] | tuple[str, ...], b: list[str] | tuple[str, ...]) -> bool:
    """The same header, the one repeated on a later page perhaps marked so ("Aktivitet (forts.)")."""
    return header_fold(a) == header_fold(b)
