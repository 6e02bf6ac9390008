"""The attribute ruler's matches by spaCy's Matcher and by factcheck's table, side by side.

    .venv/bin/python benchmarks/attribute_table.py [FOLDER ...] [--limit N]

Parses each ``*.txt`` of the folders up to the attribute ruler, asks both for the
ruler's matches on the same Doc, and prints how many Docs differ (each difference is
listed) and the seconds each took. factcheck replaces the ruler's matching with the
table only because the two agree.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import spacy
from spacy.pipeline import AttributeRuler

from factcheck.nlp.attribute_table import AttributeTable
from factcheck.nlp.models import MODEL_PACKAGES

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "bbc-dev"


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[DEFAULT_FOLDER])
    parser.add_argument("--limit", type=int, default=0, help="at most this many texts (0: all)")
    args = parser.parse_args()
    paths = sorted(p for folder in args.folders for p in folder.rglob("*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    if not paths:
        print("no .txt files found", file=sys.stderr)
        return 2
    nlp = None
    for package in MODEL_PACKAGES:
        try:
            nlp = spacy.load(package, exclude=["senter"])
            break
        except OSError:
            continue
    if nlp is None:
        print("no English spaCy pipeline installed", file=sys.stderr)
        return 2
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    table = AttributeTable.compile(ruler)
    if table is None:
        print("this pipeline's attribute ruler has patterns a table cannot answer", file=sys.stderr)
        return 2
    from_ruler_on = nlp.pipe_names[nlp.pipe_names.index("attribute_ruler") :]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    spacy_seconds = table_seconds = 0.0
    differing = tokens = 0
    with nlp.select_pipes(disable=from_ruler_on):
        for path, doc in zip(paths, nlp.pipe(texts, batch_size=16), strict=True):
            tokens += len(doc)
            started = time.perf_counter()
            expected = ruler.match(doc)
            spacy_seconds += time.perf_counter() - started
            started = time.perf_counter()
            found = table.match(doc)
            table_seconds += time.perf_counter() - started
            if found != expected:
                differing += 1
                print(f"{path}: {sorted(set(found) ^ set(expected))}")
    print(f"{len(paths)} texts, {tokens:,} tokens; {differing} differ")
    print(f"spaCy Matcher {spacy_seconds:.2f} s, table {table_seconds:.2f} s")
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
