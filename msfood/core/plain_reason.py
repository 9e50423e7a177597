"""A library's exception as a short reason in the user's words: the messages of zipfile, openpyxl, xlrd,
the XML parsers, csv, sqlite3 and SQLAlchemy name their internals ("File is not a zip file", "There is
no item named '[Content_Types].xml'", "(sqlite3.IntegrityError) ... Background on this error at ..."),
which mean nothing to the person who chose the file. The original stays chained for the log."""

from __future__ import annotations

import csv
import errno
import sqlite3
import zipfile
import zlib

from msfood.i18n import t

OS_REASONS = {
    errno.ENOENT: "readme_folders.reason_not_found",
    errno.EACCES: "readme_folders.reason_no_permission",
    errno.EPERM: "readme_folders.reason_no_permission",
    errno.EROFS: "readme_folders.reason_no_permission",
    errno.ENOSPC: "readme_folders.reason_disk_full",
    errno.EISDIR: "readme_folders.reason_is_folder",
}


def _driver_error(exc: BaseException) -> BaseException:
    """SQLAlchemy wraps the driver's exception: judge by the one underneath."""
    inner = getattr(exc, "orig", None)
    return inner if isinstance(inner, BaseException) else exc


def _is_xml_error(exc: BaseException) -> bool:
    return any(cls.__name__ in ("ParseError", "XMLSyntaxError", "ExpatError") for cls in type(exc).__mro__)


def _integrity_reason(text: str) -> str:
    text = text.upper()
    if "UNIQUE" in text or "DUPLICATE" in text:
        return t("readme_folders.reason_duplicate")
    if "FOREIGN KEY" in text:
        return t("readme_folders.reason_missing_reference")
    if "NOT NULL" in text:
        return t("readme_folders.reason_missing_value")
    return t("readme_folders.reason_rule")


def plain_reason(exc: BaseException) -> str:
    """Why reading or storing failed, in the current language; never the library's own words."""
    error = _driver_error(exc)
    if isinstance(error, OSError):
        known = OS_REASONS.get(error.errno or 0)
        if known:
            return t(known)
        if error.strerror:
            return error.strerror  # the system's own sentence: about the file, not about us
    if isinstance(error, zipfile.BadZipFile | zipfile.LargeZipFile | zlib.error | EOFError):
        return t("readme_folders.reason_damaged_archive")
    if isinstance(error, UnicodeDecodeError):
        return t("readme_folders.reason_encoding")
    if isinstance(error, UnicodeEncodeError):
        return t("readme_folders.reason_bad_text")
    if isinstance(error, csv.Error):
        return t("readme_folders.reason_csv")
    if isinstance(error, sqlite3.IntegrityError) or type(error).__name__ == "IntegrityError":
        return _integrity_reason(str(error))
    if isinstance(error, sqlite3.Error):
        return t("readme_folders.reason_database")
    if isinstance(error, OverflowError):
        return t("readme_folders.reason_too_large")
    if isinstance(error, KeyError) or _is_xml_error(error) or type(error).__module__.startswith("xlrd"):
        return t("readme_folders.reason_wrong_content")
    if isinstance(error, ValueError | TypeError):
        return t("readme_folders.reason_bad_value")
    return t("readme_folders.reason_wrong_content")
