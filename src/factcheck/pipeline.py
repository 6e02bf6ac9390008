"""The stages in their fixed order, for one article or a stream of them.

    input -> Document -> spaCy Doc -> Claims -> ClaimGraph -> Findings

A rewrite compared with its source runs the same stages over the two texts
joined as one (``reading.joined``).

The library returns data; printing and exit codes belong to the CLI. ``rules_for`` and
``gazetteer_for`` build a Checker's rules and gazetteer from settings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeAlias

from spacy.tokens import Doc

from factcheck import workers
from factcheck.cache import ResultCache
from factcheck.claims.extractors import extract_claims
from factcheck.claims.graph import Analysis, build_graph
from factcheck.claims.model import ExtractionContext, Rewrite
from factcheck.config import Settings, active_rules
from factcheck.datafiles import DataFileError, load_yaml
from factcheck.events import build_event_layer, frame_lexicon
from factcheck.nlp.entities import build_entity_index
from factcheck.nlp.gazetteer import Gazetteer, load_gazetteer
from factcheck.nlp.models import installed_model
from factcheck.nlp.pipeline import Pipeline, load_pipeline
from factcheck.reading.document import Document
from factcheck.reading.inputs import InputFailure
from factcheck.reading.joined import SEPARATOR, JoinedPair
from factcheck.report.model import DocumentResult
from factcheck.rules.evaluation import run_rules
from factcheck.rules.findings import Finding
from factcheck.rules.loading import Rule, builtin_rules_dir, load_rules

#: spaCy refuses longer texts by default; our input limit keeps documents below this.
MAX_CHARACTERS = 2_000_000
#: Documents spaCy runs through its networks together.
PARSE_BATCH = 16

#: What a worker process is sent: a document and the ids of the rules to run on it.
WorkerTask: TypeAlias = tuple[Document, tuple[str, ...]]
#: What comes back: the findings, or why the document could not be checked.
WorkerOutcome: TypeAlias = tuple[Finding, ...] | str


class Checker:
    """Runs rules over documents; the gazetteer and spaCy pipeline are loaded once, on first use.

    ``gazetteer`` may be a loader: a run whose every result is cached never needs it.
    ``ignored_for(path)`` names rule ids or prefixes not run on that document
    (the configuration's per-file-ignores).
    """

    def __init__(
        self,
        rules: Sequence[Rule],
        gazetteer: Gazetteer | Callable[[], Gazetteer],
        ignored_for: Callable[[str], Sequence[str]] | None = None,
    ) -> None:
        self.rules = list(rules)
        self._gazetteer = gazetteer
        self._ignored_for = ignored_for
        self._pipeline: Pipeline | None = None
        #: How worker processes start ("fork", "forkserver", "spawn"); None: the platform's way.
        self.start_method: str | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if not isinstance(self._gazetteer, Gazetteer):
            self._gazetteer = self._gazetteer()
        return self._gazetteer

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            # The event words the tokenizer would split ("by-election") stay whole.
            self._pipeline = load_pipeline(self.gazetteer, frame_lexicon().hyphenated_words)
            self._pipeline.nlp.max_length = MAX_CHARACTERS
        return self._pipeline

    @property
    def model(self) -> str:
        """The pipeline's name, read from the installed package when it is not loaded."""
        if self._pipeline is not None:
            return self._pipeline.model
        return installed_model() or self.pipeline.model

    def rules_for(self, path: str) -> list[Rule]:
        """The rules that run on one document, per-file-ignores left out."""
        ignored = self._ignored_for(path) if self._ignored_for is not None else ()
        if not ignored:
            return self.rules
        return [rule for rule in self.rules if not any(rule.id.startswith(p) for p in ignored)]

    def analyse_doc(self, document: Document, doc: Doc, rewrite: Rewrite | None = None) -> Analysis:
        """``rewrite``: set when the text is a source and its rewrite read as one (see ``analyse_pair``)."""
        entities = build_entity_index(doc, self.gazetteer)
        # A rewrite opens a story of its own: its first mentions may still be the source's events.
        starts = (0,) if rewrite is None else (0, rewrite.start)
        events, parties = build_event_layer(doc, entities, starts=starts)
        context = ExtractionContext(document, doc, entities, events, parties, rewrite)
        claims = extract_claims(context)
        return Analysis(document, doc, claims, build_graph(document, entities, claims))

    def findings(self, analysis: Analysis) -> tuple[Finding, ...]:
        return run_rules(self.rules_for(analysis.document.path), analysis.graph, analysis.document)

    def analyse(self, document: Document) -> Analysis:
        doc = self.pipeline.nlp(document.text)
        return self.analyse_doc(document, doc)

    def analyse_pair(self, pair: JoinedPair) -> Analysis:
        """A source and its rewrite as one analysis, each text parsed on its own."""
        nlp = self.pipeline.nlp
        return self.analyse_parsed_pair(pair, nlp(pair.source.text + SEPARATOR), nlp(pair.derived.text))

    def analyse_parsed_pair(
        self, pair: JoinedPair, source_doc: Doc, derived_doc: Doc, memo: dict[str, object] | None = None
    ) -> Analysis:
        """``source_doc`` parses the source text and SEPARATOR, so one parse serves all its rewrites.

        ``memo`` (see ``Rewrite``) is kept by the caller across pairs of one source.
        """
        doc = Doc.from_docs([source_doc, derived_doc], ensure_whitespace=False)
        rewrite = Rewrite(pair.derived_start) if memo is None else Rewrite(pair.derived_start, memo)
        return self.analyse_doc(pair.document, doc, rewrite)

    def check(
        self,
        items: Iterable[Document | InputFailure],
        keep_analysis: bool = False,
        processes: int = 1,
        cache: ResultCache | None = None,
    ) -> Iterator[DocumentResult]:
        """Results in input order, streamed as documents finish; failures pass through.

        With ``processes`` > 1 each worker process loads the model once and checks
        whole documents (parse, claims, graph, rules); only findings come back, so
        the workers share out all the work, not only the parse. Keeping the analysis
        (a parse cannot cross processes cheaply) parses in workers and analyses here.
        With a ``cache``, a document checked before with the same rules is answered
        from it, and the model is loaded only when some document is not.
        """
        if processes > 1 and not keep_analysis:
            yield from self._check_in_workers(items, processes, cache)
            return
        pending = iter(items)
        for item in pending:
            cached = self.cached_result(item, cache)
            if cached is None:
                yield from self._parse(item, pending, keep_analysis, processes, cache)
                return
            yield cached

    def cached_result(
        self, item: Document | InputFailure, cache: ResultCache | None
    ) -> DocumentResult | None:
        """A result known without parsing: a document that could not be read, or a cache hit."""
        if isinstance(item, InputFailure):
            return DocumentResult(item.path, item.doc_id, item.error, ())
        if cache is None:
            return None
        found = cache.get(item, [rule.id for rule in self.rules_for(item.path)])
        if found is None:
            return None
        return DocumentResult(item.path, item.doc_id, None, found, document=item, cached=True)

    def _parse(
        self,
        first: Document | InputFailure,
        rest: Iterator[Document | InputFailure],
        keep_analysis: bool,
        processes: int,
        cache: ResultCache | None,
    ) -> Iterator[DocumentResult]:
        """From the first document the cache cannot answer on: everything through the parser.

        A document already answered (a failure, a cache hit) goes through as an empty
        text, which keeps the results in input order at no cost.
        """

        def texts() -> Iterator[tuple[str, Document | InputFailure | DocumentResult]]:
            yield first.text if isinstance(first, Document) else "", first
            for item in rest:
                answered = self.cached_result(item, cache)
                if answered is not None:
                    yield "", answered
                else:
                    yield item.text if isinstance(item, Document) else "", item

        parsed = self.pipeline.nlp.pipe(
            texts(), as_tuples=True, batch_size=PARSE_BATCH, n_process=max(1, processes)
        )
        for doc, item in parsed:
            if isinstance(item, DocumentResult):
                yield item
                continue
            if isinstance(item, InputFailure):  # answered above; kept for the type checker
                yield DocumentResult(item.path, item.doc_id, item.error, ())
                continue
            try:
                analysis = self.analyse_doc(item, doc)
                findings = self.findings(analysis)
            except Exception as error:  # a defect on one document; the others go on
                yield DocumentResult(item.path, item.doc_id, not_checked(error), (), document=item)
                continue
            if cache is not None:
                cache.put(item, [rule.id for rule in self.rules_for(item.path)], findings)
            yield DocumentResult(
                item.path,
                item.doc_id,
                None,
                findings,
                analysis if keep_analysis else None,
                document=item,
            )

    def _check_in_workers(
        self, items: Iterable[Document | InputFailure], processes: int, cache: ResultCache | None
    ) -> Iterator[DocumentResult]:
        Read = tuple[Document | InputFailure, DocumentResult | None]

        def task_of(read: Read) -> WorkerTask | None:
            item, answered = read
            if answered is not None:
                return None
            assert isinstance(item, Document)  # a failure is always answered
            return item, tuple(rule.id for rule in self.rules_for(item.path))

        def lost(task: WorkerTask) -> WorkerOutcome:
            return "could not be checked: its worker process stopped (killed, or out of memory)"

        def worker_arguments() -> tuple[Sequence[Rule], Gazetteer]:
            if start_method == "fork":
                # Forked workers find the pipeline loaded: one load, not one per worker.
                self.pipeline  # noqa: B018
            else:
                self.model  # noqa: B018 - no model installed is an error here, not a dead worker
            # The workers are sent the gazetteer itself, never a loader.
            return self.rules, self.gazetteer

        start_method = self.start_method or workers.start_method()
        outcomes = workers.map_in_order(
            check_in_worker,
            # The cache answers as each document is read, before any is sent to a worker.
            ((item, self.cached_result(item, cache)) for item in items),
            task_of,
            lost,
            processes,
            start_worker,
            worker_arguments,
            method=start_method,
        )
        for (item, answered), outcome in outcomes:
            if answered is not None:
                yield answered
                continue
            assert isinstance(item, Document) and outcome is not None  # it had a task
            if isinstance(outcome, str):
                yield DocumentResult(item.path, item.doc_id, outcome, (), document=item)
            else:
                if cache is not None:
                    cache.put(item, [rule.id for rule in self.rules_for(item.path)], outcome)
                yield DocumentResult(item.path, item.doc_id, None, outcome, document=item)

    def check_batch(self, tasks: Sequence[WorkerTask]) -> list[WorkerOutcome]:
        """Findings for each document with the rules named, parsed as one batch.

        A document whose analysis fails gets the error as its outcome; the others
        keep theirs.
        """
        by_id = {rule.id: rule for rule in self.rules}
        docs: list[Doc | None]
        try:
            docs = list(self.pipeline.nlp.pipe([d.text for d, _ in tasks], batch_size=PARSE_BATCH))
        except Exception:  # one text the parser chokes on: parse the others on their own
            docs = [None] * len(tasks)
        outcomes: list[WorkerOutcome] = []
        for (document, rule_ids), doc in zip(tasks, docs, strict=True):
            try:
                parsed = doc if doc is not None else self.pipeline.nlp(document.text)
                analysis = self.analyse_doc(document, parsed)
                outcomes.append(run_rules([by_id[i] for i in rule_ids], analysis.graph, document))
            except Exception as error:
                outcomes.append(not_checked(error))
        return outcomes


def not_checked(error: Exception) -> str:
    """A document's error when checking it failed, the same in one process or many.

    >>> not_checked(KeyError("subject"))
    "could not be checked: KeyError: 'subject'"
    """
    return f"could not be checked: {type(error).__name__}: {error}"


#: The checker of this worker process, built once by ``start_worker``.
_WORKER_CHECKER: list[Checker] = []


def start_worker(rules: Sequence[Rule], gazetteer: Gazetteer) -> None:
    """A worker process's first step: build its checker and load the model."""
    checker = Checker(rules, gazetteer)
    checker.pipeline  # noqa: B018 - load now, before the first document is waiting
    _WORKER_CHECKER[:] = [checker]


def check_in_worker(tasks: Sequence[WorkerTask]) -> list[WorkerOutcome]:
    """A batch of documents checked in a worker process started by ``start_worker``."""
    return _WORKER_CHECKER[0].check_batch(tasks)


# -- a Checker's rules and gazetteer, from settings (the CLI and the library share them)


def all_rules(settings: Settings, extra_dirs: Sequence[Path] = ()) -> list[Rule]:
    """Built-in rules plus the configured and given rule folders."""
    return load_rules([builtin_rules_dir(), *settings.rule_dirs, *extra_dirs], builtin=builtin_rules_dir())


def builtin_rules() -> list[Rule]:
    """The shipped rules, whose ids no other rule file may take.

    Empty when one of them is broken: checking that folder reports the problem.
    """
    try:
        return load_rules([builtin_rules_dir()])
    except DataFileError:
        return []


def gazetteer_for(settings: Settings) -> Gazetteer:
    return load_gazetteer((str(p), load_yaml(p)) for p in settings.gazetteer_files)


def rules_for(settings: Settings, extra_dirs: Sequence[Path] = ()) -> list[Rule]:
    return active_rules(all_rules(settings, extra_dirs), settings)
