"""Every failure vplan reports: one base class, one subclass per cause.

Each error carries the file (and page, where known) and a short `reason`
code that the ingest summary and error report use.
"""
from __future__ import annotations


class VplanError(Exception):
    """Base of every error vplan raises on purpose."""

    reason = "error"

    def __init__(self, message: str, file: str | None = None, page: int | None = None):
        self.message = message
        self.file = file
        self.page = page
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [self.file] if self.file else []
        if self.page is not None:
            where.append(f"page {self.page}")
        return f"{', '.join(where)}: {self.message}" if where else self.message

    def at(self, file: str) -> "VplanError":
        """The same error, now naming the file it came from."""
        self.file = self.file or file
        self.args = (str(self),)
        return self


class UnsupportedFormatError(VplanError):
    reason = "unsupported_format"


class EmptyFileError(VplanError):
    reason = "empty_file"


class CorruptFileError(VplanError):
    reason = "corrupt_file"


class EncryptedFileError(VplanError):
    reason = "encrypted"


class NoTextLayerError(VplanError):
    reason = "no_text_layer"


class NotAPlanError(VplanError):
    reason = "not_a_plan"


class ConversionError(VplanError):
    reason = "conversion_failed"


class TooLargeError(VplanError):
    reason = "too_large"


class UsageError(VplanError):
    reason = "usage"


class TimeLimitError(VplanError):
    reason = "time_limit"


class StorageError(VplanError):
    """The curated tables cannot be written or read: a full disk, a read-only folder, a missing permission."""

    reason = "storage_error"
