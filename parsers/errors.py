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

    def at(self, file: str) -> VplanError:
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


class PartialReadError(VplanError):
    """A plan read only in part: its rows are kept, the pages not read are named. Never raised:
    the problems go with the parsed plan."""

    def __init__(self, message: str, file: str | None = None, pages: list[int] | None = None):
        super().__init__(message, file, None)
        self.pages = pages or []


class NoActivityTableError(PartialReadError):
    reason = "no_activity_table"


class LowCoverageError(PartialReadError):
    reason = "low_coverage"


class InternalError(VplanError):
    """A failure inside vplan's own code: a bug to report, not a damaged file."""

    reason = "internal_error"

    def __init__(self, message: str, file: str | None = None, page: int | None = None, detail: str = ""):
        super().__init__(message, file, page)
        self.detail = detail  # the traceback, for the run report


def internal_error(exc: BaseException, file: str | None = None, page: int | None = None) -> InternalError:
    """An InternalError for an unexpected exception, carrying its traceback."""
    import traceback

    detail = "".join(traceback.format_exception(exc))
    return InternalError(f"vplan failed on this file ({type(exc).__name__}: {exc}); this is a bug in vplan, "
                         "please report it together with the file", file, page, detail)


class NoPlansError(VplanError):
    """A report or export found no plans in the curated folder (or none for the region asked for)."""
    reason = "no_plans"


class StorageError(VplanError):
    """The curated tables cannot be written or read: a full disk, a read-only folder, a missing permission."""

    reason = "storage_error"
