"""Streaming: time and peak memory of ``factcheck check CORPUS.jsonl`` as the corpus grows.

    .venv/bin/python benchmarks/streaming.py [--sizes 1000,10000,50000] [--jobs 1,2]
                                             [--formats jsonl,json] [--tolerance 0.15]

For each size N it writes a JSON Lines corpus of N short news items to a temporary
folder (never into the repository), then runs
``factcheck check CORPUS --format FORMAT --no-cache --jobs J`` in a fresh process
for each format and worker count, with the report sent to /dev/null. It prints the
records, wall seconds, records per second and two peaks of memory:

* ``tree MiB``: the whole process tree (the command and its worker processes), the
  sum of each process's proportional set size (PSS: a page shared by a forked
  worker and its parent counts half to each), sampled ten times a second;
* ``max proc MiB``: the largest single process, as the kernel recorded it
  (``ru_maxrss`` of ``os.wait4``, which covers the command and the workers it waited
  for; it is a maximum over processes, not a sum).

A streaming format (jsonl, text, github) prints each document as it finishes, so its
memory should not grow with N: the last lines say, per format and worker count,
whether the largest process's peak at the largest N is within ``--tolerance`` of its
peak at the smallest. That figure decides because the tree's PSS also moves with
what else maps the same libraries (another run from the same virtual environment
halves their share); with ``--jobs 1`` the largest process is the whole tree.
A whole-report format (json) has to keep every document's findings until the end,
so it is shown for comparison.

The items are made up here: a handful of sentence templates filled with varied
names, places and figures; about one item in eight gives a person two ages, an
amount two values or a match two scores, which the rules report; the rest are clean.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

_FIRST = ("Maren", "Tobias", "Ilse", "Rafael", "Ngozi", "Pieter", "Leocadia", "Anselm", "Yusra", "Bram")
_LAST = ("Oldfield", "Kerrigan", "Vasko", "Lindqvist", "Adeyemi", "Moreau", "Halloran", "Szabo", "Ferreira")
_PLACES = ("Leeds", "Porto", "Gdansk", "Graz", "Tampere", "Cork", "Bergen", "Ghent", "Brno", "Malaga")
_TEAMS = ("Rovers", "United", "Athletic", "Wanderers", "City", "Albion")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_GOODS = ("buses", "ferries", "laptops", "hospital beds", "wind turbines", "school desks")
_OFFICES = ("mayor", "council leader", "harbour master", "head teacher")

#: Clean items: nothing in them contradicts anything else.
_CLEAN = (
    "{name}, the {office} of {place}, opened a new library on {day}. "
    "She said the building had cost {money} million euros and would open six days a week.",
    "The council in {place} ordered {count} {goods} on {day}. "
    "{surname} said the first of them would arrive in the spring.",
    "{team} beat {team2} {goals}-{against} in {place} on {day}. "
    "The winning goal came ten minutes from the end.",
    "{name}, {age}, was elected {office} of {place} on {day}. "
    "{surname} thanked the voters and promised to mend the roads.",
    "Storms closed the port of {place} on {day}. "
    "Officials said {count} ships were waiting offshore and the harbour would reopen at noon.",
)
#: Items that give one fact two ways, which a rule reports.
_CONTRADICTORY = (
    "{name}, {age}, was elected {office} of {place} on {day}. "
    "The {age2}-year-old {surname} thanked the voters.",
    "{place} signed a {money} million euro deal for {goods} on {day}. "
    "The deal, worth {money2} million euros, was welcomed by {surname}.",
    "{team} beat {team2} {goals}-{against} in {place} on {day}. "
    "After the {goals2}-{against} win, {surname} praised the players.",
)


def news_item(rng: random.Random, number: int) -> dict[str, str]:
    """One record: an id and a short article; about one in eight contradicts itself.

    >>> record = news_item(random.Random(1), 7)
    >>> record["id"], record["text"].endswith(".")
    ('item-7', True)
    """
    first, surname = rng.choice(_FIRST), rng.choice(_LAST)
    team, team2 = rng.sample(_TEAMS, 2)
    age, money, goals = rng.randint(35, 70), rng.randint(2, 90), rng.randint(1, 5)
    fields = {
        "name": f"{first} {surname}",
        "surname": surname,
        "place": rng.choice(_PLACES),
        "day": rng.choice(_DAYS),
        "office": rng.choice(_OFFICES),
        "goods": rng.choice(_GOODS),
        "count": str(rng.randint(3, 400)),
        "team": f"{rng.choice(_PLACES)} {team}",
        "team2": f"{rng.choice(_PLACES)} {team2}",
        "goals": str(goals),
        "goals2": str(goals + rng.randint(1, 2)),
        "against": str(rng.randint(0, goals - 1)),
        "age": str(age),
        "age2": str(age + rng.randint(2, 6)),
        "money": str(money),
        "money2": str(money + rng.randint(3, 40)),
    }
    templates = _CONTRADICTORY if rng.random() < 0.125 else _CLEAN
    return {"id": f"item-{number}", "text": rng.choice(templates).format(**fields)}


def write_corpus(path: Path, records: int, seed: int = 12) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as corpus:
        for number in range(1, records + 1):
            corpus.write(json.dumps(news_item(rng, number)) + "\n")


# -- measuring a run -------------------------------------------------------------


def _children() -> dict[int, list[int]]:
    """Every process's children, read from /proc (Linux)."""
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # The command name is in parentheses and may hold spaces; the parent follows it.
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(parent, []).append(int(entry))
    return tree


