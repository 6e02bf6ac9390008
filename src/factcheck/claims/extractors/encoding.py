"""Mojibake repaired for analysis: "Russia‚Äôs" was read as "Russia’s".

The repair happens when the document is read; this extractor turns each repaired
token into a claim so that a rule can report it like any other finding.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.nlp.entities import Mention

KINDS = (
    ClaimKind(
        "encoding_repair",
        "A token whose mojibake was repaired for analysis: 'Russia‚Äôs' read as 'Russia’s'.",
        {"original": "text", "repaired": "mention"},
    ),
)


def extract(context: ExtractionContext) -> Iterator[Claim]:
    document = context.document
    for repair in document.repairs:
        repaired = Mention(repair.start, repair.end, document.text[repair.start : repair.end], "")
        sentence = context.doc.char_span(repair.start, repair.end, alignment_mode="expand")
        bounds = (
            (sentence.sent.start_char, sentence.sent.end_char) if sentence else (repair.start, repair.end)
        )
        yield Claim(
            kind="encoding_repair",
            span=repaired,
            sentence=bounds,
            values={"original": repair.original, "repaired": repaired},
        )
