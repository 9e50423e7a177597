"""The importer as a generator: progress, cancel, continuation sheets, warnings, roles."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import pytest
from sqlalchemy import func, select

from msfood.core.errors import PermissionDenied, ValidationError
from msfood.core.progress import Progress, drain
from msfood.db.models import Business, Region, SelfCheck, Visit
from msfood.services.writing.permissions import Actor
from msfood.workbook import importer
from msfood.workbook.importer import import_workbook
from msfood.workbook.result import WorkbookRefused
from tests.workbook_example import EXAMPLE_ROWS, header, worked_example, write_xlsx

ADMIN = Actor("admin", "admin")
LIAISON = Actor("li", "liaison")


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSFOOD_HOME", str(tmp_path / "home"))  # backups go there


def count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        return int(
            session.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False))) or 0
        )


def test_progress_then_result(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    book = write_xlsx(tmp_path / "example.xlsx", worked_example())
    steps = list(_steps(import_workbook(db, book, actor=ADMIN, clock=clock)))
    progress, result = steps[:-1], steps[-1]
    assert all(isinstance(p, Progress) for p in progress)
    assert progress[0].done == 0 and progress[0].total >= EXAMPLE_ROWS
    assert progress[-1].done == progress[-1].total
    assert [p.done for p in progress] == sorted(p.done for p in progress)
    assert result.new == EXAMPLE_ROWS and result.ok and result.by_sheet["自查记录"] == 269
    assert count(db, Visit) == 3


def _steps(task):  # type: ignore[no-untyped-def]
    while True:
        try:
            yield next(task)
        except StopIteration as finished:
            yield finished.value
            return


def test_cancel_between_rows_writes_nothing(tmp_path: Path, db, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(importer, "READ_BATCH", 10)
    monkeypatch.setattr(importer, "WRITE_BATCH", 10)
    book = write_xlsx(tmp_path / "example.xlsx", worked_example())
    task = import_workbook(db, book, actor=ADMIN, clock=clock)
    seen = []
    for progress in task:
        seen.append(progress)
        if progress.done >= 100:  # well into the self-checks: the roster is written by now
            break
    task.close()
    assert seen[-1].done >= 100
    assert any(p.label.startswith("正在写入") for p in seen)  # rows had been written, then rolled back
    assert count(db, Business) == 0 and count(db, SelfCheck) == 0


def test_continuation_sheets_are_read_alike(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    sheets = worked_example()
    checks = sheets.pop("自查记录")
    sheets["自查记录"] = checks[:101]
    sheets["自查记录2"] = [checks[0], *checks[101:201]]
    sheets["自查记录3"] = [checks[0], *checks[201:]]
    book = write_xlsx(tmp_path / "split.xlsx", sheets)
    result = drain(import_workbook(db, book, actor=ADMIN, clock=clock))
    assert result.new == EXAMPLE_ROWS
    assert result.by_sheet == result.by_sheet | {"自查记录": 100, "自查记录2": 100, "自查记录3": 69}
    assert count(db, SelfCheck) == 269


def test_a_key_repeated_in_a_later_part_names_the_first(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    sheets = worked_example()
    sheets["自查记录2"] = [sheets["自查记录"][0], list(sheets["自查记录"][5])]
    book = write_xlsx(tmp_path / "repeat.xlsx", sheets)
    with pytest.raises(WorkbookRefused) as refused:
        drain(import_workbook(db, book, actor=ADMIN, clock=clock))
    [error] = refused.value.result.errors
    assert (error.sheet, error.row, error.column) == ("自查记录2", 2, "统一社会信用代码")
    assert error.message() == "与自查记录 第 6 行重复"
    assert error.sentence() == "自查记录2 第 2 行 统一社会信用代码：与自查记录 第 6 行重复"
    assert count(db, Business) == 0


def test_unknown_sheets_and_columns_are_warnings(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    sheets = worked_example()
    sheets["备忘"] = [["随便写点什么"]]
    sheets["抽检计划"] = [[*header("抽检计划"), "说明"], ["430204", 2026, 12, "年初下达"]]
    book = write_xlsx(tmp_path / "extra.xlsx", sheets)
    result = drain(import_workbook(db, book, actor=ADMIN, clock=clock))
    found = {(w.sheet, w.row, w.column, w.code) for w in result.warnings}
    assert ("备忘", None, "", "workbook.unknown_sheet") in found
    assert ("抽检计划", 1, "说明", "workbook.unknown_column") in found
    assert result.new == EXAMPLE_ROWS


def test_a_workbook_without_a_template_sheet_is_refused(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    """Nothing to import is not a success: most likely the wrong file, or its sheets were renamed."""
    sheets = {"Sheet1": [["名称", "区划代码"], ["石峰区", "430204"]], "说明": [["x"]]}
    book = write_xlsx(tmp_path / "other.xlsx", sheets)
    with pytest.raises(WorkbookRefused) as refused:
        drain(import_workbook(db, book, actor=ADMIN, clock=clock))
    assert isinstance(refused.value, ValidationError) and refused.value.exit_code == 1
    (error,) = refused.value.result.errors
    assert error.code == "workbook.no_known_sheet" and not refused.value.result.ok
    text = refused.value.message()
    assert "没有 msfood 能识别的工作表" in text and "Sheet1" in text and "包保主体" in text
    assert "holds no sheet msfood knows" in refused.value.message("en")
    assert count(db, Region) == 0


def test_the_collector_thresholds_are_raised_while_importing_and_restored_after(
    tmp_path: Path,
    db,
    clock,  # type: ignore[no-untyped-def]
) -> None:
    before = gc.get_threshold()
    task = import_workbook(
        db, write_xlsx(tmp_path / "example.xlsx", worked_example()), actor=ADMIN, clock=clock
    )
    next(task)
    assert gc.get_threshold()[0] >= 50_000
    drain(task)
    assert gc.get_threshold() == before
    refused = import_workbook(
        db, write_xlsx(tmp_path / "other.xlsx", {"Sheet1": [["x"]]}), actor=ADMIN, clock=clock
    )
    with pytest.raises(WorkbookRefused):
        drain(refused)
    assert gc.get_threshold() == before


def test_headers_in_any_order_and_blank_rows(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    book = write_xlsx(
        tmp_path / "order.xlsx",
        {
            "区划": [
                ["名称", "区划代码*"],
                ["石峰区", "430204"],
                [None, None],
                ["  ", None],
                ["清水塘街道", "430204001"],
            ],
        },
    )
    result = drain(import_workbook(db, book, actor=ADMIN, clock=clock))
    assert (result.new, result.rows) == (2, 2)


def test_roles_decide_which_sheets_may_be_imported(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    sheets = worked_example()
    book = write_xlsx(tmp_path / "example.xlsx", sheets)
    with pytest.raises(PermissionDenied):
        drain(import_workbook(db, book, actor=LIAISON, clock=clock))
    with pytest.raises(PermissionDenied):
        drain(import_workbook(db, book, actor=Actor("v", "viewer"), clock=clock, dry_run=True))
    assert count(db, Business) == 0
    roster = {k: v for k, v in sheets.items() if k in ("区划", "包保主体", "包保干部", "包保关系")}
    drain(import_workbook(db, write_xlsx(tmp_path / "roster.xlsx", roster), actor=ADMIN, clock=clock))
    # a liaison officer enters records; an empty roster sheet (the template's headers) is no obstacle
    records = {"包保主体": [header("包保主体")], "督导记录": sheets["督导记录"]}
    result = drain(
        import_workbook(db, write_xlsx(tmp_path / "visits.xlsx", records), actor=LIAISON, clock=clock)
    )
    assert result.new == 3 and count(db, Visit) == 3


def test_dry_run_counts_what_would_change(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    book = write_xlsx(tmp_path / "example.xlsx", worked_example())
    drain(import_workbook(db, book, actor=ADMIN, clock=clock))
    sheets = worked_example()
    sheets["督导记录"][3][-1] = "补充备注"
    sheets["自查记录"].append(sheets["自查记录"][1][:2] + ["日管控", dt.datetime(2026, 7, 1), 0, None, None])
    changed = write_xlsx(tmp_path / "changed.xlsx", sheets)
    result = drain(import_workbook(db, changed, actor=ADMIN, clock=clock, dry_run=True))
    assert (result.new, result.updated, result.unchanged) == (1, 1, EXAMPLE_ROWS - 1)
    assert result.dry_run and count(db, SelfCheck) == 269


def test_rows_dated_in_a_closed_period_are_each_named(tmp_path, db, clock) -> None:  # type: ignore[no-untyped-def]
    from msfood.services.periods.closing import close_period
    from msfood.services.writing.transaction import unit_of_work

    sheets = worked_example()
    roster = {k: v for k, v in sheets.items() if k in ("区划", "包保主体", "包保干部", "包保关系")}
    drain(import_workbook(db, write_xlsx(tmp_path / "roster.xlsx", roster), actor=ADMIN, clock=clock))
    with unit_of_work(db.sessions, actor=ADMIN, clock=clock) as uow:
        close_period(uow, period="2026-05")
    visits = {"督导记录": sheets["督导记录"], "快检": sheets["快检"]}
    with pytest.raises(WorkbookRefused) as refused:
        drain(import_workbook(db, write_xlsx(tmp_path / "visits.xlsx", visits), actor=ADMIN, clock=clock))
    errors = refused.value.result.errors
    found = {(e.sheet, e.row, e.column) for e in errors}
    assert found == {("督导记录", 2, "督导日期"), ("快检", 2, "快检日期")}
    assert all("2026-05" in e.message() for e in errors)
    assert count(db, Visit) == 0
