"""Actions: who did what to what, whether it is asserted or denied, and whose account it is."""

from __future__ import annotations

from helpers import ClaimsOf, view

FIELDS = ("subject", "verb", "object", "time", "vague_time", "realis")


def _by_verb(claims, text: str):  # type: ignore[no-untyped-def]
    return next(c for c in claims if c.get("verb_label").text == text)


def test_a_denied_action(claims_of: ClaimsOf) -> None:
    (claim,) = claims_of("The court did not hear the appeal.", "action")
    assert claim.span.text == "did not hear the appeal"
    assert claim.polarity == "negative" and claim.attributed_to is None
    assert view(claim, *FIELDS) == {
        "subject": "the:court",
        "verb": "hear",
        "object": "the:appeal",
        "time": None,
        "vague_time": False,
        "realis": True,
    }


def test_an_action_presupposed_after_after_takes_the_main_subject(claims_of: ClaimsOf) -> None:
    claims = claims_of("After hearing the appeal on Monday, the court adjourned.", "action")
    claim = _by_verb(claims, "hearing")
    assert claim.span.text == "hearing the appeal on Monday"
    assert claim.polarity == "positive"
    assert view(claim, *FIELDS) == {
        "subject": "the:court",
        "verb": "hear",
        "object": "the:appeal",
        "time": "monday",
        "vague_time": False,
        "realis": True,
    }


def test_the_passive_names_the_agent_as_the_doer(claims_of: ClaimsOf) -> None:
    (claim,) = claims_of("The report was not published by the ministry.", "action")
    assert claim.span.text == "The report was not published by the ministry"
    assert claim.polarity == "negative"
    assert view(claim, "subject", "verb", "object") == {
        "subject": "the:ministry",
        "verb": "publish",
        "object": "the:report",
    }


def test_without_denies_the_action(claims_of: ClaimsOf) -> None:
    claims = claims_of("The delegates left without signing the treaty.", "action")
    claim = _by_verb(claims, "signing")
    assert claim.polarity == "negative"
    assert view(claim, "subject", "object", "realis") == {
        "subject": "the:delegate",
        "object": "the:treaty",
        "realis": True,
    }


def test_reported_and_quoted_denials_are_attributed(claims_of: ClaimsOf) -> None:
    (reported,) = claims_of("Lawyers said the court did not hear the appeal.", "action")
    assert reported.polarity == "negative" and reported.attributed_to == "Lawyers"
    (denied,) = claims_of("Smith denied that the court heard the appeal.", "action")
    assert denied.polarity == "positive" and denied.attributed_to == "Smith"
    (quoted,) = claims_of('"The court did not hear the appeal," Smith told reporters.', "action")
    assert quoted.attributed_to is not None


def test_plans_modals_and_changes_over_time_are_not_realis(claims_of: ClaimsOf) -> None:
    text = (
        "The court refused to hear the appeal. The court may hear the appeal. "
        "The court has not yet heard the appeal. If the court heard the appeal, it would say so."
    )
    claims = [c for c in claims_of(text, "action") if c.get("verb") == "hear"]
    assert [c.get("realis") for c in claims] == [False, False, False, False]


def test_a_time_vaguer_than_a_day_is_marked(claims_of: ClaimsOf) -> None:
    (claim,) = claims_of("The club won the cup in 2003.", "action")
    assert view(claim, "time", "vague_time") == {"time": "2003", "vague_time": True}


def test_indefinite_and_pronoun_participants_are_not_claimed(claims_of: ClaimsOf) -> None:
    assert claims_of("The court did not hear an appeal. It heard the case.", "action") == []


def test_a_passive_without_its_own_subject_is_done_to_the_clause_subject(claims_of: ClaimsOf) -> None:
    text = "Kim Jong Un was briefed by officials while being hosted by Vladimir Putin."
    claim = _by_verb(claims_of(text, "action"), "hosted")
    assert claim.span.text == "being hosted by Vladimir Putin"
    assert view(claim, "subject", "verb", "object") == {
        "subject": "person:vladimir putin",
        "verb": "host",
        "object": "person:kim jong un",
    }
