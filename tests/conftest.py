"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from factcheck.claims.graph import Analysis
from factcheck.claims.model import Claim
from factcheck.config import Settings
from factcheck.nlp.gazetteer import Gazetteer, load_gazetteer
from factcheck.pipeline import Checker, rules_for
from factcheck.reading.document import Document
from factcheck.reading.inputs import document_from_text
from factcheck.reading.joined import JoinedPair
from helpers import Analyse, ClaimsOf, RuleIds

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_ad2f7963976caff1.txt"


@pytest.fixture(scope="session", autouse=True)
def results_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every command the tests run caches into one folder of the session's own, never the checkout."""
    folder = tmp_path_factory.mktemp("factcheck-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FACTCHECK_CACHE_DIR", str(folder))
        patch.delenv("FACTCHECK_NO_CACHE", raising=False)
        yield folder


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="session")
def checker(gazetteer: Gazetteer) -> Checker:
    """A checker with every built-in rule that is on by default."""
    return Checker(rules_for(Settings()), gazetteer)


class TextCache:
    """Analyses each (text, format) once per session: the fixture texts are parsed by
    several test files (cases, claim kinds), and the parse is most of their time."""

    def __init__(self, checker: Checker) -> None:
        self._checker = checker
        self._done: dict[tuple[str, str], Analysis] = {}
        self._pairs: dict[tuple[str, str, str], Analysis] = {}

    def analyse(self, document: Document) -> Analysis:
        key = (document.source, document.format)
        if key not in self._done:
            self._done[key] = self._checker.analyse(document)
        return self._done[key]

    def analyse_pair(self, pair: JoinedPair) -> Analysis:
        key = (pair.source.source, pair.derived.source, pair.derived.format)
        if key not in self._pairs:
            self._pairs[key] = self._checker.analyse_pair(pair)
        return self._pairs[key]


@pytest.fixture(scope="session")
def shared_analyses(checker: Checker) -> TextCache:
    return TextCache(checker)


@pytest.fixture(scope="session")
def analyse(checker: Checker) -> Analyse:
    """Analyse a text: ``analyse("Kim flew to Paris.")`` -> Analysis."""

    def run(text: str, fmt: str = "text") -> Analysis:
        return checker.analyse(document_from_text(text, "<test>", fmt))

    return run


@pytest.fixture(scope="session")
def claims_of(analyse: Analyse) -> ClaimsOf:
    """The claims of one kind in a text."""

    def run(text: str, kind: str) -> list[Claim]:
        return [c for c in analyse(text).claims if c.kind == kind]

    return run


@pytest.fixture(scope="session")
def rule_ids(checker: Checker, analyse: Analyse) -> RuleIds:
    """The ids of the rules that fire on a text, one entry per finding, sorted."""

    def run(text: str) -> list[str]:
        return sorted(f.rule_id for f in checker.findings(analyse(text)))

    return run


# Hypothesis profiles for the fuzz suites (tests/test_fuzz_*.py). "ci", the default, is
# bounded and derandomized: the same examples every run, all suites in well under two
# minutes on two slow cores. "long" (HYPOTHESIS_PROFILE=long) draws fresh examples, many
# more of them, for a benchmark run that hunts for new failures.
settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long",
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
