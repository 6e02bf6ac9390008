"""Actions asserted or denied, read from the event layer: any verb's doer, what it did, to what.

    "The court did not hear the appeal."                 -> court hear appeal, negative
    "After hearing the appeal on Monday, the court ..."  -> court hear appeal, positive, Monday
    "The appeal was not heard by the court."             -> court hear appeal, negative (passive)
    "Under the package approved on Monday, ..."          -> (no doer) approve package, Monday
    "The ferries cancelled 12 evening sailings."         -> cancel sailing, some, {evening}
    "The ferries did not cancel any sailings."           -> cancel sailing, every: denies them all
    "The court refused to hear the appeal."              -> not asserted: the hearing is refused
    "Smith denied that the court heard the appeal."      -> attributed to Smith
    "The court has not yet heard the appeal."            -> a state at one time: not compared

Every verb is a frame (events/reader.py): a verb of a class in the frame lexicon,
or a generic action. The doer is what fills its subject (or "by") slot, the thing
done to what fills its object (or passive subject) slot, read the same way for
active, passive and participle ("the package approved").

What the thing done to covers is its **scope**: a name or a definite noun ("the
appeal", "its package") is one thing; "any sailings", or a bare plural under a
denial, is every such thing; a count or a bare plural in an assertion ("cancelled
12 sailings") is some of them; an indefinite singular in an assertion ("signed a
contract") is one thing it introduces, which a later "the contract" names back.
Its **terms** are the words that narrow it ("evening", "2027", "to the island"), so
that a denial of "any morning sailings" is not set against "12 evening sailings". An indefinite singular ("did
not hear an appeal") says nothing about a particular thing, and a pronoun ("it
did not hear the appeal") only guesses at one: neither is claimed.

Only what the article itself asserts as having happened is marked realis: no
modal, condition, question, plan, attempt, or "before"; an action told through
someone's words ("X said", "X denied that", "according to", a quotation) is
attributed. A time other than a day ("in 2003", "last season") makes the action
one occasion among several, so it is marked ``vague_time``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from factcheck.claims.extractors._syntax import children, mention, sentence_bounds
from factcheck.claims.extractors.dates import read_day
from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.events import Frame, Party
from factcheck.nlp.entities import Mention, entity_span
from factcheck.nlp.lexicon import word_set
from factcheck.nlp.sentences import sentence_of
from factcheck.nlp.speech import in_quotation

KINDS = (
    ClaimKind(
        "action",
        "Someone doing something to something, asserted or denied: 'the court did not hear the appeal'.",
        {
            "subject": "text",
            "subject_label": "mention",
            "verb": "text",
            "verb_label": "mention",
            "object": "text",
            "object_label": "mention",
            "object_scope": "text",
            "object_terms": "texts",
            "time": "text",
            "vague_time": "bool",
            "realis": "bool",
        },
    ),
)

_MODALS = frozenset(
    {"will", "would", "shall", "should", "could", "can", "may", "might", "must", "'ll", "wo", "ca"}
)
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
_DOER_SLOTS = frozenset({"subject", "by", "possessor"})
#: "closed the crossing", "the crossing was closed", "the closure of the crossing".
_DONE_TO_SLOTS = frozenset({"object", "passive_subject", "of"})
#: Entity types that name one particular thing, whatever its determiner.
_NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
_NOT_TERMS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
_TERM_DEPS = frozenset({"amod", "compound", "nmod", "nummod", "poss", "npadvmod"})
#: Every, some, one particular thing, one thing introduced ("a contract"): what the thing done to covers.
EVERY, SOME, DEFINITE, ONE = "every", "some", "definite", "one"


def _key(party: Party) -> str:
    """What a participant names, across the tagger's guesses ("Harbour Ferries": a person, then a company)."""
    kind, _, rest = party.key.partition(":")
    return f"name:{rest}" if kind in {"person", "org", "name"} else party.key


def _label(token: Token) -> Span:
    """A participant as written, with its determiner: "the court", "the appeal", "Smith"."""
    if token.ent_type_ in _NAMED:
        return entity_span(token)
    start = min(
        [token.i, *(c.left_edge.i for c in token.children if c.dep_ in {"det", "poss", "compound", "amod"})]
    )
    while start < token.i and token.doc[start].is_punct:
        start += 1
    return token.doc[start : token.i + 1]


def _scope(thing: Token, negative: bool, definite_words: frozenset[str]) -> str | None:
    """Whether the thing done to is one thing, every such thing (in a denial), or some of them."""
    if thing.ent_type_ in _NAMED or thing.pos_ == "PROPN":
        return DEFINITE
    determiners = [c for c in thing.children if c.dep_ in {"det", "poss", "predet"}]
    if any(d.dep_ == "poss" or d.lower_ in definite_words for d in determiners):
        return DEFINITE
    if any(d.lower_ in word_set("polarity", "universal_determiners") for d in determiners):
        return EVERY if negative else None
    if determiners:
        if negative:
            return None  # "a", "some", "another": no particular one
        # "signed a contract": one thing, which a later "the contract" may name back.
        introducing = word_set("polarity", "introducing_determiners")
        singular = thing.tag_ in {"NN", "NNP"}
        return ONE if singular and all(d.lower_ in introducing for d in determiners) else SOME
    counted = any(c.dep_ == "nummod" for c in thing.children)
    if negative:
        # "did not cancel sailings": every sailing; "did not cancel 12 sailings" names none.
        return None if counted else EVERY
    return SOME


