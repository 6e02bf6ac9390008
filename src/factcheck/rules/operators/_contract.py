"""What an operator module is: the contract every module in the registry meets (mypy checks it).

A module defines:

* ``NAME`` - the operator's name used in rule files;
* ``ARITY`` - ``"pair"`` (compares two claims) or ``"single"`` (checks one claim
  against the rest of the graph);
* ``FIELD_TYPES`` - the field types ``conflict.field`` may name (empty: no field);
* ``Options`` - a frozen dataclass of its ``conflict.options``: typed fields with
  defaults, those that name claim fields declared with ``claim_field``;
* ``TEMPLATE_VALUES`` - names the operator adds to the message template;
* ``READS_FINDINGS`` - which of the other rules' findings it reads, and so when
  it runs (``FindingsRead``);
* ``check(claims, field, options, context) -> Conflict | None``;

and two optional hooks that let a pair rule compare fewer claims. Each is a
function taking the operator's typed ``Options``, or ``None`` when the operator
has none (the module says ``signature = None``, so mypy still checks every entry):

* ``signature(claim, field, options) -> Hashable`` - what ``check`` reads of one
  claim. Claims with equal signatures must get the same answer from ``check``
  against any other claim, in either place, and a pair operator quotes its two
  claims' spans as its sides. Rules then compare each kind of claim once rather
  than every claim with every other (an article that tells "the summit in Oslo"
  twenty times); without it, a claim's whole set of fields is its signature.
* ``pair_keys(claim, field, options) -> Iterable[Hashable]`` - keys two claims
  must share one of to conflict at all ("the same word of a name"), so a rule
  with no ``group_by`` compares only claims that can conflict, not every two
  kinds. Without it, every two kinds are compared.

Rule loading builds ``Options`` from the YAML and checks every option, so a
misspelled option or field name is an error naming the file and line.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import MISSING, dataclass, field
from typing import Any, Generic, Literal, Protocol, TypeVar, cast

from factcheck.claims.graph import ClaimGraph
from factcheck.claims.model import FIELD_TYPES, Claim
from factcheck.nlp.entities import Mention
from factcheck.reading.document import Document, Evidence
from factcheck.rules.findings import Finding

Arity = Literal["pair", "single"]
#: Which findings an operator reads besides its claims, and so when its rules run:
#:
#: * ``"none"`` - none; its rules run first;
#: * ``"found"`` - those of the rules that read none, as found (a statement another
#:   rule already quotes is theirs); its rules run next, and suppression comments
#:   mark their findings like the others';
#: * ``"judged"`` - every other finding, suppression comments applied (whether a
#:   comment silenced anything); its rules run last, and nothing marks theirs.
FindingsRead = Literal["none", "found", "judged"]
OptionsT = TypeVar("OptionsT")
IndexT = TypeVar("IndexT")

#: What ``check`` reads of one claim, given the rule's field and options.
Signature = Callable[[Claim, str | None, OptionsT], Hashable]
#: Keys one of which two claims share when they can conflict.
PairKeys = Callable[[Claim, str | None, OptionsT], Iterable[Hashable]]

#: Metadata key of an option that names a claim field: the field types it may name.
NAMES_FIELD = "names_claim_field"
#: Metadata key of an option's limits: minimum, maximum, pattern, min_items.
LIMITS = "limits"


@dataclass(frozen=True, slots=True)
class Conflict:
    """What an operator found: the spans to quote, and values for the message.

    A side is a span of the analysed text (a Mention), or evidence already located
    in the text as given, for words the analysed text does not hold (a comment).
    """

    sides: tuple[Mention | Evidence, ...]
    values: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What an operator may consult beyond the claims it is given."""

    graph: ClaimGraph
    document: Document
    #: The other rules' findings an operator READS_FINDINGS (see ``FindingsRead``);
    #: empty for one that reads none.
    findings: tuple[Finding, ...] = ()
    #: The ids of every rule in this run.
    rule_ids: frozenset[str] = frozenset()
    #: What ``indexed`` built, by the function that built it.
    _indexes: dict[Callable[[CheckContext], object], object] = field(
        init=False, default_factory=dict, repr=False, compare=False
    )

    def indexed(self, build: Callable[[CheckContext], IndexT]) -> IndexT:
        """``build(self)``, built on first use and kept for this context.

        An operator checks one claim at a time; what it looks up among all of them
        (the findings by place, say) is built once, not once per claim.
        """
        if build not in self._indexes:
            self._indexes[build] = build(self)
        # The key is the function that built the value, so it has that function's type.
        return cast(IndexT, self._indexes[build])


