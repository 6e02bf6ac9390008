"""Actions: who did what to what, whether it is asserted or denied, and whose account it is."""

from __future__ import annotations

import pytest

from helpers import ClaimsOf, RuleIds, view

FIELDS = ("subject", "verb", "object", "time", "vague_time", "realis")


def _by_verb(claims, text: str):  # type: ignore[no-untyped-def]
    return next(c for c in claims if c.get("verb_label").text == text)


def test_a_denied_action(claims_of: ClaimsOf) -> None:
    (claim,) = claims_of("The court did not hear the appeal.", "action")
    assert claim.span.text == "did not hear the appeal"
    assert claim.polarity == "negative" and claim.attributed_to is None
    assert view(claim, *FIELDS) == {
        "subject": "thing:court",
        "verb": "hear",
        "object": "thing:appeal",
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
        "subject": "thing:court",
        "verb": "hear",
        "object": "thing:appeal",
        "time": "monday",
        "vague_time": False,
        "realis": True,
    }


def test_the_passive_names_the_agent_as_the_doer(claims_of: ClaimsOf) -> None:
    (claim,) = claims_of("The report was not published by the ministry.", "action")
    assert claim.span.text == "The report was not published by the ministry"
    assert claim.polarity == "negative"
    assert view(claim, "subject", "verb", "object") == {
        "subject": "thing:ministry",
        "verb": "publish",
        "object": "thing:report",
    }


def test_without_denies_the_action(claims_of: ClaimsOf) -> None:
    claims = claims_of("The delegates left without signing the treaty.", "action")
    claim = _by_verb(claims, "signing")
    assert claim.polarity == "negative"
    assert view(claim, "subject", "object", "realis") == {
        "subject": "thing:delegate",
        "object": "thing:treaty",
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
        "subject": "name:vladimir putin",
        "verb": "host",
        "object": "name:kim jong un",
    }


def test_an_active_adjunct_under_a_passive_is_done_by_the_clause_subject(claims_of: ClaimsOf) -> None:
    text = "Mayor Ilse Brandt was greeted by pupils while hosting Chancellor Otto Kessler."
    claim = _by_verb(claims_of(text, "action"), "hosting")
    assert claim.span.text == "hosting Chancellor Otto Kessler"
    assert view(claim, "subject", "verb", "object") == {
        "subject": "name:ilse brandt",
        "verb": "host",
        "object": "name:otto kessler",
    }
    (asked,) = claims_of("Mayor Ilse Brandt was asked to host Chancellor Otto Kessler.", "action")
    assert view(asked, "subject", "object") == {"subject": "name:ilse brandt", "object": "name:otto kessler"}


def test_a_conjoined_passive_is_no_active_of_the_first_clause_subject(claims_of: ClaimsOf) -> None:
    # "hosted" is passive too: the envoy is hosted, and hosts no one (hard negative).
    text = "The envoy was greeted by the king and hosted by the queen."
    assert [c for c in claims_of(text, "action") if c.get("subject") == "thing:envoy"] == []


ACTION = ("subject", "verb", "object", "object_scope", "object_terms", "time", "realis")
ADOPTED = {
    "subject": "thing:assembly",
    "verb": "approve",
    "object": "thing:package",
    "object_scope": "definite",
    "object_terms": (),
    "time": "monday",
    "realis": True,
}


def _only(claims_of, text: str, verb: str):  # type: ignore[no-untyped-def]
    (claim,) = [c for c in claims_of(text, "action") if c.get("verb") == verb]
    return claim


@pytest.mark.parametrize(
    "text",
    [
        "The assembly approved the package on Monday.",
        "The package was approved by the assembly on Monday.",
        "The assembly, which approved the package on Monday, then adjourned.",
        "After approving the package on Monday, the assembly adjourned.",
        "The assembly met on Sunday and approved the package on Monday.",
    ],
)
def test_an_asserted_action_in_five_wordings(claims_of: ClaimsOf, text: str) -> None:
    claim = _only(claims_of, text, "approve")
    assert claim.polarity == "positive" and claim.attributed_to is None
    assert view(claim, *ACTION) == ADOPTED


def test_a_participle_asserts_the_action_with_no_doer(claims_of: ClaimsOf) -> None:
    claim = _only(claims_of, "Under the package approved on Monday, fees would rise.", "approve")
    assert claim.span.text == "the package approved on Monday"
    assert claim.polarity == "positive"
    assert view(claim, *ACTION) == {**ADOPTED, "subject": None}


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("The assembly did not approve the package on Monday.", "definite"),
        ("The package was not approved by the assembly on Monday.", "definite"),
        ("The assembly left without approving the package on Monday.", "definite"),
        ("The assembly did not approve any package on Monday.", "every"),
        ("The assembly approved no package on Monday.", "every"),
    ],
)
def test_a_denied_action_in_five_wordings(claims_of: ClaimsOf, text: str, scope: str) -> None:
    claim = _only(claims_of, text, "approve")
    assert claim.polarity == "negative" and claim.attributed_to is None
    assert view(claim, *ACTION) == {**ADOPTED, "object_scope": scope}


