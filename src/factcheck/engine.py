"""Assemble a Checker from settings: rules, gazetteer extensions, active selection.

Shared by the CLI commands and the library entry point ``check_paths``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from factcheck.config import Settings, active_rules
from factcheck.datafiles import DataFileError, load_yaml
from factcheck.nlp.gazetteer import Gazetteer, load_gazetteer
from factcheck.rules.comparison import COMPARED_PAIR, COMPARISON_RULES
from factcheck.rules.loading import Rule, builtin_rules_dir, load_rules
from factcheck.rules.suppressions import BUILTIN_RULES


def all_rules(settings: Settings, extra_dirs: Sequence[Path] = ()) -> list[Rule]:
    """Built-in rules (YAML and Python) plus the configured and given rule folders."""
    loaded = load_rules([builtin_rules_dir(), *settings.rule_dirs, *extra_dirs])
    builtin = [*BUILTIN_RULES, *COMPARISON_RULES]
    reserved = {rule.id: f"the built-in rule {rule.name}" for rule in builtin}
    for rule in loaded:
        if rule.id in reserved:
            raise DataFileError(
                rule.path, 1, f"duplicate rule id {rule.id!r}, already defined in {reserved[rule.id]}"
            )
    return sorted([*loaded, *builtin], key=lambda rule: rule.id)


def gazetteer_for(settings: Settings) -> Gazetteer:
    return load_gazetteer((str(p), load_yaml(p)) for p in settings.gazetteer_files)


def rules_for(settings: Settings, extra_dirs: Sequence[Path] = (), comparing: bool = False) -> list[Rule]:
    """The rules to run; those that read a rewrite beside its source only when ``comparing``."""
    active = active_rules(all_rules(settings, extra_dirs), settings)
    return active if comparing else [rule for rule in active if rule.kind != COMPARED_PAIR]
