"""Hostile and broken bundles: each refused with a clear message, the database exactly as it was."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import (
    BUREAU,
    S1,
    db_digest,
    export,
    import_,
    meta_value,
    put_business,
    put_cadre,
    put_visit,
    rewrite_bundle,
    seed_regions,
    unseal,
    write,
    write_members,
)

from msfood.core.keys import generate_unit_keys


@pytest.fixture
def bundle(trio: dict[str, Path], tmp_path: Path) -> Path:
    import datetime as dt

    def roster(uow) -> None:  # type: ignore[no-untyped-def]
        seed_regions(uow)
        business = put_business(uow, "91430204MA4L000001", "430204001")
        put_visit(uow, put_cadre(uow, "13800000001", "430204001"), business, dt.date(2026, 11, 20))

    write(trio[S1], S1, roster)
    path = export(trio[S1], S1, tmp_path, to=BUREAU)
    assert path is not None
    return path


def refused(trio: dict[str, Path], files: list[Path], code: str) -> str:
    before = db_digest(trio[BUREAU])
    report = import_(trio[BUREAU], BUREAU, files)
    assert report.exit_code == 1, report.as_json()
    assert report.bundles[-1].status == "refused"
    assert report.bundles[-1].code == code, report.bundles[-1].message
    assert db_digest(trio[BUREAU]) == before
    message = report.bundles[-1].message or ""
    assert "未导入" in message and "Traceback" not in message
    return message


def s1_key(trio: dict[str, Path]) -> str:
    return meta_value(trio[S1], "sign_private_key")


def rewritten(
    trio: dict[str, Path], bundle: Path, change: Callable[[dict[str, bytes], dict[str, Any]], None], **kw: Any
) -> Path:
    return rewrite_bundle(
        bundle, bundle.with_name("evil.msfb"), receiver_db=trio[BUREAU], change=change, **kw
    )


def test_the_untouched_bundle_imports(trio: dict[str, Path], bundle: Path) -> None:
    """The control: the same bundle re-signed by its sender imports (each refusal below is the change)."""
    same = rewritten(trio, bundle, lambda members, manifest: None, sign_with=s1_key(trio))
    assert import_(trio[BUREAU], BUREAU, [same]).exit_code == 0


def test_a_truncated_sealed_bundle(trio: dict[str, Path], bundle: Path) -> None:
    cut = bundle.with_name("cut.msfb")
    cut.write_bytes(bundle.read_bytes()[: bundle.stat().st_size // 2])
    refused(trio, [cut], "bundle.decrypt_failed")


def test_a_truncated_zip(trio: dict[str, Path], bundle: Path) -> None:
    plain = unseal(bundle, trio[BUREAU], bundle.with_name("plain.zip"))
    cut = bundle.with_name("cut.zip")
    cut.write_bytes(plain.read_bytes()[: plain.stat().st_size - 200])
    refused(trio, [cut], "bundle.not_zip")


def test_a_zip_bomb(trio: dict[str, Path], tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.msfb"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", b"{}")
        archive.writestr("signature", b"x" * 64)
        with archive.open("data/visits.jsonl", "w", force_zip64=True) as member:
            block = b"\0" * (1 << 20)
            for _ in range(64):
                member.write(block)
    refused(trio, [bomb], "bundle.zip_bomb")


@pytest.mark.parametrize(
    "name", ["../../etc/evil", "/etc/evil", "data/../../x.jsonl", "C:\\evil", "other.txt"]
)
def test_a_path_outside_the_bundle(trio: dict[str, Path], bundle: Path, name: str) -> None:
    plain = unseal(bundle, trio[BUREAU], bundle.with_name("plain.zip"))
    with zipfile.ZipFile(plain, "a") as archive:
        archive.writestr(name, b"owned")
    refused(trio, [plain], "bundle.bad_path")


def test_invalid_json_signed_by_the_sender(trio: dict[str, Path], bundle: Path) -> None:
    def change(members: dict[str, bytes], manifest: dict[str, Any]) -> None:
        members["data/businesses.jsonl"] = b'["not", "closed"\n'

    message = refused(trio, [rewritten(trio, bundle, change, sign_with=s1_key(trio))], "bundle.bad_row")
    assert "data/businesses.jsonl" in message


def test_an_invalid_manifest(trio: dict[str, Path], bundle: Path) -> None:
    plain = unseal(bundle, trio[BUREAU], bundle.with_name("plain.zip"))
    members = {}
    with zipfile.ZipFile(plain) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members["manifest.json"] = b"{broken"
    refused(trio, [write_members(bundle.with_name("bad.zip"), members)], "bundle.manifest_invalid")


def test_an_unknown_schema_version(trio: dict[str, Path], bundle: Path) -> None:
    def change(members: dict[str, bytes], manifest: dict[str, Any]) -> None:
        manifest["schema"] = "9999"

    message = refused(trio, [rewritten(trio, bundle, change, sign_with=s1_key(trio))], "bundle.schema_newer")
    assert "升级" in message


def test_one_byte_changed_in_a_data_member(trio: dict[str, Path], bundle: Path) -> None:
    def change(members: dict[str, bytes], manifest: dict[str, Any]) -> None:
        data = bytearray(members["data/visits.jsonl"])
        data[len(data) // 2] ^= 0x01
        members["data/visits.jsonl"] = bytes(data)

    message = refused(trio, [rewritten(trio, bundle, change, rehash=False)], "bundle.hash_mismatch")
    assert "data/visits.jsonl" in message


def test_a_changed_manifest(trio: dict[str, Path], bundle: Path) -> None:
    def change(members: dict[str, bytes], manifest: dict[str, Any]) -> None:
        manifest["sequence"] = 99

    refused(trio, [rewritten(trio, bundle, change)], "bundle.bad_signature")


def test_a_signature_by_an_untrusted_key(trio: dict[str, Path], bundle: Path) -> None:
    stranger = generate_unit_keys()

    def change(members: dict[str, bytes], manifest: dict[str, Any]) -> None:
        manifest["members"]["data/businesses.jsonl"]["size"] += 0

    refused(trio, [rewritten(trio, bundle, change, sign_with=stranger.sign_private)], "bundle.bad_signature")


def test_an_unknown_sender(trio: dict[str, Path], bundle: Path) -> None:
    stranger = generate_unit_keys()
    from msfood.core.keys import fingerprint

    def change(members: dict[str, bytes], manifest: dict[str, Any]) -> None:
        manifest["sender"] = {"code": "999999-01", "fingerprint": fingerprint(stranger.sign_public)}

    message = refused(
        trio, [rewritten(trio, bundle, change, sign_with=stranger.sign_private)], "bundle.sender_unknown"
    )
    assert "999999-01" in message


def test_a_revoked_sender(trio: dict[str, Path], bundle: Path) -> None:
    from msfood.sync.peers import revoke_peer

    write(trio[BUREAU], BUREAU, lambda uow: revoke_peer(uow, code=S1))
    refused(trio, [bundle], "bundle.sender_revoked")


def test_rows_pointing_at_records_the_receiver_lacks(trio: dict[str, Path], bundle: Path) -> None:
    def change(members: dict[str, bytes], manifest: dict[str, Any]) -> None:
        members["data/businesses.jsonl"] = b""
        manifest["tables"]["businesses"]["rows"] = 0

    message = refused(
        trio, [rewritten(trio, bundle, change, sign_with=s1_key(trio))], "bundle.missing_parents"
    )
    assert "visits" in message and "businesses" in message


def test_a_row_count_that_differs_from_the_manifest(trio: dict[str, Path], bundle: Path) -> None:
    def change(members: dict[str, bytes], manifest: dict[str, Any]) -> None:
        manifest["tables"]["businesses"]["rows"] += 1

    refused(trio, [rewritten(trio, bundle, change, sign_with=s1_key(trio))], "bundle.count_mismatch")


def test_a_value_of_the_wrong_kind(trio: dict[str, Path], bundle: Path) -> None:
    def change(members: dict[str, bytes], manifest: dict[str, Any]) -> None:
        columns = manifest["tables"]["visits"]["columns"]
        rows = [json.loads(line) for line in members["data/visits.jsonl"].splitlines()]
        rows[0][columns.index("visit_date")] = "next tuesday"
        members["data/visits.jsonl"] = "".join(json.dumps(r) + "\n" for r in rows).encode()

    refused(trio, [rewritten(trio, bundle, change, sign_with=s1_key(trio))], "bundle.bad_row")


def test_a_bundle_for_another_unit(trio: dict[str, Path], bundle: Path) -> None:
    from sync_helpers import S2

    refused_for_s2 = import_(trio[S2], S2, [bundle])
    assert refused_for_s2.exit_code == 1 and refused_for_s2.bundles[0].code == "bundle.not_for_us"


def test_a_replayed_bundle_is_reported_and_changes_nothing(trio: dict[str, Path], bundle: Path) -> None:
    assert import_(trio[BUREAU], BUREAU, [bundle]).exit_code == 0
    before = db_digest(trio[BUREAU])
    report = import_(trio[BUREAU], BUREAU, [bundle])
    assert report.exit_code == 3 and report.bundles[0].status == "already"
    assert db_digest(trio[BUREAU]) == before


def test_a_good_bundle_beside_a_bad_one_still_imports(trio: dict[str, Path], bundle: Path) -> None:
    cut = bundle.with_name("cut.msfb")
    cut.write_bytes(bundle.read_bytes()[:100])
    report = import_(trio[BUREAU], BUREAU, [cut, bundle])
    assert [b.status for b in report.bundles] == ["refused", "imported"]
    assert report.exit_code == 1 and report.errors[0]["file"] == "cut.msfb"


def test_a_manifest_whose_members_are_null(trio: dict[str, Path], bundle: Path) -> None:
    """Found by the fuzz tests: a signed manifest with "members": null crashed the check with a TypeError."""

    def change(members: dict[str, bytes], manifest: dict[str, Any]) -> None:
        manifest["members"] = None

    signed = rewritten(trio, bundle, change, sign_with=s1_key(trio), rehash=False)
    refused(trio, [signed], "bundle.manifest_invalid")
