"""The rules of ``factcheck compare``: what a rewrite says that its source does not support.

They read two texts, not one claim graph, so they are built in (like SUP001) rather
than YAML; they take part in selection, severities and ``explain`` like any rule,
and run only when a rewrite is compared with its source. Contradictions between
the two texts are found by the ordinary YAML rules, run over both texts at once.
"""

from __future__ import annotations

from factcheck.rules.loading import Rule

#: The claim kind the built-in comparison rules name: they read a pair of texts.
COMPARED_PAIR = "compared pair"


def _rule(rule_id: str, name: str, category: str, severity: str, description: str) -> Rule:
    return Rule(
        id=rule_id,
        name=name,
        category=category,
        severity=severity,
        description=" ".join(description.split()),
        message="{problem}",
        kind=COMPARED_PAIR,
        operator="built-in",
    )


UNSUPPORTED_NAME = _rule(
    "CMP001",
    "unsupported-name",
    "support",
    "error",
    """A person, organisation, nationality or place in the rewrite that the source
    never names: no mention, no alias ("Moscow" for "the Kremlin", "the U.S." for
    "the United States"), no place that contains or lies in it, no description
    ("the president" for a named president). Quotes the rewrite and the source
    sentence closest to it.""",
)
UNSUPPORTED_NUMBER = _rule(
    "CMP002",
    "unsupported-number",
    "support",
    "error",
    """A number, amount, date, year or ordinal in the rewrite that no figure of the
    source allows: "£1.5bn" and "1.5 billion pounds" are one amount, and a rounded
    figure ("nearly 500" for 487, "1.5bn" for 1.47bn) is allowed; another
    figure, unit or currency is not.""",
)
UNSUPPORTED_DETAIL = _rule(
    "CMP003",
    "unsupported-detail",
    "support",
    "warning",
    """A thing the rewrite names that nothing in the source supports, by the word
    itself, a synonym, a more general word or a word derived from it ("the ocean"
    in a story of a fall from a cliff), or a word put where the source has a
    kindred one: "a white flag" where the source says "a blue flag", "pleaded
    guilty to murder" where it says "to manslaughter". Paraphrase is not a finding
    ("protesters" for "demonstrators", "the company" for a named company).""",
)
NEGATION_FLIPPED = _rule(
    "CMP004",
    "negation-flipped",
    "negation",
    "error",
    """A statement of the rewrite that matches a source statement word for word or
    by synonyms but adds or removes a negation: "the court did not approve the
    merger" from "the court approved the merger". Quotes both sentences.""",
)
ANTONYM_SWAPPED = _rule(
    "CMP005",
    "antonym-swapped",
    "antonym",
    "error",
    """A statement of the rewrite that matches a source statement except for a word
    replaced by its opposite ("sales rose" for "sales fell", "won" for "lost",
    "rejected" for "approved"). Antonyms come from the lexical database shipped
    in data/lexical.json. Quotes both sentences.""",
)

UNVERIFIED_WORDING = _rule(
    "CMP006",
    "unverified-wording",
    "support",
    "info",
    """A quality the rewrite gives (an adjective) that no word of the source says
    and that replaces no kindred word of it: often a paraphrase ("a precarious
    start-up" for "a troubled start-up"), sometimes a new claim. For an editor's
    eye; it fails no gate at the default threshold.""",
)

COMPARISON_RULES = (
    UNSUPPORTED_NAME,
    UNSUPPORTED_NUMBER,
    UNSUPPORTED_DETAIL,
    NEGATION_FLIPPED,
    ANTONYM_SWAPPED,
    UNVERIFIED_WORDING,
)
