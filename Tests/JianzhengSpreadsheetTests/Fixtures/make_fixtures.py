#!/usr/bin/env python3
"""Writes the spreadsheet fixtures with openpyxl (another tool than ours), as departments produce them:
a merged title row, vertically merged procedure cells, blank rows, numeric and date cells, a notes sheet,
a GBK CSV with quoted commas and an embedded newline, and an unusual layout needing a mapping file.
Deliberate errors are listed in the tests. Run: pip install openpyxl && python3 make_fixtures.py"""
import datetime
import pathlib

import openpyxl
from openpyxl.styles import Font

here = pathlib.Path(__file__).resolve().parent

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "事项清单"
ws.append(["某县民政局公共服务事项申请材料清单（2024年版）"])
ws.merge_cells("A1:K1")
ws.append(["序号", "事项名称", "事项编码", "实施部门", "申请材料", "材料类型", "设定依据", "开具单位", "年办件量", "更新日期", "备注"])
for cell in ws[2]:
    cell.font = Font(bold=True)
rows = [
    # row 3-6: one procedure over four materials, merged vertically
    [1, "内地居民结婚登记", "620000-MZ-0101", "民政部门", "居民户口簿", "法定证照", "《婚姻登记条例》第五条第一款第（一）项", "公安机关", 18000, datetime.date(2024, 3, 1), None],
    [None, None, None, None, "居民身份证", "法定证照", "《中华人民共和国婚姻登记条例》第5条", "公安机关", None, None, None],
    [None, None, None, None, "婚姻状况证明", "证明", "《婚姻登记条例》第五", "工作单位", None, None, "引用不完整"],
    [None, None, None, None, "无配偶签字声明", "自备材料", "《婚姻登记条例》第五条第一款第（二）项", None, None, None, None],
    [],  # row 7: blank
    # rows 8-9
    [2, "最低生活保障审批", "620000-MZ-0110", "民政部门", "收入证明", "证明", "《甘肃省不存在条例》第三条", "工作单位", "约一万", None, None],
    [None, None, None, None, None, "证明", None, None, None, None, "此行缺申请材料"],
    [],  # row 10: blank
    # rows 11-12
    [3, "高龄津贴申领", "620000-MZ-0140", "民政部门", "健在证明", "证明文件x", None, "社区居委会", "15,000", None, None],
    [None, None, None, None, "老年人照片", "自备材料", None, None, None, None, "新材料：规则库中没有"],
]
for row in rows:
    ws.append(row)
ws["J3"].number_format = "yyyy-mm-dd"
for column in "BCDI":
    ws.merge_cells(f"{column}3:{column}6")
    ws.merge_cells(f"{column}8:{column}9")
    ws.merge_cells(f"{column}11:{column}12")
notes = wb.create_sheet("填表说明")
notes.append(["本表由各部门填报，每行一项申请材料。"])
wb.save(here / "民政目录.xlsx")

csv_rows = [
    ["事项编码", "事项名称", "实施部门", "申请材料", "材料类型", "设定依据", "开具单位", "年办件量", "备注"],
    ["620000-JY-0112", "教师资格认定", "教育行政部门", "思想品德鉴定证明", "证明", "《教师资格条例》第十五条第（四）项", "工作单位", "6000", "含逗号，以及\"引号\""],
    ["620000-JY-0112", "教师资格认定", "教育行政部门", "学历证书", "法定证照", "《教师资格条例》第十五条第一款第（二）项", "学校", "6000", "第一行\n第二行"],
    [],
    ["620000-JY-0120", "小学入学登记", "教育行政部门", "同户人员亲属关系证明", "证明", "《户口登记条例》第九十九条", "公安机关", "35000", ""],
]

def quote(value):
    if any(ch in value for ch in ',"\n'):
        return '"' + value.replace('"', '""') + '"'
    return value

text = "\r\n".join(",".join(quote(v) for v in row) for row in csv_rows) + "\r\n"
(here / "教育目录-gbk.csv").write_bytes(text.encode("gbk"))

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "服务事项"
ws.append(["项目编号", "服务项目", "承办科室", "所需要件", "要件依据"])
ws.append(["620000-RS-0190", "失业保险金申领", "人力资源社会保障部门", "居民身份证", "《失业保险条例》第十四条"])
ws.append(["620000-RS-0190", "失业保险金申领", "人力资源社会保障部门", "失业登记证明", "《失业保险条例》第十四条第一款第（三）项"])
wb.save(here / "人社目录-异常布局.xlsx")
(here / "人社目录-映射.jz").write_text(
    "columns {\n  procedure-id   \"项目编号\"\n  procedure-name \"服务项目\"\n  department     \"承办科室\"\n"
    "  material       \"所需要件\"\n  basis          \"要件依据\"\n}\n", encoding="utf-8")
