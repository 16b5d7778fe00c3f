"""Time comes from one place so that tests can move it."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class OffsetFileClock:
    """For end-to-end tests of a running server: real time shifted by the number of
    seconds written in a file, so a test can move the server past a step's date. Only
    used when TERTULIA_TESTING_CLOCK_OFFSET_FILE is set; re-read when the file changes."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._stamp: int | None = None
        self._offset = timedelta()

    def __call__(self) -> datetime:
        try:
            stamp = os.stat(self.path).st_mtime_ns
        except FileNotFoundError:
            return utc_now()
        if stamp != self._stamp:
            with open(self.path) as fh:
                text = fh.read().strip()
            self._offset = timedelta(seconds=float(text or 0))
            self._stamp = stamp
        return utc_now() + self._offset
