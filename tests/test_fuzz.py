"""Fuzzing the parsers: damaged files give records or one of vplan's own errors, nothing else."""
from __future__ import annotations

import io
import random
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers import parse_plan
from parsers.errors import VplanError

from .conftest import SAMPLES

FILES = {fmt: sorted(SAMPLES.glob(f"*.{fmt}"))[:2] for fmt in ("docx", "pdf")}
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parse_or_own_error(data: bytes, fmt: str) -> None:
    try:
        parse_plan(io.BytesIO(data), fmt, name=f"fuzzed.{fmt}")
    except VplanError:
        pass


def read(fmt: str, index: int) -> bytes:
    return FILES[fmt][index % len(FILES[fmt])].read_bytes()


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@FUZZ
@given(index=st.integers(0, 1), cut=st.floats(0, 1))
def test_truncated_files(fmt, index, cut):
    data = read(fmt, index)
    parse_or_own_error(data[: int(len(data) * cut)], fmt)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@FUZZ
@given(index=st.integers(0, 1), seed=st.integers(0, 2**32 - 1), flips=st.integers(1, 50))
def test_files_with_mutated_bytes(fmt, index, seed, flips):
    data = bytearray(read(fmt, index))
    rng = random.Random(seed)
    for _ in range(flips):
        data[rng.randrange(len(data))] = rng.randrange(256)
    parse_or_own_error(bytes(data), fmt)


@FUZZ
@given(index=st.integers(0, 1), seed=st.integers(0, 2**32 - 1), drop=st.booleans())
def test_word_packages_with_shuffled_or_missing_parts(index, seed, drop):
    src = zipfile.ZipFile(io.BytesIO(read("docx", index)))
    names = src.namelist()
    random.Random(seed).shuffle(names)
    if drop:
        names = names[1:]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for name in names:
            out.writestr(name, src.read(name))
    parse_or_own_error(buf.getvalue(), "docx")


@FUZZ
@given(index=st.integers(0, 1), seed=st.integers(0, 2**32 - 1))
def test_word_xml_with_mutated_bytes(index, seed):
    """Damage inside the compressed XML, where a byte flip on the zip would only break the checksum."""
    src = zipfile.ZipFile(io.BytesIO(read("docx", index)))
    rng = random.Random(seed)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for name in src.namelist():
            data = bytearray(src.read(name))
            if name == "word/document.xml":
                for _ in range(20):
                    data[rng.randrange(len(data))] = rng.choice(b"<>&\"'/=x\x00\xff")
            out.writestr(name, bytes(data))
    parse_or_own_error(buf.getvalue(), "docx")
