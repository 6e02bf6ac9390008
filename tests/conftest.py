"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.claims.graph import Analysis
from factcheck.claims.model import Claim
from factcheck.config import Settings
from factcheck.engine import rules_for
from factcheck.nlp.gazetteer import Gazetteer, load_gazetteer
from factcheck.pipeline import Checker
from factcheck.reading.inputs import document_from_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_ad2f7963976caff1.txt"


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="session")
def checker(gazetteer: Gazetteer) -> Checker:
    """A checker with every built-in rule that is on by default."""
    return Checker(rules_for(Settings()), gazetteer)


@pytest.fixture(scope="session")
def analyse(checker: Checker):  # type: ignore[no-untyped-def]
    """Analyse a text: ``analyse("Kim flew to Paris.")`` -> Analysis."""

    def run(text: str, fmt: str = "text") -> Analysis:
        return checker.analyse(document_from_text(text, "<test>", fmt))

    return run


@pytest.fixture(scope="session")
def claims_of(analyse):  # type: ignore[no-untyped-def]
    """The claims of one kind in a text."""

    def run(text: str, kind: str) -> list[Claim]:
        return [c for c in analyse(text).claims if c.kind == kind]

    return run


@pytest.fixture(scope="session")
def rule_ids(checker: Checker, analyse):  # type: ignore[no-untyped-def]
    """The ids of the rules that fire on a text, one entry per finding, sorted."""

    def run(text: str) -> list[str]:
        return sorted(f.rule_id for f in checker.findings(analyse(text)))

    return run