class OperatorModule(Protocol[OptionsT]):
    @property
    def NAME(self) -> str: ...

    @property
    def ARITY(self) -> Arity: ...

    @property
    def FIELD_TYPES(self) -> tuple[str, ...]: ...

    @property
    def TEMPLATE_VALUES(self) -> tuple[str, ...]: ...

    @property
    def READS_FINDINGS(self) -> FindingsRead: ...

    @property
    def Options(self) -> type[OptionsT]: ...

    def check(
        self, claims: tuple[Claim, ...], field: str | None, options: OptionsT, context: CheckContext
    ) -> Conflict | None: ...

    @property
    def signature(self) -> Signature[OptionsT] | None: ...

    @property
    def pair_keys(self) -> PairKeys[OptionsT] | None: ...


@dataclass(frozen=True, slots=True)
class Operator(Generic[OptionsT]):
    """One registry entry: the module's contract as data for rule loading and evaluation."""

    name: str
    arity: Arity
    field_types: frozenset[str]
    options_type: type[OptionsT]
    template_values: tuple[str, ...]
    reads_findings: FindingsRead
    check: Callable[[tuple[Claim, ...], str | None, OptionsT, CheckContext], Conflict | None]
    signature: Signature[OptionsT] | None
    pair_keys: PairKeys[OptionsT] | None


def operator(module: OperatorModule[OptionsT]) -> Operator[OptionsT]:
    return Operator(
        module.NAME,
        module.ARITY,
        frozenset(module.FIELD_TYPES),
        module.Options,
        tuple(module.TEMPLATE_VALUES),
        module.READS_FINDINGS,
        module.check,
        module.signature,
        module.pair_keys,
    )


@dataclass(frozen=True, slots=True)
class NoOptions:
    """The options of an operator that takes none."""


def claim_field(*types: str, optional: bool = False, min_items: int | None = None) -> Any:
    """An option whose value names a claim field (a list of them, for a tuple option).

    ``types`` are the field types it may name (any, when none is given). An
    optional one defaults to None: the operator then reads no such field.
    ``min_items``: how many a list must name at least.
    """
    unknown = set(types) - FIELD_TYPES
    if unknown:
        raise ValueError(f"unknown field types {sorted(unknown)}")
    metadata: dict[str, Any] = {NAMES_FIELD: frozenset(types or FIELD_TYPES)}
    if min_items is not None:
        metadata[LIMITS] = {"min_items": min_items}
    return field(default=None if optional else MISSING, metadata=metadata)


def option(
    default: Any = MISSING,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    pattern: str | None = None,
    min_items: int | None = None,
) -> Any:
    """An option with limits that its type alone does not say."""
    limits = {"minimum": minimum, "maximum": maximum, "pattern": pattern, "min_items": min_items}
    return field(default=default, metadata={LIMITS: {k: v for k, v in limits.items() if v is not None}})


def mentions_of(claim: Claim, *names: str | None) -> tuple[Mention, ...] | None:
    """The named fields of a claim when every one is a mention (a place, a person), else None."""
    values = tuple(claim.get(name or "") for name in names)
    if all(isinstance(value, Mention) for value in values):
        return values  # type: ignore[return-value]
    return None


def listed_pair(values: tuple[object, object], pairs: tuple[tuple[str, str], ...]) -> bool:
    """Whether two values are one of the listed pairs, in either order (an ``exclusive`` option)."""
    return any(values in (tuple(pair), tuple(pair)[::-1]) for pair in pairs)
