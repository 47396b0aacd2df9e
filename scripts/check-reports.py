#!/usr/bin/env python3
"""Mechanical checks of the rendered hearing reports and lists (issue 17), on what scripts/check-reports.sh wrote.

Usage: check-reports.py OUT_DIR [--images DIR]

Checks, each printed with its result; the exit status is 1 when one fails:
  numbering   sections 一、二、… and their subsections （一）（二）… without a gap, in the HTML and the DOCX
  codes       no [A-Z_]{4,} token in a Chinese document's printed text before its 代码对照 appendix
  docx-grid   every DOCX table's w:gridCol widths sum to its page's text width and are not all equal
  cover       page 1 of each printed HTML holds more than the title (the 编制单位 and the date)
  landscape   every page that holds a published list is landscape (HTML printed by Chromium, DOCX and XLSX by LibreOffice)
  xlsx        every cell of the workbook that reads as a number is stored as one
With --images, writes the pictures docs/reports.md shows (pages side by side, PNG).
"""
import html
import pathlib
import re
import subprocess
import sys
import zipfile

out = pathlib.Path(sys.argv[1])
images = pathlib.Path(sys.argv[sys.argv.index("--images") + 1]) if "--images" in sys.argv else None
failures = []


def check(name, ok, detail=""):
    print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")
    if not ok:
        failures.append(name)


def chinese(n):
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")


