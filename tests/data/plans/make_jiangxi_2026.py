"""Writes the 江西 2026 分工方案 fixtures as a 省政府办公厅 would issue them (run once; the
files are committed). Tasks are the report's own sentences and clauses, some reordered or
shortened as offices do, grouped by section; two tasks are not among the commitments the
rules extract (城市更新, 省运会), so they must come back unmatched.

DOCX: one 责任单位 column, "列第一位的为牵头单位" in the note, vertical merges of a unit cell.
XLSX: 牵头单位 and 配合单位 columns, a title merged across, heading rows merged across.
"""

from pathlib import Path

from docx import Document
from docx.shared import Pt
from openpyxl import Workbook

HERE = Path(__file__).parent
TITLE = "江西省2026年《政府工作报告》重点工作任务分工方案"
SECTIONS = [
    ("一、经济社会发展主要预期目标", [
        ("地区生产总值增长5%-5.5%", "省发展改革委、省统计局", "2026年12月底前"),
        ("规模以上工业增加值增长7.3%以上", "省工业和信息化厅、省统计局", "2026年12月底前"),
        ("固定资产投资增长3.5%左右", "省发展改革委、省统计局", "2026年12月底前"),
        ("社会消费品零售总额增长4.5%以上", "省商务厅、省统计局", "2026年12月底前"),
        ("城镇、农村居民人均可支配收入分别增长4.5%、5.5%左右",
         "省发展改革委、省人力资源社会保障厅、省农业农村厅、国家统计局江西调查总队", "2026年12月底前"),
        ("居民消费价格涨幅2%左右", "省发展改革委、省市场监管局", "2026年12月底前"),
        ("城镇调查失业率控制在5.5%左右", "省人力资源社会保障厅", "2026年12月底前"),
    ]),
    ("二、重点工作", [
        ("滚动实施“十百千万”工程，实施省大中型项目5296个，年度完成投资1.1万亿元左右。",
         "省发展改革委、各设区市政府", "2026年12月底前"),
        ("实施规模化技改试点15个左右，培育3个以上省级先进制造业集群，力争国家级集群建设取得新突破，"
         "集群营业收入增长10%左右。", "省工业和信息化厅、省发展改革委", "2026年12月底前"),
        ("开展优质企业对标提升行动，力争专精特新中小企业突破6000家。", "省工业和信息化厅、省市场监管局",
         "2026年12月底前"),
        ("力争电子信息、有色金属、装备制造业产业规模分别达1.28万亿、1.18万亿、8200亿元。",
         "省工业和信息化厅", "2026年12月底前"),
        ("培育认定省级工业设计中心20个以上。", "省工业和信息化厅", "2026年10月底前"),
        ("力争全社会研发投入强度达2.09%左右、基础研究支出占全社会研发投入比重达7%。",
         "省科技厅、省财政厅、省统计局", "2026年12月底前"),
        ("布局建设5家左右专业类省级概念验证中心、10家左右省级制造业中试平台。",
         "省科技厅、省工业和信息化厅", "2026年12月底前"),
        ("严守耕地红线，新建和改造高标准农田81万亩，确保粮食总产436亿斤以上。", "省农业农村厅、省自然资源厅",
         "2026年12月底前"),
        ("新增年销售收入超亿元的农业产业化龙头企业100家。", "省农业农村厅", "2026年12月底前"),
        ("加快老化燃气管道更新改造，完成城中村、城镇老旧小区、城市危旧房改造年度任务。",
         "省住房城乡建设厅、各设区市政府", "2026年12月底前"),
        ("强化产业与就业协同，城镇新增就业41万人。", "省人力资源社会保障厅", "2026年12月底前"),
        ("发放创业担保贷款180亿元。", "省人力资源社会保障厅、省财政厅、人民银行江西省分行", "2026年12月底前"),
        ("新建改造区域性中心敬老院50家以上。", "省民政厅", "2026年11月底前"),
        ("办好省第十七届运动会。", "省体育局", "2026年10月底前"),
        ("力争新增省级绿色工厂200家左右。", "省工业和信息化厅", "2026年12月底前"),
    ]),
    ("三、10件民生实事", [
        ("加大重点群体就业创业支持力度", "省人力资源社会保障厅", "2026年12月底前"),
        ("提高困难群众生活保障标准", "省民政厅、省财政厅", "2026年6月底前"),
        ("提升残疾人关爱服务水平", "省残联", "2026年12月底前"),
        ("提升养老服务能力", "省民政厅", "2026年12月底前"),
        ("为重点人群开展结直肠癌筛查", "省卫生健康委", "2026年12月底前"),
        ("做好农村义务教育学校学生上学交通服务保障", "省教育厅、省交通运输厅", "2026年9月底前"),
        ("开展食品安全抽检便民服务工作", "省市场监管局", "2026年12月底前"),
        ("改善提升农村与校园饮水条件", "省水利厅、省教育厅", "2026年12月底前"),
        ("推进书香社会建设", "省委宣传部、省文化和旅游厅", "2026年12月底前"),
        ("丰富群众体育设施和场地资源供给", "省体育局", "2026年12月底前"),
    ]),
]
UNMATCHED = ("加快老化燃气管道更新改造", "办好省第十七届运动会")


def docx() -> None:
    doc = Document()
    doc.add_paragraph(TITLE).runs[0].font.size = Pt(16)
    doc.add_paragraph("为确保省十四届人大五次会议审议通过的《政府工作报告》确定的各项目标任务落到实处，"
                      "现将重点工作任务分工如下。")
    n = 0
    for heading, rows in SECTIONS:
        doc.add_paragraph(heading)
        table = doc.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, name in zip(table.rows[0].cells, ("序号", "工作任务", "责任单位", "完成时限")):
            cell.text = name
        previous = None
        for task, units, due in rows:
            n += 1
            cells = table.add_row().cells
            cells[0].text, cells[1].text, cells[3].text = str(n), task, due
            # Consecutive tasks of the same units share one merged cell, as offices lay it out.
            if previous is not None and previous[0] == units:
                previous[1].merge(cells[2])
            else:
                cells[2].text = units
                previous = (units, cells[2])
    doc.add_paragraph("注：责任单位中列第一位的为牵头单位，其他为配合单位；各设区市政府负责本地区相关工作。")
    doc.save(HERE / "jiangxi_2026_fengong.docx")


def xlsx() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "任务分工"
    ws.append([TITLE])
    ws.merge_cells("A1:E1")
    ws.append(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"])
    n = 0
    for heading, rows in SECTIONS:
        ws.append([heading])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=5)
        for task, units, due in rows:
            n += 1
            first, _, rest = units.partition("、")
            ws.append([n, task, first, rest, due])
    wb.save(HERE / "jiangxi_2026_fengong.xlsx")


if __name__ == "__main__":
    docx()
    xlsx()
