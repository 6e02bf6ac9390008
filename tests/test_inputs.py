"""Reading input: encodings, bad files, folder walks and JSON Lines corpora.

Each case is checked through ``collect`` (the library) and through the CLI, since the
CLI is where a bad file must become a per-document error rather than a crash.
"""

from __future__ import annotations

import codecs
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.reading.document import Document
from factcheck.reading.inputs import InputFailure, InputOptions, Selection, collect

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_ad2f7963976caff1.txt"

#: Two places for one event: LOC001 quotes "talks in Oslo" and "talks in Lisbon".
ARTICLE = "Trade talks\n\nThe talks in Oslo opened on Monday with both delegations present.\n" + (
    "The same talks in Lisbon ended early, a spokeswoman said."
)
QUOTED = ["talks in Oslo", "talks in Lisbon"]

runner = CliRunner()


def check_json(
    *arguments: str, stdin: str | bytes | None = None, select: str | None = "LOC001"
) -> tuple[int, dict[str, Any]]:
    """The JSON report; only the rule the test texts are written for runs, unless told otherwise."""
    rules = ["--select", select] if select else []
    result = runner.invoke(app, ["check", *arguments, *rules, "--format", "json"], input=stdin)
    return result.exit_code, json.loads(result.stdout)


def read_all(*paths: Path | str, **options: Any) -> list[Document | InputFailure]:
    return list(collect([str(p) for p in paths], InputOptions(**options)))


def evidence_of(document: dict[str, Any]) -> list[tuple[str, list[str]]]:
    return [(f["rule_id"], [e["text"] for e in f["evidence"]]) for f in document["findings"]]


# Encodings -------------------------------------------------------------------------------

