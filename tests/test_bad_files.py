"""Bad input gets a clear per-file error; the batch goes on; nothing leaks."""
from __future__ import annotations

import io
import shutil
import zipfile

import pytest
from typer.testing import CliRunner

from ingest.cli import app
from ingest.pipeline import ingest
from parsers import parse_plan
from parsers.errors import (
    CorruptFileError,
    EmptyFileError,
    NotAPlanError,
    TooLargeError,
    UnsupportedFormatError,
    VplanError,
)

from .conftest import SAMPLES
from .docx_builder import build_plan

SAMPLE_DOCX = SAMPLES / "jonkoping_2021-2023.docx"
SECRET = "TOPSECRET-4711"


def zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as part:
            for _ in range(300):
                part.write(b" " * 2**20)
    return buf.getvalue()


def renamed_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "just a zip")
    return buf.getvalue()


def xxe_docx(secret_file) -> bytes:
    """The sample plan with an external entity that points at a local file, used in a cell."""
    src = zipfile.ZipFile(SAMPLE_DOCX)
    xml = src.read("word/document.xml").decode("utf-8")
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret_file}">]>'
    xml = xml.replace("?>", "?>" + doctype, 1).replace("Tillsynsprojekt", "Tillsynsprojekt &xxe;", 1)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            out.writestr(item, xml if item.filename == "word/document.xml" else src.read(item))
    return buf.getvalue()


def parse_bytes(data: bytes, fmt: str = "docx"):
    return parse_plan(io.BytesIO(data), fmt, name=f"bad.{fmt}")


@pytest.mark.parametrize("data,error", [
    (b"", EmptyFileError),
    (b"Det h\xc3\xa4r \xc3\xa4r en textfil.\n", UnsupportedFormatError),
    (renamed_zip(), UnsupportedFormatError),
    (SAMPLE_DOCX.read_bytes()[:5000], CorruptFileError),
    (zip_bomb(), TooLargeError),
])
def test_bad_word_files_raise_their_own_error_naming_the_file(data, error):
    with pytest.raises(error) as info:
        parse_bytes(data)
    assert "bad.docx" in str(info.value) and info.value.reason


def test_meeting_minutes_are_not_a_plan(tmp_path):
    path = build_plan([("title", "Minnesanteckningar styrgruppen"), ("p", "Närvarande: alla.")], tmp_path / "m.docx")
    with pytest.raises(NotAPlanError):
        parse_bytes(path.read_bytes())


def test_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    src = tmp_path / "in"
    src.mkdir()
    (src / "xxe.docx").write_bytes(xxe_docx(secret))
    out = tmp_path / "out"
    try:
        ingest([src], out)
    except VplanError:
        pass
    leaked = [p for p in out.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]
    assert leaked == []


def test_a_batch_with_bad_files_reports_each_and_writes_the_good_ones(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE_DOCX, src / "good.docx")
    (src / "empty.docx").write_bytes(b"")
    (src / "bomb.docx").write_bytes(zip_bomb())
    (src / "zip.docx").write_bytes(renamed_zip())
    result = CliRunner().invoke(app, ["ingest", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    for name, reason in [("empty.docx", "empty_file"), ("bomb.docx", "too_large"), ("zip.docx", "unsupported_format")]:
        assert any(name in line and reason in line for line in result.output.splitlines()), result.output
    assert "ingested: 1" in result.output


FIXTURES = SAMPLES.parent.parent.parent / "tests" / "fixtures"
SAMPLE_PDF = SAMPLES / "varmland_2023-2025.pdf"


def scanned_pdf() -> bytes:
    """A one-page PDF that is only a picture of text, as a scanner makes it."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 800), "white")
    ImageDraw.Draw(image).text((50, 50), "Verksamhetsplan 2024-2026", fill="black")
    buf = io.BytesIO()
    image.save(buf, format="PDF")
    return buf.getvalue()


BAD_FILES = {
    "empty.pdf": (lambda: b"", "empty_file", "empty"),
    "truncated.pdf": (lambda: SAMPLE_PDF.read_bytes()[:20000], "corrupt_file", "truncated"),
    "notes.pdf": (lambda: b"Anteckningar, inte en PDF.\n", "unsupported_format", "no %PDF header"),
    "locked.pdf": (lambda: (FIXTURES / "pdf_variants" / "encrypted.pdf").read_bytes(), "encrypted", "password"),
    "scanned.pdf": (scanned_pdf, "no_text_layer", "OCR"),
    "archive.docx": (renamed_zip, "unsupported_format", "not a Word .docx file"),
    "minutes.docx": (lambda: (FIXTURES / "bad" / "minutes.docx").read_bytes(), "not_a_plan", "not an activity plan"),
    "minutes.pdf": (lambda: (FIXTURES / "bad" / "minutes.pdf").read_bytes(), "not_a_plan", "not an activity plan"),
    "bomb.docx": (zip_bomb, "too_large", "refused"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_each_bad_file_gets_its_reason_and_a_clear_message(tmp_path, name):
    make, reason, words = BAD_FILES[name]
    (tmp_path / name).write_bytes(make())
    report = ingest([tmp_path / name], tmp_path / "out")
    result = report.results[0]
    assert (result.status, result.reason) == ("failed", reason)
    assert words in result.message


def test_a_pdf_over_the_page_limit_is_refused_before_it_is_read(tmp_path):
    report = ingest([SAMPLE_PDF], tmp_path, max_pages=3)
    assert report.results[0].reason == "too_large" and "limit of 3" in report.results[0].message


def test_mixed_batch_of_samples_and_every_bad_kind(tmp_path):
    from deltalake import DeltaTable

    from ingest.catalog import connect

    from .conftest import SAMPLE_FILES, expected

    src, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(SAMPLES, src, ignore=shutil.ignore_patterns("*.json", "*.md"))
    for name, (make, _, _) in BAD_FILES.items():
        (src / name).write_bytes(make())
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    (src / "xxe.docx").write_bytes(xxe_docx(secret))
    result = CliRunner().invoke(app, ["ingest", str(src), "--out", str(out), "--workers", "2"])
    assert result.exit_code == 1
    for name, (_, reason, _) in BAD_FILES.items():
        assert any(name in line and reason in line for line in result.output.splitlines()), (name, result.output)
    con = connect(out)
    errors = dict(con.execute("select source_file, reason from ingest_errors").fetchall())
    assert errors == {name: reason for name, (_, reason, _) in BAD_FILES.items()}
    for name, fmt in SAMPLE_FILES:
        got = con.execute("select count(*) from activities join documents using (doc_id) where source_file = ?",
                          [f"{name}.{fmt}"]).fetchone()[0]
        assert got == len(expected(name)["activities"]), (name, fmt)
    listed = {r[0] for r in con.execute("select doc_id from documents").fetchall()}
    for table in ("activities", "proposals"):  # no rows of a document that is not listed, even read raw
        assert {r["doc_id"] for r in DeltaTable(str(out / table)).to_pyarrow_table().to_pylist()} <= listed
    assert not [p for p in out.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]


def test_a_time_limit_that_fires_inside_the_pdf_parser_is_reported_as_such(tmp_path):
    report = ingest([SAMPLE_PDF], tmp_path, time_limit_s=0.01)
    assert report.results[0].reason == "time_limit"
