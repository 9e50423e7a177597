"""Sync as people run it: `msfood init`, `keys`, `bundle export|import` in subprocesses, a bureau and two
stations, a workbook imported at a station, the figures compared; tampered and untrusted bundles."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from tests.e2e.worked_example_workbook import build

NOW = "2026-11-24T10:00:00+08:00"
PASSWORD = "admin-pass-1"
BUREAU, S1, S2 = "4302", "430204-01", "430211-01"


def runner(home: Path):  # type: ignore[no-untyped-def]
    def msfood(
        *args: str, user: str = "admin", password: str = PASSWORD, **env: str
    ) -> subprocess.CompletedProcess[str]:
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("MSFOOD_")}
        full_env.update(
            {
                "MSFOOD_HOME": str(home),
                "MSFOOD_NOW": NOW,
                "MSFOOD_USER": user,
                "MSFOOD_PASSWORD": password,
                "MSFOOD_ADMIN_PASSWORD": PASSWORD,
                **env,
            }
        )
        return subprocess.run(
            [sys.executable, "-m", "msfood", *args],
            capture_output=True,
            text=True,
            env=full_env,
            stdin=subprocess.DEVNULL,
            timeout=300,
        )

    return msfood


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    return runner(tmp_path / "home")


def fingerprint(run, db: Path) -> str:  # type: ignore[no-untyped-def]
    done = run("keys", "show", "--db", str(db), "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["fingerprint"]


def trust(run, folder: Path, source: Path, target: Path) -> None:  # type: ignore[no-untyped-def]
    enrolment = folder / f"{source.stem}.enrol.json"
    done = run("keys", "export-enrolment", "--db", str(source), "--out", str(enrolment))
    assert done.returncode == 0, done.stderr
    done = run(
        "keys", "trust", "--db", str(target), str(enrolment), "--fingerprint", fingerprint(run, source)
    )
    assert done.returncode == 0, done.stderr
    assert "已信任" in done.stdout


@pytest.fixture(scope="session")
def units_template(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A bureau and two stations made and enrolled both ways with the CLI (once; each test copies them)."""
    folder = tmp_path_factory.mktemp("sync-units")
    run = runner(folder / "home")
    paths = {code: folder / f"{code}.sqlite" for code in (BUREAU, S1, S2)}
    made = [
        run("init", "--db", str(paths[BUREAU]), "--station-code", BUREAU,
            "--station-name", "株洲市市场监督管理局", "--region", "430200", "--bureau"),
        run("init", "--db", str(paths[S1]), "--station-code", S1, "--station-name", "石峰区市场监管所",
            "--region", "430204"),
        run("init", "--db", str(paths[S2]), "--station-code", S2, "--station-name", "天元区市场监管所",
            "--region", "430211"),
    ]  # fmt: skip
    assert all(m.returncode == 0 for m in made), [m.stderr for m in made]
    for station in (S1, S2):
        trust(run, folder, paths[station], paths[BUREAU])
        trust(run, folder, paths[BUREAU], paths[station])
    for path in paths.values():
        with closing(sqlite3.connect(path)) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return paths


@pytest.fixture
def units(units_template: dict[str, Path], tmp_path: Path) -> dict[str, Path]:
    out = {}
    for code, path in units_template.items():
        out[code] = tmp_path / path.name
        shutil.copyfile(path, out[code])
    return out


def content_digest(path: Path) -> str:
    """Every table but the accounts (signing in updates them), for 'nothing was written' checks."""
    with closing(sqlite3.connect(path)) as connection:
        digest = hashlib.sha256()
        names = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        for name in names:
            if name == "users":
                continue
            for row in connection.execute(f'SELECT * FROM "{name}" ORDER BY 1'):
                digest.update(repr(row).encode())
        return digest.hexdigest()


