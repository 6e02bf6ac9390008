"""The results cache: reruns reuse results, anything that changes a result misses, damage is ignored."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cache import CACHE_FORMAT, ResultCache, run_key
from factcheck.cli import app
from factcheck.config import Settings
from factcheck.nlp.gazetteer import Gazetteer
from factcheck.pipeline import Checker, rules_for
from factcheck.reading.inputs import document_from_text

runner = CliRunner()

TEXT = (
    "Fishing ministers opened a summit in Norway on Tuesday, chaired by Stefan Kowalczyk.\n\n"
    "The meeting in Brazil ended late in the evening. Stefan Kowalzcyk said talks would go on.\n"
)


def _run(cache: Path, *arguments: str) -> tuple[int, str, str]:
    result = runner.invoke(
        app, ["check", *arguments, "--select", "LOC001,NAM001", "--cache-dir", str(cache), "-v"]
    )
    return result.exit_code, result.stdout, result.stderr


def _reuse(stderr: str) -> str:
    return stderr.splitlines()[-1].split(": ", 2)[-1]


def _articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"story-{number}.txt"
        path.write_text(TEXT.replace("Tuesday", f"Tuesday {number}"), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github"])
def test_a_rerun_reuses_every_result_and_prints_the_same_bytes(tmp_path: Path, output_format: str) -> None:
    _articles(tmp_path / "news", 3)
    cache = tmp_path / "cache"
    first = _run(cache, str(tmp_path / "news"), "--format", output_format, "--no-color")
    second = _run(cache, str(tmp_path / "news"), "--format", output_format, "--no-color")
    assert first[0] == second[0] == 1
    assert first[1] == second[1]
    assert _reuse(first[2]) == "0 reused, 3 checked"
    assert _reuse(second[2]) == "3 reused, 0 checked"


def test_only_an_edited_article_is_checked_again(tmp_path: Path) -> None:
    stories = _articles(tmp_path / "news", 3)
    cache = tmp_path / "cache"
    _run(cache, str(tmp_path / "news"))
    stories[1].write_text(TEXT.replace("Brazil", "Norway"), encoding="utf-8")
    code, stdout, stderr = _run(cache, str(tmp_path / "news"), "--format", "json")
    assert _reuse(stderr) == "2 reused, 1 checked"
    found = {d["path"]: [f["rule_id"] for f in d["findings"]] for d in json.loads(stdout)["documents"]}
    assert found[str(stories[1])] == ["NAM001"]
    assert code == 1


def test_rules_and_settings_are_part_of_the_key(tmp_path: Path) -> None:
    (story,) = _articles(tmp_path / "news", 1)
    cache = tmp_path / "cache"
    _run(cache, str(story))
    config = tmp_path / ".factcheck.toml"
    config.write_text('[severity]\nNAM001 = "error"\n', encoding="utf-8")
    code, stdout, stderr = _run(cache, str(story), "--format", "json")
    assert (code, _reuse(stderr)) == (1, "0 reused, 1 checked")
    assert [f["severity"] for f in json.loads(stdout)["documents"][0]["findings"]] == ["error", "error"]
    assert _reuse(_run(cache, str(story))[2]) == "1 reused, 0 checked"
    config.write_text('[per-file-ignores]\n"news/*" = ["NAM"]\n', encoding="utf-8")
    assert _reuse(_run(cache, str(story))[2]) == "0 reused, 1 checked"


def test_the_same_text_read_as_another_format_is_another_entry(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.md").write_text(TEXT, encoding="utf-8")
    _run(cache, str(tmp_path / "a.txt"))
    assert _reuse(_run(cache, str(tmp_path / "a.md"))[2]) == "0 reused, 1 checked"
    # The path is not part of the key: the same article under another name is reused.
    (tmp_path / "copy.txt").write_text(TEXT, encoding="utf-8")
    assert _reuse(_run(cache, str(tmp_path / "copy.txt"))[2]) == "1 reused, 0 checked"


def test_damaged_or_foreign_entries_are_ignored_and_replaced(tmp_path: Path) -> None:
    stories = _articles(tmp_path / "news", 3)
    cache = tmp_path / "cache"
    expected = _run(cache, str(tmp_path / "news"), "--format", "json")[1]
    entries = sorted((cache / f"v{CACHE_FORMAT}").rglob("*.json"))
    assert len(entries) == len(stories)
    entries[0].write_text('{"format": 1, "key": "', encoding="utf-8")  # cut short
    data = json.loads(entries[1].read_text(encoding="utf-8"))
    entries[1].write_text(json.dumps({**data, "format": CACHE_FORMAT + 1}), encoding="utf-8")
    data = json.loads(entries[2].read_text(encoding="utf-8"))
    entries[2].write_text(json.dumps({**data, "findings": [{"rule_id": "LOC001"}]}), encoding="utf-8")
    code, stdout, stderr = _run(cache, str(tmp_path / "news"), "--format", "json")
    assert (code, stdout) == (1, expected)
    assert _reuse(stderr) == "0 reused, 3 checked"
    assert _reuse(_run(cache, str(tmp_path / "news"))[2]) == "3 reused, 0 checked"


def test_the_folder_says_what_it_is_and_keeps_out_of_git(tmp_path: Path) -> None:
    (story,) = _articles(tmp_path, 1)
    cache = tmp_path / "cache"
    _run(cache, str(story))
    assert (
        (cache / "CACHEDIR.TAG")
        .read_text(encoding="utf-8")
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert not list(cache.rglob(".tmp-*"))


def test_no_cache_neither_reads_nor_writes(tmp_path: Path) -> None:
    (story,) = _articles(tmp_path, 1)
    cache = tmp_path / "cache"
    code, _, stderr = _run(cache, str(story), "--no-cache")
    assert code == 1 and not cache.exists()
    assert "cache" not in stderr.splitlines()[-1]


def test_the_default_folder_is_beside_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FACTCHECK_CACHE_DIR")
    (story,) = _articles(tmp_path / "desk", 1)
    (tmp_path / ".factcheck.toml").write_text('select = ["LOC001"]\n', encoding="utf-8")
    result = runner.invoke(app, ["check", str(story)])
    assert result.exit_code == 1
    assert (tmp_path / ".factcheck_cache" / "CACHEDIR.TAG").is_file()
    cleaned = runner.invoke(app, ["clean", "--config", str(tmp_path / ".factcheck.toml")])
    assert cleaned.exit_code == 0 and not (tmp_path / ".factcheck_cache").exists()


def test_clean_leaves_a_folder_that_is_not_a_cache_alone(tmp_path: Path) -> None:
    (tmp_path / "precious").mkdir()
    (tmp_path / "precious" / "notes.txt").write_text("keep", encoding="utf-8")
    result = runner.invoke(app, ["clean", "--cache-dir", str(tmp_path / "precious")])
    assert result.exit_code == 2 and (tmp_path / "precious" / "notes.txt").is_file()


def test_a_fully_cached_run_never_loads_the_gazetteer_or_the_model(tmp_path: Path, checker: Checker) -> None:
    rules = rules_for(Settings())
    cache = ResultCache(tmp_path, run_key(rules, []))
    documents = [
        document_from_text(TEXT.replace("Tuesday", day), f"{day}.txt") for day in ("Monday", "Friday")
    ]
    warm = list(Checker(rules, checker.gazetteer).check(documents, cache=cache))

    def refuse() -> Gazetteer:
        raise AssertionError("the gazetteer was loaded")

    cold = Checker(rules, refuse)
    served = list(cold.check(documents, cache=cache))
    assert [r.findings for r in served] == [r.findings for r in warm]
    assert [r.document for r in served] == documents
    assert cold._pipeline is None
    assert cache.hits == 2


def test_run_keys_differ_by_model_rules_and_gazetteer_files(tmp_path: Path) -> None:
    rules = rules_for(Settings())
    places = tmp_path / "places.yaml"
    places.write_text("places: []\n", encoding="utf-8")
    keys = {
        run_key(rules, []),
        run_key(rules, [], model="en_core_web_sm-9.9.9"),
        run_key(rules[1:], []),
        run_key([replace(rules[0], severity="info"), *rules[1:]], []),
        run_key(rules, [places]),
    }
    assert len(keys) == 5
    assert run_key(rules, []) == run_key(list(reversed(rules)), [])
