"""Errors with stable codes; their text lives in msfood.i18n.

ValidationError and ConflictError are for the user to fix; the rest are environment problems or bugs.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any


class MsfoodError(Exception):
    """Base of every error msfood raises on purpose. `code` keys the message catalogue."""

    code = "error.unknown"
    exit_code = 2

    def __init__(self, code: str | None = None, /, **params: Any) -> None:
        if code is not None:
            self.code = code
        self.params = params
        super().__init__(self.code)

    def message(self, lang: str | None = None) -> str:
        from msfood.i18n import t

        return t(self.code, lang, **self.params)

    def __str__(self) -> str:
        return self.message()


@dataclass(frozen=True)
class Issue:
    """One problem found in input: which field (and where), and why."""

    code: str
    field: str = ""
    params: dict[str, Any] = dc_field(default_factory=dict)
    sheet: str = ""
    row: int | None = None

    def message(self, lang: str | None = None) -> str:
        from msfood.i18n import t

        return t(self.code, lang, **self.params)


class ValidationError(MsfoodError):
    """Input refused: one or more issues, each naming the field and the reason."""

    code = "error.validation"
    exit_code = 1

    def __init__(self, issues: list[Issue] | Issue | str, field: str = "", /, **params: Any) -> None:
        if isinstance(issues, str):
            issues = [Issue(issues, field, params)]
        elif isinstance(issues, Issue):
            issues = [issues]
        self.issues: list[Issue] = list(issues)
        super().__init__(self.issues[0].code if self.issues else self.code, **params)

    @property
    def field(self) -> str:
        return self.issues[0].field if self.issues else ""

    def message(self, lang: str | None = None) -> str:
        from msfood.i18n import field_label

        parts = []
        for issue in self.issues:
            text = issue.message(lang)
            if issue.field:
                text = f"{field_label(issue.field, lang)}: {text}"
            parts.append(text)
        return "\n".join(parts)


class ConflictError(MsfoodError):
    code = "error.conflict"
    exit_code = 1


class NotFoundError(MsfoodError):
    code = "error.not_found"
    exit_code = 1


class PermissionDenied(MsfoodError):
    """The signed-in role may not do this (INTERFACES.md: exit 2, with "permission denied")."""

    code = "error.permission"
    exit_code = 2


class AuthenticationError(MsfoodError):
    code = "error.auth"
    exit_code = 2


class EnvironmentProblem(MsfoodError):
    """The environment is wrong: a missing file, a database too new, a password not given."""

    code = "error.environment"
    exit_code = 2


class NothingToDo(MsfoodError):
    code = "error.nothing_to_do"
    exit_code = 3


class Cancelled(MsfoodError):
    code = "error.cancelled"
    exit_code = 2
