"""Portal residue: the lines a web page adds around a document, recognised wherever they stand.

A report copied from a government portal or a news site carries the site's menus, breadcrumbs
(often one item a line), source / date / view-count lines, print / close / share buttons,
photo captions, a news agency's dateline, lists of links to other articles (相关阅读, 上一篇)
and the footer. They are kept in the text (line numbers stay those of the file) and marked
here, so the report splitter and the identity reader skip them: a breadcrumb is never a
title, a sidebar link to another district's report is never a report, and a source line
naming another province's newspaper never sets the region. The site's own name (`site_names`)
is only a guess for a page whose text names no government at all.
"""

from __future__ import annotations

import re
from typing import Sequence

# Words of buttons and menus; a line made only of them (and brackets, bars, colons) is furniture.
_BUTTON_WORDS = (
    "打印本页|打印|关闭窗口|关闭本页|关闭|下载|全屏|加入收藏|收藏|分享到|分享|微信|微博|QQ空间|QQ|朋友圈|"
    "我要纠错|纠错|字号|字体|加大|减小|还原|默认|超大|放大|缩小|大|中|小|返回顶部|返回|顶部|复制链接|复制|"
    "笔记|导出笔记|导出|问答|搜索|登录|注册|无障碍|长者模式|关怀版|English|繁体|简体|繁|简|扫一扫|二维码|"
    "手机版|RSS|评论|点赞|订阅|举报|收起|展开|阅读全文|全文|更多|视频|音频|播报|朗读|语音播报|保存|"
    "写下来|记笔记|筛选地域|官网原文|原文链接|查看原文|原文"
)
_BUTTONS = re.compile(rf"(?:(?:{_BUTTON_WORDS})[\s【】\[\]（）()|｜:：>»·•/、,，.。-]*)+")
# Label lines of a page's metadata block: 来源：…, 发布时间：…, 浏览次数：…
_META = re.compile(
    r"^(?:信息来源|文章来源|来\s*源|稿源|出处|作\s*者|编\s*辑|责任编辑|责编|审\s*核|校\s*对|摄\s*影|通讯员|供稿|"
    r"发布时间|发表时间|发布日期|更新时间|更新日期|时\s*间|日\s*期|浏览次数|浏览量|阅读量|阅读次数|阅读数|"
    r"点击数|点击量|点击次数|点击率|访问量|访问次数|字\s*号|字\s*体|索引号|发布机构|发文机关|主题分类|"
    r"体裁分类|组配分类|发文字号|文\s*号|成文日期|发布日期|生效日期|失效日期|有效性|公开方式|公开范围)\s*[:：]"
)
_META_MAX = 90
# A portal's date on a line of its own: 2026-02-06 09:12:30, 2026年02月10日 07时41分. A plain
# "2025年2月14日" under a signature is the document's own date and stays.
_DATE_ONLY = re.compile(r"^\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}"
                        r"(?:\s*\d{1,2}\s*:\s*\d{1,2}(?:\s*:\s*\d{1,2})?)?$"
                        r"|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*\d{1,2}\s*[:：时]\s*\d{1,2}\s*分?"
                        r"(?:\s*\d{1,2}\s*秒)?$")
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_BREADCRUMB = re.compile(r"当前位置|您的位置|所在位置|现在的位置|当前所在|您现在在")
_SEPARATOR_ONLY = re.compile(r"^[>»›→/|｜\-—·•]+$")
_SEPARATED = re.compile(r"\S\s*[>»›→|｜]\s*\S")
_NAV = re.compile(r"^(?:首页|网站首页|主页|政务公开|信息公开|新闻中心|新闻动态|互动交流|政务服务|办事服务|公众参与|"
                  r"数据开放|专题专栏|走进\S{1,5}|English|无障碍)$")
