"""Progress of a multi-service run: a bar on a terminal, plain lines otherwise."""

import sys
import time
from typing import TextIO


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    return f"{minutes:02d}:{seconds:02d}"


class Progress:
    def __init__(self, services: int, stream: TextIO | None = None, enabled: bool = True) -> None:
        self.total = services
        self.done = 0
        self.operations = 0
        self.stream = stream or sys.stderr
        self.enabled = enabled and services > 1
        self.tty = self.stream.isatty()
        self.started = time.monotonic()

    def advance(self, service: str, operations: int, reused: bool) -> None:
        self.done += 1
        self.operations += operations
        if not self.enabled:
            return
        elapsed = time.monotonic() - self.started
        remaining = elapsed / self.done * (self.total - self.done)
        if self.tty:
            width = 30
            filled = width * self.done // self.total
            bar = "#" * filled + "." * (width - filled)
            self.stream.write(
                f"\r[{bar}] {self.done}/{self.total} services, {self.operations} operations, "
                f"{_clock(elapsed)} elapsed, ETA {_clock(remaining)} "
            )
            if self.done == self.total:
                self.stream.write("\n")
        else:
            how = "unchanged" if reused else "rendered"
            self.stream.write(
                f"[{self.done}/{self.total}] {service}: {operations} operations {how} "
                f"({_clock(elapsed)} elapsed, ETA {_clock(remaining)})\n"
            )
        self.stream.flush()
