"""The site-builder command as staff use it: help, new, check."""

from __future__ import annotations

import datetime as dt

from conftest import TestProject


def test_help_is_in_chinese(small: TestProject):
    result = small.cli("--help")
    assert result.code == 0
    for text in ("用法：", "命令", "选项", "check", "new", "build", "serve", "fix-encoding",
                 "显示这段帮助并退出"):
        assert text in result.out
    sub = small.cli("new", "--help")
    assert "标准目录事项的 id" in sub.out and "用法：" in sub.out


def test_new_scaffolds_a_valid_notice_with_the_next_id(small: TestProject):
    result = small.cli("new", "--item", "shjz-dbsh", "--township", "河西镇", "--village", "dongcun",
                       "--title", "东村低保审核公示")
    assert result.code == 0, result.text
    year = dt.date.today().year
    path = small.root / f"content/notices/hexi/{year}-0001.md"
    if year == 2025:  # the fixture already uses 2025-0001 … 2025-0005
        path = small.root / "content/notices/hexi/2025-0006.md"
    text = path.read_text(encoding="utf-8")
    assert "标题: 东村低保审核公示" in text
    assert "事项: shjz-dbsh" in text and "乡镇: hexi" in text and "村: dongcun" in text
    assert f"发布日期: {dt.date.today().isoformat()}" in text
    assert "发布机构: 河西镇人民政府" in text and "公开属性: 主动公开" in text
    assert "已新建：" in result.out
    path.write_text(text.replace(text.split("---\n")[-1], "\n经审核，下列家庭拟纳入低保。\n"),
                    encoding="utf-8")
    check = small.check()
    assert check.code == 0, check.text


def test_an_untouched_new_notice_is_not_published(small: TestProject):
    result = small.cli("new", "--item", "shjz-dbsh", "--township", "hexi")
    assert result.code == 0, result.text
    rel = result.out.split("：", 1)[1].split("\n", 1)[0]
    lines = (small.root / rel).read_text(encoding="utf-8").split("\n")
    title_line = next(i for i, line in enumerate(lines, 1) if line.startswith("标题:"))
    body_line = next(i for i, line in enumerate(lines, 1) if line.startswith("（请在这里写正文"))
    check = small.check()
    assert check.code == 1, check.text
    assert f"✗ 错误 {rel}:{title_line}（第 {title_line} 行） 字段「标题」" in check.err
    assert "「（请在这里填写标题）」" in check.err
    assert f"✗ 错误 {rel}:{body_line}（第 {body_line} 行） 字段「正文」" in check.err
    assert "共发现 2 个错误" in check.err
    # a real title but the placeholder left in the body is still an error
    small.edit(rel, "标题: （请在这里填写标题）", "标题: 河西镇2026年第四季度低保审核对象公示")
    again = small.check()
    assert again.code == 1 and "字段「正文」" in again.err and "字段「标题」" not in again.err


def test_new_county_notice_uses_the_department_and_on_request_attribute(small: TestProject):
    result = small.cli("new", "--item", "shjz-ys")
    assert result.code == 0, result.text
    created = next((small.root / "content/notices/county").glob(f"{dt.date.today().year}-*.md"))
    text = created.read_text(encoding="utf-8")
    assert "发布机构: 县民政局" in text and "公开属性: 依申请公开" in text


def test_new_refuses_what_the_catalog_does_not_allow(small: TestProject):
    unknown = small.cli("new", "--item", "nope")
    assert unknown.code == 1 and "标准目录中没有事项“nope”" in unknown.err
    level = small.cli("new", "--item", "shjz-zc", "--township", "hexi")
    assert level.code == 1 and "公开层级是县级，不能在乡级发布" in level.err
    village = small.cli("new", "--item", "shjz-dbsh", "--township", "hexi", "--village", "北村")
    assert village.code == 1 and "河西镇没有村（社区）“北村”" in village.err and "东村、西村" in village.err


def test_check_reports_counts(small: TestProject):
    result = small.check()
    assert result.code == 0
    assert result.out.strip() == (
        "检查通过：6 篇信息将发布（另有 1 篇不予公开，不会发布），5 个目录事项，3 个乡镇（街道），"
        "2 个信息公开栏目页面。")


