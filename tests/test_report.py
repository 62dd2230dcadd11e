"""`vplan report`: one self-contained Swedish HTML page, checked in headless Chromium."""
from __future__ import annotations

import re

import pytest
from PIL import Image, ImageStat
from typer.testing import CliRunner

from ingest.cli import app
from ingest.display import STATUS, number_sv
from ingest.htmlreport import gather, render
from ingest.htmlreport.charts import svg
from ingest.htmlreport.data import pick_region, plan_warnings
from ingest.queries import run_query
from parsers.errors import UsageError

from .chromium import chromium_path, dump_dom, screenshot

runner = CliRunner()


@pytest.fixture(scope="module")
def report(curated_samples, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    result = runner.invoke(app, ["report", "--curated", str(curated_samples), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def regions(curated):
    return sorted(run_query("select distinct region from plans where region is not null", curated).region)


@pytest.mark.skipif(chromium_path() is None, reason="needs chromium (.ci/run installs it)")
def test_the_report_shows_every_region_and_audit_status_in_chromium(report, curated_samples, tmp_path):
    dom = dump_dom(report)
    assert "<h1>" in dom and "Förslagsbanken" in dom
    for region in regions(curated_samples):
        assert f"<h3>{region}</h3>" in dom
    statuses = set(run_query("proposal_bank_audit", curated_samples).status)
    assert statuses
    for status in statuses:
        assert f'data-status="{status}"' in dom and STATUS["sv"][status] in dom
    png = screenshot(report, tmp_path / "report.png")
    image = Image.open(png).convert("RGB")
    assert image.size == (1280, 1600)
    assert len(image.getcolors(maxcolors=1 << 16) or range(1 << 16)) > 50  # text, tables and charts, not one colour
    assert max(ImageStat.Stat(image).stddev) > 10


def test_the_report_opens_offline_with_everything_inline(report):
    html = report.read_text(encoding="utf-8")
    assert "<style>" in html and html.count("<svg") >= 3
    assert not re.search(r"<(script|link|img|iframe)\b|@import|\bsrc=", html, re.I)
    references = [href or url for href, url in re.findall(r'href="([^"]*)"|url\(([^)]*)\)', html)]
    assert references and all(ref.startswith("#") for ref in references)  # links and clip paths within the page


def test_the_report_writes_numbers_the_swedish_way(report, curated_samples):
    html = report.read_text(encoding="utf-8")
    budget = run_query("budget_over_time", curated_samples)
    large = [v for v in budget.cost_tkr.dropna() if v >= 1000]
    assert large and all(f">{number_sv(v)}<" in html for v in large)


@pytest.mark.parametrize("value,text", [(1083, "1\u00a0083"), (1234567.0, "1\u00a0234\u00a0567"), (12.5, "12,5"),
                                        (0, "0"), (None, "–"), (float("nan"), "–"), (-40, "−40")])
def test_numbers_are_written_the_swedish_way(value, text):
    assert number_sv(value) == text


def test_a_region_filter_keeps_that_region_only(curated_samples, tmp_path):
    chosen, *others = regions(curated_samples)
    out = tmp_path / "one.html"
    result = runner.invoke(app, ["report", "--curated", str(curated_samples), "--out", str(out),
                                 "--region", chosen.upper()])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert f"<h1>Verksamhetsplaner: {chosen}</h1>" in html
    assert not [r for r in others if r in html]


@pytest.mark.parametrize("asked,found", [("Värmland", "Värmlands län"), ("värmlands län", "Värmlands län"),
                                         ("Västra", "Västra Götalands län"), ("Västerbottens län", "Västerbottens län")])
def test_a_region_is_named_by_its_name_or_a_part_that_names_one(asked, found):
    assert pick_region(asked, ["Värmlands län", "Västra Götalands län", "Västerbottens län"]) == found


def test_a_part_of_several_region_names_is_a_usage_error():
    with pytest.raises(UsageError, match="matches Västra Götalands län, Västerbottens län"):
        pick_region("väst", ["Västra Götalands län", "Västerbottens län"])


def test_a_region_that_matches_nothing_is_a_clear_error(curated_samples, tmp_path):
    result = runner.invoke(app, ["report", "--curated", str(curated_samples), "--out", str(tmp_path / "r.html"),
                                 "--region", "Ingenstans"])
    assert result.exit_code == 2 and "no plans for region 'Ingenstans'" in result.output
    assert all(r in result.output for r in regions(curated_samples))
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize("folder", ["empty", "missing"])
def test_an_empty_curated_folder_is_a_clear_error(tmp_path, folder):
    curated = tmp_path / folder
    if folder == "empty":
        curated.mkdir()
    result = runner.invoke(app, ["report", "--curated", str(curated), "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 1 and "no plans in" in result.output and "vplan ingest" in result.output
    assert not (tmp_path / "r.html").exists()


def test_a_plan_of_which_no_activity_was_read_gets_a_warning():
    assert plan_warnings({"n_activities": 0, "warnings": ["budget unit not stated"]}) == [
        "Inga aktiviteter har lästs ur planen.", "budget unit not stated"]
    assert plan_warnings({"n_activities": 12, "warnings": []}) == []


def test_text_from_the_plans_is_escaped(curated_samples):
    data = gather(curated_samples)
    data.plans[0]["source_file"] = "<script>alert(1)</script>.docx"
    data.plans[0]["warnings"] = ["<b>varning</b> & mer"]
    html = render(data)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;.docx" in html
    assert "&lt;b&gt;varning&lt;/b&gt; &amp; mer" in html


def test_chart_texts_are_escaped_in_the_svg():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.set_title("<script>x</script> & co")
    text = str(svg(fig, "t"))
    assert text.startswith("<svg") and "<script>" not in text and "&lt;script&gt;x&lt;/script&gt; &amp; co" in text


def test_an_unwritable_output_is_a_clear_error(curated_samples, tmp_path):
    out = tmp_path / "no" / "such" / "r.html"
    result = runner.invoke(app, ["report", "--curated", str(curated_samples), "--out", str(out)])
    assert result.exit_code == 1 and f"{out}: No such file or directory" in result.output
