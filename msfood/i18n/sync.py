"""Messages of sync: keys and trust, bundle export and import, conflicts."""

_REFUSED = "同步包 {file} 未导入，数据库未改动："
_REFUSED_EN = "The bundle {file} was refused and nothing was changed: "


def _refusal(zh: str, en: str) -> tuple[str, str]:
    return (_REFUSED + zh, _REFUSED_EN + en)


MESSAGES = {
    "sync.file_missing": ("文件不存在：{path}", "File not found: {path}"),
    # --- the file and its seal
    "bundle.not_sealed": _refusal("不是加密的同步包。", "it is not a sealed bundle."),
    "bundle.truncated": _refusal(
        "文件不完整（可能复制时中断）。", "the file is incomplete (a copy cut short?)."
    ),
    "bundle.sealed_header": _refusal("加密信息已损坏。", "its encryption header is damaged."),
    "bundle.decrypt_failed": _refusal(
        "无法解密：文件已损坏或被改动，或不是发给本单位的。",
        "it cannot be decrypted: the file is damaged or altered, or was not sealed for this unit.",
    ),
    "bundle.too_large": _refusal("内容过大，超出允许的上限。", "its content exceeds the allowed size."),
    "bundle.not_zip": _refusal(
        "不是有效的同步包（文件已损坏或不完整）。",
        "it is not a valid bundle (the file is damaged or incomplete).",
    ),
    "bundle.too_many_members": _refusal(
        "包含的文件过多（{count} 个）。", "it holds too many files ({count})."
    ),
    "bundle.bad_path": _refusal(
        "包含不允许的文件路径“{member}”。", "it holds a file with a path that is not allowed: “{member}”."
    ),
    "bundle.bad_compression": _refusal(
        "“{member}”使用了不支持的压缩方式。", "“{member}” uses an unsupported compression method."
    ),
    "bundle.member_too_large": _refusal("“{member}”过大。", "“{member}” is too large."),
    "bundle.zip_bomb": _refusal(
        "“{member}”的压缩比异常（疑似压缩炸弹）。",
        "“{member}” has an abnormal compression ratio (a zip bomb?).",
    ),
    "bundle.member_missing": _refusal("缺少“{member}”。", "“{member}” is missing."),
    "bundle.corrupt": _refusal("“{member}”已损坏。", "“{member}” is damaged."),
    "bundle.manifest_invalid": _refusal("清单（manifest.json）格式不正确。", "its manifest is not valid."),
    "bundle.format_unknown": _refusal(
        "同步包格式版本 {version} 本软件不认识，请升级软件。",
        "its format version {version} is unknown to this app; upgrade the app.",
    ),
    # --- who sent it
    "bundle.own": _refusal("这是本单位自己导出的同步包。", "it was exported by this unit itself."),
    "bundle.sender_unknown": _refusal(
        "发送单位 {sender} 不在信任列表中。请先导入并核对其登记文件（msfood keys trust）。",
        "the sender {sender} is not trusted. Trust its enrolment file first (msfood keys trust).",
    ),
    "bundle.sender_revoked": _refusal(
        "发送单位 {sender} 的信任已被撤销。", "the sender {sender} has been revoked."
    ),
    "bundle.key_mismatch": _refusal(
        "发送单位 {sender} 的密钥与信任列表中的不一致（可能是伪造的）。",
        "the key of {sender} differs from the trusted one (a forgery?).",
    ),
    "bundle.bad_signature": _refusal(
        "签名无效：内容被改动过，或不是 {sender} 签发的。",
        "the signature does not match: the content was altered, or {sender} did not sign it.",
    ),
    "bundle.schema_newer": _refusal(
        "它由更新版本的软件导出（数据版本 {version}），请先升级本软件。",
        "it was written by a newer app (schema {version}); upgrade this app first.",
    ),
    "bundle.schema_unknown": _refusal(
        "数据版本 {version} 本软件不认识。", "its schema version {version} is unknown."
    ),
    "bundle.not_for_us": _refusal(
        "它是发给 {receiver} 的，不是发给本单位（{own}）的。",
        "it is addressed to {receiver}, not to this unit ({own}).",
    ),
    # --- its content
    "bundle.members_mismatch": _refusal(
        "内容与清单不符（“{member}”）。", "its content does not match its manifest (“{member}”)."
    ),
    "bundle.hash_mismatch": _refusal(
        "“{member}”的校验值不符，内容被改动或已损坏。",
        "the checksum of “{member}” does not match: it was altered or damaged.",
    ),
    "bundle.bad_row": _refusal(
        "“{member}”第 {row} 行不是有效的记录。", "line {row} of “{member}” is not a valid record."
    ),
    "bundle.count_mismatch": _refusal(
        "“{member}”的记录数与清单不符。", "the number of records in “{member}” differs from its manifest."
    ),
    "bundle.table_unknown": _refusal("包含未知的数据表“{table}”。", "it holds an unknown table “{table}”."),
    "bundle.column_unknown": _refusal(
        "数据表“{table}”含未知的列“{column}”。", "the table “{table}” has an unknown column “{column}”."
    ),
    "bundle.column_missing": _refusal(
        "数据表“{table}”缺少必需的列“{column}”。", "the table “{table}” lacks the required column “{column}”."
    ),
    "bundle.clock_ahead": _refusal(
        "其中的记录（{table} {record}，由 {origin} 录入）时间比本机时钟快一天以上。"
        "请校正发送方电脑的日期和时间后重新导出。",
        "a record in it ({table} {record}, entered by {origin}) is stamped more than a day ahead of this "
        "computer's clock. Fix the sender's clock, then export again.",
    ),
    "bundle.missing_parents": _refusal(
        "其中的记录引用了本库没有的记录（{items}）。请先导入更早的同步包，或让对方导出完整同步包（--full）。",
        "records in it point at records this database lacks ({items}). Import the earlier bundles first, "
        "or ask for a full bundle (--full).",
    ),
    "bundle.integrity": _refusal(
        "其中的记录与本库的记录相抵触（{reason}）。", "its records contradict this database's ({reason})."
    ),
    # --- export
    "bundle.to_self": (
        "不能向本单位自己（{code}）导出同步包。",
        "A bundle cannot be addressed to this unit ({code}).",
    ),
    "bundle.choose_peer": (
        "有多个信任的单位（{codes}），请用 --to 指定接收单位。",
        "Several units are trusted ({codes}); name the receiver with --to.",
    ),
    "bundle.nothing_to_send": (
        "没有需要发送给 {peer} 的新数据，未生成文件。",
        "Nothing new to send to {peer}; no file was written.",
    ),
    "peer.unknown": ("信任列表中没有单位 {code}。", "No trusted unit has the code {code}."),
    "peer.revoked": (
        "单位 {code} 的信任已被撤销，不能向其导出。",
        "{code} has been revoked; nothing is sent to it.",
    ),
    # --- enrolment and trust
    "enrolment.invalid": ("{file} 不是有效的单位登记文件。", "{file} is not a valid enrolment file."),
    "enrolment.bad_signature": (
        "登记文件 {file} 的签名无效（内容被改动过）。",
        "The enrolment file {file} has an invalid signature (it was altered).",
    ),
    "trust.fingerprint_mismatch": (
        "指纹不符，未信任：应为 {expected}，文件中的是 {actual}。请与对方电话核对。",
        "Fingerprints differ, nothing trusted: expected {expected}, the file has {actual}. Check by phone.",
    ),
    "trust.own_enrolment": (
        "这是本单位（{code}）自己的登记文件。",
        "This is this unit's own enrolment ({code}).",
    ),
    "trust.key_changed": (
        "单位 {code} 已以另一把密钥（指纹 {fingerprint}）被信任。"
        "如确需更换，请先撤销（msfood keys revoke）。",
        "{code} is already trusted with another key (fingerprint {fingerprint}); "
        "revoke it first to replace it.",
    ),
    # --- conflicts
    "conflict.unknown": ("找不到冲突记录 {what}。", "No conflict {what}."),
    "conflict.bad_choice": ("无效的处理方式：{value}", "Not a valid choice: {value}"),
    "conflict.already_resolved": ("冲突 {what} 已处理过。", "The conflict {what} is already resolved."),
    "conflict.table_unknown": ("未知的数据表：{table}", "Unknown table: {table}"),
    "conflict.both_needs_no_key": (
        "“{table}”的记录有唯一标识，不能两者都保留：请选择一个版本。",
        "Records of “{table}” have a natural key, so both cannot be kept: choose one version.",
    ),
    # --- progress
    "sync.progress_counting": ("正在统计需要发送的记录…", "Counting the records to send…"),
    "sync.progress_writing": ("正在写入：{table}", "Writing: {table}"),
    "sync.progress_sealing": ("正在加密同步包…", "Sealing the bundle…"),
    "sync.progress_verifying": ("正在校验 {file}…", "Verifying {file}…"),
    "sync.progress_backup": ("正在备份数据库…", "Backing up the database…"),
    "sync.progress_statistics": ("正在更新查询统计信息…", "Updating the query statistics…"),
    "sync.progress_merging": ("正在合并 {file}：{table}", "Merging {file}: {table}"),
    # --- command line output
    "sync.identity": (
        "本单位：{code} {name}（{kind}，区划 {region}）\n密钥指纹：{fingerprint}",
        "This unit: {code} {name} ({kind}, region {region})\nKey fingerprint: {fingerprint}",
    ),
    "sync.peers_header": ("信任的单位：", "Trusted units:"),
    "sync.peers_none": ("尚未信任任何单位。", "No unit is trusted yet."),
    "sync.peer_line": (
        "  {code} {name}（{kind}，区划 {region}）指纹 {fingerprint}{revoked}",
        "  {code} {name} ({kind}, region {region}) fingerprint {fingerprint}{revoked}",
    ),
    "sync.revoked_mark": ("【已撤销】", " [revoked]"),
    "sync.enrolment_written": (
        "已写出登记文件 {path}（单位 {code}，指纹 {fingerprint}）。请把指纹电话告知对方核对。",
        "Wrote the enrolment file {path} (unit {code}, fingerprint {fingerprint}). Read the fingerprint to "
        "the other side by phone.",
    ),
    "sync.trusted": (
        "已信任单位 {code} {name}，指纹 {fingerprint}。",
        "Trusted {code} {name}, fingerprint {fingerprint}.",
    ),
    "sync.trusted_check": (
        "未用 --fingerprint 核对：请与对方电话确认指纹 {fingerprint}。",
        "Not checked with --fingerprint: confirm the fingerprint {fingerprint} by phone.",
    ),
    "sync.revoked": ("已撤销对单位 {code} 的信任。", "Revoked {code}."),
    "sync.exported": (
        "已导出同步包 {path}：发往 {receiver}，第 {sequence} 号，{rows} 条记录{sealed}。",
        "Exported {path}: to {receiver}, number {sequence}, {rows} records{sealed}.",
    ),
    "sync.sealed_mark": ("，已加密", ", sealed"),
    "sync.receiver_all": ("任何信任本单位的单位", "any unit that trusts this one"),
    "sync.imported": (
        "已导入 {file}（{sender} 第 {sequence} 号）："
        "新增 {new}，更新 {updated}，未变 {unchanged}，冲突 {conflicts}。",
        "Imported {file} ({sender} number {sequence}): {new} new, {updated} updated, {unchanged} unchanged, "
        "{conflicts} conflicts.",
    ),
    "sync.already": (
        "{file}（{sender} 第 {sequence} 号）此前已导入，已跳过。",
        "{file} ({sender} number {sequence}) was imported before; skipped.",
    ),
    "sync.gap": (
        "注意：尚未收到 {sender} 的第 {first}-{last} 号同步包（其内容会随后续同步包补发）。",
        "Note: bundles {first}-{last} from {sender} have not arrived "
        "(later bundles carry their content again).",
    ),
    "sync.behind": (
        "注意：{sender} 的同步包没有包含本库缺少的更早变更（本库可能由旧备份恢复过）。"
        "请让 {sender} 导出完整同步包（--full）。",
        "Note: the bundle from {sender} does not carry earlier changes this database lacks (was it restored "
        "from an older backup?). Ask {sender} for a full bundle (--full).",
    ),
    "sync.conflicts_waiting": (
        "有 {count} 处冲突等待处理（数据同步页面）。",
        "{count} conflicts wait for review (the sync page).",
    ),
}

_TABLES = {
    "units": ("单位", "units"),
    "settings": ("设置", "settings"),
    "visit_rules": ("督导规则", "visit rules"),
    "checklist_items": ("检查表", "checklist"),
    "holidays": ("节假日", "holidays"),
    "food_categories": ("食品分类", "food categories"),
    "regions": ("区划", "regions"),
    "businesses": ("包保主体", "businesses"),
    "business_statuses": ("经营状态", "business statuses"),
    "business_closures": ("停业期间", "closures"),
    "cadres": ("包保干部", "cadres"),
    "assignments": ("包保关系", "assignments"),
    "visits": ("督导记录", "visits"),
    "visit_answers": ("检查表答案", "checklist answers"),
    "problems": ("发现问题", "problems"),
    "selfchecks": ("自查记录", "self-checks"),
    "samplings": ("抽检", "samplings"),
    "sampling_plans": ("抽检计划", "sampling plans"),
    "rapid_tests": ("快检", "rapid tests"),
    "audit_log": ("操作记录", "audit log"),
    "closed_periods": ("已关闭期间", "closed periods"),
}
MESSAGES.update({f"sync.table.{name}": texts for name, texts in _TABLES.items()})
