"""Pages as a user copies them from a portal, made from the body of a real report.

A report's own lines (its speech line, author and body from 各位代表 on) are wrapped in the
furniture of another site: menus, breadcrumbs over several lines, a title without the
region, source and date lines, view counts, print/close/share links, a photo caption, and
a sidebar of links to other governments' reports. What the wrapping adds is recognisable
residue wherever it stands; the report's identity must come out as it does from the original.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from tracker.ingest.read import read_source

_SPEECH = re.compile(r"在.{0,20}人民代表大会.{0,12}会议上")


def report_parts(path: Path) -> tuple[str, str | None, list[str]]:
    """(speech line, author line or None, body lines from 各位代表 to the last sentence) of a report."""
    lines = [line.strip().replace("\xa0", " ") for line in read_source(path).lines]
    start = next(i for i, line in enumerate(lines) if line.startswith("各位代表"))
    speech = next(line for line in lines[:start] if _SPEECH.search(line))
    author = lines[start - 1] if 0 < len(lines[start - 1]) <= 30 and "长" in lines[start - 1] else None
    body = [line for line in lines[start:] if line]
    while body and not re.search(r"[。！？!”]$", body[-1]):
        body.pop()     # the original's own trailing links and buttons
    return speech.lstrip("—-－ "), author, body


def portal_html(path: Path, title: str, source: str, sidebar: list[str]) -> str:
    """An HTML page of a news portal holding the report at path under title."""
    speech, author, body = report_parts(path)
    menu = "".join(f"<li><a href='#'>{w}</a></li>" for w in ("首页", "要闻", "政务", "图片", "视频", "专题"))
    crumbs = " <span>&gt;</span> ".join(f"<a href='#'>{w}</a>" for w in ("首页", "新闻中心", "时政要闻"))
    links = "".join(f"<li><a href='#'>{html.escape(t)}</a></li>" for t in sidebar)
    paras = "".join(f"<p>{html.escape(line)}</p>" for line in body)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_新闻中心</title></head>
<body><div class="top"><ul>{menu}</ul></div>
<div class="crumb">您当前的位置：{crumbs}</div>
<div class="left"><h3>相关阅读</h3><ul>{links}</ul></div>
<div class="main"><h1>{html.escape(title)}</h1>
<div class="info"><span>来源：{source}</span> <span>作者：本报记者</span> <span>发布时间：2026-02-06 09:12</span>
<span>浏览次数：2817</span></div>
<div class="tools">【<a>打印</a>】【<a>关闭</a>】 分享到：<a>微信</a><a>微博</a><a>QQ空间</a></div>
<p>——{html.escape(speech)}</p>{f"<p>{html.escape(author)}</p>" if author else ""}
{paras}
<div class="tools">【<a>打印本页</a>】【<a>关闭窗口</a>】</div></div>
<div class="right"><h3>热点新闻</h3><ul>{links}</ul></div>
<div class="foot">主办：日报社 版权所有 ICP备案号：12345678号</div></body></html>"""


def portal_text(path: Path, title: str, source: str, sidebar: list[str]) -> str:
    """The same page as a user copies it from the browser into a .txt file, one block a line."""
    speech, author, body = report_parts(path)
    head = ["无障碍", "首页", "新闻中心", "政务公开", "互动交流", "首页", ">", "新闻中心", ">", "时政要闻",
            title, "2026-02-06 09:12:30", f"来源：{source}", "阅读量：", "2817", "【字号：", "大", "中", "小", "】",
            "分享到：", "打印", "关闭", f"代表们认真听取{title[5:] if title[:4].isdigit() else title}。（记者 李明 摄）",
            "政府工作报告", f"——{speech}"]
    tail = ["【纠错】", "责任编辑：王华", "扫一扫在手机打开当前页", "相关链接>>"] + sidebar + [
        "上一篇：省政协十三届四次会议开幕", "下一篇：代表委员热议政府工作报告", "打印本页", "关闭窗口"]
    return "\n".join(head + ([author] if author else []) + body + tail) + "\n"


def national_text(path: Path, with_speech_line: bool) -> str:
    """A national report copied from a portal: title and speech line run together, or no speech line."""
    speech, author, body = report_parts(path)
    year = int(re.search(r"(\d{4})年", speech).group(1))
    head = ["首页 | 新闻 | 政策 | 互动 | 服务", "当前位置：首页 > 政策 > 政府工作报告", "字号：默认 大 超大 | 打印 | 关闭 |"]
    if with_speech_line:
        head.append(f"政府工作报告——{speech}{author or ''}")
    else:
        head += [f"{year}年政府工作报告", f"发布时间：{year}-03-16 来源：新华社", "分享到："]
    return "\n".join(head + body + ["【我要纠错】", "责任编辑：张三"]) + "\n"
