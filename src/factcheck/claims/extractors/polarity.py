"""Actions asserted or denied: who did what to what, and whether the article says it happened.

    "The court did not hear the appeal."                 -> court hear appeal, negative
    "After hearing the appeal on Monday, the court ..."  -> court hear appeal, positive, Monday
    "The appeal was not heard by the court."             -> court hear appeal, negative (passive)
    "The court refused to hear the appeal."              -> not asserted: the hearing is refused
    "Smith denied that the court heard the appeal."      -> attributed to Smith
    "The court has not yet heard the appeal."            -> a state at one time: not compared

Both participants must be named or definite ("the court", "Smith", "the
appeal"): an indefinite object ("did not hear an appeal") says nothing about a
particular event, and a pronoun ("it did not hear the appeal") only guesses at
one. Only what the article itself asserts as having happened is marked realis:
no modal, condition, question, plan, attempt, or "before"; an action told
through someone's words ("X said", "X denied that", "according to", a quotation)
is attributed. A time other than a day ("in 2003", "last season")
makes the action one occasion among several, so it is marked ``vague_time``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from factcheck.claims.extractors._syntax import children, is_negated, mention, sentence_bounds, subject_of
from factcheck.claims.extractors.dates import read_day
from factcheck.claims.model import Claim, ClaimKind, ExtractionContext
from factcheck.nlp.entities import EntityIndex, entity_of, entity_span
from factcheck.nlp.gazetteer import normalise_name
from factcheck.nlp.lexicon import word_set
from factcheck.nlp.speech import attribution, in_quotation

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
            "time": "text",
            "vague_time": "bool",
            "realis": "bool",
        },
    ),
)

_MODALS = frozenset(
    {"will", "would", "shall", "should", "could", "can", "may", "might", "must", "'ll", "wo", "ca"}
)
_DEFINITE = frozenset(
    {"the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your"}
)
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})


def _key(token: Token, index: EntityIndex) -> str | None:
    """What a participant names, or None when it names nothing in particular."""
    person = index.person_key(token)
    if person is not None:
        return f"person:{person[1]}"
    place = index.place_span(token)
    if place is not None:
        return f"place:{place[1]}"
    if token.ent_type_ in {"ORG", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}:
        return f"name:{normalise_name(entity_span(token).text)}"
    if token.pos_ != "NOUN":
        return None
    determiners = [c for c in token.children if c.dep_ in {"det", "poss"}]
    if not any(d.lower_ in _DEFINITE or d.dep_ == "poss" for d in determiners):
        return None
    compounds = [c.lemma_.lower() for c in token.children if c.dep_ == "compound"]
    return "the:" + " ".join([*compounds, token.lemma_.lower()])


def _label(token: Token) -> Span:
    """A participant as written, with its determiner: "the court", "the appeal", "Smith"."""
    start = min(
        [token.i, *(c.left_edge.i for c in token.children if c.dep_ in {"det", "poss", "compound", "amod"})]
    )
    while start < token.i and token.doc[start].is_punct:
        start += 1
    return token.doc[start : token.i + 1]


def _participants(verb: Token) -> tuple[Token | None, Token | None]:
    """(doer, thing done to), active or passive.

    A passive without a subject of its own ("Kim was briefed while being hosted by
    Putin") takes the subject it hangs under as the thing done to, never as the doer.
    """
    passive = next(children(verb, "nsubjpass"), None)
    if passive is None and any(children(verb, "auxpass")):
        passive = subject_of(verb)
    if passive is not None:
        agent = next((o for a in children(verb, "agent") for o in children(a, "pobj")), None)
        return agent, passive
    return subject_of(verb), next(children(verb, "dobj"), None)


def _attributed(verb: Token) -> str | None:
    found = attribution(verb)
    if found is not None:
        return found
    reporting = word_set("polarity", "attribution_verbs")
    current = verb
    for _ in range(8):
        if current.head.i == current.i:
            break
        if current.dep_ in {"ccomp", "xcomp", "pcomp", "advcl"} and current.head.lemma_.lower() in reporting:
            subject = subject_of(current.head)
            return subject.text if subject is not None else current.head.text
        current = current.head
    return "quote" if in_quotation(verb) else None


def _realis(verb: Token) -> bool:
    """Whether the article asserts the action as having happened (or as not having happened)."""
    irrealis = word_set("polarity", "irrealis_verbs")
    realis_preps = word_set("polarity", "realis_preps")
    time_adverbs = word_set("polarity", "time_adverbs")
    if verb.sent.text.rstrip().endswith("?"):
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
        if current.dep_ == "pcomp" and current.head.lower_ not in realis_preps | word_set(
            "polarity", "negating_preps"
        ):
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


def _negative(verb: Token) -> bool:
    if is_negated(verb):
        return True
    return verb.dep_ == "pcomp" and verb.head.lower_ in word_set("polarity", "negating_preps")


def _time(verb: Token, done_to: Token) -> tuple[str | None, bool]:
    """The time the action is told at, normalised, and whether it is vaguer than a day.

    The parser often hangs the time on the object ("heard [the appeal on Monday]").
    """
    timed = [*verb.children, *(c for c in done_to.children if c.dep_ == "prep" and c.lower_ == "on")]
    for child in timed:
        candidates = [child] if child.dep_ in {"npadvmod", "tmod"} else []
        if child.dep_ == "prep":
            candidates = [o for o in child.children if o.dep_ == "pobj"]
        for obj in candidates:
            if obj.ent_type_ not in {"DATE", "TIME"}:
                continue
            ent = entity_of(obj)
            if ent is None:  # pragma: no cover - a DATE or TIME token is in an entity
                continue
            read = read_day(ent) if ent.label_ == "DATE" else None
            # A time of day ("at 3pm", "in the 89th minute") is as precise as a day.
            vague = ent.label_ == "DATE" and read is None
            shown = read[0] if read is not None else ent
            return " ".join(shown.text.lower().replace("’s", "").replace("'s", "").split()), vague
    return None, False


def _time_ends(doc: Doc) -> dict[int, int]:
    """For each verb a date or time hangs from (up to three heads up), where the last one ends.

    Read once for the article, not once for each verb.
    """
    ends: dict[int, int] = {}
    for ent in doc.ents:
        if ent.label_ in {"DATE", "TIME"}:
            head = ent.root.head
            for verb in (head, head.head, head.head.head):
                ends[verb.i] = max(ends.get(verb.i, 0), ent.end)
    return ends


def extract(context: ExtractionContext) -> Iterator[Claim]:
    index = context.entities
    light = word_set("polarity", "light_verbs")
    doc = context.doc
    time_ends = _time_ends(doc)
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() in light:
            continue
        doer, done_to = _participants(verb)
        # A pronoun's antecedent is only a guess; a contradiction must not rest on one.
        if doer is None or done_to is None or doer.pos_ == "PRON" or done_to.pos_ == "PRON":
            continue
        subject, thing = _key(doer, index), _key(done_to, index)
        if subject is None or thing is None or subject == thing:
            continue
        time, vague = _time(verb, done_to)
        first = min([verb.i, *(c.i for c in verb.children if c.dep_ in {"aux", "auxpass", "neg"})])
        own = [t for t in (doer, done_to) if t.head == verb or t.head.head == verb]
        if done_to in own and done_to.i < verb.i:
            first = min(first, done_to.left_edge.i)
        last = max([verb.i, *(t.i for t in own if t.i > verb.i)]) + 1
        time_end = time_ends.get(verb.i, 0)
        if time is not None and time_end > last:
            last = time_end
        span = doc[first:last]
        yield Claim(
            kind="action",
            span=mention(span),
            sentence=sentence_bounds(verb),
            values={
                "subject": subject,
                "subject_label": mention(_label(doer)),
                "verb": verb.lemma_.lower(),
                "verb_label": mention(verb),
                "object": thing,
                "object_label": mention(_label(done_to)),
                "time": time,
                "vague_time": vague,
                "realis": _realis(verb),
            },
            attributed_to=_attributed(verb),
            polarity="negative" if _negative(verb) else "positive",
        )
