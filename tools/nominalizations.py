"""Generate src/factcheck/data/nominalizations.json: the verb each action noun is made from.

    .venv/bin/python tools/nominalizations.py > src/factcheck/data/nominalizations.json

Read from the shipped WordNet data (``data/lexical.json``, whose "related" senses
are WordNet's derivational links), so nothing is downloaded: a noun is the
nominalization of a verb when one of the noun's most frequent senses is an act
(below WordNet's "act") derived from one of the verb's senses and both are
spelled from one stem ("closure" /
"close", "approval" / "approve", "ban" / "ban"), not merely related in meaning
("trip" / "travel"). The event layer reads a noun so made as the action of its
verb ("Kyrgyzstan's closure of the crossing": Kyrgyzstan closed the crossing).
The schema is ``schemas/nominalizations.schema.json``. Same input -> same bytes.
"""

from __future__ import annotations

import json
import sys
from importlib import resources

#: A noun's senses, most frequent first, whose derivations count: only its commonest,
#: so "the government of Kenya" (a body first, governing only second) is no act.
NOUN_SENSES = 1
#: Letters a noun and its verb must share from the start ("clos-ure" / "clos-e").
STEM = 4
FORMAT = "factcheck-nominalizations/1"


def _in_range(sense: int, bounds: list[int]) -> bool:
    return bounds[0] <= sense < bounds[1]


def _acts(data: dict[str, object]) -> set[int]:
    """Every noun sense that is a kind of act ("something that people do"): WordNet's
    "act" as "human action", and all below it."""
    words = data["words"]
    hypernyms = data["synsets"]["hypernyms"]  # type: ignore[index]
    assert isinstance(words, dict) and isinstance(hypernyms, list)

    def ancestors(sense: int) -> set[int]:
        frontier, seen = {sense}, set()
        while frontier:
            seen |= frontier
            frontier = {h for s in frontier for h in hypernyms[s]} - seen
        return seen

    # The sense of "act" that "action" is a kind of: "human action", not the statute.
    (act,) = set(words["n"]["act"]) & ancestors(words["n"]["action"][0])
    acts: set[int] = set()
    for senses in words["n"].values():
        for sense in senses:
            frontier, seen = {sense}, set()
            while frontier and act not in seen:
                seen |= frontier
                frontier = {h for s in frontier for h in hypernyms[s]} - seen
            if act in seen:
                acts.add(sense)
    return acts


def nominalizations(data: dict[str, object]) -> dict[str, str]:
    words = data["words"]
    related = data["synsets"]["related"]  # type: ignore[index]
    verbs_range = data["parts_of_speech"]["v"]  # type: ignore[index]
    assert isinstance(words, dict)
    acts = _acts(data)
    verbs_by_sense: dict[int, list[str]] = {}
    for verb, senses in sorted(words["v"].items()):
        for sense in senses:
            verbs_by_sense.setdefault(sense, []).append(verb)
    found: dict[str, str] = {}
    for noun, senses in sorted(words["n"].items()):
        if not noun.isalpha() or len(noun) < STEM:
            continue
        candidates: list[str] = []
        for sense in senses[:NOUN_SENSES]:
            if sense not in acts:
                continue
            for other in related.get(str(sense), ()):
                if not _in_range(other, verbs_range):
                    continue
                for verb in verbs_by_sense.get(other, ()):
                    if verb.isalpha() and verb[:STEM] == noun[:STEM] and verb not in candidates:
                        candidates.append(verb)
        if candidates:
            # The commonest verb (most senses), then one whose stem the noun is spelled with:
            # "closure" -> "close", not the rare "closure"; "approval" -> "approve", not "approbate".
            found[noun] = min(
                candidates,
                key=lambda verb: (-len(words["v"][verb]), not noun.startswith(verb.removesuffix("e")), verb),
            )
    return found


def main() -> int:
    resource = resources.files("factcheck.data").joinpath("lexical.json")
    data = json.loads(resource.read_text(encoding="utf-8"))
    output = {
        "format": FORMAT,
        "source": "derived from data/lexical.json (Princeton WordNet 3.0) by tools/nominalizations.py",
        "licence": data["licence"],
        "nouns": nominalizations(data),
    }
    json.dump(output, sys.stdout, ensure_ascii=False, sort_keys=True, indent=0)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
