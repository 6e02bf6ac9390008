"""Load the package's YAML data files safely and validate them against a JSON Schema.

Every error names the file, the line and what was expected, so a newsroom editing a
gazetteer or a rule file never sees a traceback.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml


class DataFileError(Exception):
    """A data or rule file that is not what it should be; the message says where and why."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.detail = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


# The C parser is several times faster on the large gazetteer; both are safe loaders.
_SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeBase):  # type: ignore[valid-type,misc]
    """A safe loader that remembers the line of every mapping and sequence item."""

    #: The text being loaded, to count lines as an editor does (see ``_line``).
    source_text = ""


def _line(text: str, mark: yaml.Mark) -> int:
    """The 1-based line of a YAML mark, counting newlines only.

    YAML also breaks lines at a lone CR, NEL, U+2028 and U+2029, so ``mark.line``
    can point past the end of a file whose editor shows one line.
    """
    return text.count("\n", 0, mark.index) + 1


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    loader.flatten_mapping(node)
    mapping: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise yaml.constructor.ConstructorError(
                None, None, f"expected a text key, found {key!r}", key_node.start_mark
            )
        if key in mapping:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        lines[key] = _line(loader.source_text, key_node.start_mark)
    mapping[LINES_KEY] = lines
    mapping[LINE_KEY] = _line(loader.source_text, node.start_mark)
    return mapping


#: Hidden keys that carry line numbers through validation; stripped before use.
LINES_KEY = "__lines__"
LINE_KEY = "__line__"


def _yaml12_booleans() -> None:
    """Only true/false are booleans, as in YAML 1.2: "on", "no", "yes" stay words.

    YAML 1.1 turns a word list like ``[on, onward]`` or a country code ``NO`` into
    booleans, which is never what a rule or word-list author means.
    """
    resolvers = {
        first: [(tag, regexp) for tag, regexp in entries if tag != "tag:yaml.org,2002:bool"]
        for first, entries in _LineLoader.yaml_implicit_resolvers.items()
    }
    _LineLoader.yaml_implicit_resolvers = resolvers
    _LineLoader.add_implicit_resolver(
        "tag:yaml.org,2002:bool",
        re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"),
    )


_yaml12_booleans()

_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)


def load_yaml(path: Path | str, text: str | None = None) -> Any:
    """Parse YAML safely; mappings carry their line numbers under hidden keys."""
    name = str(path)
    if text is None:
        try:
            data = Path(path).read_bytes()
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            bad_line = data[: error.start].count(b"\n") + 1
            raise DataFileError(
                name, bad_line, f"not valid UTF-8 (byte 0x{data[error.start]:02x}); expected UTF-8 text"
            ) from None
        except OSError as error:
            raise DataFileError(name, None, error.strerror or str(error)) from None
    if "\t" in text:
        line = text[: text.index("\t")].count("\n") + 1
        raise DataFileError(name, line, "tab character; YAML indentation must use spaces")
    loader = _LineLoader(text)
    loader.source_text = text
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        mark_line = _line(text, mark) if mark is not None else None
        problem = error.problem or str(error)
        raise DataFileError(name, mark_line, f"invalid YAML: {problem}") from None
    except yaml.YAMLError as error:
        raise DataFileError(name, None, f"invalid YAML: {error}") from None
    finally:
        loader.dispose()


def strip_lines(value: Any) -> Any:
    """Remove the hidden line-number keys from a loaded value."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k not in (LINES_KEY, LINE_KEY)}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


def line_of(value: Any, path: tuple[str | int, ...]) -> int | None:
    """The line of the deepest mapping key on ``path`` that we know."""
    line: int | None = value.get(LINE_KEY) if isinstance(value, dict) else None
    node = value
    for step in path:
        if isinstance(node, dict) and isinstance(step, str):
            line = node.get(LINES_KEY, {}).get(step, line)
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
            if isinstance(node, dict):
                line = node.get(LINE_KEY, line)
        else:
            break
    return line


@cache
def load_schema(name: str) -> dict[str, Any]:
    text = resources.files("factcheck.schemas").joinpath(name).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _describe(error: jsonschema.ValidationError) -> str:
    where = "/".join(str(p) for p in error.absolute_path) or "the top level"
    validator = error.validator
    if validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed) - {LINES_KEY, LINE_KEY})
        return (
            f"unknown key {', '.join(repr(e) for e in extra)} at {where}; "
            f"expected one of: {', '.join(allowed)}"
        )
    if validator == "required":
        return f"{error.message} at {where}"
    if validator == "enum":
        options = ", ".join(str(o) for o in error.validator_value)
        return f"{error.instance!r} at {where} is not allowed; expected one of: {options}"
    if validator == "type":
        return f"{where} should be of type {error.validator_value}, found {error.instance!r}"
    if validator == "pattern" and "description" in error.schema:
        return f"{where}: {error.message}; expected {error.schema['description']}"
    return f"{where}: {error.message}"


def validate(value: Any, schema_name: str, path: str) -> None:
    """Validate a loaded (line-carrying) value; raise DataFileError at the first problem."""
    schema = load_schema(schema_name)
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(
        validator.iter_errors(_for_validation(value)),
        key=lambda e: (list(map(str, e.absolute_path)), e.message),
    )
    if errors:
        first = errors[0]
        steps = tuple(first.absolute_path)
        if first.validator == "additionalProperties":
            # Point at the unknown key itself, not at the mapping holding it.
            extra = sorted(set(first.instance) - set(first.schema.get("properties", {})))
            steps = (*steps, *extra[:1])
        raise DataFileError(path, line_of(value, steps), _describe(first))


def _for_validation(value: Any) -> Any:
    return strip_lines(value)
