"""Hostile or unlucky input and machines: no traceback, a clear Chinese message, site/ intact.

YAML alias bombs (time and memory measured in a child process), two builds at once (real
processes), a full disk (a small tmpfs when this runs as root, and a file size limit in a child
process everywhere), and what content/assets/ publishes.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import REPO, TestProject, copy_fixture

from site_builder.base import lock

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}


def bomb() -> str:
    """The "billion laughs": each of nine levels repeats the one before nine times."""
    lines = ['a: &a ["哈","哈","哈","哈","哈","哈","哈","哈","哈"]']
    for before, name in itertools.pairwise("abcdefghi"):
        lines.append(f"{name}: &{name} [{','.join(['*' + before] * 9)}]")
    return "\n".join(lines) + "\n"


def run_measured(args: list[str], cwd: Path, prelude: str = "") -> dict:
    """`site-builder ARGS` in a child process; its exit code, output, seconds spent in the
    command (start-up excluded: wall and CPU time — CPU is what the machine's load does not
    change) and peak resident memory (MB)."""
    script = textwrap.dedent(f"""
        import contextlib, io, json, sys, time
        {prelude}
        from site_builder.cli import main
        err = io.StringIO()
        start, cpu = time.perf_counter(), time.process_time()
        with contextlib.redirect_stderr(err):
            code = main({args!r})
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        # VmHWM: this process's peak; ru_maxrss would keep the parent's (Linux keeps it
        # across fork and exec, and the test process may be large)
        status = open("/proc/self/status").read()
        peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
        print(json.dumps({{"code": code, "seconds": seconds, "cpu": cpu, "peak_mb": peak,
                           "err": err.getvalue()}}))
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=cwd, env=ENV, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


# -- YAML alias bombs ----------------------------------------------------------------------------
@pytest.mark.parametrize("where", ["catalog", "notice"])
def test_alias_bomb_is_refused_within_a_second_and_200_mb(small: TestProject, where: str):
    if where == "catalog":
        small.edit("catalog.yaml", "设置:\n  每页条数: 10\n", "设置:\n  每页条数: 10\n" + bomb())
        at = "catalog.yaml:26"
    else:
        small.notice("hexi/bad.md", "id: 2025-0100\n" + bomb())
        at = "content/notices/hexi/bad.md:11"
    result = run_measured(["--root", str(small.root), "check"], small.root)
    assert result["code"] == 1
    assert f"✗ 错误 {at}" in result["err"], result["err"]
    assert "YAML 引用「*h」" in result["err"] and "没有读取" in result["err"]
    assert "Traceback" not in result["err"]
    assert result["cpu"] < 1.0, result  # 0.07 s on an idle machine
    assert result["peak_mb"] < 200, result


def test_the_measurement_would_see_a_big_check(small: TestProject):
    """The limits above can fail: the same child, made to hold 250 MB, reports it."""
    result = run_measured(["--root", str(small.root), "check"], small.root,
                          prelude="hold = bytearray(250 * 1024 * 1024); hold[::4096] = "
                                  "b'x' * len(hold[::4096])")
    assert result["peak_mb"] > 200


