"""Scaling: time and peak memory against input size, per reader, with the growth exponent.

    .venv/bin/python benchmarks/scaling.py [--base CHARS] [--sizes 1,4,16,64]
                                           [--readers text,markdown,...] [--timeout S]
                                           [--bare]

For each reader (plain text, Markdown prose, a Markdown file holding one long table,
one very wide table, HTML, a JSON Lines corpus, one long line without a sentence
break) it generates an input of 1x, 4x, 16x and 64x a base size and checks it in a
fresh process, so each peak resident memory belongs to one run. It prints the CPU
seconds to read the input and to check it (parse, entities, claims, graph, rules),
the wall-clock seconds of both, the peak memory and its growth over the loaded
model, and the least-squares slope of log(CPU time) against log(size): 1.0 is
linear, 2.0 quadratic. CPU time is fitted because the wall clock of a machine shared
with other work is mostly noise. The model is loaded before the clocks start.
With ``--bare`` it also times the English model alone on the same texts, since the
parse is most of the time and has a growth of its own on one very long document.

The inputs are generated here from made-up names and wordings, with names and
claims repeated throughout, as in a long article that keeps coming back to its
people, places and figures.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# -- generated inputs ----------------------------------------------------------

_PEOPLE = (
    "Halvard Brenne",
    "Ottilie Marsch",
    "Casimir Dunleavy",
    "Rosalind Achterberg",
    "Teodor Vasquez-Lind",
    "Imogen Farrowby",
    "Benedikt Quarles",
    "Saskia Oyelaran",
)
_PLACES = ("Oslo", "Lisbon", "Warsaw", "Vienna", "Madrid", "Helsinki", "Prague", "Dublin", "Athens")
_COUNTRIES = ("Norway", "Portugal", "Poland", "Austria", "Spain", "Finland", "Greece", "Ireland")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_THINGS = ("ferries", "turbines", "ambulances", "grain silos", "rail cars", "field hospitals")
_OFFICES = ("foreign minister", "trade envoy", "finance minister", "mayor")

#: Clauses with one person, place, day, thing or number each; joined into sentences.
_CLAUSES = (
    "{person} flew to {place} on {day}",
    "{person} met {other} in {place}",
    "the summit in {place} drew {number} delegates",
    "{country} agreed to send {number} {thing} to {country2}",
    "{person}, the {office} of {country}, arrived in {place}",
    "{surname} said the talks in {place} would resume on {day}",
    "he told reporters that {number} {thing} had been delivered",
    "{surname} did not travel to {place} last week",
    "officials in {place} counted {number} {thing} at the port",
    "{other} praised {surname} for the deal signed in {place}",
    # Main's event-frame kinds: ages, scores, ordinals, story roles, tolls, trips.
    "{person}, {age}, told the meeting in {place} that the deal would hold",
    "{country} beat {country2} {goals}-{against} in {place} on {day}",
    "it was the {ordinal} visit by {surname} to {place}",
    "{country2}, the loser, blamed the referee",
    "the death toll in {place} rose to {number}",
    "{surname} left on {day} for a trip abroad, and the visit to {place} was the first",
    "the buyer, {country2}, paid {number} million euros for the {thing}",
)
_ORDINALS = ("first", "second", "third", "fourth")


class _Words:
    """Deterministic clause maker: the same seed gives the same text."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def clause(self) -> str:
        pick = self.random.choice
        person, other = self.random.sample(_PEOPLE, 2)
        country, country2 = self.random.sample(_COUNTRIES, 2)
        return pick(_CLAUSES).format(
            person=person,
            other=other,
            surname=person.split()[-1],
            place=pick(_PLACES),
            day=pick(_DAYS),
            country=country,
            country2=country2,
            thing=pick(_THINGS),
            office=pick(_OFFICES),
            number=self.random.randint(2, 400),
            age=self.random.randint(30, 80),
            goals=self.random.randint(1, 5),
            against=self.random.randint(0, 4),
            ordinal=pick(_ORDINALS),
        )

    def sentence(self) -> str:
        text = self.clause()
        if self.random.random() < 0.4:
            text += ", and " + self.clause()
        return text[0].upper() + text[1:] + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.random.randint(2, 4)))

    def cell(self) -> str:
        kind = self.random.randrange(5)
        if kind == 0:
            return self.random.choice(_PEOPLE)
        if kind == 1:
            return self.random.choice(_PLACES)
        if kind == 2:
            return str(self.random.randint(2, 9000))
        if kind == 3:
            return f"{self.random.choice(_DAYS)} {self.random.choice(_THINGS)}"
        return self.note()

    def note(self) -> str:
        """A lower-case cell: read on from the cell before, as a wrapped line is."""
        return f"{self.random.choice(_THINGS)} sent to {self.random.choice(_PLACES)}"


def _paragraphs(words: _Words, size: int) -> list[str]:
    paragraphs: list[str] = []
    total = 0
    while total < size:
        paragraphs.append(words.paragraph())
        total += len(paragraphs[-1]) + 2
    return paragraphs


def plain_text(size: int) -> str:
    words = _Words(1)
    return "Talks resume in Oslo\n\n" + "\n\n".join(_paragraphs(words, size)) + "\n"


