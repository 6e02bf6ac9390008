"""HTML: the words a reader sees, with every character traced back to the page as given.

    <article><h1>Kim flies to Paris</h1><p>He arrived on Monday &amp; left.</p></article>

reads as ``"Kim flies to Paris\\n\\nHe arrived on Monday & left."``, where ``&`` maps to
the five characters ``&amp;``. The stdlib parser is used because it never fetches
anything and never gives up on malformed markup; it only reports where each piece
starts, so the exact source span of every piece is taken from its own position
bookkeeping (``updatepos``), and character references are decoded here, one by one.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from factcheck.reading.document import OffsetMap
from factcheck.reading.readers._emitter import TextEmitter

#: Content nobody reads as part of the story: code, chrome, forms, embedded documents.
IGNORED = frozenset(
    {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg", "iframe"}
    | {"object", "canvas", "button", "select", "textarea"}
)
#: Elements that start and end a paragraph of their own.
BLOCKS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "br", "blockquote", "td", "th", "tr"}
    | {"figcaption", "figure", "title", "section", "article", "main", "ul", "ol", "dl", "dt", "dd"}
    | {"table", "thead", "tbody", "tfoot", "caption", "pre", "hr", "address", "details", "summary"}
    | {"body", "html", "header", "footer", "hgroup", "center", "legend", "fieldset", "nav", "aside", "form"}
)
#: Elements that never have content or an end tag.
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr", "keygen", "frame", "basefont", "isindex"}
)
#: Where the story is, in order of preference, when the page marks it.
MAIN_CONTENT = ("article", "main")

_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
_WHITESPACE = re.compile(r"[ \t\n\r\f]+")


@dataclass(slots=True)
class _Event:
    kind: str  # "start", "end" or "text"
    tag: str
    start: int = -1
    end: int = -1


class _EventCollector(HTMLParser):
    """Records tags and text with their exact source spans, nothing else."""

    def __init__(self, source: str, base: int) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[_Event] = []
        self._unplaced: list[_Event] = []
        self._base = base
        self._line_starts = [0]
        self._line_starts.extend(i + 1 for i, ch in enumerate(source) if ch == "\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add(_Event("start", tag))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add(_Event("start", tag))
        if tag not in VOID:
            self._add(_Event("end", tag))

    def handle_endtag(self, tag: str) -> None:
        self._add(_Event("end", tag))

    def handle_data(self, data: str) -> None:
        # The decoded ``data`` is not used: the raw span is decoded here with offsets.
        self._add(_Event("text", ""))

    def parse_html_declaration(self, i: int) -> int:
        position = self.lineno, self.offset
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            # Python 3.11's parser gives up on "<![" without a name (after moving its
            # position); a browser reads it as a bogus comment up to the next ">".
            self.lineno, self.offset = position
            close = self.rawdata.find(">", i + 2)
            return len(self.rawdata) if close < 0 else close + 1

    def _add(self, event: _Event) -> None:
        self.events.append(event)
        self._unplaced.append(event)

    def updatepos(self, i: int, j: int) -> int:
        # Every piece the parser consumes passes through here, right after its handler.
        if i < j:
            line, column = self.getpos()
            start = self._base + self._line_starts[line - 1] + column
            for event in self._unplaced:
                event.start, event.end = start, start + (j - i)
            self._unplaced.clear()
        return super().updatepos(i, j)


def _parse(source: str, start: int, end: int) -> list[_Event]:
    collector = _EventCollector(source[start:end], start)
    collector.feed(source[start:end])
    collector.close()
    events = [e for e in collector.events if e.start >= 0]
    for index, event in enumerate(events):
        # Some parser versions read an unterminated comment as text; a browser hides
        # everything after "<!--" then, and so do we.
        opens_comment = event.kind == "text" and source.startswith("<!--", event.start)
        if opens_comment and source.find("-->", event.start + 4, end) < 0:
            return events[:index]
    return events


def _closing_indexes(events: list[_Event]) -> list[int]:
    """For each start event, the index of the event that closes it (or ``len(events)``).

    Unclosed elements (``<li>``, ``<p>``) close with their parent; stray end tags are ignored.
    """
    closes = [len(events)] * len(events)
    open_elements: list[int] = []
    open_count: dict[str, int] = {}
    for index, event in enumerate(events):
        if event.kind == "start" and event.tag not in VOID:
            open_elements.append(index)
            open_count[event.tag] = open_count.get(event.tag, 0) + 1
        elif event.kind == "end" and open_count.get(event.tag, 0) > 0:
            while open_elements:
                opened = open_elements.pop()
                closes[opened] = index
                open_count[events[opened].tag] -= 1
                if events[opened].tag == event.tag:
                    break
    return closes


def _text_size(events: list[_Event], closes: list[int], first: int, stop: int) -> int:
    """How much readable text (in source characters) the events ``[first, stop)`` hold."""
    size = 0
    index = first
    while index < stop:
        event = events[index]
        if event.kind == "start" and event.tag in IGNORED:
            index = closes[index] + 1
            continue
        if event.kind == "text":
            size += event.end - event.start
        index += 1
    return size


def _main_content(events: list[_Event], closes: list[int]) -> tuple[int, int] | None:
    """The event range inside the story's <article> (else <main>), if the page marks one.

    A page can hold several outermost articles (teasers for related stories are often
    marked up as articles too); the one with the most text is the story.
    """
    for wanted in MAIN_CONTENT:
        candidates: list[tuple[int, int, int]] = []
        index = 0
        while index < len(events):
            event = events[index]
            if event.kind == "start" and event.tag in IGNORED:
                index = closes[index] + 1
            elif event.kind == "start" and event.tag == wanted:
                close = closes[index]
                candidates.append((-_text_size(events, closes, index + 1, close), index + 1, close))
                index = close + 1
            else:
                index += 1
        if candidates:
            _, first, stop = min(candidates)
            return first, stop
    return None


def _emit_text(emitter: TextEmitter, start: int, end: int) -> None:
    """Emit a raw text span, decoding character references with their exact source range."""
    raw = emitter.source[start:end]
    position = 0
    for reference in _REFERENCE.finditer(raw):
        decoded = html.unescape(reference.group())
        if decoded == reference.group():
            continue  # not a reference a browser would decode ("AT&T"): kept as written
        if reference.start() > position:
            emitter.text(raw[position : reference.start()], start + position)
        emitter.replace(decoded, start + reference.start(), start + reference.end())
        position = reference.end()
    if position < len(raw):
        emitter.text(raw[position:], start + position)


def render_html(
    emitter: TextEmitter, start: int = 0, end: int | None = None, whole_page: bool = True
) -> None:
    """Emit the readable text of ``emitter.source[start:end]``, one block per paragraph.

    With ``whole_page``, only the <article> (else <main>) is read when there is one;
    a fragment (an HTML block inside Markdown) is read as it stands.
    """
    end = len(emitter.source) if end is None else end
    events = _parse(emitter.source, start, end)
    closes = _closing_indexes(events)
    first, stop = 0, len(events)
    ignored = IGNORED
    scope = _main_content(events, closes) if whole_page else None
    if scope is not None:
        first, stop = scope
        # Inside the story, <header> holds its headline and byline, not the site's banner.
        ignored = IGNORED - {"header"}
    emitter.block_break()
    index = first
    while index < stop:
        event = events[index]
        if event.kind == "text":
            _emit_text(emitter, event.start, event.end)
        elif event.tag in BLOCKS:
            emitter.block_break()
        if event.kind == "start" and event.tag in ignored:
            index = closes[index]  # its end tag, if any, is a block edge like its start
            continue
        index += 1
    emitter.block_break()


def read_html(source: str) -> tuple[str, OffsetMap]:
    """The page's readable text, one paragraph per block element."""
    emitter = TextEmitter(source)
    render_html(emitter)
    return emitter.build()
