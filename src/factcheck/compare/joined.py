"""A source and its rewrite read as one text, and every quoted side mapped back to its own text.

    source.text + "\\n\\n" + derived.text

Read together, the event layer's one notion of the same event links the
rewrite's mentions to the source's events (the rewrite opens a story of its own,
so its first, indefinite mentions may still refer back), the entity index
merges "Putin" in the rewrite with "Vladimir Putin" in the source, and every
claim rule of ``check`` sees both texts at once. A finding's sides are then
split by where they stand: before the break they quote the source, after it
the rewrite, each with offsets, line and column in its own text as given.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

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

    def in_derived(self, analysis_offset: int) -> bool:
        return analysis_offset >= self.derived_start

    def text_of(self, analysis_offset: int) -> str:
        return DERIVED if self.in_derived(analysis_offset) else SOURCE

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for a span of the joined analysis text, in the text it stands in."""
        if start >= self.derived_start:
            shift = self.derived_start
            found = self.derived.evidence(start - shift, max(end - shift, start - shift))
            return replace(found, document=DERIVED)
        found = self.source.evidence(start, min(end, len(self.source.text)))
        return replace(found, document=SOURCE)

    def split(self, evidence: Evidence) -> Evidence:
        """A side quoted from the joined text as given, mapped to the text it stands in."""
        boundary = len(self.source.source) + len(SEPARATOR)
        if evidence.start >= boundary:
            inner = self.derived.evidence_for_source(evidence.start - boundary, evidence.end - boundary)
            return replace(inner, document=DERIVED)
        end = min(evidence.end, len(self.source.source))
        return replace(self.source.evidence_for_source(evidence.start, end), document=SOURCE)


def join(source: Document, derived: Document) -> JoinedPair:
    """One Document holding both texts; its offsets map into both texts as given, one after the other."""
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
    document = Document(
        derived.path,
        source.source + SEPARATOR + derived.source,
        source.text + SEPARATOR + derived.text,
        OffsetMap(starts, ends),
        "text",
        derived.doc_id,
        repairs,
    )
    return JoinedPair(source, derived, document)
