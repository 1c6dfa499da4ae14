"""Pledges without a figure: a named project to be finished or started within the plan year.

"建成广湛高铁", "实现承平高速建成通车", "开工建设广州新机场", "开通地铁17号线全线和6号线南延",
"完成临沂机场航站楼改扩建": no number, no deadline, yet each is checkable next year (it was
opened, or it was not). Such a clause has a verb of a finished state (建成, 通车, 开工, 投产,
开通, 竣工; 完成 with the work it finishes) and a named object: a project head noun (铁路,
机场, 口岸, 中心, 工程…) with words of its own in front ("广湛高铁", not "一批重大项目").
Ongoing work ("加快建设…", "推进…前期工作") has no such verb and stays out.
"""

from __future__ import annotations

import re

# Aims and manners that may lead a pledge: "力争", "确保", "推动", "实现", "全面".
_LEAD = r"(?:力争|确保|争取|推动|促进|加快|实现|全面|基本|全力|努力|年内|今年|要)*"
# Verbs of a finished (or begun) state; the longest first.
_DONE = (r"建成(?:通车|投用|投产|运营|开放|使用|营业|开港)?|竣工(?:投产|投用|验收)?|开工建设|新开工|开工"
         r"|开通(?:运营)?|通车|投产(?:达效)?|投用|投入(?:使用|运营)|全面达产|达产|开港运营|并网发电"
         r"|封闭验收|通过验收|交付使用|组建|挂牌(?:运行|成立)?")
_VERB_FIRST = re.compile(rf"^{_LEAD}(?:{_DONE})(?P<obj>.+)$")
_VERB_LAST = re.compile(rf"^{_LEAD}(?P<obj>.+?)(?:{_DONE})$")
# 完成 names a finish only with the work it ends: "完成苏南运河全线二级航道建设".
_FINISH = re.compile(rf"^{_LEAD}完成(?P<obj>.+?)(?:建设|改扩建|扩建|改造|迁建|搬迁|验收|交付任务|整治)(?:工程|任务)?$")
# Head nouns of a named project (a facility, a line, an organisation).
_HEAD = re.compile(r"(?:项目|工程|大桥|桥|隧道|公路|高速|铁路|高铁|城际|[0-9A-Za-z]+号线|线路|轨道交通线|机场|跑道|航站楼"
                   r"|港|码头|口岸|航道|通道|枢纽|站|厂|场馆|园区|产业园|基地|中心|医院|大学|学院|实验室|水库|电站"
                   r"|管道|管网|大道|广场|综合体|集团|公司|功能区|作业区|合作区|启动区|示范区|新区)")
# An object that is a kind of thing, not one named thing: "一批旅居示范项目", "各类园区".
_KIND = re.compile(r"^(?:一批|若干|一些|各类|各项|所有|全部|更多)")
# Words in front of a head that describe rather than name it: "重大产业项目", "相关工程".
_GENERIC = re.compile(r"^(?:重大|重点|相关|有关|配套|基础|公共|民生|新型|在建|续建|新建|既定|计划|年度"
                      r"|省级|市级|县级|国家级|产业)+")
# Work verbs left in front of a head: the object is a task ("更好统筹重大产业项目"), not a name.
_TASK = re.compile(r"统筹|推进|加强|支持|做好|抓好|优化|保障|服务|谋划|储备|落实")
_MAX_OBJECT = 40


def names_finished_project(clause: str) -> bool:
    """Whether clause (folded, one comma clause) pledges a named project's finish or start."""
    clause = clause.strip()
    if not clause or len(clause) > _MAX_OBJECT + 8:
        return False
    for pattern in (_FINISH, _VERB_FIRST, _VERB_LAST):
        m = pattern.match(clause)
        if m and _named(m.group("obj")):
            return True
    return False


def _named(obj: str) -> bool:
    """An object with a project head noun and words of its own in front of it."""
    obj = obj.strip("“”\" ")
    if len(obj) > _MAX_OBJECT or re.search(r"[，,；;。]", obj):
        return False
    head = _HEAD.search(obj)
    if head is None or _KIND.match(obj):
        return False
    name = obj[:head.start()]
    if "等" in name:                 # "引大济岷等重大水利工程": the name stands before 等
        name = name[:name.index("等")]
    name = _GENERIC.sub("", name)
    if _TASK.search(name):
        return False
    return len(re.findall(r"[\u4e00-\u9fff0-9A-Za-z]", name)) >= 2
