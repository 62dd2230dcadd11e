"""Make a batch of distinct plan files from the shipped samples, for the benchmarks.

PDF copies get a trailing comment line after %%EOF (valid PDF, new sha256).
Word copies get a new core-properties title and are moved to another
län, so the batch holds plans of many regions, as a national archive would.
"""
from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "raw" / "samples"


def regions() -> list[str]:
    text = (ROOT / "parsers" / "vocab" / "lan.csv").read_text(encoding="utf-8")
    return sorted({row[0] for row in list(csv.reader(text.splitlines()))[1:]})


def pdf_copy(src: Path, i: int) -> bytes:
    return src.read_bytes() + f"\n%vplan benchmark copy {i}\n".encode()


def docx_copy(src: Path, i: int, region: str) -> bytes:
    """The Word file with its region's name replaced and new core properties."""
    zin = zipfile.ZipFile(src)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                for old in ("Jönköpings län", "Östergötlands län", "Värmlands län"):
                    text = text.replace(old, region)
                for old in ("Östergötland", "Värmland"):
                    text = text.replace(f"Miljösamverkan {old}", f"Miljösamverkan {region}")
                data = text.encode("utf-8")
            elif item.filename == "docProps/core.xml":
                data = data.replace(b"<dc:title/>", f"<dc:title>benchmark copy {i}</dc:title>".encode())
            zout.writestr(item, data)
    return out.getvalue()


def make_batch(folder: Path, n: int, formats: tuple[str, ...] = ("pdf", "docx")) -> list[Path]:
    """`n` distinct plan files in `folder`, cycling over the samples of the given formats."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = [p for fmt in formats for p in sorted(SAMPLES.glob(f"*.{fmt}"))]
    names = regions()
    paths = []
    for i in range(n):
        src = sources[i % len(sources)]
        path = folder / f"{src.stem}-{i:05}{src.suffix}"
        if not path.exists():
            data = pdf_copy(src, i) if src.suffix == ".pdf" else docx_copy(src, i, names[i % len(names)])
            path.write_bytes(data)
        paths.append(path)
    return paths
