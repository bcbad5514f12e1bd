"""The render stage turns notice bodies into the same HTML as stock Python-Markdown.

bodies.py skips Python-Markdown's inline patterns for text none of them can match (plain
Chinese text, table cells of names and amounts). These tests convert real text both ways and
require identical HTML and heading ids, so a Markdown release that adds a pattern or changes one
cannot silently change what citizens read. The comparison is of Python-Markdown's HTML before the
output sanitizer (`bodies.convert`); separate tests show that the sanitizer leaves what
Python-Markdown writes for real notices untouched, and what it takes out of unsafe ones.
"""

from __future__ import annotations

import json

import markdown
import pytest
from conftest import REPO, need_shared

from site_builder.output import bodies

TRICKY = [
    "第一行  \n第二行（两个空格换行）",
    "强调 *重点* 与 **加粗**，下划线 _a_ 与 __b__",
    "代码 `site-builder check` 与 ``a`b``",
    "实体 &amp; &#20013; &copy; 与裸 & 号",
    "<b>粗体</b> 与 <br> 与 <!-- 注释 -->",
    "[链接](../n/2024-0001/) 与 [引用][1]\n\n[1]: https://example.gov.cn/",
    "![图片](photo.png) 与 <https://example.gov.cn/> 与 <zwgk@example.gov.cn>",
    "转义 \\* \\_ \\[ 和反斜杠 \\\\",
    "33*************12X 与 138****1234 与 1,200.00 元",
    "已遮盖 138****1234、35*************123，加粗 **12** 户、第**3**名、2*3*4 与 `1**2**3`",
    "已遮盖 138\\*\\*\\*\\*1234、35\\*\\*\\*123（privacy.mask 的写法）",
    "| 姓名 | 金额 |\n|---|---:|\n| 张*三 | 1,200.00 |\n| 李四 | 800 |",
    "## 标题 {#custom-id}\n\n段落 {: .cls }",
    "!!! note \"提示\"\n    办理时间：工作日 8:30—17:30",
    "<div markdown=\"1\">\n*内部* 文字\n</div>",
    "普通文字，没有任何标记。\n第二行。",
]


def _texts() -> list[str]:
    texts = list(TRICKY)
    for path in sorted((REPO / "content").rglob("*.md")):
        texts.append(path.read_text(encoding="utf-8"))
    for path in sorted((REPO / "tests" / "privacy_corpus").rglob("*.md")):
        texts.append(path.read_text(encoding="utf-8"))
    return texts


def _same_as_stock(texts: list[str]) -> None:
    stock = markdown.Markdown(extensions=bodies.extensions(),  # with our masked-digits pattern
                              extension_configs=bodies.EXTENSION_CONFIGS)
    ours = bodies._converter()
    for text in texts:
        expected = stock.reset().convert(text)
        tokens = stock.toc_tokens
        got = bodies.convert(text, ours)
        assert got.html == expected, text[:200]
        assert got.toc == tokens, text[:200]


def test_sample_and_tricky_markdown_render_as_stock_python_markdown():
    texts = _texts()
    assert len(texts) > 150
    _same_as_stock(texts)


def _real_notices() -> list[str]:
    corpus = need_shared() / "corpus" / "pingtan-notices.jsonl"
    with corpus.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["body"] for line in handle if line.strip()]
    assert len(texts) >= 100
    return texts


def test_real_notices_render_as_stock_python_markdown():
    _same_as_stock(_real_notices())


def _untouched_by_the_sanitizer(texts: list[str]) -> None:
    md = bodies._converter()
    for text in texts:
        published = bodies.render_one(text, md)
        assert published.removed == [], text[:200]
        assert published.toc == bodies.convert(text, md).toc, text[:200]


def test_the_output_sanitizer_removes_nothing_from_the_sample_and_fixtures():
    """Everything Python-Markdown writes for real notices (headings with ids, tables with
    aligned columns, admonitions, images, links) is on the output allow-list."""
    texts = [t for t in _texts() if "<!--" not in t]  # a comment is removed (and an error)
    assert len(texts) > 150
    _untouched_by_the_sanitizer(texts)


