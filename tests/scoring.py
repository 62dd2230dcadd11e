"""Score a parsed plan against its expected JSON, the way the corpus scorer (`score.py`) does.

    from tests.scoring import score_plan, score_curated, summary
    counts = score_plan(plan, expected, "pdf")   # per-document counts
    print(summary([counts, ...]))                # act_recall, cell_acc, row_perfect, budget_*, ...
    score_curated(corpus_dir, curated_dir)       # {"summary": …, "per_doc": …}, like score.py

Rules (the same as score.py, so figures compare):
- activities are matched on (plan_year, aktivitet) with white space collapsed;
  a matched row's cells are the other canonical fields the plan has (not None
  in the expected file) plus the category;
- in a PDF, an empty cell in the first row of a new page counts as right when
  the expected value equals the row above (a vertical merge shows its text
  only on its first page);
- budget lines match on (year, kind, label, amount rounded to 0.001 tkr),
  their total flag on (label, year, is_total); proposals on (category, text);
  national activities on (year, text, agency); metadata on organisation,
  region, period_start and period_end.

As a program it parses every `<name>.pdf` / `<name>.docx` that has a
`<name>.expected.json` in a folder and prints one line per file and the summary:

    python -m tests.scoring tests/fixtures/producers [--json]
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path

CANON = ["aktivitet", "aktivitetsmal", "genomforande", "tid", "ansvar", "samverkansparter", "effektmal"]
META_KEYS = ["organisation", "region", "period_start", "period_end"]
FORMATS = ("pdf", "docx")
TABLES = ("activities", "budget_lines", "proposals", "national_activities")


def isnull(value) -> bool:
    """None, or a missing number as pandas gives it (NaN)."""
    return value is None or isinstance(value, float) and value != value


def norm(value) -> str:
    """Text as compared: NFC, runs of white space made one space, None as ''."""
    if isnull(value):
        return ""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(value))).strip()


def matched(expected: list, got: list) -> int:
    """How many of `expected` are in `got`, each item of `got` used once."""
    left: dict = defaultdict(int)
    for g in got:
        left[g] += 1
    tp = 0
    for e in expected:
        if left[e] > 0:
            left[e] -= 1
            tp += 1
    return tp


def first_rows_on_pages(rows: list[dict]) -> set[int]:
    """ids of the activity rows that open a new page (see the module docstring)."""
    out, last_page = set(), None
    for g in sorted(rows, key=lambda r: r.get("seq") or 0):
        if g.get("page_start") is not None and last_page is not None and g["page_start"] > last_page:
            out.add(id(g))
        if g.get("page_end") is not None:
            last_page = g["page_end"]
    return out


def score_activities(rows: list[dict], expected: dict, fmt: str) -> dict[str, float]:
    m = {"act_exp": len(expected["activities"]), "act_got": len(rows), "act_tp": 0,
         "cell_total": 0, "cell_ok": 0, "row_perfect": 0}
    pool: dict[tuple, list] = defaultdict(list)
    for g in rows:
        pool[(g.get("plan_year") or 0, norm(g.get("aktivitet")))].append(g)
    top_of_page = first_rows_on_pages(rows) if fmt == "pdf" else set()
    prev = None
    for e in expected["activities"]:
        key = (e["plan_year"], norm(e["aktivitet"]))
        if pool[key]:
            g = pool[key].pop(0)
            m["act_tp"] += 1
            perfect = True
            for f in CANON[1:] + ["category"]:
                if f != "category" and e[f] is None:
                    continue
                m["cell_total"] += 1
                got = norm(g.get(f))
                merged_over_break = (id(g) in top_of_page and prev is not None and got == "" and f != "category"
                                     and norm(e[f]) == norm(prev.get(f)))
                if got == norm(e[f]) or merged_over_break:
                    m["cell_ok"] += 1
                else:
                    perfect = False
            m["row_perfect"] += perfect
        prev = e
    return m


def score_records(got: dict[str, list[dict]], meta: dict, expected: dict, fmt: str) -> dict[str, float]:
    """Per-document counts of one document's rows (per table, as dicts) against its expected JSON."""
    m: dict[str, float] = {"meta_total": 0, "meta_ok": 0}
    for k in META_KEYS:
        m["meta_total"] += 1
        m["meta_ok"] += norm(meta.get(k)) == norm(expected["document"][k])
    m.update(score_activities(got["activities"], expected, fmt))
    eb = [(e["budget_year"], e.get("kind", "budget"), norm(e["label"]), round(e["amount_tkr"], 3))
          for e in expected["budget_lines"]]
    gb = [(b.get("budget_year") or 0, norm(b.get("kind")) or "budget", norm(b.get("label")),
           None if isnull(b.get("amount_tkr")) else round(float(b["amount_tkr"]), 3)) for b in got["budget_lines"]]
    m.update(bud_tp=matched(eb, gb), bud_exp=len(eb), bud_got=len(gb))
    m["tot_tp"] = matched([(norm(e["label"]), e["budget_year"], bool(e["is_total"])) for e in expected["budget_lines"]],
                          [(norm(b.get("label")), b.get("budget_year") or 0, bool(b.get("is_total")))
                           for b in got["budget_lines"]])
    ep = [(norm(e["category"]), norm(e["text"])) for e in expected["proposals"]]
    gp = [(norm(p.get("category")), norm(p.get("text"))) for p in got["proposals"]]
    m.update(prop_tp=matched(ep, gp), prop_exp=len(ep), prop_got=len(gp))
    en = [(e["year"], norm(e["text"]), norm(e["agency"])) for e in expected["national_activities"]]
    gn = [(n.get("year") or 0, norm(n.get("text")), norm(n.get("agency"))) for n in got["national_activities"]]
    m.update(nat_tp=matched(en, gn), nat_exp=len(en), nat_got=len(gn))
    return m


