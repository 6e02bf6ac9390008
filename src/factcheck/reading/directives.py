"""The syntax of factcheck's own comments in a source: what an editor writes to silence a finding.

Markdown and HTML use comments; plain text uses a line of its own::

    <!-- factcheck: ignore[LOC001] the two venues are one campus -->     (next paragraph)
    <!-- factcheck: ignore-file[NAM001,TRV] quoted spellings kept -->    (whole file)
    [factcheck: ignore[LOC001] the two venues are one campus]            (plain text)
    [factcheck: ignore-file[NAM001] quoted spellings kept]               (plain text)

Inside the brackets: rule ids or id prefixes ("TRV" covers TRV001 and TRV002),
separated by commas. Everything after the brackets is the reason.

``ignore`` covers the paragraph that follows the comment: the text from the next
non-blank character up to the next blank line (HTML: the next element, up to its
closing tag). Comments stacked on consecutive lines all cover the same paragraph.
``ignore-file`` covers the whole document wherever it stands.

Reading a document only finds and parses these comments into plain data; what
they do to findings is the rules stage's business (``factcheck.rules.suppressions``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

#: ``<!-- factcheck: ... -->`` in Markdown and HTML.
_COMMENT = re.compile(r"<!--\s*factcheck\s*:(?P<body>.*?)-->", re.DOTALL | re.IGNORECASE)
#: ``[factcheck: ...]`` alone on a line in plain text (the body may hold brackets itself).
TEXT_DIRECTIVE = re.compile(r"^[ \t]*\[\s*factcheck\s*:(?P<body>.*)\][ \t\r]*$", re.MULTILINE | re.IGNORECASE)
_BODY = re.compile(r"^\s*(?P<verb>ignore|ignore-file)\s*\[(?P<ids>[^\]]*)\]\s*(?P<reason>.*?)\s*$", re.DOTALL)
_RULE_PATTERN = re.compile(r"^[A-Z]{1,8}[0-9]{0,3}$")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_TAG = re.compile(r"<(?P<name>[A-Za-z][A-Za-z0-9]*)\b[^>]*?(?P<void>/?)>")

_EXPECTED = "expected 'ignore[RULE,...] reason' or 'ignore-file[RULE,...] reason'"


def suppression_comment(rule_id: str, fmt: str, reason: str) -> str:
    """The comment that silences ``rule_id`` in the next paragraph of a document in ``fmt``.

    >>> suppression_comment("LOC001", "markdown", "the venues are one campus")
    '<!-- factcheck: ignore[LOC001] the venues are one campus -->'
    >>> suppression_comment("LOC001", "text", "the venues are one campus")
    '[factcheck: ignore[LOC001] the venues are one campus]'
    """
    if fmt in ("markdown", "html"):
        return f"<!-- factcheck: ignore[{rule_id}] {reason} -->"
    return f"[factcheck: ignore[{rule_id}] {reason}]"


@dataclass(frozen=True, slots=True)
class Suppression:
    #: Rule ids or prefixes.
    rules: tuple[str, ...]
    reason: str | None
    whole_file: bool
    #: Source span of the comment itself.
    start: int
    end: int
    #: Source span it covers; the whole document for ``ignore-file``.
    scope_start: int
    scope_end: int

    def covers_rule(self, rule_id: str) -> bool:
        return any(rule_id.startswith(pattern) for pattern in self.rules)


@dataclass(frozen=True, slots=True)
class BadDirective:
    """A factcheck comment that could not be read."""

    start: int
    end: int
    problem: str


def directive_spans(source: str, fmt: str) -> list[tuple[int, int, str]]:
    """Every factcheck comment in a source: (start, end, body). Plain text: whole lines."""
    pattern = TEXT_DIRECTIVE if fmt == "text" else _COMMENT
    return [(m.start(), m.end(), m.group("body")) for m in pattern.finditer(source)]


def parse_suppressions(source: str, fmt: str) -> tuple[list[Suppression], list[BadDirective]]:
    """Read every suppression of a document, in source order."""
    spans = directive_spans(source, fmt)
    directives = {start: end for start, end, _ in spans}
    blank_lines = _BlankLines(source)
    found: list[Suppression] = []
    bad: list[BadDirective] = []
    for start, end, body in spans:
        parsed = _parse_body(body)
        if isinstance(parsed, str):
            bad.append(BadDirective(start, end, parsed))
            continue
        verb, rules, reason = parsed
        whole_file = verb == "ignore-file"
        if whole_file:
            scope = (0, len(source))
        else:
            scope = _paragraph_after(source, end, fmt, directives, blank_lines)
        found.append(Suppression(rules, reason, whole_file, start, end, *scope))
    return found, bad


def _parse_body(body: str) -> tuple[str, tuple[str, ...], str | None] | str:
    match = _BODY.match(body)
    if match is None:
        return f"factcheck comment not understood; {_EXPECTED}"
    rules = tuple(part.strip() for part in match.group("ids").split(","))
    if not any(rules):
        return f"suppression names no rule; {_EXPECTED}"
    for rule in rules:
        if not _RULE_PATTERN.match(rule):
            return f"suppression names {rule!r}, which is not a rule id or prefix such as LOC001 or LOC"
    reason = " ".join(match.group("reason").split()) or None
    return match.group("verb"), tuple(sorted(set(rules))), reason


class _BlankLines:
    """The first blank line at or after a position, remembered for the next, later one.

    Whether a blank line starts at a place does not depend on where the search began,
    so a search from a later position that has not passed the last one found finds it
    again; suppressions come in source order, so each stretch is searched once.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self._searched_from = len(source) + 1
        self._found: re.Match[str] | None = None

    def after(self, position: int) -> re.Match[str] | None:
        found = self._found
        reusable = self._searched_from <= position and (found is None or found.start() >= position)
        if not reusable:
            found = self._found = _BLANK_LINE.search(self.source, position)
            self._searched_from = position
        return found


def _skip_blanks_and_directives(source: str, position: int, starts: Mapping[int, int]) -> int:
    """The first position at or after ``position`` that is neither blank nor a directive.

    ``starts`` maps each directive's start to its end.
    """
    while True:
        while position < len(source) and source[position].isspace():
            position += 1
        if position in starts:
            position = starts[position]
            continue
        # A plain-text directive line starts with its indentation, not its bracket.
        line_start = source.rfind("\n", 0, position) + 1
        if line_start != position and line_start in starts and starts[line_start] > position:
            position = starts[line_start]
            continue
        return position


def _paragraph_after(
    source: str, comment_end: int, fmt: str, directives: Mapping[int, int], blank_lines: _BlankLines
) -> tuple[int, int]:
    start = _skip_blanks_and_directives(source, comment_end, directives)
    if fmt == "html":
        element_end = _element_end(source, start)
        if element_end is not None:
            return start, element_end
    blank = blank_lines.after(start)
    return start, blank.start() if blank else len(source)


def _element_end(source: str, start: int) -> int | None:
    """The end of the HTML element opening at ``start``, or None when there is none."""
    opening = _TAG.match(source, start)
    if opening is None:
        return None
    if opening.group("void"):
        return opening.end()
    name = opening.group("name")
    nested = re.compile(rf"<(/?){re.escape(name)}\b[^>]*?(/?)>", re.IGNORECASE)
    depth = 1
    for tag in nested.finditer(source, opening.end()):
        closing, self_closing = tag.group(1), tag.group(2)
        if self_closing:
            continue
        depth += -1 if closing else 1
        if depth == 0:
            return tag.end()
    return None