def test_what_the_thing_done_to_covers_and_the_words_that_narrow_it(claims_of: ClaimsOf) -> None:
    asserted = _only(claims_of, "The operator cancelled 40 regional trains on Friday.", "cancel")
    assert view(asserted, "object", "object_scope", "object_terms") == {
        "object": "thing:train",
        "object_scope": "some",
        "object_terms": ("regional",),
    }
    denied = _only(claims_of, "The operator did not cancel any trains to the coast on Friday.", "cancel")
    assert view(denied, "object", "object_scope", "object_terms", "time") == {
        "object": "thing:train",
        "object_scope": "every",
        "object_terms": ("to coast",),
        "time": "friday",
    }
    bare = _only(claims_of, "The operator did not cancel trains on Friday.", "cancel")
    assert bare.get("object_scope") == "every"


def test_one_name_with_two_labels_is_one_doer(claims_of: ClaimsOf) -> None:
    claim = _only(claims_of, "Coastline Rail did not cancel the train.", "cancel")
    assert str(claim.get("subject")).startswith("name:")


@pytest.mark.parametrize(
    "text",
    [
        '"There were no cancellations and we cancelled nothing," the carrier said.',
        'The carrier\'s chief said: "We lost money. We did not cancel the flights."',
        "The union denied that the carrier cancelled the flights.",
        "According to the union, the carrier did not cancel the flights.",
    ],
)
def test_quoted_reported_and_denied_actions_are_attributed(claims_of: ClaimsOf, text: str) -> None:
    for claim in claims_of(text, "action"):
        if claim.get("verb") == "cancel":
            assert claim.attributed_to is not None or not claim.get("realis")


@pytest.mark.parametrize(
    "text",
    [
        "The carrier will not cancel the flights.",
        "The carrier plans to cancel the flights.",
        "If the storm worsens, the carrier cancels the flights.",
        "The carrier has not yet cancelled the flights.",
        "Did the carrier cancel the flights?",
        "The carrier wants to cancel the flights.",
    ],
)
def test_plans_modals_conditions_and_states_in_time_are_not_realis(claims_of: ClaimsOf, text: str) -> None:
    claim = _only(claims_of, text, "cancel")
    assert claim.get("realis") is False


def test_an_unnamed_doer_is_not_no_doer(claims_of: ClaimsOf) -> None:
    claims = claims_of("We did not cancel any flights.", "action")
    assert [c for c in claims if c.get("verb") == "cancel"] == []


INTRODUCED = {
    "subject": "thing:assembly",
    "verb": "approve",
    "object": "thing:plan",
    "object_scope": "one",
    "time": "monday",
    "realis": True,
}


@pytest.mark.parametrize(
    "text",
    [
        "The assembly approved a plan for the harbour on Monday.",
        "A plan for the harbour was approved by the assembly on Monday.",
        "The assembly, which approved a plan for the harbour on Monday, then adjourned.",
        "After approving a plan for the harbour on Monday, the assembly adjourned.",
        "The assembly met on Sunday and approved a plan for the harbour on Monday.",
    ],
)
def test_an_indefinite_singular_asserted_is_one_thing_introduced(claims_of: ClaimsOf, text: str) -> None:
    claim = _only(claims_of, text, "approve")
    assert claim.polarity == "positive"
    assert view(claim, *INTRODUCED) == INTRODUCED


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("The assembly approved another plan on Monday.", "some"),
        ("The assembly approved two plans on Monday.", "some"),
        ("The assembly approved plans on Monday.", "some"),
        ("The assembly did not approve a plan on Monday.", None),
    ],
)
def test_other_indefinites_introduce_no_one_thing(claims_of: ClaimsOf, text: str, scope: str | None) -> None:
    claims = [c for c in claims_of(text, "action") if c.get("verb") == "approve"]
    assert [c.get("object_scope") for c in claims] == ([scope] if scope else [])


_PLAN = "The assembly approved a plan for the harbour on Monday after a long debate.\n\n"


