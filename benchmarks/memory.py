"""Peak resident memory of a server's processes, sampled from /proc while a case runs."""

import threading
from pathlib import Path

from .common import group_pids


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


class MemorySampler:
    """Samples the RSS of every granian process of a server's group, every 0.2 s."""

    def __init__(self, pgid: int):
        self.pgid = pgid
        self.peak: dict[int, int] = {}
        self.window_peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid in group_pids(self.pgid):
                if "granian" not in cmdline(pid):
                    continue  # the `masthead serve` wrapper, not a server process
                kb = rss_kb(pid)
                self.peak[pid] = max(self.peak.get(pid, 0), kb)
                self.window_peak = max(self.window_peak, kb)
            self._stop.wait(0.2)

    def start_window(self) -> None:
        self.window_peak = 0

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