TRICKY_TITLES = ["关于调整标准的通知 #第3号", "[2026]第3号 关于调整低保标准的通知", "*重要* 停水通知",
                 '"双随机"抽查结果公示', "& 关于", "!紧急通知", "| 公示", "> 公示", "%通知",
                 "通知: 关于调整标准", "2026", "是", "关于“十四五”规划的说明"]


def test_new_writes_any_title_so_that_it_reads_back_exactly(small: TestProject):
    from site_builder.pipeline import Project, read_and_check

    for title in TRICKY_TITLES:
        result = small.cli("new", "--item", "ylfw-zn", "--township", "hexi", "--title", title)
        assert result.code == 0, result.text
        path = small.root / result.out.split("：", 1)[1].split("\n", 1)[0]
        text = path.read_text(encoding="utf-8")
        path.write_text(text.split("\n---\n", 1)[0] + "\n---\n\n正文。\n", encoding="utf-8")
    site, problems = read_and_check(Project.at(small.root))
    assert site is not None, "\n".join(p.format() for p in problems)
    titles = {n.title for n in site.notices}
    assert set(TRICKY_TITLES) <= titles, set(TRICKY_TITLES) - titles
    plain = (small.root / "content/notices/hexi").glob("*.md")
    assert any("标题: 关于“十四五”规划的说明\n" in p.read_text(encoding="utf-8") for p in plain)


def test_new_never_reuses_an_id_that_was_published_withdrawn_or_moved(small: TestProject):
    """A withdrawn or moved notice's URL may be on a notice board: a new notice must not take it."""
    from site_builder.pipeline import Project
    from site_builder.scaffold import next_id

    year = dt.date.today().year
    project = Project.at(small.root)
    start = int(next_id(project, year).split("-")[1])

    def reserve(number: int) -> str:
        return f"/n/{year}-{number:04d}/"

    manifest = small.root / "published-urls.txt"
    manifest.write_text("# 已发布的网址\n/\n" + reserve(start + 2) + "\n", encoding="utf-8")
    created = []
    for step, declaration in enumerate([
            "",
            f"撤回:\n  - {{网址: {reserve(start + 5)}, 日期: {year}-01-05, 说明: 已废止}}\n",
            f"迁移:\n  - {{原网址: {reserve(start + 8)}, 新网址: /n/2024-0001/}}\n"]):
        if declaration:
            with (small.root / "catalog.yaml").open("a", encoding="utf-8") as catalog:
                catalog.write(declaration)
        result = small.cli("new", "--item", "ylfw-zn", "--title", f"第{step}篇")
        assert result.code == 0, result.text
        created.append(result.out.split("：", 1)[1].split("\n", 1)[0].rsplit("/", 1)[1])
    assert created == [f"{year}-{n:04d}.md" for n in (start + 3, start + 6, start + 9)]


ENGLISH = ("ERROR", "WARNING", "INFO", "Aborted", "BuildError", "Documentation built",
           "Cleaning site directory")


def test_build_reports_in_chinese(small: TestProject):
    built = small.cli("build")
    assert built.code == 0, built.text
    assert "网站已生成到" in built.err and "用时" in built.err
    assert not any(word in built.text for word in ENGLISH), built.text
    index = (small.site / "index.html").read_bytes()

    small.edit("content/notices/hexi/2025-0003.md", "发布日期: 2025-07-02", "发布日期: 2025-02-30")
    failed = small.cli("build")
    assert failed.code == 1
    assert failed.err.startswith("✗ 错误 content/notices/hexi/2025-0003.md:8（第 8 行） 字段「发布日期」\n")
    assert failed.err.rstrip().endswith("请按上面的提示修改后重新运行。"), failed.err
    assert not any(word in failed.text for word in ENGLISH), failed.text
    assert (small.site / "index.html").read_bytes() == index

    small.edit("content/notices/hexi/2025-0003.md", "发布日期: 2025-02-30", "发布日期: 2025-09-01")
    strict = small.cli("build", "--strict")  # late publication: a 注意
    assert strict.code == 1
    assert strict.err.startswith("! 注意 content/notices/hexi/2025-0003.md:8"), strict.err
    assert "严格模式（--strict）：有 1 处注意事项，网站没有生成" in strict.err
    assert not any(word in strict.text for word in ENGLISH), strict.text
    assert (small.site / "index.html").read_bytes() == index