def score_plan(plan, expected: dict, fmt: str) -> dict[str, float]:
    """Per-document counts of one `ParsedPlan` against its expected JSON (`fmt`: 'pdf' or 'docx')."""
    got = {t: [asdict(r) for r in getattr(plan, t)] for t in TABLES}
    return score_records(got, asdict(plan.meta), expected, fmt)


def missing(expected: dict, reason: str = "") -> dict:
    """The counts of a document that could not be parsed: every expected activity is missed."""
    return {"missing": True, "reason": reason, "act_exp": len(expected["activities"])}


def ratio(a: float, b: float) -> float | None:
    return round(a / b, 4) if b else None


def summary(counts: list[dict] | dict) -> dict:
    """The corpus summary over per-document counts, or one document's (the same keys as score.py)."""
    counts = [counts] if isinstance(counts, dict) else counts
    tot: dict[str, float] = defaultdict(float)
    for m in counts:
        for k, v in m.items():
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                tot[k] += v
        tot["docs_missing"] += bool(m.get("missing"))
    return {
        "docs": len(counts), "docs_missing": int(tot["docs_missing"]),
        "act_recall": ratio(tot["act_tp"], tot["act_exp"]), "act_precision": ratio(tot["act_tp"], tot["act_got"]),
        "cell_acc": ratio(tot["cell_ok"], tot["cell_total"]),
        "row_perfect": ratio(tot["row_perfect"], tot["act_exp"]),
        "budget_recall": ratio(tot["bud_tp"], tot["bud_exp"]),
        "budget_precision": ratio(tot["bud_tp"], tot["bud_got"]),
        "budget_total_flag": ratio(tot["tot_tp"], tot["bud_exp"]),
        "proposal_recall": ratio(tot["prop_tp"], tot["prop_exp"]),
        "proposal_precision": ratio(tot["prop_tp"], tot["prop_got"]),
        "national_recall": ratio(tot["nat_tp"], tot["nat_exp"]),
        "national_precision": ratio(tot["nat_tp"], tot["nat_got"]),
        "meta_acc": ratio(tot["meta_ok"], tot["meta_total"]),
    }


