"""Score an extraction against an expected JSON, as the corpus tool `score.py` does.

Activities are matched on (plan_year, aktivitet); each matched activity's
fields that the expected file does not leave null, and its category, are
cells. Recall and precision count activities; cell accuracy counts cells.
Budget lines, proposals and national activities are matched as multisets.
In a PDF, an empty cell in the first row of a page counts as right when the
expected value equals the row above (a vertical merge over a page break shows
its text on the first page only).

    from tests.scoring import score_plan, score_curated, summary
    summary(score_plan(parse_plan(f, "pdf"), expected, "pdf"))
    score_curated(corpus_dir, curated_dir)   # {"summary": …, "per_doc": …}
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import asdict
from pathlib import Path

import duckdb

FIELDS = ["aktivitetsmal", "genomforande", "tid", "ansvar", "samverkansparter", "effektmal"]


def isnull(v) -> bool:
    try:
        return v is None or v != v
    except (TypeError, ValueError):
        return False


def n(s) -> str:
    return "" if isnull(s) else re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(s))).strip()


def toint(v) -> int:
    return 0 if isnull(v) else int(v)


def first_rows_on_pages(rows: list[dict]) -> set[int]:
    """ids of the rows that open a new page."""
    out, last_page = set(), None
    for g in sorted(rows, key=lambda r: toint(r.get("seq"))):
        p = g.get("page_start")
        if not isnull(p) and last_page is not None and int(p) > last_page:
            out.add(id(g))
        if not isnull(g.get("page_end")):
            last_page = int(g["page_end"])
    return out


def matched(expected: list, got: list) -> int:
    left = Counter(got)
    hits = 0
    for e in expected:
        if left[e] > 0:
            left[e] -= 1
            hits += 1
    return hits


def score_activities(got: list[dict], expected: list[dict], fmt: str) -> Counter:
    m = Counter(act_exp=len(expected), act_got=len(got))
    pool: dict = {}
    for g in got:
        pool.setdefault((toint(g.get("plan_year")), n(g.get("aktivitet"))), []).append(g)
    top_of_page = first_rows_on_pages(got) if fmt == "pdf" else set()
    prev = None
    for e in expected:
        candidates = pool.get((e["plan_year"], n(e["aktivitet"])))
        if candidates:
            g = candidates.pop(0)
            m["act_tp"] += 1
            perfect = True
            for f in FIELDS + ["category"]:
                if f != "category" and e[f] is None:
                    continue
                m["cell_total"] += 1
                over_break = (id(g) in top_of_page and prev is not None and n(g.get(f)) == ""
                              and f != "category" and n(e[f]) == n(prev.get(f)))
                if n(g.get(f)) == n(e[f]) or over_break:
                    m["cell_ok"] += 1
                else:
                    perfect = False
            m["row_perfect"] += perfect
        prev = e
    return m


def score_lists(got: dict[str, list[dict]], exp: dict) -> Counter:
    m = Counter()
    pairs = {
        "bud": ([(e["budget_year"], e.get("kind", "budget"), n(e["label"]), round(e["amount_tkr"], 3))
                 for e in exp["budget_lines"]],
                [(toint(g.get("budget_year")), n(g.get("kind")) or "budget", n(g.get("label")),
                  None if isnull(g.get("amount_tkr")) else round(float(g["amount_tkr"]), 3))
                 for g in got["budget_lines"]]),
        "prop": ([(n(e["category"]), n(e["text"])) for e in exp["proposals"]],
                 [(n(g.get("category")), n(g.get("text"))) for g in got["proposals"]]),
        "nat": ([(e["year"], n(e["text"]), n(e["agency"])) for e in exp["national_activities"]],
                [(toint(g.get("year")), n(g.get("text")), n(g.get("agency"))) for g in got["national_activities"]]),
    }
    for key, (e, g) in pairs.items():
        m[f"{key}_tp"], m[f"{key}_exp"], m[f"{key}_got"] = matched(e, g), len(e), len(g)
    return m


def score_records(got: dict[str, list[dict]], meta: dict, exp: dict, fmt: str) -> Counter:
    """Counts for one document: `got` holds the rows of each table as dicts."""
    m = score_activities(got["activities"], exp["activities"], fmt) + score_lists(got, exp)
    for k in ["organisation", "region", "period_start", "period_end"]:
        m["meta_total"] += 1
        m["meta_ok"] += n(meta.get(k)) == n(exp["document"][k])
    return m


def score_plan(plan, exp: dict, fmt: str) -> Counter:
    """Counts for a `ParsedPlan` against its expected JSON."""
    got = {t: [asdict(r) for r in getattr(plan, t)]
           for t in ("activities", "budget_lines", "proposals", "national_activities")}
    return score_records(got, asdict(plan.meta), exp, fmt)


def ratio(a: float, b: float) -> float | None:
    return round(a / b, 4) if b else None


def summary(tot: Counter) -> dict:
    return {
        "act_recall": ratio(tot["act_tp"], tot["act_exp"]), "act_precision": ratio(tot["act_tp"], tot["act_got"]),
        "cell_acc": ratio(tot["cell_ok"], tot["cell_total"]), "row_perfect": ratio(tot["row_perfect"], tot["act_exp"]),
        "budget_recall": ratio(tot["bud_tp"], tot["bud_exp"]), "budget_precision": ratio(tot["bud_tp"], tot["bud_got"]),
        "proposal_recall": ratio(tot["prop_tp"], tot["prop_exp"]),
        "proposal_precision": ratio(tot["prop_tp"], tot["prop_got"]),
        "national_recall": ratio(tot["nat_tp"], tot["nat_exp"]),
        "national_precision": ratio(tot["nat_tp"], tot["nat_got"]),
        "meta_acc": ratio(tot["meta_ok"], tot["meta_total"]),
    }


def curated_rows(curated: Path, table: str) -> list[dict]:
    files = Path(curated) / table / "**" / "*.parquet"
    return duckdb.connect().execute(
        f"select * from read_parquet('{files}', hive_partitioning = true, union_by_name = true)").df().to_dict("records")


def score_curated(corpus: Path, curated: Path) -> dict:
    """Every `<name>.expected.json` of `corpus` against the curated output's documents of the same name."""
    tables = {t: curated_rows(curated, t) for t in
              ("documents", "activities", "budget_lines", "proposals", "national_activities")}
    per_doc, total = {}, Counter()
    for path in sorted(Path(corpus).glob("*.expected.json")):
        stem = path.name[: -len(".expected.json")]
        exp = json.loads(path.read_text(encoding="utf-8"))
        for fmt in ("pdf", "docx"):
            if not (Path(corpus) / f"{stem}.{fmt}").exists():
                continue
            docs = [d for d in tables["documents"] if Path(str(d["source_file"])).name == f"{stem}.{fmt}"]
            if not docs:
                per_doc[f"{stem}.{fmt}"] = {"missing": True}
                total += Counter(act_exp=len(exp["activities"]), docs_missing=1)
                continue
            doc_id = docs[0]["doc_id"]
            got = {t: [r for r in rows if r["doc_id"] == doc_id] for t, rows in tables.items() if t != "documents"}
            counts = score_records(got, docs[0], exp, fmt)
            per_doc[f"{stem}.{fmt}"] = dict(counts)
            total += counts
    return {"summary": {"docs": len(per_doc), "docs_missing": total["docs_missing"], **summary(total)},
            "per_doc": per_doc}
