"""Which mentions of an occasion noun name the same occasion ("a strike" ... "the strike").

Shared by the extractors that compare what an article says about one occasion
(its day, its length, its cost). The rule is deliberately cautious:

    "MPs held a vote on Thursday. ... Friday's vote was close."   -> one vote
    "a vote on Thursday ... a second vote on Friday"              -> two votes (other occasion)
    "a vote on the budget ... a vote on the amendment"            -> two votes (indefinite again)
    "a summit in Seoul ... the meeting on Wednesday"              -> one meeting (all meeting
                                                                     nouns of the lexicon are one kind)
    "the Senate vote ... the House vote"                          -> two votes (qualifiers differ)
    "Saturday's match ... Wednesday's match"                      -> two matches (each named by
                                                                     its day)

The first mention of a noun opens the occasion the article reports. A later
definite mention ("the vote", "Friday's vote", "its vote") refers back to it,
unless a modifier marks another occasion ("next", "second", "previous") or a
qualifier both mentions carry differs (compound, owner, prepositional object).
Once a noun has been used for two occasions, its later definite mentions could
mean either, so they refer to neither and are never compared.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from factcheck.nlp.lexicon import words

#: Determiners that deny or generalise an occasion: "no vote", "every match".
_NON_REFERRING = frozenset({"no", "any", "each", "every", "some", "all", "either", "neither", "whatever"})
#: Prepositions whose object says which occasion it is: "the vote on the budget".
_QUALIFYING_PREPS = frozenset({"on", "over", "against", "between", "with", "of", "for", "at", "in", "by"})
#: Entity types that date or count an occasion rather than say which it is.
_MEETING = "meeting"
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_NOT_QUALIFIERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


@dataclass(slots=True)
class Occasion:
    """One mention of an occasion noun, with what tells it apart from others."""

    token: Token
    #: The kind of occasion: the noun, or "meeting" for every meeting-like noun.
    noun: str
    #: The noun as written (its lemma): "summit".
    word: str
    definite: bool
    distinct: bool
    #: slot -> lemma: "compound" -> "senate", "prep:on" -> "budget", "poss" -> "chelsea".
    qualifiers: dict[str, str] = field(default_factory=dict)
    #: The occasion this mention names, e.g. "vote#1"; unique when it cannot be told.
    occasion: str = ""


def _qualifiers(token: Token) -> dict[str, str]:
    """What tells this mention's occasion apart, by slot.

    Whose occasion it is ("owner") comes from a possessive or a name before the noun:
    "the Senate's vote" and "the Senate vote" have one owner; "its vote" has an owner
    that cannot be checked against "the House vote", so the two differ.
    """
    found: dict[str, str] = {}
    for child in token.children:
        if child.dep_ in {"poss", "compound", "nmod"} and child.ent_type_ == "DATE":
            # "Saturday's match" is named by its day: "Wednesday's match" is another one,
            # while "the match on Saturday" and "Friday's match" may be the same.
            found["day_name"] = child.lower_
            continue
        if child.ent_type_ in _NOT_QUALIFIERS or child.like_num:
            continue
        if child.dep_ == "poss" and child.pos_ == "PRON":
            found["owner"] = f"pronoun:{child.lower_}"
        elif child.dep_ in {"poss", "compound", "nmod"} and child.pos_ == "PROPN":
            found["owner"] = " ".join(filter(None, [found.get("owner"), child.lemma_.lower()]))
        elif child.dep_ in {"compound", "nmod"}:
            found["compound"] = " ".join(filter(None, [found.get("compound"), child.lemma_.lower()]))
        elif child.dep_ == "poss" and child.pos_ == "NOUN":
            found["poss"] = child.lemma_.lower()
        elif child.dep_ == "amod" and child.pos_ == "ADJ" and not child.text.endswith(("day", "week")):
            found["amod"] = " ".join(filter(None, [found.get("amod"), child.lemma_.lower()]))
        elif child.dep_ == "prep" and child.lower_ in _QUALIFYING_PREPS:
            for obj in child.children:
                if obj.dep_ != "pobj" or obj.ent_type_ in _NOT_QUALIFIERS or obj.like_num:
                    continue
                # Where an occasion is ("the meeting in Seoul") does not say which it is:
                # two places for one occasion are the location rules' contradiction.
                if child.lower_ in {"in", "at"} and obj.ent_type_ in _PLACES:
                    continue
                found[f"prep:{child.lower_}"] = _content(obj)
    return found


def _content(token: Token) -> str:
    """The content words of a phrase, folded: "the 12 eurozone finance minister"."""
    return " ".join(t.lemma_.lower() for t in token.subtree if t.is_alpha and not t.is_stop)


#: Slots a later mention may add without naming another occasion: "the crucial vote".
_DESCRIPTIVE_SLOTS = frozenset({"amod", "day_name"})


def _compatible(first: dict[str, str], later: dict[str, str]) -> bool:
    """Whether a later mention can refer back: no shared slot differs, and it adds no
    slot that tells occasions apart ("a vote on Thursday" ... "Friday's vote on the
    amendment" may well be a second vote)."""
    if any(first[slot] != later[slot] for slot in first.keys() & later.keys()):
        return False
    return all(slot in first or slot in _DESCRIPTIVE_SLOTS for slot in later)


def find_occasions(doc: Doc, nouns: frozenset[str]) -> list[Occasion]:
    """Every mention of one of ``nouns`` as a single occasion, in text order."""
    other = words("events", "other_event_modifiers")
    definite_words = words("events", "definite_determiners")
    plural_ok = words("events", "singular_when_plural")
    found: list[Occasion] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ not in {"NOUN", "PROPN"} or not (lemma in nouns or token.lower_ in nouns):
            continue
        if token.dep_ == "compound":
            continue
        word = token.lower_ if token.lower_ in nouns else lemma
        # The lexicon's meeting nouns all name one kind of event: "a summit" ... "the meeting".
        noun = _MEETING if word in words("events", "nouns") else word
        plural = token.tag_ in {"NNS", "NNPS"} and token.lower_ not in plural_ok
        determiners = [c for c in token.children if c.dep_ in {"det", "poss", "predet"}]
        modifiers = [c for c in token.children if c.dep_ in {"amod", "det", "nummod", "advmod", "compound"}]
        distinct = (
            plural
            or any(m.lower_ in other or m.lemma_.lower() in other for m in modifiers)
            or any(m.tag_ in {"JJS", "RBS"} or m.ent_type_ == "ORDINAL" for m in modifiers)
            or any(d.lower_ in _NON_REFERRING for d in determiners)
        )
        # "the Wednesday summit" and "Friday's vote" are definite; "a nine-month sentence" is not.
        indefinite = any(d.lower_ in {"a", "an"} for d in determiners)
        definite = any(d.lower_ in definite_words or d.dep_ == "poss" for d in determiners) or (
            not indefinite
            and any(c.dep_ in {"compound", "nmod"} and c.ent_type_ == "DATE" for c in token.children)
        )
        found.append(Occasion(token, noun, word, definite, distinct, _qualifiers(token)))
    return found


def resolve_occasions(occasions: list[Occasion]) -> None:
    """Give each mention its occasion id, in text order (see the module docstring)."""
    opened: dict[str, Occasion] = {}
    ambiguous: set[str] = set()
    count = 0
    for item in occasions:
        count += 1
        reported = opened.get(item.noun)
        if item.distinct:
            item.occasion = f"{item.noun}#{count}"
            if reported is not None:
                ambiguous.add(item.noun)
            continue
        if reported is None:
            item.occasion = f"{item.noun}#{count}"
            opened[item.noun] = item
            continue
        if item.noun not in ambiguous and item.definite and _compatible(reported.qualifiers, item.qualifiers):
            item.occasion = reported.occasion
            continue
        item.occasion = f"{item.noun}#{count}"
        ambiguous.add(item.noun)
