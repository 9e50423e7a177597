"""The README's command-line examples, run in order as a user on a fresh machine would: an empty folder,
an empty data folder, `msfood` on the PATH. Each must exit 0, or the code its own comment promises
(`# exit 3 ...`)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
# What the reader types for "...": any password the policy accepts.
PASSWORD = "石峰-readme-2026"
# The bureau's examples need a PostgreSQL server (tests/migrations and the merge tests run those commands).
NEEDS_SERVER = "postgresql"
RUNNABLE = re.compile(r"^(?:export\s|msfood\s|(?:[A-Z_]+=\S+\s+)+msfood\s)")
PROMISED_EXIT = re.compile(r"#\s*exit (\d)")

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Example:
    line: int
    command: str
    expected_exit: int


def code_block_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of every line inside a fenced block or an indented (4-space) block."""
    found: list[tuple[int, str]] = []
    fenced = False
    previous_blank = True
    indented = False
    for number, raw in enumerate(text.splitlines(), 1):
        if raw.startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            found.append((number, raw))
            continue
        if raw.startswith("    ") and (previous_blank or indented):
            indented = True
            found.append((number, raw[4:]))
        elif raw.strip():
            indented = False
        previous_blank = not raw.strip()
    return found


def readme_examples(text: str) -> tuple[list[Example], list[str]]:
    """The runnable examples in order (continuation lines joined) and the server-only ones left out."""
    examples: list[Example] = []
    skipped: list[str] = []
    pending = ""
    start = 0
    for number, raw in code_block_lines(text):
        line = raw.strip()
        if pending:
            pending = pending[:-1] + " " + line
        elif RUNNABLE.match(line):
            pending, start = line, number
        else:
            continue
        if pending.endswith("\\"):
            continue
        command, pending = pending, ""
        if NEEDS_SERVER in command:
            skipped.append(command)
            continue
        promised = PROMISED_EXIT.search(command)
        examples.append(Example(start, command, int(promised.group(1)) if promised else 0))
    return examples, skipped


def test_the_extractor_finds_the_story_and_only_leaves_out_the_server_examples() -> None:
    examples, skipped = readme_examples(README.read_text(encoding="utf-8"))
    commands = [e.command.split("#")[0].split() for e in examples]
    words = [c[c.index("msfood") + 1] for c in commands if "msfood" in c]
    # init → template → import → stats → ranking → report → export → bundle, in that order
    firsts = [words.index(w) for w in ("init", "template", "import", "stats", "ranking", "report", "bundle")]
    assert firsts == sorted(firsts)
    assert skipped and all(NEEDS_SERVER in s for s in skipped)
    written = [c[c.index(opt) + 1] for c in commands for opt in ("--out",) if opt in c]
    assert len(written) == len(set(written)), "two examples write the same file"
    demo_files = [c[c.index("--db") + 1] for c in commands if "msfood" in c and c[c.index("msfood") + 1] == "demo"]
    assert len(demo_files) == len(set(demo_files)), "two demo examples write the same database"


def test_the_readme_examples_run_in_order(tmp_path: Path) -> None:
    examples, _skipped = readme_examples(README.read_text(encoding="utf-8"))
    assert len(examples) >= 15
    bin_dir = Path(sys.executable).parent
    assert (bin_dir / "msfood").exists(), "the venv's msfood script"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MSFOOD_")}
    env.update(PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", MSFOOD_HOME=str(tmp_path / "home"), LANG="C.UTF-8")
    work = tmp_path / "work"
    work.mkdir()
    # One shell runs the story, so that `export` lines carry on; each example's exit code is recorded.
    script = ["set +e"]
    for index, example in enumerate(examples):
        command = example.command.replace("=...", "=" + PASSWORD)
        script.append(f"{command}\necho \"@@exit {index} $?\" >&2")
    done = subprocess.run(
        ["bash", "-c", "\n".join(script)], cwd=work, env=env, capture_output=True, text=True,
        stdin=subprocess.DEVNULL, timeout=900,
    )  # fmt: skip
    codes = {int(m.group(1)): int(m.group(2)) for m in re.finditer(r"@@exit (\d+) (\d+)", done.stderr)}
    assert len(codes) == len(examples), done.stderr[-3000:]
    failed = [
        f"README line {e.line}: {e.command}\n  exit {codes[i]}, expected {e.expected_exit}"
        for i, e in enumerate(examples)
        if codes[i] != e.expected_exit
    ]
    assert not failed, "\n".join(failed) + "\n" + done.stderr[-3000:]
    for text in (done.stdout, done.stderr):
        assert "Traceback" not in text
    # What the story promised is there, and nothing landed outside the folder it ran in.
    made = {p.name for p in work.iterdir()}
    assert {"station.sqlite", "导入模板.xlsx", "台账.xlsx", "2026Q3-完成情况.pdf", "2026Q3-完成情况.xlsx",
            "2026Q3-记录.xlsx", "石峰区-同步包.msfb", "石峰区-备份.sqlite"} <= made  # fmt: skip
    pdf = subprocess.run(["pdftotext", str(work / "2026Q3-完成情况.pdf"), "-"], capture_output=True, text=True)
    assert "石峰区" in pdf.stdout
