"""A source and its rewrite read as one text, and every quoted side mapped back to its own text.

    source.text + "\\n\\n" + derived.text

Read together, the event layer's one notion of the same event links the
rewrite's mentions to the source's events (the rewrite opens a story of its own,
so its first, indefinite mentions may still refer back), the entity index
merges "Putin" in the rewrite with "Vladimir Putin" in the source, and every
claim rule sees both texts at once. A finding's sides are then split by where
they stand: before the break they quote the source, after it the rewrite, each
with offsets, line and column in its own text as given.

Only the rewrite's own factcheck comments travel into the joined text: the
source's comments are about the source and silence nothing of the rewrite.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from factcheck.reading.directives import Suppression
from factcheck.reading.document import DERIVED, SOURCE, Document, Evidence, OffsetMap

#: A paragraph break: the rewrite starts a block of its own, as a new story does.
SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class JoinedPair:
    """The two texts of a pair as one ``Document`` for the analysis stages."""

    source: Document
    derived: Document
    document: Document

    @property
    def derived_start(self) -> int:
        """Where the rewrite starts in the joined analysis text."""
        return len(self.source.text) + len(SEPARATOR)

    def split(self, evidence: Evidence) -> Evidence:
        """A side quoted from the joined text as given, in the text it stands in: its offsets,
        line and column there."""
        boundary = len(self.source.source) + len(SEPARATOR)
        if evidence.start >= boundary:
            inner = self.derived.evidence_for_source(evidence.start - boundary, evidence.end - boundary)
            return replace(inner, document=DERIVED)
        end = min(evidence.end, len(self.source.source))
        return replace(self.source.evidence_for_source(evidence.start, end), document=SOURCE)


def join(source: Document, derived: Document) -> JoinedPair:
    """One Document holding both texts; its offsets map into both texts as given, one after the other.

    The rewrite's suppression comments keep their place in it; an ``ignore-file``
    there covers the whole rewrite, not the source before it.
    """
    shift = len(source.source) + len(SEPARATOR)
    gap = len(source.source)
    starts = (
        *source.offsets.starts,
        *range(gap, gap + len(SEPARATOR)),
        *(start + shift for start in derived.offsets.starts),
    )
    ends = (
        *source.offsets.ends,
        *range(gap + 1, gap + len(SEPARATOR) + 1),
        *(end + shift for end in derived.offsets.ends),
    )
    moved = len(source.text) + len(SEPARATOR)
    repairs = (
        *source.repairs,
        *(replace(r, start=r.start + moved, end=r.end + moved) for r in derived.repairs),
    )
    suppressions = tuple(_moved(s, shift) for s in derived.suppressions)
    bad = tuple(replace(b, start=b.start + shift, end=b.end + shift) for b in derived.bad_directives)
    document = Document(
        derived.path,
        source.source + SEPARATOR + derived.source,
        source.text + SEPARATOR + derived.text,
        OffsetMap(starts, ends),
        "text",
        derived.doc_id,
        repairs,
        suppressions=suppressions,
        bad_directives=bad,
        parts=((0, SOURCE), (shift, DERIVED)),
    )
    return JoinedPair(source, derived, document)


def _moved(suppression: Suppression, shift: int) -> Suppression:
    """A rewrite's comment where the rewrite stands in the joined text, covering what it covered there."""
    return replace(
        suppression,
        start=suppression.start + shift,
        end=suppression.end + shift,
        scope_start=suppression.scope_start + shift,
        scope_end=suppression.scope_end + shift,
    )
