"""What a rewrite says that its source does not: statements read from a source and its rewrite.

Only when the text is a source and a rewrite of it read as one (``factcheck
compare``, see ``reading.joined``); an article alone has none. Each sentence of
the rewrite is aligned with the source sentences that say it again (``_alignment``).

    source   "Workers painted the bridge blue and yellow. Sales rose in March."
    rewrite  "Workers painted the tunnel blue and yellow."
        -> unsupported_statement: a detail, "tunnel", closest "Workers painted the bridge ..."
    rewrite  "Sales fell in March."
        -> flipped_statement: an antonym, "fell" in "Sales fell in March." for "rose"

The comparison rules (CMP001-CMP006) select these kinds; contradictions across
the two texts come from every other claim kind, read over both texts at once.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.claims.extractors._alignment import SourceIndex, align_all, index_source
from factcheck.claims.extractors._flipped import flipped_statements
from factcheck.claims.extractors._unsupported import unsupported_statements
from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.nlp.wordnet import wordnet

KINDS = (
    ClaimKind(
        "unsupported_statement",
        "Words of a rewrite that nothing in its source supports: 'Paris' where the source's "
        "activists were in London. Its 'what' is a name, number, detail or quality (an "
        "adjective); its 'source_word' the source's kindred word it replaces ('blue' for 'white').",
        {
            "what": "text",
            "words": "mention",
            "closest": "mention",
            "source_word": "text",
            "problem": "text",
        },
    ),
    ClaimKind(
        "flipped_statement",
        "A rewrite's statement that turns its source's round: 'sales fell' for 'sales rose'. "
        "Its 'change' is a negation (added or removed) or an antonym.",
        {
            "change": "text",
            "statement": "mention",
            "source_statement": "mention",
            "words": "mention",
            "source_words": "mention",
            "problem": "text",
        },
    ),
)

#: Where the source's index is kept for the next pair with the same source.
_INDEX = "comparison source index"


def extract(context: ExtractionContext) -> Iterator[Claim]:
    rewrite = context.rewrite
    if rewrite is None:
        return
    previous = rewrite.memo.get(_INDEX)
    index = index_source(
        context.doc, rewrite.start, wordnet(), previous if isinstance(previous, SourceIndex) else None
    )
    rewrite.memo[_INDEX] = index
    alignments = align_all(context.doc, rewrite.start, index)
    yield from unsupported_statements(context.entities, index, alignments)
    yield from flipped_statements(index, alignments)
