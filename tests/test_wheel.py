"""The package installed from a wheel works from any directory: the named queries and views ship inside it."""
from __future__ import annotations

import shutil
import site
import subprocess
import sys
import sysconfig
import zipfile

from .conftest import ROOT, SAMPLES

SOURCES = ["pyproject.toml", "README.md", "ingest", "parsers", "queries"]


def build_wheel(tmp_path):
    """A wheel built from a copy of the sources (so the checkout gets no build folders)."""
    src, dist = tmp_path / "src", tmp_path / "dist"
    src.mkdir()
    for name in SOURCES:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        kwargs = {"ignore": shutil.ignore_patterns("__pycache__")} if (ROOT / name).is_dir() else {}
        copy(ROOT / name, src / name, **kwargs)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(src)],
                   check=True, capture_output=True)
    [wheel] = dist.glob("vplan-*.whl")
    return wheel


def fresh_venv(tmp_path, wheel):
    """A new venv with the wheel installed; its dependencies are the ones this test runs with.

    They are put on its path by a .pth file, which adds this interpreter's
    site-packages without running their .pth files, so the editable install
    of the checkout stays out of sight.
    """
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    "--no-index", str(wheel)], check=True, capture_output=True)
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                             check=True, capture_output=True, text=True).stdout.strip()
    ours = dict.fromkeys([sysconfig.get_path("purelib"), sysconfig.get_path("platlib"), *site.getsitepackages()])
    (venv / purelib / "_vplan_test_dependencies.pth").write_text("\n".join(ours) + "\n")
    return venv / "bin"


def test_a_wheel_install_ingests_and_queries_from_another_directory(tmp_path):
    wheel = build_wheel(tmp_path)
    names = zipfile.ZipFile(wheel).namelist()
    assert {"queries/_views.sql", "queries/proposal_bank_audit.sql", "parsers/vocab/lan.csv"} <= set(names)
    assert "Requires-Dist: deltalake" in zipfile.ZipFile(wheel).read(
        next(n for n in names if n.endswith("METADATA"))).decode()
    bin_dir = fresh_venv(tmp_path, wheel)
    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy(SAMPLES / "jonkoping_2021-2023.docx", work / "plan.docx")

    def vplan(*args):
        result = subprocess.run([str(bin_dir / "vplan"), *args], cwd=work, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Traceback" not in result.stderr
        return result.stdout

    where = subprocess.run([str(bin_dir / "python"), "-c", "import ingest, queries; print(ingest.__file__, "
                            "queries.__file__)"], cwd=work, capture_output=True, text=True, check=True).stdout
    assert str(ROOT) not in where and str(tmp_path / "venv") in where
    assert "ingested: 1" in vplan("ingest", "plan.docx", "--out", "curated")
    assert "proposal_bank_audit" in vplan("query", "--list")
    assert "Vindkraft" in vplan("query", "proposal_bank_audit", "--curated", "curated", "--format", "csv")
    assert vplan("query", "select count(*) as n from plan_activities", "--curated", "curated",
                 "--format", "csv").split() == ["n", "49"]