# -- one build at a time -------------------------------------------------------------------------
HOLDER = """
import sys, time
from pathlib import Path
from site_builder.base import lock
held = lock.acquire_build(Path(sys.argv[1]), "site-builder build")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


def hold_lock(root: Path, seconds: float = 60) -> subprocess.Popen:
    """Another process holding the build lock of the project, as a running build does."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(root / ".cache"), str(seconds)],
                            env=ENV, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def site_digest(site: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(site).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_second_build_says_another_build_runs_and_a_killed_one_does_not_block(
        small: TestProject):
    assert small.cli("build").code == 0
    before = site_digest(small.site)
    holder = hold_lock(small.root)
    try:
        for result in (small.cli("build"), small.build()):  # site-builder build, mkdocs build
            assert result.code == 1
            assert "另一个生成网站的程序正在运行：site-builder build（进程 " \
                   f"{holder.pid}，" in result.text, result.text
            assert "site/ 保持不变" in result.text and "Traceback" not in result.text
        assert site_digest(small.site) == before
        assert not (small.root / ".site-building").exists()
    finally:
        holder.send_signal(signal.SIGKILL)  # a crash: the lock file stays, the lock goes
        holder.wait()
    assert (small.root / ".cache" / lock.LOCK_FILE).is_file()
    result = small.cli("build")
    assert result.code == 0, result.text


def test_two_builds_started_together_never_break(small: TestProject):
    """Two real builds at once: each either builds or says the other one is running."""
    command = [sys.executable, "-m", "site_builder.cli", "--root", str(small.root), "build"]
    procs = [subprocess.Popen(command, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    results = [(p.wait(timeout=300), p.stdout.read() + p.stderr.read()) for p in procs]
    for code, text in results:
        assert "Traceback" not in text, text
        assert code == 0 or "另一个生成网站的程序正在运行" in text, text
    assert any(code == 0 for code, _ in results)
    assert (small.site / "n/2025-0002/index.html").is_file()
    assert small.cli("check").code == 0


def test_a_reader_waits_for_the_build_then_reads(small: TestProject, capsys):
    holder = hold_lock(small.root, seconds=1.5)
    start = time.monotonic()
    with lock.acquire_reader(small.root / ".cache", timeout=30, poll=0.05):
        waited = time.monotonic() - start
    holder.wait()
    assert waited > 0.5
    assert "网站正在生成：site-builder build（进程 " in capsys.readouterr().err


def test_a_reader_gives_up_with_a_message(small: TestProject):
    holder = hold_lock(small.root)
    try:
        with pytest.raises(lock.Busy, match="等了 0 秒，网站还在生成：site-builder build"):
            lock.acquire_reader(small.root / ".cache", timeout=0.3, poll=0.05)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()


# -- a full disk ---------------------------------------------------------------------------------
def test_file_size_limit_while_writing_site(small: TestProject):
    """EFBIG (ulimit -f) in a child process: the same message as a full disk, site/ as it was."""
    assert small.cli("build").code == 0
    before = site_digest(small.site)
    small.edit("content/notices/hexi/2025-0003.md", "申领条件", "申领条件（修订）")  # must write
    result = run_measured(["--root", str(small.root), "build"], small.root, prelude=(
        "import resource, signal; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
        "resource.setrlimit(resource.RLIMIT_FSIZE, (8000, 8000))"))
    assert result["code"] == 1
    assert f"✗ 错误 无法写入 {small.site}：超出了系统允许的最大文件大小" in result["err"], \
        result["err"]
    assert "原来的网站（site/）保持不变" in result["err"]
    assert "Traceback" not in result["err"]
    assert site_digest(small.site) == before
    assert not (small.root / ".site-building").exists()


def test_check_goes_on_when_its_cache_cannot_be_written(small: TestProject):
    """`check` writes only its cache (1.6 kB of rendered bodies for this fixture), which is an
    optimisation: with no room for it (EFBIG), the check still reports, and leaves no
    half-written file."""
    result = run_measured(["--root", str(small.root), "check"], small.root, prelude=(
        "import resource, signal; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))"))
    assert result["code"] == 0, result["err"]
    assert "Traceback" not in result["err"]
    assert list((small.root / ".cache").iterdir()) == []


def _mount_tmpfs(folder: Path, size: str) -> bool:
    if os.geteuid() != 0:
        return False
    folder.mkdir()
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True).returncode == 0


def test_disk_full_while_writing_site(tmp_path: Path):
    """ENOSPC on a small tmpfs (needs root): a Chinese message naming site/, site/ unchanged,
    for `site-builder build` and `mkdocs build`."""
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "12m"):
        pytest.skip("cannot mount a tmpfs here (not root, or no permission)")
    try:
        project = copy_fixture("small", disk / "county")
        assert project.cli("build").code == 0
        before = site_digest(project.site)
        free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
        (disk / "filler").write_bytes(b"\0" * (free - 1_500_000))  # less than a site
        project.edit("content/notices/hexi/2025-0003.md", "申领条件", "申领条件（修订）")
        for result in (project.cli("build"), project.build()):
            assert result.code == 1
            assert f"✗ 错误 无法写入 {project.site}：磁盘空间已满" in result.text, result.text
            assert "Traceback" not in result.text
            assert site_digest(project.site) == before
            assert not (project.root / ".site-building").exists()
    finally:
        subprocess.run(["umount", str(disk)], check=False)


# -- content/assets/ -----------------------------------------------------------------------------
def test_shared_files_and_links_inside_content_are_published(small: TestProject):
    """What is allowed in content/assets/ is copied: pictures, a style sheet, a link to a file
    elsewhere in content/, through a linked folder."""
    small.write("content/assets/样式.css", "body { color: #333; }\n")
    small.write("content/assets/图片/说明.txt", "网站共用图片。\n")
    (small.root / "content/assets/标志.png").symlink_to("../notices/county/meal.png")
    (small.root / "content/assets/图库").symlink_to("图片", target_is_directory=True)
    result = small.build()
    assert result.code == 0, result.text
    for name in ("样式.css", "图片/说明.txt", "标志.png", "图库/说明.txt"):
        assert (small.site / "assets" / name).is_file(), name
    assert (small.site / "assets/标志.png").read_bytes() == \
        (small.root / "content/notices/county/meal.png").read_bytes()


def test_link_to_etc_passwd_is_never_published(small: TestProject):
    (small.root / "content/assets").mkdir()
    (small.root / "content/assets/passwd.txt").symlink_to("/etc/passwd")
    (small.root / "content/assets/根目录").symlink_to("/", target_is_directory=True)
    start = time.monotonic()
    result = small.build()
    assert time.monotonic() - start < 60  # MkDocs never walked the whole disk
    assert result.code == 1
    assert "content/assets/passwd.txt" in result.text and "content/assets/根目录" in result.text
    assert not small.site.exists()
