"""factcheck compare: a rewrite against its source, one finding kind at a time, with hard negatives.

Every pair here is written for these tests; the seed copy is built from the seed by
string replacement, never stored.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import SEED
from factcheck.comparison import Comparer
from factcheck.config import Settings
from factcheck.nlp.entities import Mention
from factcheck.nlp.gazetteer import Gazetteer
from factcheck.pipeline import Checker, rules_for
from factcheck.reading.document import DERIVED, SOURCE
from factcheck.reading.inputs import document_from_text
from factcheck.reading.joined import join
from factcheck.reading.pairs import DocumentPair
from factcheck.rules.findings import Finding

Compare = Callable[[str, str], list[Finding]]


@pytest.fixture(scope="module")
def comparer(gazetteer: Gazetteer) -> Comparer:
    return Comparer(Checker(rules_for(Settings()), gazetteer))


@pytest.fixture(scope="module")
def compare(comparer: Comparer) -> Compare:
    def run(source: str, derived: str) -> list[Finding]:
        pair = DocumentPair(
            document_from_text(source, "source.txt"), document_from_text(derived, "derived.txt")
        )
        (result,) = comparer.compare([pair])
        return list(result.findings)

    return run


def found(findings: list[Finding]) -> list[tuple[str, str]]:
    """(rule id, the rewrite's first quoted words) for each finding."""
    return [(f.rule_id, next(e.text for e in f.evidence if e.document == DERIVED)) for f in findings]


def sides(finding: Finding) -> list[tuple[str | None, str]]:
    return [(e.document, e.text) for e in finding.evidence]


# -- the seed -----------------------------------------------------------------------


def test_the_seed_compared_with_itself_gives_nothing(compare: Compare) -> None:
    seed = SEED.read_text(encoding="utf-8")
    assert compare(seed, seed) == []


def test_a_copy_with_a_place_a_number_and_a_direction_swapped_gives_exactly_those(compare: Compare) -> None:
    seed = SEED.read_text(encoding="utf-8")
    swaps = [
        ("The four-hour meeting in Russia’s Far East", "The four-hour meeting in Mongolia"),
        ("four-hour", "six-hour"),
        ("while being hosted by Putin", "while hosting Putin"),
    ]
    copy = seed
    for before, after in swaps:
        assert copy.count(before) == 1
        copy = copy.replace(before, after)
    findings = compare(seed, copy)
    assert found(findings) == [
        ("NUM001", "six-hour meeting"),
        ("LOC001", "meeting in Mongolia"),
        ("REL001", "hosting Putin"),
    ]
    for finding in findings:
        assert {e.document for e in finding.evidence} == {SOURCE, DERIVED}
    number, place, direction = findings
    # The meeting's length is a value of one event: the two texts contradict each other.
    assert sides(number) == [(SOURCE, "four-hour meeting"), (DERIVED, "six-hour meeting")]
    assert (SOURCE, "meeting in Russia’s Far East") in sides(place)
    assert sides(direction) == [(SOURCE, "being hosted by Putin"), (DERIVED, "hosting Putin")]
    # Lines and columns count in each side's own text.
    assert [(e.line, e.column) for e in direction.evidence] == [(21, 107), (21, 107)]


# -- contradictions across the two texts --------------------------------------------

SUMMIT = (
    "VLADIVOSTOK, Russia — Leaders of Mongolia and Japan met on Tuesday for a summit in Vladivostok.\n\n"
    "The two sides agreed that Japan will supply Mongolia with fertiliser next year.\n"
)


def test_a_place_of_the_source_event_moved_is_a_conflict_quoting_both_texts(compare: Compare) -> None:
    findings = compare(SUMMIT, "Leaders of Mongolia and Japan met for a summit in Seoul.\n")
    assert found(findings) == [("LOC001", "summit in Seoul")]
    assert sides(findings[0]) == [(SOURCE, "summit in Vladivostok"), (DERIVED, "summit in Seoul")]


def test_giver_and_receiver_reversed_is_a_conflict(compare: Compare) -> None:
    findings = compare(
        SUMMIT, "At a summit in Vladivostok, Mongolia agreed to supply Japan with fertiliser next year.\n"
    )
    assert [f.rule_id for f in findings] == ["TRF001"]
    assert {e.document for e in findings[0].evidence} == {SOURCE, DERIVED}


def test_a_faithful_summary_that_leaves_things_out_gives_nothing(compare: Compare) -> None:
    assert compare(SUMMIT, "Mongolian and Japanese leaders held a summit in Vladivostok.\n") == []


def test_a_contradiction_inside_the_rewrite_alone_is_reported_as_check_reports_it(compare: Compare) -> None:
    derived = (
        "Leaders of Mongolia and Japan met for a summit in Vladivostok.\n\n"
        "The summit in Osaka ended with a deal on fertiliser.\n"
    )
    findings = [f for f in compare(SUMMIT, derived) if f.rule_id.startswith("LOC")]
    assert findings
    assert all(DERIVED in {e.document for e in f.evidence} for f in findings)


# -- unsupported names, numbers and details --------------------------------------------

COUNCIL = (
    "The Kremlin said on Monday that talks with Norway would resume in Oslo.\n\n"
    "Prime Minister Erna Solberg said the plant in Bergen employs 487 people and cost £1.5bn.\n\n"
    "Workers painted the new bridge blue and yellow before the vote on Thursday.\n"
)


@pytest.mark.parametrize(
    ("derived", "expected"),
    [
        ("Talks with Norway would resume in Stockholm, the Kremlin said.\n", [("CMP001", "Stockholm")]),
        ("Talks with Sweden would resume in Oslo, the Kremlin said.\n", [("CMP001", "Sweden")]),
        ("Prime Minister Anna Berg said the plant employs 487 people.\n", [("CMP001", "Anna Berg")]),
        ("Solberg said the plant in Bergen employs 612 people.\n", [("CMP002", "612")]),
        ("Solberg said the plant cost £2.5bn.\n", [("CMP002", "£2.5bn")]),
        (
            "Workers painted the new bridge blue and yellow before the vote on Friday.\n",
            [("CMP002", "Friday")],
        ),
        ("Workers painted the new bridge blue and white before the vote.\n", [("CMP003", "white")]),
        ("Workers painted the new tunnel blue and yellow before the vote.\n", [("CMP003", "tunnel")]),
    ],
)
def test_what_the_source_does_not_support(
    compare: Compare, derived: str, expected: list[tuple[str, str]]
) -> None:
    findings = compare(COUNCIL, derived)
    assert found(findings) == expected
    # The closest source sentence is quoted beside it.
    assert all(f.evidence[1].document == SOURCE for f in findings)


@pytest.mark.parametrize(
    "derived",
    [
        # a metonym: "Moscow" for "the Kremlin"; a country for its capital
        "Moscow said talks with Norway would resume in the Norwegian capital.\n",
        "Talks with Norway would resume, Russia said.\n",
        # a surname and a title for the named prime minister
        "Solberg said the plant employs 487 people.\n",
        "The prime minister said the plant employs 487 people.\n",
        # rounding and spelling of figures
        "The plant in Bergen employs nearly 500 people, the prime minister said.\n",
        "The plant cost 1.5 billion pounds.\n",
        # synonyms and more general words
        "Workers painted the bridge blue and yellow before the ballot.\n",
        "Employees coloured the structure blue and yellow.\n",
        # a consistent reordering
        "Workers painted the bridge blue and yellow.\n\n"
        "The Kremlin said talks with Norway would resume in Oslo.\n",
    ],
)
def test_paraphrase_is_not_a_finding(compare: Compare, derived: str) -> None:
    assert found(compare(COUNCIL, derived)) == []


def test_a_quality_no_word_of_the_source_says_is_only_information(compare: Compare) -> None:
    findings = compare(COUNCIL, "Workers painted the elegant bridge blue and yellow.\n")
    assert [(f.rule_id, f.severity) for f in findings] == [("CMP006", "info")]


def test_a_word_moved_into_the_place_of_a_kindred_word_is_a_detail_changed(compare: Compare) -> None:
    source = (
        "A man pleaded guilty to manslaughter on Friday over the death of a hiker.\n\n"
        "Prosecutors had first charged him with murder.\n"
    )
    assert found(compare(source, "A man pleaded guilty to murder over the death of a hiker.\n")) == [
        ("CMP003", "murder")
    ]
    assert compare(source, "A man admitted manslaughter over the death of a hiker.\n") == []


# -- flipped statements -----------------------------------------------------------------

PLANT = (
    "Inspectors said the water from the new plant was safe to drink.\n\n"
    "Quarterly sales rose sharply in March, and the board approved the expansion.\n"
)


@pytest.mark.parametrize(
    ("derived", "rule_id", "quoted"),
    [
        ("Inspectors said the plant's water was not safe to drink.\n", "CMP004", "safe"),
        ("Quarterly sales fell sharply in March.\n", "CMP005", "fell"),
        ("Sales rose in March, and the board rejected the expansion.\n", "CMP005", "rejected"),
    ],
)
def test_a_flipped_statement_quotes_both_sentences(
    compare: Compare, derived: str, rule_id: str, quoted: str
) -> None:
    findings = [f for f in compare(PLANT, derived) if f.rule_id == rule_id]
    assert len(findings) == 1
    (finding,) = findings
    assert quoted in finding.message
    assert finding.evidence[0].document == DERIVED
    assert finding.evidence[0].text == derived.strip()
    assert finding.evidence[1].document == SOURCE


@pytest.mark.parametrize(
    "derived",
    [
        # the same negation on both sides; a negated antonym says the same
        "Inspectors said the water was safe to drink and sales rose.\n",
        "Sales did not fall in March, and the board approved the expansion.\n",
        # synonyms of the source's words
        "Sales climbed sharply in March, and the board endorsed the expansion.\n",
    ],
)
def test_no_flip_where_the_statement_is_kept(compare: Compare, derived: str) -> None:
    assert [f for f in compare(PLANT, derived) if f.rule_id in {"CMP004", "CMP005"}] == []


def test_a_negation_the_source_also_has_is_no_flip(compare: Compare) -> None:
    source = "The minister did not attend the summit in Oslo on Monday.\n"
    assert compare(source, "The minister did not attend the Oslo summit.\n") == []
    assert found(compare(source, "The minister attended the summit in Oslo.\n"))[0][0] in {"CMP004", "NEG001"}


def test_a_suppression_comment_in_the_rewrite_silences_its_finding(comparer: Comparer) -> None:
    source = document_from_text(COUNCIL, "source.txt")
    derived = document_from_text(
        "<!-- factcheck: ignore[CMP001] the talks moved; the desk checked -->\n"
        "Talks with Norway would resume in Stockholm, the Kremlin said.\n",
        "derived.md",
        "markdown",
    )
    (result,) = comparer.compare([DocumentPair(source, derived)])
    assert [(f.rule_id, f.suppressed, f.suppression_reason) for f in result.findings] == [
        ("CMP001", True, "the talks moved; the desk checked")
    ]


def test_the_source_s_comments_silence_nothing_of_the_rewrite_and_are_not_its_business(
    comparer: Comparer,
) -> None:
    source = document_from_text("[factcheck: ignore[CMP001] about the source only]\n" + COUNCIL, "source.txt")
    derived = document_from_text(
        "Talks with Norway would resume in Stockholm, the Kremlin said.\n", "derived.txt"
    )
    (result,) = comparer.compare([DocumentPair(source, derived)])
    assert [(f.rule_id, f.suppressed) for f in result.findings] == [("CMP001", False)]


def test_a_whole_file_comment_in_the_rewrite_covers_the_rewrite_not_its_source(comparer: Comparer) -> None:
    # The source contradicts itself (two cities for one summit); the rewrite repeats neither.
    source = document_from_text(
        "Leaders of Mongolia and Japan met on Tuesday for a summit in Vladivostok.\n\n"
        "The summit in Osaka ended with a pledge on fertiliser.\n",
        "source.txt",
    )
    derived = document_from_text(
        "[factcheck: ignore-file[LOC] kept as the desk wrote it]\n"
        "Leaders of Mongolia and Japan met on Tuesday.\n",
        "derived.txt",
    )
    (result,) = comparer.compare([DocumentPair(source, derived)])
    assert [(f.rule_id, f.evidence[0].document, f.evidence[0].text) for f in result.findings] == [
        ("SUP001", DERIVED, "[factcheck: ignore-file[LOC] kept as the desk wrote it]")
    ]


def test_an_article_checked_alone_has_no_comparison_claims(checker: Checker) -> None:
    analysis = checker.analyse(document_from_text(COUNCIL, "article.txt"))
    kinds = {claim.kind for claim in analysis.claims}
    assert kinds and not kinds & {"unsupported_statement", "flipped_statement"}
    assert not [f for f in checker.findings(analysis) if f.rule_id.startswith("CMP")]


def test_a_flip_is_a_claim_with_both_statements_and_the_words_that_differ(checker: Checker) -> None:
    pair = join(
        document_from_text(PLANT, "source.txt"),
        document_from_text("Quarterly sales fell sharply in March.\n", "d.txt"),
    )
    (claim,) = [c for c in checker.analyse_pair(pair).claims if c.kind == "flipped_statement"]
    plain = {
        name: value.text if isinstance(value, Mention) else value for name, value in claim.values.items()
    }
    assert plain == {
        "change": "antonym",
        "statement": "Quarterly sales fell sharply in March.",
        "source_statement": "Quarterly sales rose sharply in March, and the board approved the expansion.",
        "words": "fell",
        "source_words": "rose",
        "problem": "The rewrite says “fell”, the opposite of “rose” in the source",
    }
    assert claim.span == claim.values["words"]
