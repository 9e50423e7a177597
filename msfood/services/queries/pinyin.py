"""Full pinyin in the pickers (xiangfu -> 祥福面馆) without storing it: typed letters are cut into
syllables, each cut gives the initials to look for in the stored `name_initials` (xiang fu -> "xf"),
and the few names found are checked against their full pinyin here.

The last syllable may still be half typed ("xiangf" -> xiang f...). Cuts are capped: a long run of
letters has many cuts, and any of them only narrows the candidates that are checked afterwards.
"""

from __future__ import annotations

from functools import lru_cache

# Every toneless syllable pypinyin reads (its dictionary's readings; ü written v).
SYLLABLES = frozenset("""
a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca cai can cang cao
ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun
chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die din ding diu
dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge gei
gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hm hng hong hou hu
hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang
kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng li lia
lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve m ma mai man mang mao me mei men meng mi
mian miao mie min ming miu mo mou mu n na nai nan nang nao ne nei nen neng ng ni nia nian niang niao nie nin
ning niu nong nou nu nuan nun nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po
pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru
rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu
shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian
tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu xi xia xian xiang xiao xie
xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang
zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang
zhui zhun zhuo zi zong zou zu zuan zui zun zuo
""".split())
MAX_CUTS = 24
_LONGEST = max(len(s) for s in SYLLABLES)
_PREFIXES = frozenset(s[:n] for s in SYLLABLES for n in range(1, len(s) + 1))


def looks_like_pinyin(term: str) -> bool:
    """Latin letters only, long enough to be more than initials (two letters are read as initials)."""
    return term.isascii() and term.isalpha() and len(term) >= 3


def initials_of_cuts(term: str) -> list[str]:
    """The initials of each way to cut `term` into syllables (the last may be a prefix of one)."""
    text = term.lower()
    found: list[str] = []

    def cut(start: int, letters: str) -> None:
        if len(found) >= MAX_CUTS:
            return
        if start == len(text):
            found.append(letters)
            return
        for end in range(min(len(text), start + _LONGEST), start, -1):
            piece = text[start:end]
            if piece in SYLLABLES or (end == len(text) and piece in _PREFIXES):
                cut(end, letters + piece[0])

    cut(0, "")
    return list(dict.fromkeys(found))


@lru_cache(maxsize=20_000)
def full_pinyin(name: str) -> str:
    """A name's toneless pinyin run together, lower-case: 祥福面馆 -> "xiangfumianguan"."""
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(name, errors="default")).lower().replace("ü", "v")


def matches_full_pinyin(name: str, term: str) -> bool:
    return term.lower() in full_pinyin(name)
