"""PDFs from other projects' test suites (see fixtures/realworld/README.md): odd shapes vplan must meet
with a clear outcome, a vplan error reason or records, never an internal error or a hang."""
from __future__ import annotations

import pytest

from ingest.pipeline import ingest
from parsers.model import Paragraph
from parsers.pdf.reader import read_pdf

from .conftest import SAMPLES

REALWORLD = SAMPLES.parent.parent.parent / "tests" / "fixtures" / "realworld"

# file -> (password, reason, words of the message); none of them is a plan
OUTCOMES = {
    "AutoCad_Simple.pdf": (None, "not_a_plan", "not an activity plan"),
    "content-stream-errors.pdf": (None, "not_a_plan", "not an activity plan"),
    "cyclic-toc.pdf": (None, "no_text_layer", "text layer"),  # pdfplumber: corrupt_file on page 1
    "r6-both-passwords.pdf": (None, "encrypted", "needs its password"),
    "selenium-pypdf-issue-177.pdf": (None, "not_a_plan", "not an activity plan"),
}
PASSWORDS = {"foo": "not_a_plan", "bar": "not_a_plan", "fel": "encrypted"}


def test_every_real_world_pdf_has_an_expected_outcome():
    assert sorted(p.name for p in REALWORLD.glob("*.pdf")) == sorted(OUTCOMES)


@pytest.mark.parametrize("name", sorted(OUTCOMES))
def test_a_real_world_pdf_gets_a_clear_reason_never_an_internal_error(tmp_path, name):
    password, reason, words = OUTCOMES[name]
    result = ingest([REALWORLD / name], tmp_path, password=password, time_limit_s=60).results[0]
    assert (result.status, result.reason) == ("failed", reason), result.message
    assert words in result.message


@pytest.mark.parametrize("password", sorted(PASSWORDS))
def test_an_aes_256_pdf_opens_with_its_user_or_owner_password_only(tmp_path, password):
    result = ingest([REALWORLD / "r6-both-passwords.pdf"], tmp_path, password=password).results[0]
    assert result.reason == PASSWORDS[password], result.message


def test_a_page_stored_with_rotate_270_is_read_upright():
    with open(REALWORLD / "AutoCad_Simple.pdf", "rb") as f:
        doc = read_pdf(f, name="AutoCad_Simple.pdf")
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["EXAMPLE"]