ENCODINGS = {
    "utf-8": ARTICLE.encode("utf-8"),
    "utf-8-bom": codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
    "utf-16-le-bom": codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
    "utf-16-be-bom": codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
}


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_supported_encodings_read_the_same_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(ENCODINGS[encoding])
    (document,) = read_all(path)
    assert isinstance(document, Document)
    assert document.source == ARTICLE
    assert document.text == ARTICLE


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_supported_encodings_give_the_same_evidence_through_the_cli(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(ENCODINGS[encoding])
    code, report = check_json(str(path))
    assert code == 1
    (document,) = report["documents"]
    assert evidence_of(document) == [("LOC001", QUOTED)]
    oslo, lisbon = document["findings"][0]["evidence"]
    # Offsets count characters of the decoded text, whatever the bytes were.
    assert (oslo["start"], oslo["end"]) == (ARTICLE.index("talks in Oslo"), ARTICLE.index(" opened"))
    assert (oslo["line"], oslo["column"]) == (3, 5)
    assert (lisbon["line"], lisbon["column"]) == (4, 10)
    assert ARTICLE[lisbon["start"] : lisbon["end"]] == "talks in Lisbon"


def test_utf16_markdown_keeps_markup_offsets(tmp_path: Path) -> None:
    markdown = "# Talks\n\nThe talks in *Oslo* opened; later the talks in **Lisbon** ended.\n"
    path = tmp_path / "article.md"
    path.write_bytes(codecs.BOM_UTF16_LE + markdown.encode("utf-16-le"))
    code, report = check_json(str(path))
    assert code == 1
    (document,) = report["documents"]
    assert evidence_of(document) == [("LOC001", ["talks in *Oslo", "talks in **Lisbon"])]
    first = document["findings"][0]["evidence"][0]
    assert markdown[first["start"] : first["end"]] == "talks in *Oslo"


# Bad input: one error per document, never a crash -----------------------------------------

BAD_FILES = {
    "invalid-utf8.txt": (
        b"The talks in Oslo \xff\xfe\xfd opened.",
        "not valid UTF-8 (byte 0xff at offset 18)",
    ),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
    "empty.txt": (b"", "empty document"),
    "blank.txt": (b"  \n\t\r\n  \n", "empty document"),
    "markup-only.md": (b"---\ntitle: x\n---\n<!-- nothing -->\n", "empty document"),
    "script-only.html": (b"<html><script>var x = 1;</script></html>", "empty document"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_are_per_document_errors(tmp_path: Path, name: str) -> None:
    data, message = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(data)
    (failure,) = read_all(path)
    assert isinstance(failure, InputFailure)
    assert failure.path == str(path)
    assert failure.error.startswith(message)
    code, report = check_json(str(path))
    assert code == 2
    (document,) = report["documents"]
    assert document["error"].startswith(message)
    assert document["findings"] == []


def test_files_over_the_size_limit_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    size = len(ARTICLE.encode("utf-8"))
    (failure,) = read_all(path, max_bytes=size - 1)
    assert isinstance(failure, InputFailure)
    assert failure.error.startswith(f"file too large ({size:,} bytes; the limit is {size - 1:,}")
    code, report = check_json(str(path), "--max-bytes", str(size - 1))
    assert code == 2
    assert report["documents"][0]["error"] == failure.error
    (document,) = read_all(path, max_bytes=size)
    assert isinstance(document, Document)


def _mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(SEED, folder / "a-good.txt")
    (folder / "b-binary.txt").write_bytes(b"\x00\x01\x02GIF89a\x00\xff")
    (folder / "c-empty.txt").write_bytes(b"")
    (folder / "d-latin1.txt").write_bytes("The caf\xe9 talks in Oslo.".encode("latin-1"))
    return folder


def test_a_mixed_folder_reports_the_good_article_and_each_bad_file_as_json(tmp_path: Path) -> None:
    folder = _mixed_folder(tmp_path)
    code, report = check_json(str(folder), select=None)
    assert code == 2
    documents = report["documents"]
    assert [Path(d["path"]).name for d in documents] == [
        "a-good.txt", "b-binary.txt", "c-empty.txt", "d-latin1.txt",
    ]  # fmt: skip
    _, seed_report = check_json(str(SEED), select=None)
    good, binary, empty, latin1 = documents
    assert good["error"] is None
    assert evidence_of(good) == evidence_of(seed_report["documents"][0])
    assert good["findings"]
    assert binary["error"].startswith("binary file")
    assert empty["error"].startswith("empty document")
    assert latin1["error"].startswith("not valid UTF-8 (byte 0xe9")
    assert all(d["findings"] == [] for d in (binary, empty, latin1))


def test_a_mixed_folder_reports_the_good_article_and_each_bad_file_as_text(tmp_path: Path) -> None:
    folder = _mixed_folder(tmp_path)
    result = runner.invoke(app, ["check", str(folder), "--format", "text", "--no-color"])
    assert result.exit_code == 2
    output = result.stdout
    assert f"{folder / 'b-binary.txt'}: input error: binary file" in output
    assert f"{folder / 'c-empty.txt'}: input error: empty document" in output
    assert f"{folder / 'd-latin1.txt'}: input error: not valid UTF-8" in output
    assert f"{folder / 'a-good.txt'}:" in output
    assert "LOC001" in output and "Traceback" not in output


# Folder walks --------------------------------------------------------------------------------


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    (root / "world").mkdir(parents=True)
    (root / "drafts").mkdir()
    (root / "world" / "oslo.txt").write_text("Talks opened in Oslo.", encoding="utf-8")
    (root / "world" / "lisbon.md").write_text("# Lisbon\n\nTalks ended.", encoding="utf-8")
    (root / "world" / "notes.csv").write_text("a,b", encoding="utf-8")
    (root / "drafts" / "draft.txt").write_text("Unfinished draft.", encoding="utf-8")
    (root / ".hidden.txt").write_text("Hidden file.", encoding="utf-8")
    return root


def _names(items: list[Document | InputFailure], root: Path) -> list[str]:
    return [Path(item.path).relative_to(root).as_posix() for item in items]


def test_folder_walk_is_sorted_and_reads_known_suffixes(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    assert _names(read_all(root), root) == ["drafts/draft.txt", "world/lisbon.md", "world/oslo.txt"]


def test_folder_walk_include_and_exclude_globs(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    only_markdown = list(collect([str(root)], InputOptions(), Selection(include=("*.md",))))
    assert _names(only_markdown, root) == ["world/lisbon.md"]
    no_drafts = list(collect([str(root)], InputOptions(), Selection(exclude=("drafts/*",))))
    assert _names(no_drafts, root) == ["world/lisbon.md", "world/oslo.txt"]
    result = runner.invoke(
        app,
        ["check", str(root), "--include", "*.txt", "--exclude", "draft*", "--format", "json"],
    )
    assert result.exit_code == 0
    paths = [d["path"] for d in json.loads(result.stdout)["documents"]]
    assert paths == [str(root / "world" / "oslo.txt")]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlink_loops_terminate_and_each_file_is_read_once(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    (root / "world" / "back-to-root").symlink_to(root, target_is_directory=True)
    (root / "world" / "again").symlink_to(root / "world", target_is_directory=True)
    (root / "oslo-link.txt").symlink_to(root / "world" / "oslo.txt")
    items = read_all(root)
    assert len(items) == 3
    assert sorted(Path(item.path).resolve().name for item in items) == ["draft.txt", "lisbon.md", "oslo.txt"]
    code, report = check_json(str(root))
    assert code == 0
    assert len(report["documents"]) == 3


# JSON Lines corpora ----------------------------------------------------------------------


def _corpus(tmp_path: Path, lines: list[str], name: str = "corpus.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


CORPUS_LINES = [
    json.dumps({"id": "a1", "text": ARTICLE}),
    "",
    '{"id": "a2", "text": "The talks in Oslo opened.",',
    json.dumps({"id": "a3", "body": "No text field here."}),
    json.dumps({"id": 4, "text": ["not", "a", "string"]}),
    json.dumps(["not", "an", "object"]),
    json.dumps({"text": "The talks in Oslo opened calmly.", "id": 5}),
]


def test_jsonl_records_are_documents_and_bad_lines_are_errors(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, CORPUS_LINES)
    items = read_all(corpus)
    assert [item.path for item in items] == [f"{corpus}:{n}" for n in (1, 3, 4, 5, 6, 7)]
    assert [item.doc_id for item in items] == ["a1", None, "a3", "4", None, "5"]
    first, invalid, missing, not_string, not_object, last = items
    assert isinstance(first, Document) and first.source == ARTICLE
    assert isinstance(last, Document) and last.text == "The talks in Oslo opened calmly."
    assert isinstance(invalid, InputFailure) and invalid.error.startswith("invalid JSON")
    assert isinstance(missing, InputFailure) and missing.error == "no 'text' field (see --jsonl-field)"
    assert isinstance(not_string, InputFailure) and not_string.error == "field 'text' is list, not a string"
    assert isinstance(not_object, InputFailure) and not_object.error == "expected a JSON object, got list"


def test_jsonl_through_the_cli_carries_ids_and_line_paths(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, CORPUS_LINES)
    code, report = check_json(str(corpus), "--jsonl-field", "text")
    assert code == 2
    documents = report["documents"]
    assert [(d["path"], d.get("id")) for d in documents] == [
        (f"{corpus}:1", "a1"), (f"{corpus}:3", None), (f"{corpus}:4", "a3"),
        (f"{corpus}:5", "4"), (f"{corpus}:6", None), (f"{corpus}:7", "5"),
    ]  # fmt: skip
    assert evidence_of(documents[0]) == [("LOC001", QUOTED)]
    evidence = documents[0]["findings"][0]["evidence"][0]
    assert ARTICLE[evidence["start"] : evidence["end"]] == "talks in Oslo"
    assert [d["error"] is None for d in documents] == [True, False, False, False, False, True]


def test_jsonl_field_option_picks_another_field(tmp_path: Path) -> None:
    corpus = _corpus(
        tmp_path,
        [json.dumps({"id": "x", "body": ARTICLE, "text": "Ignored."}), json.dumps({"id": "y", "text": "x"})],
    )
    code, report = check_json(str(corpus), "--jsonl-field", "body")
    assert code == 2
    first, second = report["documents"]
    assert evidence_of(first) == [("LOC001", QUOTED)]
    assert second["error"] == "no 'body' field (see --jsonl-field)"


def test_jsonl_size_limit_applies_to_each_text_not_the_corpus(tmp_path: Path) -> None:
    short = "Delegates met in Oslo."
    corpus = _corpus(tmp_path, [json.dumps({"text": short}), json.dumps({"text": short + " " * 40})])
    limit = len(short) + 10
    items = read_all(corpus, max_bytes=limit)
    assert isinstance(items[0], Document)
    assert isinstance(items[1], InputFailure) and items[1].error.startswith("text too large")
    assert corpus.stat().st_size > limit


def test_jsonl_invalid_utf8_line_is_an_error_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(
        codecs.BOM_UTF8
        + b'{"text": "Talks opened in Oslo."}\n{"text": "caf\xe9"}\n{"text": "Talks ended."}\n'
    )
    items = read_all(path)
    assert [type(item).__name__ for item in items] == ["Document", "InputFailure", "Document"]
    assert isinstance(items[1], InputFailure) and items[1].error.startswith("not valid UTF-8")


def test_jsonl_from_stdin_when_a_field_is_named() -> None:
    lines = "\n".join(json.dumps({"id": n, "text": t}) for n, t in ((1, ARTICLE), (2, "Calm day in Oslo.")))
    code, report = check_json("-", "--jsonl-field", "text", stdin=lines)
    assert code == 1
    assert [(d["path"], d["id"]) for d in report["documents"]] == [("-:1", "1"), ("-:2", "2")]


def test_missing_jsonl_file_is_one_error(tmp_path: Path) -> None:
    (failure,) = read_all(tmp_path / "absent.jsonl")
    assert isinstance(failure, InputFailure) and failure.error == "no such file"
