"""The app's error dialogs say what went wrong with a file in our words, not the system's English."""

from __future__ import annotations

import errno


def test_a_file_error_is_said_in_chinese(app) -> None:  # type: ignore[no-untyped-def]
    from ui.errors import error_text

    text = error_text(FileNotFoundError(errno.ENOENT, "No such file or directory", "/U盘/报表.pdf"))
    assert "/U盘/报表.pdf" in text and "不存在" in text and "No such file" not in text
    text = error_text(IsADirectoryError(errno.EISDIR, "Is a directory", "/U盘/报表"))
    assert "/U盘/报表" in text and "是一个文件夹" in text and "Is a directory" not in text