def fixture_files(folder: Path) -> list[tuple[Path, str, Path]]:
    """(document, format, expected JSON) for every document in `folder` that has an expected file."""
    out = []
    for exp in sorted(folder.glob("*.expected.json")):
        stem = exp.name[: -len(".expected.json")]
        out += [(folder / f"{stem}.{fmt}", fmt, exp) for fmt in FORMATS if (folder / f"{stem}.{fmt}").exists()]
    return out


def score_file(path: Path, fmt: str, expected_path: Path, pdf_engine: str | None = None) -> dict:
    """Parse one file and score it (a PDF with `pdf_engine`, else the default engine); a file the
    parser refuses scores as missing, with the reason."""
    from parsers import DEFAULT_PDF_ENGINE, parse_plan
    from parsers.errors import VplanError

    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    try:
        with open(path, "rb") as f:
            plan = parse_plan(f, fmt, name=path.name, pdf_engine=pdf_engine or DEFAULT_PDF_ENGINE)
    except VplanError as exc:
        return missing(expected, f"{type(exc).__name__}: {exc}")
    return score_plan(plan, expected, fmt)


def line(name: str, m: dict) -> str:
    if m.get("missing"):
        return f"{name}: MISSING ({m.get('reason', '')})"
    i = lambda k: int(m.get(k, 0))  # noqa: E731
    return (f"{name}: rows {i('act_tp')}/{i('act_exp')} (got {i('act_got')}), cells {i('cell_ok')}/{i('cell_total')}, "
            f"perfect {i('row_perfect')}, budget {i('bud_tp')}/{i('bud_exp')} (got {i('bud_got')}), "
            f"props {i('prop_tp')}/{i('prop_exp')} (got {i('prop_got')}), nat {i('nat_tp')}/{i('nat_exp')} "
            f"(got {i('nat_got')}), meta {i('meta_ok')}/{i('meta_total')}")


def curated_rows(curated: Path, table: str) -> list[dict]:
    """Every row of a curated table, as dicts (plain Parquet folders)."""
    import duckdb

    files = Path(curated) / table / "**" / "*.parquet"
    sql = f"select * from read_parquet('{files}', hive_partitioning = true, union_by_name = true)"
    return duckdb.connect().execute(sql).df().to_dict("records")


def score_curated(corpus: Path, curated: Path) -> dict:
    """Every `<name>.expected.json` of `corpus` against the curated documents of the same file name."""
    rows = {t: curated_rows(curated, t) for t in ("documents",) + TABLES}
    per_doc = {}
    for path, fmt, exp_path in fixture_files(Path(corpus)):
        expected = json.loads(exp_path.read_text(encoding="utf-8"))
        docs = [d for d in rows["documents"] if Path(str(d["source_file"])).name == path.name]
        if not docs:
            per_doc[path.name] = missing(expected, "not in the curated documents")
            continue
        doc_id = docs[0]["doc_id"]
        got = {t: [r for r in rows[t] if r["doc_id"] == doc_id] for t in TABLES}
        per_doc[path.name] = score_records(got, docs[0], expected, fmt)
    return {"summary": summary(list(per_doc.values())), "per_doc": per_doc}


def main(argv: list[str]) -> int:
    engine = next((a.split("=", 1)[1] for a in argv if a.startswith("--pdf-engine=")), None)
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 1 or not Path(args[0]).is_dir():
        print("usage: python -m tests.scoring FIXTURE_DIR [--json] [--pdf-engine=pdfium|pdfplumber]", file=sys.stderr)
        return 2
    per_doc = {}
    for path, fmt, exp in fixture_files(Path(args[0])):
        try:
            per_doc[path.name] = score_file(path, fmt, exp, engine)
        except Exception as exc:  # a parser bug: report it and go on with the other files
            expected = json.loads(exp.read_text(encoding="utf-8"))
            per_doc[path.name] = missing(expected, f"parser raised {type(exc).__name__}: {exc}")
    result = {"summary": summary(list(per_doc.values())), "per_doc": per_doc}
    if "--json" in argv:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        for name, m in per_doc.items():
            print(line(name, m))
        print(json.dumps(result["summary"], ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
