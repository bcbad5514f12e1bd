"""A generated page's HTML is made when the theme asks for it (plugin.GeneratedPage.content),
not kept for every page at once; a hook or plugin that changes a page's content (MkDocs'
on_page_content) still gets its change published."""

from __future__ import annotations

from conftest import TestProject

MARK_HOOK = '''
def on_page_content(html, page, **kwargs):
    if page.file.src_uri == "n/2025-0003/index.md":
        return html + '<p id="hook-mark">加在正文后</p>'
    return html
'''


def test_a_hook_that_changes_a_page_content_is_published(small: TestProject):
    small.write("mark.py", MARK_HOOK)
    config = (small.root / "mkdocs.yml").read_text("utf-8")
    small.write("mkdocs.yml", config + "hooks:\n  - mark.py\n")
    result = small.build()
    assert result.code == 0, result.text
    changed = small.html("n/2025-0003/")
    assert changed.select_one("#hook-mark").get_text() == "加在正文后"
    assert "申领条件" in changed.select_one(".sb-body").get_text()
    other = small.html("n/2024-0001/")
    assert other.select_one("#hook-mark") is None
    assert other.select_one(".sb-body") is not None
