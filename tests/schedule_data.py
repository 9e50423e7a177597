"""A small station for the visit schedule's tests (unit, e2e, ui): one township, two villages.

Quarter 4 of 2026 as of Tuesday 24 November: 王村官 (village level) guarantees four businesses, one
of them high-risk, one already visited in October; 李乡长 (township level) guarantees one, not yet
visited. So the quarter has five obligations, one met, four open."""

from __future__ import annotations

from sqlalchemy import update

from msfood.db.models import Business
from tests.scenario import Scenario

# long enough to fold in an .ics line, with a semicolon to escape
LONG_ADDRESS = "湖南省株洲市石峰区清水塘街道东村幸福路一百二十八号院内；靠近村民委员会东侧的红色大门"

WANG, LI = "13700000001", "13700000002"
EAST = (
    "91430211000009136F",
    "91430211000009267B",
    "914302110000093987",
)  # 东村: 甲饭店, 乙超市 (high risk), 丙面包房
WEST = "91430211000009523U"  # 西村: 丁豆腐坊, visited on 15 October


def schedule_station(s: Scenario) -> None:
    s.region("430204", "石峰区")
    s.region("430204001", "清水塘街道", "430204")
    s.region("430204001001", "东村", "430204001")
    s.region("430204001002", "西村", "430204001")
    s.business(EAST[0], "甲饭店", region="430204001001")
    s.business(EAST[1], "乙超市", form="sales", region="430204001001", high_risk=True)
    s.business(EAST[2], "丙面包房，分店", form="sales", region="430204001001")  # a comma for the .ics escape
    s.business(WEST, "丁豆腐坊", form="workshop", region="430204001002")
    s.cadre(WANG, "王村官", "village", "430204001001")
    s.cadre(LI, "李乡长", "township", "430204001")
    for code in (*EAST, WEST):
        s.assign(WANG, code, "2026-01-01")
    s.assign(LI, EAST[0], "2026-01-01")
    s.visit(WANG, WEST, "2026-10-15")
    s.uow.session.execute(update(Business).where(Business.id == s.bid(EAST[0])).values(address=LONG_ADDRESS))
