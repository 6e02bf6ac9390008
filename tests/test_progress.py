"""On a terminal a run shows a progress bar on stderr and its closing line says how long it took;
piped, it prints neither, so the output stays the same bytes."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

TEXT = "During a summit in Vienna, leaders met. The meeting in Japan lasted an hour.\n"


def _articles(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number in range(count):
        (folder / f"story-{number}.txt").write_text(TEXT.replace("an hour", f"{number + 2} hours"), "utf-8")
    return folder


def _environment(tmp_path: Path) -> dict[str, str]:
    drop = {"CI", "NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS"}
    return {
        **{k: v for k, v in os.environ.items() if k not in drop},
        "FACTCHECK_CACHE_DIR": str(tmp_path / "c"),
    }


def test_a_terminal_gets_a_progress_bar_and_the_time(tmp_path: Path) -> None:
    folder = _articles(tmp_path / "news", 3)
    leader, follower = pty.openpty()
    command = [sys.executable, "-m", "factcheck", "check", str(folder), "--select", "LOC001", "--no-color"]
    process = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, env=_environment(tmp_path)
    )
    os.close(follower)
    screen = b""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 1.0)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the run is over
                break
            if not chunk:
                break
            screen += chunk
        elif process.poll() is not None:
            break
    process.wait(timeout=60)
    os.close(leader)
    text = screen.decode("utf-8", "replace")
    assert process.returncode == 1
    assert "checking" in text and "3/3" in text  # the bar, with documents done
    closing = [line for line in text.splitlines() if "documents checked" in line][-1]
    assert "3 documents checked in " in closing and " documents/s): 3 errors" in closing


def test_a_pipe_gets_neither(tmp_path: Path) -> None:
    folder = _articles(tmp_path / "news", 3)
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", str(folder), "--select", "LOC001"],
        capture_output=True,
        text=True,
        env=_environment(tmp_path),
        timeout=300,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr == ""
    assert done.stdout.splitlines()[-1] == "3 documents checked: 3 errors, 0 warnings, 0 infos"
