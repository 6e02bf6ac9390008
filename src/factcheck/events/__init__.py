"""The event layer: frames of every event mention, and which ones mention the same event.

    Doc + EntityIndex -> PartyIndex -> Frames -> EventLayer

Claim extractors read events from here rather than from the parse, so a new
wording of a known event needs a word in data/frames.yaml, not code.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from factcheck.events.identity import resolve_events
from factcheck.events.lexicon import FrameLexicon, frame_lexicon
from factcheck.events.model import EventLayer, Filler, Frame, Party, Reference
from factcheck.events.parties import PartyIndex, build_party_index
from factcheck.events.reader import read_frames
from factcheck.nlp.entities import EntityIndex
from factcheck.nlp.sentences import text_of

_PARAGRAPH = re.compile(r"\n[ \t]*\n")

__all__ = [
    "EventLayer",
    "Filler",
    "Frame",
    "FrameLexicon",
    "Party",
    "PartyIndex",
    "Reference",
    "build_event_layer",
    "frame_lexicon",
    "lede_end",
]


def lede_end(text: str) -> int:
    """Where the story's introduction ends: after the headline, a date line and the first paragraph.

    >>> lede_end("Talks end\\n\\nMonday, May 5\\n\\nGENEVA - Talks ended. More.\\n\\nLater text.")
    53
    """
    position = 0
    blocks = 0
    for match in [*_PARAGRAPH.finditer(text), None]:
        end = match.start() if match is not None else len(text)
        block = text[position:end].strip()
        if block:
            blocks += 1
            # The headline and a date line are short and end with no full stop.
            if blocks > 1 and block[-1:] in {".", "!", "?", '"', "”", "'", "’"}:
                return end
        if match is None:
            break
        position = match.end()
    return len(text)


def build_event_layer(
    doc: Doc, entities: EntityIndex, lexicon: FrameLexicon | None = None
) -> tuple[EventLayer, PartyIndex]:
    """Read and resolve the frames of one parsed article."""
    lexicon = lexicon or frame_lexicon()
    parties = build_party_index(doc, entities)
    frames = read_frames(doc, entities, parties, lexicon)
    text = text_of(doc)
    event_of = resolve_events(frames, text, lede_end(text), lexicon, entities.contains)
    return EventLayer(tuple(frames), event_of, lexicon), parties