def _pss_kib(pid: int) -> int:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    for line in rollup.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


def tree_pss_kib(root: int) -> int:
    """The proportional set size of ``root`` and all its descendants, in KiB."""
    tree = _children()
    total, waiting = 0, [root]
    while waiting:
        pid = waiting.pop()
        total += _pss_kib(pid)
        waiting.extend(tree.get(pid, ()))
    return total


@dataclass(frozen=True)
class Run:
    fmt: str
    jobs: int
    records: int
    seconds: float
    tree_mib: float
    max_process_mib: float
    exit_code: int

    @property
    def per_second(self) -> float:
        return self.records / self.seconds if self.seconds > 0 else 0.0


def measure(corpus: Path, records: int, fmt: str, jobs: int) -> Run:
    command = [sys.executable, "-m", "factcheck", "check", str(corpus), "--format", fmt]
    command += ["--no-cache", "--jobs", str(jobs), "--quiet"]
    peak = 0
    started = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen(command, stdout=sink)
        stop = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not stop.wait(0.1):
                peak = max(peak, tree_pss_kib(process.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        # wait4 rather than Popen.wait: it also returns the child's resource use.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        stop.set()
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in KiB on Linux.
    return Run(fmt, jobs, records, seconds, peak / 1024, usage.ru_maxrss / 1024, process.returncode)


STREAMING_FORMATS = ("jsonl", "text", "github")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default="1000,10000,50000", help="records per corpus")
    parser.add_argument("--jobs", default="1,2", help="worker counts to run the streaming formats with")
    parser.add_argument("--formats", default="jsonl,json", help="report formats")
    parser.add_argument("--compare-jobs", type=int, default=1, help="--jobs for the whole-report formats")
    parser.add_argument("--tolerance", type=float, default=0.15, help="largest growth still called flat")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    worker_counts = [int(j) for j in args.jobs.split(",")]
    formats = args.formats.split(",")
    runs: list[Run] = []
    header = f"{'format':>7} {'jobs':>4} {'records':>8} {'seconds':>8} {'records/s':>9}"
    print(header + f" {'tree MiB':>9} {'max proc MiB':>12} exit", flush=True)
    with tempfile.TemporaryDirectory(prefix="factcheck-streaming-") as folder:
        for size in sizes:
            corpus = Path(folder) / f"corpus-{size}.jsonl"
            write_corpus(corpus, size)
            for fmt in formats:
                counts = worker_counts if fmt in STREAMING_FORMATS else [args.compare_jobs]
                for jobs in counts:
                    run = measure(corpus, size, fmt, jobs)
                    runs.append(run)
                    print(
                        f"{run.fmt:>7} {run.jobs:>4} {run.records:>8,} {run.seconds:>8.1f} "
                        f"{run.per_second:>9.1f} {run.tree_mib:>9.0f} {run.max_process_mib:>12.0f} "
                        f"{run.exit_code:>4}",
                        flush=True,
                    )
            corpus.unlink()
    for fmt in formats:
        counts = worker_counts if fmt in STREAMING_FORMATS else [args.compare_jobs]
        for jobs in counts:
            same = [r for r in runs if r.fmt == fmt and r.jobs == jobs]
            if len(same) < 2:
                continue
            first, last = same[0], same[-1]
            tree = last.tree_mib / first.tree_mib - 1 if first.tree_mib else 0.0
            largest = last.max_process_mib / first.max_process_mib - 1 if first.max_process_mib else 0.0
            verdict = "flat" if abs(largest) <= args.tolerance else "grows"
            kind = "streaming" if fmt in STREAMING_FORMATS else "whole report"
            print(
                f"{fmt} ({kind}), --jobs {jobs}, {first.records:,} -> {last.records:,} records: "
                f"largest process {first.max_process_mib:.0f} -> {last.max_process_mib:.0f} MiB "
                f"({largest:+.1%}), tree {first.tree_mib:.0f} -> {last.tree_mib:.0f} MiB ({tree:+.1%}): "
                f"{verdict}"
            )


if __name__ == "__main__":
    main()