def pages(pdf):
    count = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout).group(1))
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", str(count), str(pdf)], capture_output=True, text=True).stdout
    sizes = [tuple(map(float, m)) for m in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    texts = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout.split("\f")
    return sizes, texts[: len(sizes)]


def numbering(label, sections):
    """sections: [(heading, [subheadings])] of the numbered sections (appendices left out)."""
    problems = []
    for index, (heading, subheadings) in enumerate(sections, 1):
        if not heading.startswith(chinese(index) + "、"):
            problems.append(f"section {index} is '{heading}'")
        for sub, text in enumerate(subheadings, 1):
            if not text.startswith(f"（{chinese(sub)}）"):
                problems.append(f"'{heading}' subsection {sub} is '{text}'")
    check(f"numbering {label}", not problems and bool(sections), "; ".join(problems[:3]) or f"{len(sections)} sections")


def html_sections(path):
    text = path.read_text(encoding="utf-8")
    sections = []
    for level, heading in re.findall(r"<h([23])[^>]*>(.*?)</h\1>", text):
        heading = html.unescape(re.sub(r"<[^>]+>", "", heading))
        if level == "2":
            if not heading.startswith("附录"):
                sections.append((heading, []))
        elif sections:
            sections[-1][1].append(heading)
    return sections


def docx_xml(path, part="word/document.xml"):
    with zipfile.ZipFile(path) as archive:
        return archive.read(part).decode("utf-8")


def docx_sections(path):
    sections = []
    for paragraph in re.findall(r"<w:p>(.*?)</w:p>|<w:p [^>]*>(.*?)</w:p>", docx_xml(path)):
        body = paragraph[0] or paragraph[1]
        style = re.search(r'<w:pStyle w:val="(Heading[12])"/>', body)
        if not style:
            continue
        text = html.unescape("".join(re.findall(r"<w:t[^>]*>(.*?)</w:t>", body)))
        if style.group(1) == "Heading1":
            if not text.startswith("附录"):
                sections.append((text, []))
        elif sections:
            sections[-1][1].append(text)
    return sections


for name in ["catalogue", "procedure", "proposal"]:
    numbering(f"{name}.html", html_sections(out / f"{name}.html"))
    numbering(f"{name}.docx", docx_sections(out / f"{name}.docx"))

# Codes: the printed text of every Chinese document, before the 代码对照 appendix (its last mention).
for pdf in sorted(out.glob("*.pdf")):
    if pdf.name.startswith("lists"):
        continue
    _, texts = pages(pdf)
    text = "\n".join(texts)
    body = text[: text.rfind("代码对照")] if "代码对照" in text else text
    tokens = sorted(set(re.findall(r"[A-Z_]{4,}", body)))
    check(f"codes {pdf.name}", not tokens, ", ".join(tokens[:8]))

# DOCX grids: each section's tables against its page's text width.
for docx in sorted(out.glob("*.docx")):
    xml = docx_xml(docx)
    problems, tables = [], 0
    for section in re.split(r"(<w:sectPr>.*?</w:sectPr>)", xml):
        if section.startswith("<w:sectPr>"):
            size = re.search(r'<w:pgSz w:w="(\d+)"', section)
            margins = re.search(r'<w:pgMar w:top="\d+" w:right="(\d+)" w:bottom="\d+" w:left="(\d+)"', section)
            width = int(size.group(1)) - int(margins.group(1)) - int(margins.group(2))
            for grid in pending:
                tables += 1
                if sum(grid) != width:
                    problems.append(f"columns sum to {sum(grid)}, text width {width}")
                if len(grid) > 1 and len(set(grid)) == 1:
                    problems.append(f"{len(grid)} equal columns")
            continue
        pending = [[int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', grid)] for grid in re.findall(r"<w:tblGrid>(.*?)</w:tblGrid>", section)]
    check(f"docx-grid {docx.name}", not problems and tables > 0, "; ".join(problems[:3]) or f"{tables} tables")

# Page 1 of the printed HTML: the cover, not a lone title.
for name in ["catalogue", "procedure", "proposal"]:
    _, texts = pages(out / f"{name}.html.pdf")
    lines = [line.strip() for line in texts[0].splitlines() if line.strip()]
    check(f"cover {name}.html.pdf", len(lines) >= 4 and any("审改办" in line for line in lines), f"{len(lines)} lines on page 1")

# Landscape: every page holding a list (its caption and its header's 证明名称 or 材料名称; the contents page has
# the captions of no list).
for pdf in sorted(out.glob("*.pdf")):
    sizes, texts = pages(pdf)
    captions = ("保留证明事项清单", "取消证明事项清单", "告知承诺事项目录", "共享获取事项目录")
    # The workbook's pages are all list pages (a sheet prints without a caption).
    listed = [i for i, text in enumerate(texts) if "名称" in text and (pdf.name.startswith("lists") or any(c in text for c in captions))]
    portrait = [i + 1 for i in listed if sizes[i][0] < sizes[i][1]]
    if listed or pdf.name.startswith("lists"):
        check(f"landscape {pdf.name}", bool(listed) and not portrait, f"portrait list pages {portrait}" if portrait else f"{len(listed)} list pages")

# The workbook: numbers are numbers.
with zipfile.ZipFile(out / "lists.xlsx") as archive:
    textual, numeric = [], 0
    for part in sorted(n for n in archive.namelist() if n.startswith("xl/worksheets/")):
        for attributes, body in re.findall(r'<c r="[A-Z]+\d+"([^>]*)>(.*?)</c>', archive.read(part).decode("utf-8")):
            if 't="inlineStr"' in attributes:
                value = html.unescape(re.sub(r"<[^>]+>", "", body))
                if re.fullmatch(r"-?\d+(\.\d+)?%?", value):
                    textual.append(value)
            else:
                numeric += 1
    check("xlsx numbers", not textual and numeric > 0, f"{numeric} numeric cells" + (f", as text: {textual[:5]}" if textual else ""))


def sheet(name, pdf, wanted, resolution=45):
    """Pages `wanted` (1-based) of `pdf` side by side in images/name.png."""
    from PIL import Image

    files = []
    for page in wanted:
        prefix = out / f".page-{name}-{page}"
        subprocess.run(["pdftoppm", "-png", "-r", str(resolution), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(prefix)], check=True)
        files.append(prefix.with_suffix(".png"))
    pictures = [Image.open(f) for f in files]
    height = max(p.height for p in pictures)
    canvas = Image.new("RGB", (sum(p.width for p in pictures) + 8 * (len(pictures) - 1), height), (120, 120, 120))
    x = 0
    for picture in pictures:
        canvas.paste(picture, (x, 0))
        x += picture.width + 8
    canvas.save(images / f"{name}.png", optimize=True)
    print(f"picture {images / (name + '.png')}: pages {wanted} of {pdf.name}")


def first_page(pdf, *needles):
    _, texts = pages(pdf)
    return next((i + 1 for i, text in enumerate(texts) if all(n in text for n in needles)), 1)


if images:
    images.mkdir(parents=True, exist_ok=True)
    for kind, pdf in [("report-html", out / "catalogue.html.pdf"), ("report-docx", out / "catalogue.pdf")]:
        wanted = [1, 2, 3, first_page(pdf, "保留证明事项清单", "证明名称"), first_page(pdf, "告知承诺书", "承诺人（签字）")]
        sheet(kind, pdf, wanted)
    sheet("procedure-report", out / "procedure.html.pdf", [1, first_page(out / "procedure.html.pdf", "建议优先切断"), first_page(out / "procedure.html.pdf", "设定依据")])
    sheet("proposal-report", out / "proposal.html.pdf", [1, first_page(out / "proposal.html.pdf", "变更前", "变更后")])
    sheet("lists-xlsx", out / "lists.pdf", [1, 2])
    sheet("guide", out / "guide.html.pdf", [1, 2, 3])
    sheet("commitment-notice", out / "catalogue.pdf", [first_page(out / "catalogue.pdf", "告知承诺书", "承诺人（签字）")], resolution=70)

sys.exit(1 if failures else 0)
