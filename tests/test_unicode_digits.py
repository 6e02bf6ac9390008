"""Digits that are not decimal digits ("¹", "²", "①": str.isdigit() says yes, int() says no)
are words like any other: an article holding them is checked, never a crash."""

from __future__ import annotations

import pytest

from factcheck.api import check_text


@pytest.mark.parametrize(
    "text",
    [
        # Found by the fuzz suite: a footnote mark after an article with an age in it.
        "Grace Wanjiru, 36, won the Boston marathon on Monday.\n¹",
        "Kim Lee, ², founded the club.",
        "The final ended ²-¹ after extra time.",
        "Talks opened on Monday ³ May in Oslo.",
        "The strike began in ① and ended in 2019.",
    ],
)
def test_superscript_and_circled_digits_are_read_not_crashed_on(text: str) -> None:
    (result,) = check_text(text).documents
    assert result.error is None
    for finding in result.findings:
        for side in finding.evidence:
            assert side.text == text[side.start : side.end]


def test_a_decimal_age_beside_them_is_still_read() -> None:
    report = check_text("Grace Wanjiru, 36, won on Monday.¹ Wanjiru, 41, said she would run again.")
    assert [finding.rule_id for finding in report.findings] == ["AGE001"]
