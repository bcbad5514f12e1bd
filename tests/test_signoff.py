"""Tables and 落款 that survive (issue 12, section 3): a table without its `| --- |` line is an
error at its first line with the line to add, a row with a wrong cell count a warning; a 落款
(names, then a date) is right-aligned on two lines on the web page (real Chromium) and on the
poster (pdftotext); full-width digits in dates are accepted."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import GOOD_FRONT, TestProject, serve

from site_builder.paper import pdf

SIGNOFF = "河西镇人民政府\n2025年7月1日\n"
BODY = "经研究，现将养老补贴申领事项公告如下。\n\n" + SIGNOFF


def test_a_table_without_its_separator_line_is_an_error_with_the_fix(small: TestProject):
    path = small.notice("hexi/2025-0100.md", GOOD_FRONT,
                        "下列人员：\n\n| 姓名 | 村 | 人口 |\n| 王某 | 东村 | 3 |\n")
    first = path.read_text(encoding="utf-8").split("\n").index("| 姓名 | 村 | 人口 |") + 1
    result = small.check()
    assert result.code == 1
    assert f"content/notices/hexi/2025-0100.md:{first}（第 {first} 行） 字段「正文」" in result.err
    assert "表头下面少了分隔行" in result.err
    assert f"在表头（第 {first} 行）下面加一行：| --- | --- | --- |" in result.err


def test_a_table_glued_to_a_paragraph_and_wrong_cell_counts(small: TestProject):
    path = small.notice("hexi/2025-0100.md", GOOD_FRONT,
                        "下列人员：\n| 姓名 | 人口 |\n|---|---|\n| 王某 | 3 | 多 |\n| 李某 |\n")
    lines = path.read_text(encoding="utf-8").split("\n")
    head = lines.index("| 姓名 | 人口 |") + 1
    result = small.check()
    assert result.code == 1
    assert f"2025-0100.md:{head}（第 {head} 行）" in result.err and "空一行" in result.err
    assert f"2025-0100.md:{head + 2}（第 {head + 2} 行）" in result.err
    assert "这一行有 3 格，表头有 2 格。" in result.err and "不会显示" in result.err
    assert "这一行有 1 格，表头有 2 格。" in result.err and "显示为空" in result.err
    small.edit(path.relative_to(small.root).as_posix(), "下列人员：\n", "下列人员：\n\n")
    again = small.check()
    assert again.code == 0 and "注意" in again.err and "空一行" not in again.err


def test_full_width_digits_in_dates_are_accepted(small: TestProject):
    small.notice("hexi/2025-0100.md",
                 GOOD_FRONT.replace("成文日期: 2025-07-01", "成文日期: ２０２５－０７－０１")
                 .replace("发布日期: 2025-07-02", "发布日期: ２０２５年７月２日"), BODY)
    result = small.check()
    assert result.code == 0, result.text
    assert small.build().code == 0
    assert "2025年07月02日" in small.html("n/2025-0100/").get_text()


def test_the_signoff_is_right_aligned_on_two_lines_in_chromium(small: TestProject, browser):
    small.notice("hexi/2025-0100.md", GOOD_FRONT, BODY)
    assert small.build().code == 0
    with serve(small.site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "n/2025-0100/")
        lines = page.evaluate("""() => {
            const p = document.querySelector('article p.sb-signoff');
            const box = p.getBoundingClientRect();
            const style = getComputedStyle(p);
            const right = box.right - parseFloat(style.paddingRight);
            return [...p.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim())
              .map(n => { const r = document.createRange(); r.selectNodeContents(n);
                          const b = r.getBoundingClientRect();
                          return {text: n.textContent.trim(), top: b.top, left: b.left,
                                  right: b.right, edge: right, start: box.left}; });
        }""")
        page.close()
    assert [line["text"] for line in lines] == ["河西镇人民政府", "2025年7月1日"]
    assert lines[1]["top"] > lines[0]["top"] + 5  # two lines
    for line in lines:
        assert abs(line["right"] - line["edge"]) < 2  # flush right
        assert line["left"] - line["start"] > 200  # far from the left edge


def test_the_signoff_is_right_aligned_on_two_lines_on_the_poster(small: TestProject,
                                                                  tmp_path: Path):
    if pdf.find_chromium() is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    small.notice("hexi/2025-0100.md", GOOD_FRONT, BODY)
    result = small.cli("print", "--notice", "2025-0100", "--out", str(tmp_path))
    assert result.code == 0, result.text
    poster = tmp_path / "公示栏版-2025-0100.pdf"
    xml = subprocess.run(["pdftotext", "-bbox", str(poster), "-"], capture_output=True,
                         text=True, check=True).stdout
    words = [(float(x0), float(y0), float(x1), w) for x0, y0, x1, w in re.findall(
        r'<word xMin="([^"]+)" yMin="([^"]+)" xMax="([^"]+)" yMax="[^"]+">([^<]*)<', xml)]
    body = next(w for w in words if w[3].startswith("经研究"))
    name = next(w for w in words if w[3] == "河西镇人民政府" and w[1] > body[1])
    date = next(w for w in words if w[3] == "2025年7月1日")
    assert date[1] > name[1] + 5  # the date on its own line, below the name
    mm = 25.4 / 72
    assert abs(name[2] - date[2]) * mm < 1.5  # both end at the same right edge
    assert (name[0] - body[0]) * mm > 60  # far right of where the text starts