def _terms(thing: Token, trigger: Token) -> tuple[str, ...]:
    """The words that narrow the thing done to: "evening", "2027", "spending", "to the island"."""
    found = set()
    # A name is one thing whatever its words: "Kim Jong Un" has no narrowing terms.
    own = entity_span(thing) if thing.ent_type_ else thing.doc[thing.i : thing.i + 1]
    for child in thing.children:
        if child.i == trigger.i or child.ent_type_ in _NOT_TERMS or child.pos_ == "PRON":
            continue
        if own.start <= child.i < own.end:
            continue
        if child.dep_ in _TERM_DEPS and (child.ent_type_ == "DATE" or not child.like_num):
            found.add(child.lemma_.lower())
        elif child.dep_ == "prep":
            objects = [o for o in child.children if o.dep_ == "pobj" and o.ent_type_ not in {"DATE", "TIME"}]
            found.update(f"{child.lower_} {o.lemma_.lower()}" for o in objects)
        elif child.dep_ in {"acl", "relcl"}:
            found.add(child.lemma_.lower())
    # The parser often hangs the thing's own "to"/"from" phrase on the verb: "did not
    # cancel any sailings to the island" narrows the sailings all the same.
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ not in word_set("polarity", "circumstance_preps"):
            found.update(
                f"{prep.lower_} {o.lemma_.lower()}"
                for o in prep.children
                # "the closure of the crossing": the noun's "of" is the thing itself.
                if o.dep_ == "pobj" and o.ent_type_ not in {"DATE", "TIME"} and o.i != thing.i
            )
    return tuple(sorted(found))


def _attributed(frame: Frame, verb: Token) -> str | None:
    if frame.attribution is not None:
        return frame.attribution
    reporting = word_set("polarity", "attribution_verbs")
    current = verb
    for _ in range(8):
        if current.head.i == current.i:
            break
        if current.dep_ in {"ccomp", "xcomp", "pcomp", "advcl"} and current.head.lemma_.lower() in reporting:
            subject = next((c for c in current.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            return subject.text if subject is not None else current.head.text
        current = current.head
    return "quote" if frame.quoted or in_quotation(verb) else None


def _realis(frame: Frame, verb: Token) -> bool:
    """Whether the article asserts the action as having happened (or as not having happened)."""
    if frame.modality != "asserted" or frame.reference.other_occasion:
        return False
    irrealis = word_set("polarity", "irrealis_verbs")
    realis_preps = word_set("polarity", "realis_preps") | word_set("polarity", "negating_preps")
    time_adverbs = word_set("polarity", "time_adverbs")
    if sentence_of(verb).text.rstrip().endswith("?"):
        return False
    if any(
        c.lower_ in time_adverbs for c in verb.children if c.dep_ in {"advmod", "neg", "npadvmod", "prep"}
    ):
        return False
    neg = next(children(verb, "neg"), None)
    if (
        neg is not None
        and neg.i + 1 < len(verb.doc)
        and verb.doc[neg.i + 1].lower_ in {"only", "just", "merely"}
    ):
        return False
    current = verb
    for _ in range(8):
        auxiliaries = list(children(current, "aux", "auxpass"))
        if any(a.tag_ == "MD" or a.lower_ in _MODALS for a in auxiliaries):
            return False
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in current.children):
            return False
        if current.dep_ == "pcomp" and current.head.lower_ not in realis_preps:
            return False
        if current.dep_ in {"xcomp", "ccomp"} and current.head.lemma_.lower() in irrealis:
            return False
        if current.dep_ in {"relcl", "acl"} and current.tag_ == "VB":
            return False
        if (
            current.tag_ == "VB"
            and not auxiliaries
            and current.dep_ in {"ROOT", "conj"}
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in current.children)
        ):
            return False  # an imperative or a headline fragment
        if current.head.i == current.i or current.dep_ not in {"xcomp", "ccomp", "pcomp", "conj", "advcl"}:
            break
        current = current.head
    return True