_MENU_ITEM_MAX = 8
_HOME = re.compile(r"^(?:首页|网站首页|主页|返回首页)\s*[>»›→|｜]")
# A photo caption: "殷勇同志作政府工作报告。本报记者 戴冰摄", "省长赵刚作政府工作报告".
_CAPTION = re.compile(r"(?:记者|摄影|通讯员|本报|图|新闻网)[^。]{0,30}摄\s*[）)]?\s*$|[（(]\s*摄\s*[）)]\s*$")
_SPEAKER_CAPTION = re.compile(r"^\S{2,16}?(?:同志)?(?:代表\S{2,10}?)?(?:向大会)?作(?:政府)?工作报告[。.]?$")
_CAPTION_MAX = 90
# A news agency's dateline standing alone: "新华社北京3月14日电", "本报讯".
_DATELINE = re.compile(r"^(?:(?:新华社|中新社|中新网|人民网|新华网|央视网|央广网|本报|本台|\S{2,8}(?:日报|晚报|新闻网|电视台))"
                       r"\S{0,12}?\d{1,2}\s*月\s*\d{1,2}\s*日\s*电|本报讯|本台消息)(?:[（(][^）)]{0,20}[）)])?$")
_FOOTER = re.compile(r"主办(?:单位)?\s*[:：]|承办(?:单位)?\s*[:：]|版权所有|ICP|网站标识码|备案号|公网安备|技术支持|"
                     r"联系我们|网站地图|Copyright|©|扫一扫在手机|手机扫一扫|用手机扫")
_HASH = re.compile(r"^[0-9a-f]{16,}\s*[:：]?$")
_DIGITS = re.compile(r"^[\d\s,./|:-]+$")
# Headers of a list of links to other articles; the short lines under one are links.
_LINKS_HEADER = re.compile(
    r"^(?:相关(?:文章|阅读|新闻|链接|报道|文件|附件|稿件|推荐|资讯|政策|解读)|推荐阅读|延伸阅读|热点新闻|热点推荐|热门(?:文章|新闻|推荐)|"
    r"猜你喜欢|最新(?:文章|发布|新闻|更新)|图片新闻|往期回顾|专题推荐|友情链接|更多)\s*(?:>>|》|>|：|:)?\s*$")
_NEIGHBOUR = re.compile(r"^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:：]")
_LINK_MAX = 60
_SITE_NAME = re.compile(r"^\S{2,20}?(?:人民政府(?:门户网站|网)?|门户网站|新闻网|政府网|政务网|客户端|日报|在线|融媒体中心|广播电视台)$")
# The word of a medium after its name: "安徽日报社", "芜湖新闻网", "浙江在线", "泾县融媒体中心", "芜湖市人民政府".
MEDIUM_WORD = r"(?:日报社?|晚报|新闻网|新闻|在线|网|广播电视台|电视台|融媒体中心|人民政府(?:门户网站|网站|网)?|门户网站|政府网)"
_MEDIUM = re.compile(rf"[\u4e00-\u9fff]{{2,12}}?{MEDIUM_WORD}")
# What a furniture line says before a site's name: "来源：", "主办单位：", "版权所有："
_NAME_LABEL = re.compile(r"^(?:信息来源|文章来源|来\s*源|稿源|出处|主办(?:单位)?|承办(?:单位)?|版权所有)\s*[:：]?")
_BODY_MIN = 60


def residue_lines(lines: Sequence[str]) -> frozenset[int]:
    """0-based indexes of the lines that are the portal's, not the document's."""
    texts = [line.strip() for line in lines]
    marked = {i for i, text in enumerate(texts) if text and is_furniture(text)}
    marked |= _breadcrumb_items(texts)
    marked |= _menu_runs(texts)
    marked |= _meta_values(texts, marked)
    marked |= _link_lists(texts, marked)
    marked |= _site_names(texts, marked)
    return frozenset(marked)


def site_names(lines: Sequence[str], residue: frozenset[int]) -> list[str]:
    """The names of the site or medium a page was copied from, as its furniture states them:
    its name above the article, the values of its 来源, 主办 and 版权所有 lines ("安徽日报")."""
    out: list[str] = []
    for i in sorted(residue):
        for part in lines[i].split():
            part = _NAME_LABEL.sub("", part.strip("【】[]（）()"))
            if _MEDIUM.fullmatch(part):
                out.append(part)
    return out


