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
from parsers.errors import (CorruptFileError, EmptyFileError, NotAPlanError, TooLargeError,
                            UnsupportedFormatError, VplanError)

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
    assert not list((tmp_path / "out" / ".tmp").glob("*.parquet"))