def markdown_prose(size: int) -> str:
    words = _Words(2)
    blocks = ["---\ntitle: Talks\n---", "# Talks resume in *Oslo*"]
    for number, paragraph in enumerate(_paragraphs(words, size)):
        shape = number % 5
        if shape == 0:
            blocks.append(f"## Day {number}")
        if shape == 1:
            blocks.append("- " + paragraph.replace(". ", ".\n- ", 1))
        elif shape == 2:
            blocks.append("> " + paragraph)
        elif shape == 3:
            first, _, rest = paragraph.partition(" ")
            blocks.append(f"**{first}** {rest} See [the report](https://example.org/{number}).")
        else:
            # A wrapped paragraph: soft line breaks read as spaces.
            blocks.append(paragraph.replace(", ", ",\n"))
    return "\n\n".join(blocks) + "\n"


def markdown_table(size: int) -> str:
    """One table of four columns and as many rows as the size asks for."""
    words = _Words(3)
    lines = ["# Deliveries", "", "| Person | Place | Count | Note |", "| --- | --- | --- | --- |"]
    total = 0
    while total < size:
        lines.append("| " + " | ".join(words.cell() for _ in range(4)) + " |")
        total += len(lines[-1]) + 1
    return "\n".join(lines) + "\n"


def markdown_wide_table(size: int) -> str:
    """One table of three rows of lower-case notes, as wide as the size asks for.

    No cell starts a sentence, so the whole table is one run of text without a
    sentence end: the worst case for anything that looks across a sentence.
    """
    words = _Words(4)
    columns = max(2, size // 90)
    header = "| " + " | ".join(f"col {i}" for i in range(columns)) + " |"
    rule = "|" + "---|" * columns
    rows = ["| " + " | ".join(words.note() for _ in range(columns)) + " |" for _ in range(3)]
    return "\n".join(["# Deliveries", "", header, rule, *rows]) + "\n"


def html_page(size: int) -> str:
    words = _Words(5)
    parts = [
        "<!DOCTYPE html><html><head><title>Talks</title><style>p{margin:0}</style></head><body>",
        '<nav><a href="/">Home</a></nav><article><h1>Talks resume in Oslo</h1>',
    ]
    for number, paragraph in enumerate(_paragraphs(words, size)):
        if number % 4 == 3:
            items = paragraph.split(". ")
            parts.append("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")
        else:
            parts.append(f"<p>{paragraph.replace(' and ', ' &amp; ', 1)}</p>")
        if number % 6 == 5:
            parts.append(
                "<table><tr><th>Who</th><th>Where</th></tr>"
                f"<tr><td>{words.cell()}</td><td>{words.cell()}</td></tr></table>"
            )
    parts.append("</article><footer>Contact us</footer></body></html>")
    return "\n".join(parts) + "\n"


def jsonl_corpus(size: int) -> str:
    """Records of about 1,500 characters each, as many as the size asks for."""
    words = _Words(6)
    records = []
    total = 0
    number = 0
    while total < size:
        text = "\n\n".join(_paragraphs(words, 1500))
        records.append(json.dumps({"id": f"r{number}", "text": text}))
        total += len(text)
        number += 1
    return "\n".join(records) + "\n"


def long_line(size: int) -> str:
    """One line without a sentence break: clauses joined by commas and conjunctions."""
    words = _Words(7)
    clauses: list[str] = []
    total = 0
    while total < size:
        clauses.append(words.clause())
        total += len(clauses[-1]) + 2
    joined = clauses[0]
    for index, clause in enumerate(clauses[1:]):
        joined += (", and " if index % 3 == 0 else ", ") + clause
    return joined[0].upper() + joined[1:] + "\n"


READERS: dict[str, tuple[str, Callable[[int], str]]] = {
    "text": (".txt", plain_text),
    "markdown": (".md", markdown_prose),
    "md-table": (".md", markdown_table),
    "md-wide": (".md", markdown_wide_table),
    "html": (".html", html_page),
    "jsonl": (".jsonl", jsonl_corpus),
    "long-line": (".txt", long_line),
}

# -- one measured run (in its own process) ---------------------------------------


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(reader: str, size: int, bare: bool = False) -> dict[str, float | int]:
    from factcheck.config import Settings
    from factcheck.pipeline import Checker, gazetteer_for, rules_for
    from factcheck.reading.document import Document
    from factcheck.reading.inputs import InputOptions, collect

    suffix, generate = READERS[reader]
    source = generate(size)
    settings = Settings()
    checker = Checker(rules_for(settings), gazetteer_for(settings))
    options = InputOptions(max_bytes=max(len(source.encode()) + 1, 1024 * 1024))
    with tempfile.TemporaryDirectory() as folder:
        # Load the model, the reader and every stage on a small input of the same
        # kind first, so the clocks see only the work this input's size asks for.
        warm = Path(folder) / f"warm{suffix}"
        warm.write_text(generate(200), encoding="utf-8")
        for _ in checker.check(collect([str(warm)], options)):
            pass
        loaded = _peak_mib()
        path = Path(folder) / f"input{suffix}"
        path.write_text(source, encoding="utf-8")
        started, cpu_started = time.perf_counter(), time.process_time()
        items = list(collect([str(path)], options))
        read = time.process_time() - cpu_started
        cpu_started = time.process_time()
        findings = 0
        errors = 0
        for result in checker.check(items):
            findings += len(result.findings)
            errors += result.error is not None
        check = time.process_time() - cpu_started
        wall = time.perf_counter() - started
    texts = [item.text for item in items if isinstance(item, Document)]
    spacy_time = _bare_parse(texts, checker) if bare else 0.0
    return {
        "chars": len(source),
        "documents": len(items),
        "errors": errors,
        "findings": findings,
        "read": read,
        "check": check,
        "wall": wall,
        "spacy": spacy_time,
        "peak": _peak_mib(),
        "loaded": loaded,
    }


def _bare_parse(texts: list[str], checker: Any) -> float:
    """CPU seconds of the English model alone (no factcheck component) on the texts."""
    nlp = checker.pipeline.nlp
    ours = [name for name in nlp.pipe_names if name.startswith("factcheck_")]
    with nlp.select_pipes(disable=ours):
        started = time.process_time()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        return time.process_time() - started


# -- the table -------------------------------------------------------------------


def slope(sizes: list[float], times: list[float]) -> float:
    """Least-squares slope of log(time) against log(size)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-6)) for t in times]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def _run_child(reader: str, size: int, timeout: float, bare: bool) -> dict[str, float | int] | None:
    command = [sys.executable, __file__, "--child", reader, str(size), *(["--bare"] if bare else [])]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise SystemExit(f"{reader} at {size} characters failed:\n{done.stderr}")
    result: dict[str, float | int] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=2500, help="characters at 1x (default 2500)")
    parser.add_argument("--sizes", default="1,4,16,64", help="multiples of the base (default 1,4,16,64)")
    parser.add_argument("--readers", default=",".join(READERS), help="comma-separated; default all")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per run before giving up")
    parser.add_argument(
        "--bare",
        action="store_true",
        help="also time the English model alone on the same texts (its own growth, for comparison)",
    )
    parser.add_argument("--child", nargs=2, metavar=("READER", "CHARS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child[0], int(args.child[1]), args.bare)))
        return 0
    multiples = [int(m) for m in args.sizes.split(",")]
    readers = args.readers.split(",")
    unknown = sorted(set(readers) - set(READERS))
    if unknown:
        print(f"unknown reader(s): {', '.join(unknown)}; expected: {', '.join(READERS)}", file=sys.stderr)
        return 2
    print(f"base {args.base:,} characters; sizes {', '.join(f'{m}x' for m in multiples)}")
    print(
        f"{'reader':10} {'size':>4} {'chars':>9} {'docs':>5} {'found':>6} "
        f"{'read s':>7} {'check s':>8} {'wall s':>7} {'peak MiB':>9} {'+MiB':>6}"
        + (f" {'spaCy s':>8}" if args.bare else "")
    )
    exponents: dict[str, str] = {}
    for reader in readers:
        sizes: list[float] = []
        times: list[float] = []
        bare_times: list[float] = []
        timed_out = False
        for multiple in multiples:
            result = _run_child(reader, args.base * multiple, args.timeout, args.bare)
            if result is None:
                print(f"{reader:10} {multiple:>3}x  timed out after {args.timeout:.0f} s", flush=True)
                # The timeout is a lower bound on the time: the slope is one too.
                sizes.append(float(args.base * multiple))
                times.append(args.timeout)
                timed_out = True
                break
            if result["errors"]:
                print(f"{reader:10} {multiple:>3}x  {result['errors']} document(s) refused", file=sys.stderr)
            total = float(result["read"]) + float(result["check"])
            sizes.append(float(result["chars"]))
            times.append(total)
            bare_times.append(float(result["spacy"]))
            print(
                f"{reader:10} {multiple:>3}x {result['chars']:>9,} {result['documents']:>5} "
                f"{result['findings']:>6} {result['read']:>7.2f} {result['check']:>8.2f} "
                f"{result['wall']:>7.2f} {result['peak']:>9.0f} "
                f"{float(result['peak']) - float(result['loaded']):>6.0f}"
                + (f" {result['spacy']:>8.2f}" if args.bare else ""),
                flush=True,
            )
        bound = ">=" if timed_out else ""
        if len(sizes) < 2:
            exponents[reader] = "n/a"
            continue
        # The last step alone shows growth the small, overhead-bound sizes can hide.
        last = slope(sizes[-2:], times[-2:])
        exponents[reader] = f"{bound}{slope(sizes, times):.2f}   last step {bound}{last:.2f}"
        if args.bare and not timed_out:
            exponents[reader] += (
                f"   (spaCy alone {slope(sizes, bare_times):.2f}, last step "
                f"{slope(sizes[-2:], bare_times[-2:]):.2f})"
            )
    print()
    print("growth exponent (slope of log CPU time against log size; 1.0 is linear):")
    for reader, exponent in exponents.items():
        print(f"  {reader:10} {exponent}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