def test_the_output_sanitizer_removes_nothing_from_real_notices():
    _untouched_by_the_sanitizer(_real_notices())


@pytest.mark.parametrize(("text", "kinds"), [
    # raw HTML blocks keep their backticks: no code span hides the script from the browser
    ("<div>\n`<script>alert(1)</script>`\n</div>", [("tag", "script")]),
    ("a `b\nc` <script>x</script> `d`", [("tag", "script")]),
    ("<div>\n`<img src=x.png onerror=alert(1)> <a href='javascript:alert(1)'>x</a>`\n</div>",
     [("event", "onerror"), ("url", "javascript:alert(1)")]),
    ("<div>\n`<p style='display:none'>x</p><!-- 秘密 -->`\n</div>",
     [("style", "style"), ("comment", "<!-- -->")]),
    ("<div>\n`<svg><script>alert(1)</script></svg><iframe srcdoc='<b>x</b>'></iframe>`\n</div>",
     [("tag", "svg"), ("tag", "script"), ("tag", "iframe")]),
    ("!!! 提醒 \"提示\"\n    内容", [("class", "提醒")]),
    ("重要通知\n{: .md-banner }", [("class", "md-banner")]),
])
def test_the_published_html_is_cleaned_and_what_was_removed_is_known(text, kinds):
    published = bodies.render_one(text)
    assert [(r.kind, r.name) for r in published.removed] == kinds
    html = published.html.lower()
    for word in ("<script", "onerror", "javascript:", "<svg", "<iframe", "style=", "<!--",
                 "md-banner", "提醒"):
        assert word not in html
    assert bodies.convert(text).html != published.html  # Python-Markdown did write it


def test_stars_between_digits_are_text_and_emphasis_is_not():
    """Stock Python-Markdown turns two masked numbers into <strong>; ours keeps them."""
    text = "已遮盖 138****1234、35*************123，**重点**"
    stock = markdown.Markdown(extensions=bodies.EXTENSIONS).convert(text)
    assert "<strong>1234、35</strong>" in stock or "<strong><strong>" in stock
    assert bodies.render_one(text).html == \
        "<p>已遮盖 138****1234、35*************123，<strong>重点</strong></p>"


@pytest.mark.parametrize("text", ["普通文字", "| 甲 | 乙 |\n|---|---|\n| 1 | 2 |"])
def test_plain_text_takes_the_quick_path(text: str):
    """The quick path is really in use (else the build is twice as slow, silently)."""
    md = bodies._converter()
    assert type(md.treeprocessors["inline"]).__name__ == "_PlainTextSkippingInline"
    assert bodies.render_one(text, md).html.startswith(("<p>", "<table>"))


def test_bodies_rendered_by_worker_processes_are_those_of_one_process(
        fork_allowed: None, monkeypatch: pytest.MonkeyPatch):
    """Many bodies (a first build: 300 or more) are rendered by a pool of forked processes in
    chunks; what comes back, in order, is what one process renders: HTML, headings, what the
    cleaning removed and the personal data found."""
    texts = [*_texts(), "联系人身份证号 110101199003077731，电话 13912345678。"] * 3
    alone = bodies.render_all(texts, None, workers=1)
    pools: list[int] = []

    class Pool(bodies.ProcessPoolExecutor):
        def __init__(self, max_workers: int, **kwargs) -> None:
            pools.append(max_workers)
            super().__init__(max_workers=max_workers, **kwargs)

    monkeypatch.setattr(bodies, "ProcessPoolExecutor", Pool)
    monkeypatch.setattr(bodies, "PARALLEL_FROM", 1)
    monkeypatch.setattr(bodies, "CHUNK", 7)
    pooled = bodies.render_all(texts, None, workers=2)
    assert pools == [2], "rendered by the pool"
    assert [vars(r) for r in pooled] == [vars(r) for r in alone]
    assert any(r.removed for r in alone) and any(r.personal for r in alone)
