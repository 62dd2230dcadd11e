"""Words and numbers as readers see them: English for the notebook, Swedish for the report.

The curated tables and the named queries keep their codes (`promoted`, `utfall`, `ansvar`);
only what is shown to people is translated here, in one place.
"""
from __future__ import annotations

import math

LABELS = {
    "en": {
        "plan_year": "plan year", "activities": "activities", "category": "category",
        "proposals": "proposals in the bank", "year": "year", "income": "income, tkr", "cost": "costs, tkr",
    },
    "sv": {
        "plan_year": "Planår", "activities": "Aktiviteter", "category": "Kategori",
        "proposals": "Förslag i banken", "year": "År", "income": "Intäkter, tkr", "cost": "Kostnader, tkr",
    },
}
STATUS = {
    "en": {"promoted": "promoted", "still_in_bank": "still in the bank", "dropped": "dropped"},
    "sv": {"promoted": "Blev aktivitet", "still_in_bank": "Kvar i banken", "dropped": "Struken"},
}
KIND = {
    "en": {"budget": "budget", "utfall": "outcome", "prognos": "forecast"},
    "sv": {"budget": "budget", "utfall": "utfall", "prognos": "prognos"},
}
CHANGE_SV = {"added": "Tillagd", "removed": "Borttagen", "changed": "Ändrad"}
FIELD_SV = {
    "aktivitet": "Aktivitet", "category": "Kategori", "aktivitetsmal": "Aktivitetsmål",
    "genomforande": "Genomförande", "tid": "Tid", "ansvar": "Ansvar",
    "samverkansparter": "Samverkansparter", "effektmal": "Effektmål",
}
NBSP = "\u00a0"


def label(key: str, lang: str) -> str:
    return LABELS[lang][key]


def translated(table: dict[str, dict[str, str]], code, lang: str) -> str:
    """The word for a code (a status, a kind); an unknown code is shown as it is."""
    return table[lang].get(code, code) if isinstance(code, str) else ""


def number_sv(value, decimals: int = 0) -> str:
    """A number the Swedish way: "1 083", "12,5" (a non-breaking space between thousands); "–" for none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    try:
        value = float(value)
    except (TypeError, ValueError):
        return "–"
    if decimals == 0 and not value.is_integer() and abs(value) < 100:
        decimals = 1
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NBSP).replace(".", ",").replace("-", "−")
