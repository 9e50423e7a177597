"""Word lists for real-looking demo names: people, places, businesses, roads, cadres' posts.

Everything is drawn from a `random.Random` the caller owns, so the same seed gives the same names.
The lists are short on purpose: combinations give tens of thousands of distinct names.
"""

from __future__ import annotations

import random
from collections.abc import Callable

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤易文颜欧阳"
)
GIVEN_CHARS = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红玉梅云飞鹏辉斌宇浩凯健俊峰琳晶燕丹蓉"
    "海波亮林雪春莉倩婷佳慧颖琴晓晨阳鑫宏新德福荣祥瑞庆湘湖湘岳衡楚帆旭东晖"
)
# two-character place words for townships, villages, communities and roads
PLACE_FIRST = (
    "月清田金桂仙明宋龙白建庆枫董井铜响云荷芦石天渌攸茶炎醴"
    "新黄南北东西朱栗马杨柳长青红凤枣大小高王兴太"
)
PLACE_SECOND = "塘水心山花庾照家泉关宁溪湾岭坪冲桥湖洲铺口江港园岗冈埠坡湘阳坝林垅市圹坳"

# --- businesses --------------------------------------------------------------------------------------

BRAND_FIRST = "鑫金福德顺隆兴盛源祥瑞宏昌泰华丰富康乐佳美好味湘香辣聚家和友旺益嘉恒永万利新老"
BRAND_SECOND = "源穗满顺兴盛记味香园楼轩阁坊居斋记发达旺鑫丰福昌隆乐家缘品尚客来湘悦滋"
CATERING_KINDS = (
    "餐馆", "饭店", "酒家", "小吃店", "粉面馆", "快餐店", "火锅店", "烧烤店", "米粉店", "大排档",
    "土菜馆", "农家乐", "奶茶店", "面馆", "饺子馆", "蛋糕店", "卤味店", "酒楼",
)
SALES_KINDS = (
    "超市", "生鲜超市", "便利店", "食品店", "副食店", "粮油店", "水果店", "烟酒商行", "批发部", "冻品店",
    "百货商店", "母婴用品店", "茶叶店", "调味品商行",
)
MARKET_KIND = "农贸市场"
PRODUCTION_KINDS = (
    ("食品有限公司", "糕点"), ("面包厂", "糕点"), ("酒业有限公司", "酒类"), ("米业有限公司", "粮食加工品"),
    ("茶业有限公司", "茶叶及相关制品"), ("食品厂", "方便食品"), ("调味品厂", "调味品"),
    ("豆制品厂", "豆制品"), ("饮料有限公司", "饮料"), ("肉制品厂", "肉制品"),
    ("油脂有限公司", "食用油、油脂及其制品"),
    ("糖果厂", "糖果制品"), ("米粉厂", "粮食加工品"), ("酱菜厂", "蔬菜制品"),
)
WORKSHOP_KINDS = (
    ("豆腐坊", "豆制品"), ("米粉坊", "粮食加工品"), ("油坊", "食用油、油脂及其制品"), ("糕点坊", "糕点"),
    ("酿酒坊", "酒类"), ("腊味坊", "肉制品"), ("辣椒酱坊", "调味品"), ("擂茶坊", "茶叶及相关制品"),
)
STALL_FOODS = ("米粉", "烧饼", "臭豆腐", "糖油粑粑", "凉皮", "煎饺", "烤红薯", "卤菜", "水果", "包子",
               "麻辣烫")  # fmt: skip
SCHOOLS = ("第一中学", "第二中学", "实验中学", "中心小学", "实验小学", "第三小学", "职业中专", "中心幼儿园",
           "机关幼儿园")  # fmt: skip
HOSPITALS = ("人民医院", "中医医院", "妇幼保健院", "卫生院")
COMPANIES = ("电力机车", "硬质合金", "冶炼", "化工", "陶瓷", "服饰", "电子", "机械", "物流", "建材")
ROADS = (
    "建设路", "新华路", "人民路", "红旗路", "长江路", "黄河路", "神农大道", "珠江路", "车站路", "解放街",
    "中心路", "沿江路", "栗雨路", "泰山路", "湘江路", "天台路", "迎宾大道", "文化路", "东风路", "青年路",
)

# --- cadres ------------------------------------------------------------------------------------------

# cadres' posts by level and by the kind of region ({} is the county's 区, 县 or 市)
CADRE_TITLES = {
    "city": ("副市长", "市人大常委会副主任", "市政协副主席", "市政府副秘书长", "市市场监管局局长"),
    "county": ("副{}长", "{}委常委", "{}人大常委会副主任", "{}政协副主席", "{}市场监管局局长"),
    "街道": ("党工委书记", "办事处主任", "办事处副主任", "党工委委员"),
    "镇": ("党委书记", "镇长", "副镇长", "党委委员"),
    "乡": ("党委书记", "乡长", "副乡长", "党委委员"),
    "社区": ("社区党委书记", "社区居委会主任", "社区居委会副主任"),
    "村": ("村党支部书记", "村委会主任", "村委会委员"),
}


def person_name(rng: random.Random) -> str:
    surname = rng.choice(SURNAMES[:-2]) if rng.random() > 0.002 else "欧阳"
    given = rng.choice(GIVEN_CHARS)
    if rng.random() < 0.7:
        given += rng.choice(GIVEN_CHARS)
    return surname + given


def place_word(rng: random.Random) -> str:
    return rng.choice(PLACE_FIRST) + rng.choice(PLACE_SECOND)


def unique_place_words(rng: random.Random, count: int, taken: set[str] | None = None) -> list[str]:
    """`count` distinct two-character place words (not in `taken`, which is updated)."""
    seen = taken if taken is not None else set()
    words: list[str] = []
    while len(words) < count:
        word = place_word(rng)
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def brand(rng: random.Random) -> str:
    return rng.choice(BRAND_FIRST) + rng.choice(BRAND_SECOND)


def mobile(rng: random.Random) -> str:
    """An 11-digit mainland mobile number (China Mobile / Unicom / Telecom prefixes)."""
    prefix = rng.choice(("135", "136", "137", "138", "139", "150", "151", "152", "158", "159", "173",
                         "177", "180", "181", "186", "187", "189", "191", "199"))
    return prefix + f"{rng.randrange(10**8):08d}"


def address(rng: random.Random, county: str, township: str, village: str | None) -> str:
    where = f"株洲市{county}{township}"
    if village and village.endswith("村") and rng.random() < 0.7:
        return f"{where}{village}{rng.randrange(1, 40)}组{rng.randrange(1, 80)}号"
    return f"{where}{rng.choice(ROADS)}{rng.randrange(1, 400)}号"


def initials_maker() -> Callable[[str], str]:
    """`msfood.services.records.values.initials` (it caches the initials of each word itself)."""
    from msfood.services.records.values import initials

    return initials
