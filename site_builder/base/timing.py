"""Where a build spends its time: laps logged at debug level (`mkdocs build -v`)."""

from __future__ import annotations

import logging
import time


class Stopwatch:
    def __init__(self, log: logging.Logger):
        self.log = log
        self.start = self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.log.debug("site-builder timing: %-28s %6.2f s (total %6.2f s)", stage,
                       now - self.last, now - self.start)
        self.last = now
