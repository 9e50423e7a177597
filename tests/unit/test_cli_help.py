"""The command line speaks Chinese by default: every command's help, and argparse's own words."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from msfood.cli import build_parser, main
from msfood.cli._help_zh import HELP
from msfood.i18n import set_language


def _help_texts(parser: argparse.ArgumentParser) -> list[str]:
    found: list[str] = []
    pending = [parser]
    while pending:
        current = pending.pop()
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                found += [choice.help for choice in action._choices_actions if choice.help]
                pending.extend(action.choices.values())
            elif action.help and action.help != argparse.SUPPRESS:
                found.append(action.help)
        if current.description and current is not parser:
            found.append(current.description)
    return found


def test_every_help_text_has_its_chinese_text() -> None:
    set_language("en")
    try:
        english = _help_texts(build_parser())
    finally:
        set_language("zh_CN")
    missing = sorted({text for text in english if text not in HELP})
    assert not missing, f"help texts without Chinese (add them to msfood/cli/_help_zh.py): {missing}"


def test_the_default_help_is_chinese_and_english_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["stats", "--help"])
    chinese = capsys.readouterr().out
    assert chinese.startswith("用法：msfood stats")
    assert "截至日期" in chinese and "show this help" not in chinese
    with pytest.raises(SystemExit):
        main(["--lang", "en", "stats", "--help"])
    english = capsys.readouterr().out
    assert english.startswith("usage: msfood stats") and "YYYY-MM-DD (default: today in China)" in english
    set_language("zh_CN")


def test_a_usage_error_is_one_chinese_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["stats"])
    assert exit_info.value.code == 2
    assert "缺少以下参数：--period" in capsys.readouterr().err


def test_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "msfood", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("msfood ") and result.stdout.split()[1][0].isdigit()
