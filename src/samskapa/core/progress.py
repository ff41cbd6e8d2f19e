"""A progress line for the command line: rewrites itself on a terminal, prints rarely otherwise."""

import time


class ProgressLine:
    def __init__(self, stream, label: str):
        # Django's OutputWrapper adds a newline to every write; talk to the stream beneath it.
        self.stream = getattr(stream, "_out", stream)
        self.label = label
        self._last = 0.0
        self._tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def __enter__(self) -> "ProgressLine":
        return self

    def update(self, done: int, total: int, message: str = "") -> None:
        now = time.monotonic()
        if done < total and now - self._last < (0.1 if self._tty else 2.0):
            return
        self._last = now
        percent = 100 * done // total if total else 100
        text = f"{self.label}: {done}/{total} ({percent}%) {message}".rstrip()
        self.stream.write("\r\033[K" + text if self._tty else text + "\n")
        self.stream.flush()

    def __exit__(self, *exc) -> None:
        if self._tty:
            self.stream.write("\n")