@pytest.mark.parametrize(
    "denial",
    [
        "The assembly did not approve the plan on Monday.",
        "The plan was not approved by the assembly on Monday.",
        "The assembly adjourned without approving the plan on Monday.",
        "The assembly did not approve the plan.",
        "Officials confirmed that, in the end, the assembly did not approve the plan.",
    ],
)
def test_a_denial_names_back_the_thing_introduced(rule_ids: RuleIds, denial: str) -> None:
    text = _PLAN + denial
    expected = [] if denial.startswith("Officials") else ["NEG001"]
    assert rule_ids(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # The denial comes first: "the plan" cannot name back what is told after it.
        "The assembly did not approve the plan on Monday.\n\n"
        "The assembly approved a plan for the harbour on Monday after a long debate.",
        # The denial's words narrow it to another plan.
        _PLAN + "The assembly did not approve the airport plan on Monday.",
        # Another day.
        _PLAN + "The assembly did not approve the plan on Friday.",
        # Another doer.
        _PLAN + "The governor did not approve the plan on Monday.",
        # Another plan told in between, then denied.
        "The assembly approved another plan for the harbour on Monday.\n\n"
        "The assembly did not approve the plan on Monday.",
    ],
)
def test_hard_negatives_of_a_thing_introduced(rule_ids: RuleIds, text: str) -> None:
    assert rule_ids(text) == []


#: The action told by the noun made from its verb, the article's own assertion.
NOMINAL_ASSERTIONS = [
    "The ministry's cancellation of the bus contract on Monday surprised the council.",
    "The cancellation of the bus contract by the ministry on Monday surprised the council.",
    "After the ministry's cancellation of the bus contract on Monday, drivers protested.",
    "Drivers went on strike after the ministry's cancellation of the bus contract on Monday.",
    "The ministry's cancellation of the bus contract on Monday left 300 drivers idle.",
]


@pytest.mark.parametrize("sentence", NOMINAL_ASSERTIONS)
def test_an_action_noun_asserts_its_verb_s_action(claims_of: ClaimsOf, sentence: str) -> None:
    claims = [c for c in claims_of(sentence, "action") if c.get("verb") == "cancel"]
    (claim,) = claims
    assert claim.polarity == "positive"
    assert view(claim, *FIELDS) == {
        "subject": "thing:ministry",
        "verb": "cancel",
        "object": "thing:contract",
        "time": "monday",
        "vague_time": False,
        "realis": True,
    }


def _with_cancellation_denied(sentence: str) -> str:
    return f"Tallinn bus deal\n\n{sentence}\n\nThe ministry did not cancel the bus contract on Monday."


@pytest.mark.parametrize("sentence", NOMINAL_ASSERTIONS)
def test_an_action_noun_and_its_verb_denied_contradict(rule_ids: RuleIds, sentence: str) -> None:
    assert "NEG001" in rule_ids(_with_cancellation_denied(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        # Planned, called for, or one of several: no action told as done.
        "The ministry's planned cancellation of the bus contract on Monday surprised the council.",
        "Drivers called for the cancellation of the bus contract on Monday.",
        "A cancellation of the bus contract on Monday would cost millions.",
        # Someone's account, not the article's.
        "The ministry's cancellation of the bus contract on Monday surprised the council, drivers said.",
    ],
)
def test_an_action_noun_that_asserts_nothing_is_no_contradiction(rule_ids: RuleIds, sentence: str) -> None:
    assert "NEG001" not in rule_ids(_with_cancellation_denied(sentence))


LONE_ASSERTIONS = [
    "Health Minister Ilze Ozola resigned on Monday.",
    "Health Minister Ilze Ozola stepped down on Monday.",
    "On Monday, Health Minister Ilze Ozola resigned over the delays.",
    "Health Minister Ilze Ozola quit on Monday after the audit.",
    "Health Minister Ilze Ozola resigned from the cabinet on Monday.",
]


@pytest.mark.parametrize("assertion", LONE_ASSERTIONS)
def test_an_action_of_its_subject_alone_asserted_and_denied(rule_ids: RuleIds, assertion: str) -> None:
    verb = "step down" if "stepped" in assertion else "quit" if "quit" in assertion else "resign"
    text = f"Minister leaves\n\nRIGA — {assertion}\n\nOzola did not {verb} on Monday."
    assert "NEG001" in rule_ids(text)


@pytest.mark.parametrize(
    "denial",
    [
        "Her deputy, Janis Berzins, did not resign on Monday.",
        "Ozola did not resign on Tuesday, as some reports said.",
        "Ozola refused to resign on Monday.",
        "Ozola has not resigned from the party yet.",
    ],
)
def test_a_lone_action_of_another_or_at_another_time_is_no_contradiction(
    rule_ids: RuleIds, denial: str
) -> None:
    text = f"Minister leaves\n\nRIGA — Health Minister Ilze Ozola resigned on Monday.\n\n{denial}"
    assert "NEG001" not in rule_ids(text)