def is_furniture(text: str) -> bool:
    """Whether one stripped line is portal furniture by itself (a button, a meta line, a caption…)."""
    bare = text.strip("【】[]（）() \t\u3000")
    if not bare or _SEPARATOR_ONLY.match(bare) or _DIGITS.match(bare) or _HASH.match(bare):
        return True
    if _BUTTONS.fullmatch(bare) or _URL.match(bare) or _DATE_ONLY.match(bare):
        return True
    if len(text) <= _META_MAX and (_META.match(bare) or _BREADCRUMB.search(text) or _FOOTER.search(text)):
        return True
    if len(text) <= _CAPTION_MAX and (_CAPTION.search(text) or _SPEAKER_CAPTION.match(text)):
        return True
    if _DATELINE.match(bare) or _NEIGHBOUR.match(bare) or _LINKS_HEADER.match(bare):
        return True
    # "首页 > 政务公开 > 政府工作报告", "首页 | 新闻 | 政策 | 互动", "首页 > 要闻"
    separators = len(_SEPARATED.findall(text))
    return len(text) <= _LINK_MAX and not re.search(r"[。；！？]", text) and (
        separators >= 2 or separators == 1 and bool(_HOME.match(text)))


def is_body(text: str) -> bool:
    """Whether a stripped line reads as the document's own prose (a sentence or a long line)."""
    return len(text) >= _BODY_MIN or "。" in text or text.endswith(("：", ":"))


def _breadcrumb_items(texts: list[str]) -> set[int]:
    """Items of a breadcrumb copied one a line: the short lines on either side of a lone ">"."""
    out: set[int] = set()
    for i, text in enumerate(texts):
        if text and _SEPARATOR_ONLY.match(text) and text not in ("-", "—"):
            for j in (i - 1, i + 1):
                if 0 <= j < len(texts) and 0 < len(texts[j]) <= 20 and not is_body(texts[j]):
                    out.add(j)
    return out


def _menu_runs(texts: list[str]) -> set[int]:
    """Runs of three or more short menu items holding a navigation word (首页, 政务公开)."""
    out: set[int] = set()
    i = 0
    while i < len(texts):
        j = i
        while j < len(texts) and _menu_item(texts[j]):
            j += 1
        if j - i >= 3 and any(_NAV.match(texts[k]) for k in range(i, j)):
            out.update(range(i, j))
        i = max(j, i + 1)
    return out


def _menu_item(text: str) -> bool:
    return 0 < len(text) <= _MENU_ITEM_MAX and not re.search(r"[\d。，；：！？、,;:]", text)


def _link_lists(texts: list[str], marked: set[int]) -> set[int]:
    """The links under a 相关阅读 / 上一篇 header: short lines up to the next prose.

    The last line of a run is the page's own title, not a link, when what follows it is the
    document: its meta lines (来源, 发布时间), a caption, a speech line or prose. A sidebar
    standing above the article ends there.
    """
    out: set[int] = set()
    for i, text in enumerate(texts):
        if not (text and (_LINKS_HEADER.match(text.strip("【】[]")) or _NEIGHBOUR.match(text))):
            continue
        run: list[int] = []
        j = i + 1
        while j < len(texts):
            t = texts[j]
            if t and (j in marked and _document_meta(t) or j not in marked and not _link(t)):
                if run:
                    run.pop()
                break
            if t and j not in marked:
                run.append(j)
            j += 1
        out.update(run)
    return out


def _link(text: str) -> bool:
    """Whether a line may be the text of a link: short, not prose, not a speech line."""
    return len(text) <= _LINK_MAX and not is_body(text) and not text.startswith(("—", "－", "-")) \
        and not re.search(r"会议?上\s*$", text)


def _document_meta(text: str) -> bool:
    """A furniture line that stands right above or below an article's title (its source, date, caption)."""
    bare = text.strip("【】[]（）() ")
    return bool(_META.match(bare) or _DATE_ONLY.match(bare) or _CAPTION.search(text) or _SPEAKER_CAPTION.match(text))


def _meta_values(texts: list[str], marked: set[int]) -> set[int]:
    """The value under a label standing alone ("来源:" then "四川日报", "索引号：" then the number)."""
    out: set[int] = set()
    for i, text in enumerate(texts):
        if i not in marked or not re.search(r"[:：]$", text) or not _META.match(text.strip("【】[]（）() ")):
            continue
        j = i + 1
        while j < len(texts) and not texts[j]:
            j += 1
        if j < len(texts) and len(texts[j]) <= 40 and not is_body(texts[j]):
            out.add(j)
    return out


def _site_names(texts: list[str], marked: set[int]) -> set[int]:
    """The site's own name ("泾县人民政府", "某某新闻网") standing above the first prose line."""
    out: set[int] = set()
    for i, text in enumerate(texts):
        if not text or i in marked:
            continue
        if is_body(text):
            break
        if _SITE_NAME.match(text):
            out.add(i)
    return out