def stats(run, db: Path) -> dict:  # type: ignore[no-untyped-def,type-arg]
    done = run(
        "stats",
        "--db",
        str(db),
        "--period",
        "2026Q2",
        "--as-of",
        "2026-06-30",
        "--region",
        "430204",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def export(run, db: Path, to: str, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return run("bundle", "export", "--db", str(db), "--out", str(out), "--to", to, *extra)


def test_a_wrong_fingerprint_trusts_nothing(run, units: dict[str, Path], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    enrolment = tmp_path / "s2.json"
    assert run("keys", "export-enrolment", "--db", str(units[S2]), "--out", str(enrolment)).returncode == 0
    done = run(
        "keys", "trust", "--db", str(units[S1]), str(enrolment), "--fingerprint", "0000 1111 2222 3333"
    )
    assert done.returncode == 1
    assert "指纹不符" in done.stderr and "Traceback" not in done.stderr
    peers = json.loads(run("keys", "show", "--db", str(units[S1]), "--json").stdout)["peers"]
    assert [p["code"] for p in peers] == [BUREAU]


def test_a_workbook_at_a_station_gives_the_bureau_the_same_figures(
    run, units: dict[str, Path], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    workbook = build(tmp_path / "示例.xlsx")
    done = run("import", "--db", str(units[S1]), str(workbook), "--json")
    assert done.returncode == 0, done.stderr + done.stdout

    done = export(run, units[S1], BUREAU, tmp_path)
    assert done.returncode == 0, done.stderr
    bundle = tmp_path / f"{S1}-to-{BUREAU}-00001.msfb"
    assert bundle.is_file() and "已加密" in done.stdout
    done = run("bundle", "import", "--db", str(units[BUREAU]), str(bundle), "--json")
    assert done.returncode == 0, done.stderr
    receipt = json.loads(done.stdout)
    assert {"new", "updated", "unchanged", "conflicts", "errors"} <= set(receipt)
    assert receipt["new"] > 0 and receipt["errors"] == [] and receipt["conflicts"] == 0

    assert stats(run, units[BUREAU]) == stats(run, units[S1])
    assert stats(run, units[BUREAU])["supervision"]["due"] > 0

    again = run("bundle", "import", "--db", str(units[BUREAU]), str(bundle))
    assert again.returncode == 3 and "已导入" in again.stdout

    # The bureau's scope for the other station holds none of this station's businesses.
    assert export(run, units[BUREAU], S2, tmp_path).returncode == 0
    to_s2 = tmp_path / f"{BUREAU}-to-{S2}-00001.msfb"
    assert run("bundle", "import", "--db", str(units[S2]), str(to_s2)).returncode == 0
    assert stats(run, units[S2])["supervision"]["due"] == 0

    # Back and forth until neither side has anything to send: then no file is written, exit 3.
    quiet = False
    for round_no in range(6):
        sent = False
        for src, dst in ((BUREAU, S1), (S1, BUREAU)):
            folder = tmp_path / f"round{round_no}-{src}"
            folder.mkdir()
            done = export(run, units[src], dst, folder)
            if done.returncode == 3:
                assert list(folder.iterdir()) == [] and "没有需要发送" in done.stderr
                continue
            assert done.returncode == 0, done.stderr
            sent = True
            (file,) = folder.iterdir()
            assert run("bundle", "import", "--db", str(units[dst]), str(file)).returncode == 0
        if not sent:
            quiet = True
            break
    assert quiet


def test_tampered_untrusted_and_revoked_bundles_are_refused(
    run, units: dict[str, Path], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert export(run, units[S2], BUREAU, tmp_path).returncode == 0
    bundle = tmp_path / f"{S2}-to-{BUREAU}-00001.msfb"
    before = content_digest(units[BUREAU])

    tampered = tmp_path / "tampered.msfb"
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x40
    tampered.write_bytes(bytes(data))
    done = run("bundle", "import", "--db", str(units[BUREAU]), str(tampered))
    assert done.returncode == 1 and "未导入" in done.stderr and "Traceback" not in done.stderr

    stranger = tmp_path / "stranger.sqlite"
    assert (
        run(
            "init", "--db", str(stranger), "--station-code", "430299-01", "--station-name", "外来所"
        ).returncode
        == 0
    )
    assert (
        run("bundle", "export", "--db", str(stranger), "--out", str(tmp_path / "stranger.msfb")).returncode
        == 0
    )
    done = run("bundle", "import", "--db", str(units[BUREAU]), str(tmp_path / "stranger.msfb"), "--json")
    assert done.returncode == 1
    assert "不在信任列表" in json.loads(done.stdout)["errors"][0]["message"]

    assert run("keys", "revoke", "--db", str(units[BUREAU]), S2).returncode == 0
    after_revoke = content_digest(units[BUREAU])
    done = run("bundle", "import", "--db", str(units[BUREAU]), str(bundle))
    assert done.returncode == 1 and "撤销" in done.stderr
    assert content_digest(units[BUREAU]) == after_revoke
    assert after_revoke != before  # the revocation itself was recorded


def test_roles_are_checked(run, units: dict[str, Path], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    added = run(
        "users", "add", "--db", str(units[S1]), "wang", "--role", "viewer", MSFOOD_NEW_PASSWORD="wang-pass-1"
    )
    assert added.returncode == 0, added.stderr
    done = run(
        "bundle",
        "export",
        "--db",
        str(units[S1]),
        "--out",
        str(tmp_path),
        "--to",
        BUREAU,
        user="wang",
        password="wang-pass-1",
    )
    assert done.returncode == 2 and "无权" in done.stderr  # INTERFACES: permission denied is exit 2
    assert not list(tmp_path.glob("*.msfb"))
    done = run("keys", "revoke", "--db", str(units[S1]), BUREAU, user="wang", password="wang-pass-1")
    assert done.returncode == 2 and "无权" in done.stderr  # INTERFACES: permission denied is exit 2


def test_english_messages(run, units: dict[str, Path], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    junk = tmp_path / "junk.msfb"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    done = run("--lang", "en", "bundle", "import", "--db", str(units[BUREAU]), str(junk))
    assert done.returncode == 1 and "was refused and nothing was changed" in done.stderr


# --- a kill in the middle of a large import -----------------------------------------------------

ROWS = 60_000


def fill_station(path: Path) -> None:
    """Many visits written straight into the station's tables (fast), stamped as the station's own."""
    from msfood.core.hlc import format_hlc
    from msfood.core.ids import natural_id

    with closing(sqlite3.connect(path)) as connection:
        seq = int(connection.execute("SELECT value FROM meta WHERE key='local_seq'").fetchone()[0])
        ms = 1_795_000_000_000
        stamp = lambda i: format_hlc(ms, i, S1)  # noqa: E731
        entered = "2026-11-20 02:00:00.000000"
        region = natural_id("region", "430204")
        connection.execute(  # `init --region 430204` made it already (the official regions)
            "INSERT OR IGNORE INTO regions"
            " (id, hlc, base_hlc, origin, deleted, entered_at, local_seq, code, name) "
            "VALUES (?, ?, '', ?, 0, ?, ?, '430204', '石峰区')",
            (region, stamp(0), S1, entered, seq + 1),
        )
        business = natural_id("business", "91430204MA4L000001", "")
        connection.execute(
            "INSERT INTO businesses (id, hlc, base_hlc, origin, deleted, entered_at, local_seq, name,"
            " name_initials, credit_code, licence_no, form, grade, high_risk, region_id, rest_days) VALUES "
            "(?, ?, '', ?, 0, ?, ?, '饭店', '', '91430204MA4L000001', '', 'catering', 'D', 0, ?, '')",
            (business, stamp(1), S1, entered, seq + 2, region),
        )
        cadres = []
        for c in range(100):
            cadre = natural_id("cadre", f"138{c:08d}")
            cadres.append(cadre)
            connection.execute(
                "INSERT INTO cadres (id, hlc, base_hlc, origin, deleted, entered_at, local_seq, name,"
                " name_initials, phone, level, region_id)"
                " VALUES (?, ?, '', ?, 0, ?, ?, ?, '', ?, 'village', ?)",
                (cadre, stamp(2 + c), S1, entered, seq + 3 + c, f"干部{c}", f"138{c:08d}", region),
            )
        seq += 200
        rows = []
        for i in range(ROWS):
            cadre = cadres[i % 100]
            day = f"2026-{1 + (i // 100) % 12:02d}-{1 + i % 28:02d}"
            rows.append(
                (
                    natural_id("visit", cadre, business, f"{day}#{i}"),
                    stamp(200 + i),
                    S1,
                    entered,
                    seq + i,
                    cadre,
                    business,
                    day,
                    "onsite",
                    f"第{i}次督导",
                )
            )
        connection.executemany(
            "INSERT INTO visits (id, hlc, base_hlc, origin, deleted, entered_at, local_seq, cadre_id,"
            " business_id, visit_date, mode, remarks) VALUES (?, ?, '', ?, 0, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        connection.execute("UPDATE meta SET value=? WHERE key='local_seq'", (str(seq + ROWS),))
        connection.execute("UPDATE meta SET value=? WHERE key='hlc'", (stamp(200 + ROWS),))
        connection.commit()


@pytest.mark.skipif(
    not hasattr(signal, "SIGKILL"),
    reason="kills a process mid-write with SIGKILL, which only POSIX systems have (Windows has none)",
)
def test_a_kill_in_the_middle_of_a_large_import_leaves_the_database_as_it_was(
    run,
    units: dict[str, Path],
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    fill_station(units[S1])
    assert export(run, units[S1], BUREAU, tmp_path).returncode == 0
    bundle = tmp_path / f"{S1}-to-{BUREAU}-00001.msfb"
    target = units[BUREAU]
    before = content_digest(target)
    wal = target.with_name(target.name + "-wal")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MSFOOD_")}
    env.update(
        {
            "MSFOOD_HOME": str(tmp_path / "home"),
            "MSFOOD_NOW": NOW,
            "MSFOOD_USER": "admin",
            "MSFOOD_PASSWORD": PASSWORD,
        }
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "msfood", "bundle", "import", "--db", str(target), str(bundle)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    start_size = wal.stat().st_size if wal.exists() else 0
    deadline = time.monotonic() + 240
    killed_mid_merge = False
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and wal.stat().st_size > start_size + 4 * 1024 * 1024:
            process.send_signal(signal.SIGKILL)
            killed_mid_merge = True
            break
        time.sleep(0.01)
    process.wait(timeout=60)
    process.stdout.close()  # type: ignore[union-attr]
    process.stderr.close()  # type: ignore[union-attr]
    assert killed_mid_merge, "the import finished before it could be killed"
    assert process.returncode == -signal.SIGKILL

    with closing(sqlite3.connect(target)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert content_digest(target) == before

    done = run("bundle", "import", "--db", str(target), str(bundle), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["new"] >= ROWS
