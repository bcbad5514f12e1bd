"""Rough edges a clerk hits on the way (issue 12, section 5): a busy preview port, stopping the
preview, MkDocs' English lines, the help's headings, a second pack on the same day, and a wrong
closing `---` of the front matter."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import GOOD_FRONT, TestProject, free_port

from site_builder.cli import ServeLines
from site_builder.paper import pdf


def test_the_help_has_one_heading_for_the_commands(small: TestProject):
    out = small.cli("--help").out
    assert "命令:\n  check" in out
    assert "\n  命令\n" not in out and out.count("命令:") == 1


def test_a_busy_port_is_said_in_chinese_with_another_port(small: TestProject):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = small.cli("serve", "--addr", f"127.0.0.1:{port}")
    assert result.code == 1
    assert f"端口 {port} 已被占用" in result.err
    assert "site-builder serve --addr 127.0.0.1:" in result.err
    assert "Traceback" not in result.text and "Errno" not in result.text


def _connectable(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def _ignore_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@pytest.mark.parametrize(("stop", "background"), [(signal.SIGTERM, False), (signal.SIGINT, False),
                                                  (signal.SIGINT, True)])
def test_stopping_the_preview_stops_mkdocs_and_frees_the_port(small: TestProject, stop,
                                                              background):
    """`background`: started as a shell's background job (`… &`, nohup), which starts with
    Ctrl+C ignored: `kill -INT` must still stop the preview, and the server it started."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "site_builder.cli", "--root", str(small.root),
                             "serve", "--addr", f"127.0.0.1:{port}"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"},
                            preexec_fn=_ignore_ctrl_c if background else None)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
    reader.start()
    deadline = time.monotonic() + 90
    while not any("预览地址" in line for line in lines) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _connectable(port), "".join(lines)
    proc.send_signal(stop)  # as `kill`, or Ctrl+C sent to this process only
    assert proc.wait(timeout=30) == 0
    reader.join(timeout=10)
    deadline = time.monotonic() + 15
    while _connectable(port) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _connectable(port), "mkdocs serve kept the port after the preview stopped"
    text = "".join(lines)
    assert "预览已生成，用时" in text and f"预览地址：http://127.0.0.1:{port}/" in text
    assert "预览已停止。" in text
    for english in ("Building documentation", "Cleaning site directory", "Serving on",
                    "Watching paths", "INFO", "Documentation built"):
        assert english not in text


def test_every_rebuild_of_the_preview_says_it_is_ready():
    """MkDocs drops a "Documentation built in N seconds" line identical to an earlier one (its
    duplicate filter): the second rebuild below took 0.32 s like the first and said nothing but
    "Reloading browsers". The clerk is told the preview is ready after every save all the same,
    once, and in Chinese."""
    mkdocs_said = [  # as `mkdocs serve` prints them, the second time line left out by MkDocs
        "INFO    -  Building documentation...",
        "INFO    -  Documentation built in 0.59 seconds",
        "INFO    -  [07:19:23] Serving on http://127.0.0.1:8000/",
        "INFO    -  [07:19:23] Detected file changes",
        "INFO    -  Building documentation...",
        "INFO    -  Documentation built in 0.32 seconds",
        "INFO    -  [07:19:24] Reloading browsers",
        "INFO    -  [07:19:25] Detected file changes",
        "INFO    -  Building documentation...",
        "INFO    -  [07:19:26] Reloading browsers",
    ]
    lines = ServeLines()
    shown = [text for text in map(lines.show, mkdocs_said) if text is not None]
    assert shown == ["预览已生成，用时 0.59 秒。", "预览地址：http://127.0.0.1:8000/ （修改文件后自动刷新；按 Ctrl+C 停止）",
                     "发现文件有改动，正在重新生成预览……", "预览已生成，用时 0.32 秒。",
                     "发现文件有改动，正在重新生成预览……", "预览已重新生成。"]


def test_a_second_pack_of_the_day_keeps_the_first(small: TestProject, tmp_path: Path):
    if pdf.find_chromium() is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    first = small.cli("print", "--township", "hexi", "--latest", "2", "--out",
                      str(tmp_path))
    assert first.code == 0, first.text
    [pack] = list(tmp_path.glob("*.pdf"))
    second = small.cli("print", "--township", "hexi", "--latest", "1", "--out", str(tmp_path))
    assert second.code == 0, second.text
    kept = pack.with_name(f"{pack.stem}-2.pdf")
    assert "没有覆盖它" in second.out and kept.name in second.out
    assert pack.is_file() and kept.is_file()
    assert pdf.page_count(kept) < pdf.page_count(pack)  # the other selection, both kept


@pytest.mark.parametrize("closing, line_of", [("———", "———"), ("----", "----"), ("", "正文第一段。")])
def test_a_wrong_end_of_the_front_matter_is_reported_where_it_should_end(small: TestProject,
                                                                        closing, line_of):
    text = f"---\n{GOOD_FRONT.strip()}\n{closing}\n正文第一段。\n" if closing else \
        f"---\n{GOOD_FRONT.strip()}\n\n正文第一段。\n"
    path = small.write("content/notices/hexi/2025-0100.md", text)
    line = path.read_text(encoding="utf-8").split("\n").index(line_of) + 1
    result = small.check()
    assert result.code == 1
    assert f"content/notices/hexi/2025-0100.md:{line}（第 {line} 行）" in result.err
    if closing:
        assert f"把第 {line} 行改成 ---" in result.err
    else:
        assert f"在第 {line} 行前面加一行 ---" in result.err
