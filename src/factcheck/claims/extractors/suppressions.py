"""factcheck's own comments as claims, so a rule can report a stale or unreadable one.

"<!-- factcheck: ignore[LOC001] one campus -->" before a paragraph claims that
LOC001 is silenced there: the comment's rules, reason and the source span it
covers. "[factcheck: ignor[LOC001]]" claims nothing readable; its problem is
kept. Comments are read with the document (``reading.directives``) and are not
in the analysed text, so a claim's span is the empty place where the comment
stood, and its source offsets are fields.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.claims.model import Claim, ClaimKind, ExtractionContext, FieldValue
from factcheck.nlp.entities import Mention
from factcheck.reading.document import Document

KINDS = (
    ClaimKind(
        "suppression_comment",
        "A factcheck comment: 'ignore[LOC001] one campus' silences LOC001 in the next paragraph.",
        {
            "rules": "texts",
            "reason": "text",
            "whole_file": "bool",
            "problem": "text",
            "comment_start": "number",
            "comment_end": "number",
            "scope_start": "number",
            "scope_end": "number",
        },
    ),
)


def extract(context: ExtractionContext) -> Iterator[Claim]:
    document = context.document
    for suppression in document.suppressions:
        yield _claim(
            document,
            suppression.start,
            suppression.end,
            {
                "rules": suppression.rules,
                "reason": suppression.reason,
                "whole_file": suppression.whole_file,
                "problem": None,
                "scope_start": float(suppression.scope_start),
                "scope_end": float(suppression.scope_end),
            },
        )
    for bad in document.bad_directives:
        yield _claim(
            document,
            bad.start,
            bad.end,
            {
                "rules": (),
                "reason": None,
                "whole_file": False,
                "problem": bad.problem,
                "scope_start": None,
                "scope_end": None,
            },
        )


def _claim(document: Document, start: int, end: int, values: dict[str, FieldValue]) -> Claim:
    position = document.offsets.position_of(start)
    return Claim(
        kind="suppression_comment",
        span=Mention(position, position, "", ""),
        sentence=(position, position),
        values={**values, "comment_start": float(start), "comment_end": float(end)},
    )