def _nominal_realis(frame: Frame, noun: Token) -> bool:
    """ "Kyrgyzstan's closure of the crossing stranded lorries": a definite action noun
    presupposes its action as the clause holding it asserts; "a closure", "the planned
    closure", "calls for the closure" do not."""
    definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in noun.children)
    if not definite:
        return False
    clause = noun.head
    for _ in range(6):
        if clause.pos_ in {"VERB", "AUX"} or clause.head.i == clause.i:
            break
        clause = clause.head
    if clause.pos_ not in {"VERB", "AUX"}:
        return False
    # "called for the cancellation", "sought its closure", "opposed the sale": the action is wanted
    # or feared, not told as done.
    wanting = word_set("polarity", "irrealis_verbs") | word_set("polarity", "wanting_verbs")
    if clause.lemma_.lower() in wanting:
        return False
    return _realis(frame, clause)


def _time(frame: Frame, context: ExtractionContext) -> tuple[str | None, bool]:
    """The day the action is told at, normalised, and whether the time is vaguer than a day."""
    if frame.time_index is None:
        return None, False
    ent = entity_span(context.doc[frame.time_index])
    read = read_day(ent)
    shown = read[0] if read is not None else ent
    text = " ".join(shown.text.lower().replace("’s", "").replace("'s", "").split())
    return text, read is None


def _quoted_span(verb: Token, doer: Token | None, done_to: Token, time_index: int | None) -> Span:
    """From the auxiliaries to the participants and the time: "did not cancel any sailings on Sunday"."""
    doc = verb.doc
    first = min([verb.i, *(c.i for c in verb.children if c.dep_ in {"aux", "auxpass", "neg"})])
    own = [t for t in (doer, done_to) if t is not None and (t.head == verb or t.head.head == verb)]
    if done_to in own and done_to.i < verb.i:
        first = min(first, done_to.left_edge.i)
    if verb.head.i == done_to.i and done_to.i < verb.i:
        first = min(first, _label(done_to).start)  # "the package approved on Monday"
    last = max([verb.i, *(t.i for t in own if t.i > verb.i)]) + 1
    if time_index is not None and time_index >= last:
        last = entity_span(doc[time_index]).end
    return doc[first:last]


def _claims(frame: Frame, context: ExtractionContext) -> Iterator[Claim]:
    doc = context.doc
    verb = doc[frame.trigger_index]
    doers = [(doc[f.head], f.party) for f in frame.roles if f.slot in _DOER_SLOTS]
    done_to = [(doc[f.head], f.party) for f in frame.roles if f.slot in _DONE_TO_SLOTS]
    doer, doer_party = doers[0] if doers else (None, None)
    alone = not done_to and frame.lemma in context.events.lexicon.lone_verbs
    if alone and doer is not None:
        # "the minister resigned": what the subject alone does is told of the subject.
        done_to = [(doer, doer_party)]
    # A pronoun's antecedent is only a guess, and a doer we cannot name is not "no
    # doer": a contradiction must rest on neither.
    if not done_to or (doer is not None and (doer.pos_ == "PRON" or doer_party is None)):
        return
    subject = _key(doer_party) if doer_party is not None else None
    definite_words = context.events.lexicon.definite_determiners
    negating = word_set("polarity", "negating_determiners")
    time, vague = _time(frame, context)
    realis = _realis(frame, verb) if frame.form == "verb" else _nominal_realis(frame, verb)
    attributed = _attributed(frame, verb)
    for thing, party in done_to:
        if party is None or thing.pos_ == "PRON" or (_key(party) == subject and not alone):
            continue
        # "cancelled no sailings" denies as "did not cancel any sailings" does.
        denied = frame.polarity == "negative" or any(
            c.dep_ == "det" and c.lower_ in negating for c in thing.children
        )
        scope = EVERY if denied and frame.polarity == "positive" else _scope(thing, denied, definite_words)
        if scope is None:
            continue
        yield Claim(
            kind="action",
            span=mention(_quoted_span(verb, doer, thing, frame.time_index)),
            sentence=sentence_bounds(verb),
            values={
                "subject": subject,
                "subject_label": mention(_label(doer)) if doer is not None else None,
                "verb": frame.lemma,
                "verb_label": mention(verb),
                "object": _key(party),
                # "Ozola both did and did not resign": a lone action names no object.
                "object_label": Mention(verb.idx + len(verb), verb.idx + len(verb), "", "")
                if alone
                else mention(_label(thing)),
                "object_scope": scope,
                "object_terms": _terms(thing, verb),
                "time": time,
                "vague_time": vague,
                "realis": realis,
            },
            attributed_to=attributed,
            polarity="negative" if denied else "positive",
        )


def extract(context: ExtractionContext) -> Iterator[Claim]:
    light = word_set("polarity", "light_verbs")
    seen: set[tuple[int, str]] = set()
    for frame in context.events.frames:
        nominal = frame.form == "noun" and frame.event_class in context.events.lexicon.generic_classes
        if (frame.form != "verb" and not nominal) or frame.lemma.split()[0] in light:
            continue
        for claim in _claims(frame, context):
            # One verb may evoke two senses; its action is claimed once.
            key = (frame.trigger_index, str(claim.get("object")))
            if key not in seen:
                seen.add(key)
                yield claim
