"""Refuse a zip package (.docx) that would decompress to more than we are willing to hold."""
from __future__ import annotations

import zipfile
import zlib
from typing import IO

from .errors import CorruptFileError, TooLargeError

MAX_PART_BYTES = 64 * 2**20  # one part (e.g. word/document.xml) decompressed
MAX_TOTAL_BYTES = 256 * 2**20  # all parts decompressed
MAX_PARTS = 10_000
CHUNK = 2**20


def check_zip_sizes(stream: IO[bytes], name: str, max_part: int = MAX_PART_BYTES,
                    max_total: int = MAX_TOTAL_BYTES) -> None:
    """Raise TooLargeError when declared or actual decompressed sizes pass the limits."""
    try:
        with zipfile.ZipFile(stream) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_PARTS:
                raise TooLargeError(f"{len(infos)} parts in the package (limit {MAX_PARTS})", name)
            declared = sum(i.file_size for i in infos)
            biggest = max((i.file_size for i in infos), default=0)
            if biggest > max_part or declared > max_total:
                raise TooLargeError(f"the package declares {declared:,} bytes decompressed "
                                    f"(limits {max_part:,} per part, {max_total:,} in all): refused", name)
            total = 0
            for info in infos:
                total += actual_size(zf, info, max_part, name)
                if total > max_total:
                    raise TooLargeError(f"the package decompresses to more than {max_total:,} bytes: refused",
                                        name)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, OSError) as exc:
        raise CorruptFileError(f"damaged zip package ({type(exc).__name__}: {exc})", name) from exc
    finally:
        stream.seek(0)


def actual_size(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, name: str) -> int:
    """Decompress a member in chunks, stopping as soon as it passes `limit` or its declared size."""
    size = 0
    with zf.open(info) as member:
        while chunk := member.read(CHUNK):
            size += len(chunk)
            if size > limit or size > info.file_size:
                raise TooLargeError(f"part {info.filename} decompresses past its declared size or "
                                    f"the limit of {limit:,} bytes: refused", name)
    return size
