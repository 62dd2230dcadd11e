"""Old binary .doc files: converted with LibreOffice when it is there, a clear error when not."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from ingest import convert
from ingest.jobs import ParseJob, run_parse_job

from .conftest import SAMPLES, expected
from .test_golden import ACTIVITY_KEYS, assert_same, comparable

NAME = "varmland_2023-2025"


@pytest.mark.skipif(convert.soffice_path() is None, reason="LibreOffice (soffice) is not installed")
def test_a_converted_doc_gives_the_rows_of_the_docx_it_was_saved_from(tmp_path):
    subprocess.run([convert.soffice_path(), "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(SAMPLES / f"{NAME}.docx")],
                   check=True, capture_output=True, timeout=180)
    outcome = run_parse_job(ParseJob(tmp_path / f"{NAME}.doc"))
    assert outcome.plan is not None, outcome.message
    assert_same(comparable(outcome.plan.activities, ACTIVITY_KEYS),
                comparable(expected(NAME)["activities"], ACTIVITY_KEYS), "activities")


def test_a_doc_without_libreoffice_fails_with_an_install_hint(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    outcome = run_parse_job(ParseJob(path))
    assert outcome.reason == "conversion_failed"
    assert "install LibreOffice" in outcome.message
