"""A short list of themes for the 分类 filter, from the section headings commitments sit under.

Every report words its headings its own way ("聚力增进福祉、共享成果,在提高人民群众生活
品质上实现新突破", "切实保障和改善民生"), so a list of raw headings grows with each
import. The words of a heading that name its field are few and shared across reports;
the first theme whose words a heading holds is its theme. The store filters by the
headings of a theme in SQL (tracker/store/query.py).
"""

from __future__ import annotations

import re

OTHER = "其他"

# In order: a heading about 民生 and 就业 is 民生实事 before it is anything else.
THEMES: tuple[tuple[str, str], ...] = (
    ("主要预期目标", r"预期目标|主要目标|总体要求|总体部署|总体思路|思路目标"),
    ("民生实事", r"实事|惠民|为民|民生|福祉|民计|社会保障|就业|收入"),
    ("农业农村", r"农业|农村|乡村|农民|三农|新农村"),
    ("工业与产业", r"工业|产业|制造|园区|新能源|企业|二产|经济实力"),
    ("科技创新", r"科技|创新|数字|人才"),
    ("服务业与消费", r"服务业|商贸|旅游|消费|内需|三产|汽贸|商务"),
    ("项目与投资", r"项目|投资|招商|双招双引|招引"),
    ("城市建设", r"城市|城镇|城区|城乡|新型城镇化|基础设施|交通|景观|拆迁|住区"),
    ("生态环境", r"生态|环境|绿色|森林|节能|低碳|污染|美丽"),
    ("改革开放", r"改革|开放|活力|营商|国企"),
    ("社会事业", r"教育|学校|卫生|医疗|医院|文化|社会事业|公共服务|社会建设"),
    ("社会治理", r"治理|稳定|安全|和谐|社会管理"),
    ("政府建设", r"政府|作风|法治|廉政|自身建设|干部"),
)
_PATTERNS = tuple((name, re.compile(words)) for name, words in THEMES)


def theme_of(category: str | None) -> str | None:
    """The theme of a section heading; OTHER when no theme's words occur; None for none."""
    if not category:
        return None
    for name, pattern in _PATTERNS:
        if pattern.search(category):
            return name
    return OTHER


def theme_names() -> list[str]:
    """Every theme in display order, OTHER last."""
    return [name for name, _ in THEMES] + [OTHER]
