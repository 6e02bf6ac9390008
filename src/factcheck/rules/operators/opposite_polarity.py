"""The same action asserted and denied: "the court did not hear the appeal" / "after
hearing the appeal on Monday, the court ...".

The rule's group_by decides what "the same action" is (the verb and the thing done
to). ``field`` names the time: two times that are both given and differ ("did not
hear it on Friday" / "heard it on Monday") are two occasions and never conflict; a
time given on one side only does not prevent a conflict.

Options, each naming a claim field:

* ``agent`` - the doer: two doers that are both given and differ are two actions;
  one not given ("the package approved on Monday") does not prevent a conflict.
* ``scope`` and ``terms`` - what the thing done to covers ("every", "some",
  "definite") and the words that narrow it. A denial of every such thing ("did
  not cancel any sailings") conflicts with an assertion only when the assertion's
  thing is at least as narrow ("cancelled 12 evening sailings"; not for "any
  morning sailings"); a denial of one definite thing ("did not approve its 2027
  package") only with an assertion of a definite thing whose words agree
  ("the package approved"), or with one thing an earlier assertion introduced
  ("signed a contract with Helix" ... "did not sign the contract": scope "one"),
  whose words include the denial's; a denial never conflicts with "some" thing
  when it names a particular one.

The message may use ``{doer}``: the doer as the side that names one writes it.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from factcheck.claims.model import Claim
from factcheck.nlp.entities import Mention
from factcheck.rules.operators._contract import Arity, CheckContext, Conflict, FindingsRead, claim_field

NAME = "opposite_polarity"
ARITY: Arity = "pair"
FIELD_TYPES = ("text",)
TEMPLATE_VALUES = ("doer",)
READS_FINDINGS: FindingsRead = "none"
pair_keys = None


@dataclass(frozen=True, slots=True)
class Options:
    #: The doer: two doers both given and different are two actions.
    agent: str | None = claim_field("text", optional=True)
    #: How the doer is shown in the message (defaults to ``agent``).
    agent_label: str | None = claim_field("text", "mention", optional=True)
    #: What the thing done to covers: "every", "some" or "definite".
    scope: str | None = claim_field("text", optional=True)
    #: The words that narrow the thing done to; read only together with ``scope``.
    terms: str | None = claim_field("texts", optional=True)


def _terms(claim: Claim, name: str) -> set[str]:
    value = claim.get(name)
    return set(value) if isinstance(value, tuple) else set()


def _covers(denial: Claim, assertion: Claim, scope_of: str, terms_of: str) -> bool:
    """Whether what the denial denies includes what the assertion asserts."""
    denied, asserted = _terms(denial, terms_of), _terms(assertion, terms_of)
    scopes = (denial.get(scope_of), assertion.get(scope_of))
    if scopes[0] == "every":
        return denied <= asserted
    if scopes == ("definite", "definite"):
        return denied <= asserted or asserted <= denied
    if scopes == ("definite", "one"):
        # "the contract" names back "a contract" told before it, not one told after.
        return denied <= asserted and assertion.span.start < denial.span.start
    return False


def _named_back(claim: Claim, scope_of: str | None) -> bool:
    """Whether where the claim stands decides a conflict: a thing introduced, or a definite denial."""
    scope = claim.get(scope_of) if scope_of else None
    return scope == "one" or (scope == "definite" and claim.polarity == "negative")


def signature(claim: Claim, field: str | None, options: Options) -> Hashable:
    """What ``check`` reads of one claim (its contract: ``_contract.py``)."""
    label = claim.get(options.agent_label or options.agent) if options.agent else None
    shown = label.text if isinstance(label, Mention) else label
    read = (options.agent, options.scope, options.terms)
    return (
        claim.polarity,
        claim.get(field or ""),
        shown,
        *(claim.get(name) if name else None for name in read),
        claim.span.start if _named_back(claim, options.scope) else None,
    )


def check(
    claims: tuple[Claim, ...], field: str | None, options: Options, context: CheckContext
) -> Conflict | None:
    first, second = claims
    if first.polarity == second.polarity:
        return None
    time_a, time_b = first.get(field or ""), second.get(field or "")
    if time_a is not None and time_b is not None and time_a != time_b:
        return None
    values: dict[str, str] = {}
    if options.agent is not None:
        agents = (first.get(options.agent), second.get(options.agent))
        if all(a is not None for a in agents) and agents[0] != agents[1]:
            return None
        labels = [c.get(options.agent_label or options.agent) for c in claims]
        shown = next((label for label in labels if label is not None), None)
        values["doer"] = shown.text if isinstance(shown, Mention) else str(shown or "Someone")
    if options.scope is not None and options.terms is not None:
        denial, assertion = (first, second) if first.polarity == "negative" else (second, first)
        if not _covers(denial, assertion, options.scope, options.terms):
            return None
    return Conflict((first.span, second.span), values)
