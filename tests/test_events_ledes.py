"""Stories read as one text: each opens with a lede whose indefinite mentions may refer back.

A rewrite read after its source opens a story of its own: its first mention of the
summit is indefinite ("a summit in ..."), like a story's lede, and is still the
source's summit. Without the second story start it would be another summit.
"""

from __future__ import annotations

from factcheck.events import build_event_layer, ledes
from factcheck.nlp.entities import build_entity_index
from factcheck.nlp.gazetteer import Gazetteer
from factcheck.pipeline import Checker

SOURCE = (
    "Leaders of Chile and Peru met for a summit in Lima on Monday.\n\n"
    "The summit ended with a pledge on fishing rights.\n\n"
)
REWRITE = "Chile and Peru held a summit in Lima.\n"


def test_each_story_has_its_own_lede() -> None:
    text = SOURCE + REWRITE
    # A first block ending in a full stop may still be a headline: the lede runs to the next one.
    source_lede = SOURCE.index("\n\n", SOURCE.index("\n\n") + 2)
    assert ledes(text, [0, len(SOURCE)]) == [(0, source_lede), (len(SOURCE), len(text))]
    assert ledes(text) == [(0, source_lede)]


def test_a_rewrite_s_indefinite_first_mention_is_the_source_s_event(
    checker: Checker, gazetteer: Gazetteer
) -> None:
    doc = checker.pipeline.nlp(SOURCE + REWRITE)
    entities = build_entity_index(doc, gazetteer)

    def summit_events(starts: list[int]) -> list[str]:
        layer, _ = build_event_layer(doc, entities, starts=starts)
        return [layer.event_of[f.frame_id] for f in layer.frames if f.lemma == "summit"]

    source_event, _, rewrite_event = summit_events([0, len(SOURCE)])
    assert rewrite_event == source_event
    one_story = summit_events([0])
    assert one_story[2] != one_story[0]
