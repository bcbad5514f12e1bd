"""The post-build jobs (base/background.py): run one after the other in one forked process, their
files moved into the output; a job that fails there is done again in the build, which raises
its error."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from site_builder.base import background
from site_builder.base.background import Job

pytestmark = pytest.mark.usefixtures("fork_allowed")


def _write(name: str):
    def job(work_dir: Path) -> None:
        (work_dir / f"{name}.txt").write_text(str(os.getpid()), encoding="utf-8")
    return job


def _fail_in_worker(parent: int):
    def job(work_dir: Path) -> None:
        if os.getpid() != parent:
            raise RuntimeError("in the worker")
        raise ValueError("in the build")
    return job


def test_jobs_run_in_one_other_process_and_their_files_are_moved(tmp_path: Path) -> None:
    jobs = [Job(_write(name), tmp_path / "work" / name) for name in ("a", "b", "c")]
    background.start(jobs)
    assert gc.get_freeze_count() > 0  # the build's objects are not touched by collections
    out = tmp_path / "out"
    out.mkdir()
    for job in jobs:
        job.finish(out)
    pids = {(out / f"{name}.txt").read_text(encoding="utf-8") for name in ("a", "b", "c")}
    assert len(pids) == 1 and pids != {str(os.getpid())}
    assert gc.get_freeze_count() == 0  # unfrozen when the last job is finished
    assert not (tmp_path / "work" / "a").exists()


def test_a_job_that_fails_in_the_worker_is_done_again_here_and_raises(tmp_path: Path) -> None:
    jobs = [Job(_fail_in_worker(os.getpid()), tmp_path / "work" / "bad"),
            Job(_write("good"), tmp_path / "work" / "good")]
    background.start(jobs)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ValueError, match="in the build"):
        jobs[0].finish(out)
    jobs[1].finish(out)  # the next job still ran in the worker
    assert (out / "good.txt").read_text(encoding="utf-8") != str(os.getpid())
    assert gc.get_freeze_count() == 0


def test_cancelled_jobs_stop_the_worker(tmp_path: Path) -> None:
    jobs = [Job(_write(name), tmp_path / "work" / name) for name in ("a", "b")]
    background.start(jobs)
    for job in jobs:
        job.cancel()
    assert gc.get_freeze_count() == 0
    assert not (tmp_path / "work" / "a").exists()
