"""Convert an old binary Word .doc into .docx with LibreOffice, when it is installed."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from parsers.errors import ConversionError

from .config import SOFFICE_TIMEOUT_S


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def doc_to_docx_bytes(path: Path) -> bytes:
    """The .docx bytes LibreOffice makes of a .doc file."""
    soffice = soffice_path()
    if soffice is None:
        raise ConversionError("install LibreOffice (soffice) to read .doc files, or save the file as .docx",
                              str(path))
    with tempfile.TemporaryDirectory(prefix="vplan-doc-") as tmp:
        cmd = [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
               "--convert-to", "docx", "--outdir", tmp, str(path)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=SOFFICE_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ConversionError(f"LibreOffice took longer than {SOFFICE_TIMEOUT_S} s", str(path)) from exc
        result = Path(tmp) / (path.stem + ".docx")
        if not result.exists():
            raise ConversionError("LibreOffice could not convert the .doc file", str(path))
        return result.read_bytes()
