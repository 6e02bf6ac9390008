"""One self-contained HTML page for editors: the article with every side highlighted.

Per document with findings: the source text as given, each side of each finding a
``<mark>`` (``data-start``/``data-end`` are source offsets) with a small tag that
links to the finding's next side; beside it the findings with the rule's
description and the suppression comment that would silence each, ready to copy;
under them the claim graph of what the findings rest on as inline SVG.
No external resources: CSS, script and drawing are inline, so the file can be
mailed or archived as is.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from html import escape
from string import ascii_lowercase

from factcheck.reading.directives import suppression_comment
from factcheck.reading.document import DERIVED, SOURCE
from factcheck.report.model import DocumentResult, Report
from factcheck.report.renderers._contract import RenderContext
from factcheck.report.renderers._graph_svg import FindingSides, draw
from factcheck.rules.findings import SEVERITIES, Finding

FORMAT = "html"
DESCRIPTION = "one self-contained HTML page: highlighted article, findings, claim graph"


@dataclass(frozen=True, slots=True)
class Side:
    """One side of one finding, placed in the source."""

    start: int
    end: int
    anchor: str
    next_anchor: str
    finding_anchor: str
    label: str
    severity: str
    title: str
    #: In a compared pair, the text the side stands in (source or derived).
    document: str | None = None


def _side_label(finding_number: int, side_index: int) -> str:
    letters = ascii_lowercase[side_index] if side_index < len(ascii_lowercase) else f"-{side_index + 1}"
    return f"{finding_number}{letters}"


def _sides(prefix: str, findings: list[Finding]) -> list[Side]:
    sides: list[Side] = []
    for number, finding in enumerate(findings, start=1):
        anchor = f"{prefix}-f{number}"
        count = len(finding.evidence)
        for index, evidence in enumerate(finding.evidence):
            following = (index + 1) % count
            sides.append(
                Side(
                    evidence.start,
                    evidence.end,
                    f"{anchor}-s{index + 1}",
                    f"{anchor}-s{following + 1}",
                    anchor,
                    _side_label(number, index),
                    finding.severity,
                    f"{finding.rule_id} {finding.rule_name}, side {index + 1} of {count}"
                    + (f"; go to side {following + 1}" if count > 1 else ""),
                    evidence.document,
                )
            )
    return sides


def _text(text: str) -> str:
    # A raw CR would be folded into LF by the HTML parser and shift every offset after it.
    return escape(text, quote=False).replace("\r", "&#13;")


def _attr(text: str) -> str:
    return escape(text, quote=True).replace("\r", "&#13;").replace("\n", "&#10;")


def _source_html(prefix: str, source: str, sides: list[Side]) -> str:
    """The source split into lines and into runs covered by the same sides.

    Every run covered by at least one side is one ``<mark>``; a side's tag (an
    anchor with no text of its own, so the page's text stays the source) sits
    where the side starts.
    """
    cuts = {0, len(source)}
    for side in sides:
        cuts.update((side.start, side.end))
    cuts.update(i + 1 for i, char in enumerate(source) if char == "\n")
    points = sorted(c for c in cuts if 0 <= c <= len(source))
    starting: dict[int, list[Side]] = {}
    for side in sides:
        starting.setdefault(side.start, []).append(side)
    parts: list[str] = []
    line = 1
    marks = 0
    parts.append(f'<span class="line" id="{prefix}-L{line}" data-line="{line}">')
    for begin, finish in itertools.pairwise([*points, len(source)]):
        for side in starting.get(begin, []):
            parts.append(
                f'<a class="tag sev-{side.severity}" id="{side.anchor}" href="#{side.next_anchor}" '
                f'data-finding="{side.finding_anchor}" data-label="{side.label}" title="{_attr(side.title)}"'
                f' aria-label="{_attr(side.title)}"></a>'
            )
        if finish <= begin:
            continue
        piece = source[begin:finish]
        covering = [s for s in sides if s.start <= begin and finish <= s.end and s.start < s.end]
        if covering:
            marks += 1
            worst = min(covering, key=lambda s: SEVERITIES.index(s.severity)).severity
            many = " overlap" if len({s.finding_anchor for s in covering}) > 1 else ""
            parts.append(
                f'<mark id="{prefix}-m{marks}" class="sev-{worst}{many}" data-start="{begin}" '
                f'data-end="{finish}" data-sides="{" ".join(s.anchor for s in covering)}" '
                f'data-findings="{" ".join(sorted({s.finding_anchor for s in covering}))}">'
                f"{_text(piece)}</mark>"
            )
        else:
            parts.append(_text(piece))
        if piece.endswith("\n") and finish < len(source):
            line += 1
            parts.append(f'</span><span class="line" id="{prefix}-L{line}" data-line="{line}">')
    parts.append("</span>")
    return "".join(parts)


#: Stands for the editor's reason in a suggested suppression comment.
REASON_PLACEHOLDER = "REASON: why the text is right"


def _suppression_html(anchor: str, finding: Finding, fmt: str | None) -> str:
    """The comment that silences this finding, to paste before the paragraph of either side."""
    comment = suppression_comment(finding.rule_id, fmt or "text", REASON_PLACEHOLDER)
    return (
        f'<div class="suppress"><label for="{anchor}-suppress">If the text is right, put this before '
        "the paragraph of either side:</label>"
        f'<span class="suppress-row"><input id="{anchor}-suppress" class="suppress-comment" readonly '
        f'spellcheck="false" value="{_attr(comment)}">'
        f'<button type="button" class="copy" data-copy="{anchor}-suppress">Copy</button></span></div>'
    )


def _finding_html(
    prefix: str, number: int, finding: Finding, context: RenderContext, fmt: str | None = None
) -> str:
    anchor = f"{prefix}-f{number}"
    classes = f"finding sev-{finding.severity}" + (" suppressed" if finding.suppressed else "")
    rule = context.rules.get(finding.rule_id)
    lines = [
        f'<li class="{classes}" id="{anchor}" data-rule="{_attr(finding.rule_id)}">',
        '<div class="finding-head">'
        f'<span class="number">{number}</span>'
        f'<span class="badge sev-{finding.severity}">{finding.severity}</span>'
        f'<code class="rule-id">{_text(finding.rule_id)}</code>'
        f'<span class="rule-name">{_text(finding.rule_name)}</span>'
        f'<span class="category">{_text(finding.category)}</span></div>',
        f'<p class="message">{_text(finding.message)}</p>',
        '<ol class="sides">',
    ]
    for index, evidence in enumerate(finding.evidence):
        lines.append(
            f'<li><a href="#{anchor}-s{index + 1}">'
            f'<span class="side-label">{_side_label(number, index)}</span>'
            f'<span class="where">{_text_name(evidence.document)}{evidence.line}:{evidence.column}</span>'
            f"<q>{_text(evidence.text)}</q></a></li>"
        )
    lines.append("</ol>")
    if finding.suppressed:
        reason = finding.suppression_reason or "no reason given"
        lines.append(f'<p class="suppression">Suppressed: {_text(reason)}</p>')
    elif finding.rule_id != "SUP001":
        # SUP001 is silenced by removing the stale comment, not by another one.
        lines.append(_suppression_html(anchor, finding, fmt))
    if rule is not None:
        lines.append(
            f'<p class="rule-description"><span>About {_text(rule.id)}:</span> '
            f"{_text(' '.join(rule.description.split()))}</p>"
        )
    lines.append("</li>")
    return "\n".join(lines)


_TEXT_NAMES = {DERIVED: "Rewrite", SOURCE: "Source"}


def _text_name(document: str | None) -> str:
    """ "rewrite " or "source " before a side's line:column in a compared pair."""
    return f"{_TEXT_NAMES[document].lower()} " if document in _TEXT_NAMES else ""


def _pair_html(prefix: str, result: DocumentResult, sides: list[Side]) -> str:
    """The rewrite and its source side by side; each side's tag links to the next side, in either text."""
    assert result.texts is not None
    source, derived = result.texts
    columns = []
    for name, document, path in ((DERIVED, derived, result.path), (SOURCE, source, result.source or "")):
        shown = [s for s in sides if s.document == name]
        columns.append(
            f'<div class="text-column" data-document="{name}"><h3>{_TEXT_NAMES[name]} '
            f'<span class="path">{_text(path)}</span></h3>'
            f'<div class="source format-{_attr(document.format)}" id="{prefix}-{name}" '
            f'data-document="{name}">'
            f"{_source_html(f'{prefix}-{name}', document.source, shown)}</div></div>"
        )
    return '<div class="pair">' + "".join(columns) + "</div>"


def _kind(finding: Finding, context: RenderContext) -> str | None:
    rule = context.rules.get(finding.rule_id)
    return rule.kind if rule is not None else None


def _count(number: int, severity: str) -> str:
    plural = "s" if number != 1 and severity != "info" else ""
    return f"{number} {severity}{plural}"


def _document_html(number: int, result: DocumentResult, context: RenderContext) -> str:
    prefix = f"d{number}"
    heading = f'<h2><span class="doc-number">{number}</span> <span class="path">{_text(result.path)}</span>'
    if result.doc_id is not None:
        heading += f' <span class="doc-id">id {_text(result.doc_id)}</span>'
    if result.source is not None:
        heading += f' <span class="doc-id">compared with {_text(result.source)}</span>'
    heading += "</h2>"
    if result.error is not None:
        return (
            f'<section class="document input-error" id="{prefix}">{heading}'
            f'<p class="error-box"><strong>Could not be read:</strong> {_text(result.error)}</p></section>'
        )
    findings = list(result.findings)
    counts = {s: sum(1 for f in findings if f.severity == s and not f.suppressed) for s in SEVERITIES}
    tally = " ".join(
        f'<span class="badge sev-{s}">{_count(counts[s], s)}</span>' for s in SEVERITIES if counts[s]
    )
    parts = [f'<section class="document" id="{prefix}">', heading, f'<p class="tally">{tally}</p>']
    analysis = result.analysis
    sides = _sides(prefix, findings)
    if result.texts is not None:
        parts.append(_pair_html(prefix, result, sides))
    parts.append('<div class="columns">' if result.texts is None else '<div class="columns pair-findings">')
    if result.compared:
        if result.texts is None:
            parts.append('<div class="source missing">The texts were not kept for this report.</div>')
    elif analysis is not None:
        parts.append(
            f'<div class="source format-{_attr(analysis.document.format)}" id="{prefix}-source" '
            f'data-document="{_attr(result.path)}">'
            f"{_source_html(prefix, analysis.document.source, sides)}</div>"
        )
    else:
        parts.append('<div class="source missing">The article text was not kept for this report.</div>')
    parts.append('<div class="side-panel">')
    parts.append(f'<h3>Findings <span class="count">{len(findings)}</span></h3>')
    parts.append('<ol class="findings">')
    # A suppression comment goes where the finding sits: in a compared pair, the rewrite.
    where = result.texts[1] if result.texts is not None else analysis.document if analysis else None
    fmt = where.format if where is not None else None
    parts.extend(_finding_html(prefix, i, f, context, fmt) for i, f in enumerate(findings, start=1))
    parts.append("</ol>")
    drawing = ""
    if analysis is not None:
        drawing = draw(
            analysis.graph,
            [
                FindingSides(f"{prefix}-f{i}", f"{i} {f.rule_id}", f.severity, f.evidence, _kind(f, context))
                for i, f in enumerate(findings, start=1)
                if not f.suppressed
            ],
            f"{prefix}-graph",
        )
    parts.append("</div></div>")
    if drawing:
        parts.append(
            f'<figure class="graph" id="{prefix}-claim-graph"><figcaption>What the findings rest on '
            '<span class="legend"><span class="edge-key sev-error"></span>claim quoted by an error '
            '<span class="edge-key sev-warning"></span>by a warning '
            '<span class="edge-key sev-info"></span>by a note '
            '<span class="edge-key reason"></span>the country a place lies in</span></figcaption>'
            f'<div class="graph-scroll">{drawing}</div></figure>'
        )
    parts.append("</section>")
    return "\n".join(parts)


def _header(report: Report) -> str:
    counts = report.by_severity()
    documents = len(report.documents)
    clean = sum(1 for d in report.documents if d.error is None and not d.findings)
    badges = " ".join(f'<span class="badge sev-{s}">{_count(counts[s], s)}</span>' for s in SEVERITIES)
    line = f"{documents} document{'s' if documents != 1 else ''} checked"
    if clean:
        line += f", {clean} without findings"
    if report.unreadable:
        line += f', <span class="unreadable">{report.unreadable} could not be read</span>'
    return (
        "<header><h1>factcheck report</h1>"
        f'<p class="summary">{line} {badges}</p>'
        f'<p class="tool">factcheck {_text(report.version)} · model {_text(report.model)}</p></header>'
    )


def _contents(report: Report) -> str:
    rows = []
    for number, result in enumerate(report.documents, start=1):
        if result.error is None and not result.findings:
            continue
        count = len(result.findings)
        state = f"{count} finding{'s' if count != 1 else ''}"
        if result.error is not None:
            state = "could not be read"
        rows.append(f'<li><a href="#d{number}">{_text(result.path)}</a> <span>{state}</span></li>')
    clean = [d.path for d in report.documents if d.error is None and not d.findings]
    parts = ['<nav class="contents"><h2>Documents</h2>']
    if rows:
        parts.append("<ol>" + "".join(rows) + "</ol>")
    if clean:
        parts.append(
            f"<details><summary>{len(clean)} without findings</summary><ul>"
            + "".join(f"<li>{_text(p)}</li>" for p in clean)
            + "</ul></details>"
        )
    parts.append("</nav>")
    return "".join(parts)


_STYLE = """
:root{--error:#c62828;--warning:#a15c00;--info:#01579b;--error-bg:#fde2e1;--warning-bg:#ffefc2;
--info-bg:#dcefff;--ink:#1d2330;--muted:#5f6b7a;--line:#e3e7ee;--paper:#fff;--page:#f4f6f9}
*{box-sizing:border-box}
body{margin:0;background:var(--page);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",
Roboto,"Helvetica Neue",Arial,sans-serif}
header{padding:18px 28px 12px;background:var(--ink);color:#fff}
header h1{margin:0;font-size:20px;letter-spacing:.02em}
header .summary{margin:6px 0 0}header .tool{margin:2px 0 0;color:#b8c2d0;font-size:12px}
main{padding:16px 28px 40px;max-width:1500px;margin:0 auto}
.contents{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:8px 16px;
margin-bottom:16px}
.contents h2{font-size:14px;margin:4px 0;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
.document{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:14px 18px 18px;
margin-bottom:22px;box-shadow:0 1px 2px rgba(0,0,0,.04)}
.document h2{margin:0;font-size:17px;word-break:break-all}
.doc-number{display:inline-block;min-width:1.6em;text-align:center;background:var(--ink);color:#fff;
border-radius:5px;font-size:13px;margin-right:4px}
.doc-id,.count{color:var(--muted);font-weight:normal;font-size:13px}
.tally{margin:6px 0 12px}
.columns{display:grid;grid-template-columns:minmax(0,1.25fr) minmax(360px,1fr);gap:22px;align-items:start}
.source{font:14.5px/1.75 Georgia,"Times New Roman",serif;white-space:pre-wrap;overflow-wrap:anywhere;
border:1px solid var(--line);border-radius:8px;padding:10px 14px 10px 0;background:#fcfcfd;counter-reset:none}
.source.format-html,.source.format-markdown{font:13px/1.8 ui-monospace,Menlo,Consolas,monospace}
.source.format-html .line::before,.source.format-markdown .line::before{line-height:2.13}
.source .line{display:block;position:relative;padding-left:3.6em;min-height:1.75em}
.source .line::before{content:attr(data-line);position:absolute;left:0;width:2.7em;text-align:right;
color:#a3acb9;font:11px/2.4 ui-monospace,Menlo,Consolas,monospace;user-select:none}
.source .line:target{background:#fff8d6}
mark{color:inherit;border-radius:3px;padding:1px 0;cursor:pointer;border-bottom:2px solid}
mark.sev-error{background:var(--error-bg);border-color:var(--error)}
mark.sev-warning{background:var(--warning-bg);border-color:var(--warning)}
mark.sev-info{background:var(--info-bg);border-color:var(--info)}
mark.overlap{background-image:repeating-linear-gradient(135deg,rgba(0,0,0,.07) 0 3px,transparent 3px 7px)}
mark.lit{outline:2px solid var(--ink);outline-offset:1px}
.tag{display:inline-block;vertical-align:super;text-decoration:none;margin:0 1px 0 2px;line-height:1}
.tag::before{content:attr(data-label);display:inline-block;font:bold 10px/1.35 ui-monospace,Menlo,Consolas,
monospace;color:#fff;border-radius:7px;padding:0 4px}
.tag.sev-error::before{background:var(--error)}.tag.sev-warning::before{background:var(--warning)}
.tag.sev-info::before{background:var(--info)}
.tag:target::before,.tag.lit::before{box-shadow:0 0 0 3px #ffd54f}
.side-panel{position:sticky;top:10px}
.side-panel h3{margin:0 0 8px;font-size:15px}
ol.findings{list-style:none;margin:0;padding:0}
.finding{border:1px solid var(--line);border-left:5px solid;border-radius:8px;padding:9px 12px;
margin-bottom:10px;background:var(--paper)}
.finding.sev-error{border-left-color:var(--error)}.finding.sev-warning{border-left-color:var(--warning)}
.finding.sev-info{border-left-color:var(--info)}
.finding:target,.finding.lit{box-shadow:0 0 0 3px #ffd54f}
.finding.suppressed{opacity:.6}
.finding-head{display:flex;flex-wrap:wrap;gap:6px;align-items:center;font-size:13px}
.number{font-weight:bold;color:var(--muted)}
.rule-id{font:bold 12.5px ui-monospace,Menlo,Consolas,monospace}
.rule-name{color:var(--ink)}
.category{margin-left:auto;color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.05em}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;color:#fff}
.badge.sev-error{background:var(--error)}.badge.sev-warning{background:var(--warning)}
.badge.sev-info{background:var(--info)}
.message{margin:6px 0;font-weight:600}
ol.sides{list-style:none;margin:0;padding:0;font-size:13.5px}
ol.sides a{color:inherit;text-decoration:none;display:flex;gap:8px;padding:2px 4px;border-radius:4px}
ol.sides a:hover{background:var(--page)}
.side-label{font:bold 11px/1.6 ui-monospace,Menlo,Consolas,monospace;color:var(--muted)}
.where{font:12px/1.6 ui-monospace,Menlo,Consolas,monospace;color:var(--muted);min-width:3.5em}
q{font-family:Georgia,"Times New Roman",serif}
.rule-description{margin:8px 0 0;padding:6px 8px;background:var(--page);border-radius:6px;font-size:12.5px;
color:var(--muted)}
.rule-description span{font-weight:600}
.suppression{margin:6px 0 0;font-size:12.5px;font-style:italic}
.error-box{background:var(--error-bg);border-left:4px solid var(--error);padding:8px 12px;border-radius:6px}
.unreadable{color:#ffb4ab;font-weight:600}
figure.graph{margin:18px 0 0;border:1px solid var(--line);border-radius:8px;padding:8px 12px}
figcaption{font-size:14px;font-weight:600;margin-bottom:4px}
.graph-scroll{overflow-x:auto}
.claim-graph{max-width:100%;height:auto;font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.claim-graph .node rect{fill:#fff;stroke:#8a96a8;stroke-width:1.2}
.claim-graph .node-person rect{fill:#e8f0fe;stroke:#3b6fd4}
.claim-graph .node-place rect{fill:#e6f4ea;stroke:#2e8540}
.claim-graph .node-event rect{fill:#fff3e0;stroke:#d9822b}
.claim-graph .node-party rect{fill:#f3e8fd;stroke:#8241c5}
.claim-graph .node-name rect{fill:#f1f3f4;stroke:#80868b}
.claim-graph .node-type{font-size:9.5px;fill:#5f6b7a;text-transform:uppercase;letter-spacing:.06em}
.claim-graph .node-label{font-size:12px;fill:#1d2330;font-weight:600}
.claim-graph .edge path{fill:none;stroke-width:2}
.claim-graph .edge-label text{font-size:11px;paint-order:stroke;stroke:#fff;stroke-width:4px;
stroke-linejoin:round}
.claim-graph .edge-error path{stroke:var(--error)}.claim-graph .edge-error text{fill:var(--error)}
.claim-graph .edge-warning path{stroke:var(--warning)}.claim-graph .edge-warning text{fill:var(--warning)}
.claim-graph .edge-info path{stroke:var(--info)}.claim-graph .edge-info text{fill:var(--info)}
.claim-graph .edge-context path{stroke:#9aa5b4;stroke-dasharray:5 4;stroke-width:1.4}
.claim-graph .edge-reason path{stroke-dasharray:6 4;stroke-width:1.6}
.claim-graph .edge-context text{fill:#7b8694}
.claim-graph .arrow-error{fill:var(--error)}.claim-graph .arrow-warning{fill:var(--warning)}
.claim-graph .arrow-info{fill:var(--info)}.claim-graph .arrow-context{fill:#9aa5b4}
.legend{font-size:11.5px;font-weight:normal;color:var(--muted);margin-left:12px}
.edge-key{display:inline-block;width:18px;height:0;border-top:2px solid;vertical-align:middle;
margin:0 4px 0 10px}
.edge-key.sev-error{border-color:var(--error)}.edge-key.sev-warning{border-color:var(--warning)}
.edge-key.sev-info{border-color:var(--info)}.edge-key.context{border-top:2px dashed #9aa5b4}
.pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:18px;align-items:start;
margin-bottom:14px}
.text-column h3{margin:0 0 6px;font-size:14px}.text-column .path{color:var(--muted);font-weight:normal}
.pair-findings{grid-template-columns:1fr}
.edge-key.reason{border-top:2px dashed var(--ink)}
.suppress{margin:8px 0 0;font-size:12px;color:var(--muted)}
.suppress label{display:block;margin-bottom:2px}
.suppress-row{display:flex;gap:6px}
.suppress-comment{flex:1;min-width:0;font:12px ui-monospace,Menlo,Consolas,monospace;color:var(--ink);
border:1px solid var(--line);border-radius:5px;padding:3px 6px;background:var(--page)}
.copy{font:12px system-ui,sans-serif;border:1px solid var(--line);border-radius:5px;background:var(--paper);
cursor:pointer;padding:2px 10px}
.copy.done{border-color:#2e8540;color:#2e8540}
@media (max-width:980px){.columns,.pair{grid-template-columns:1fr}.side-panel{position:static}}
@media print{.side-panel{position:static}body{background:#fff}}
"""

# Hovering a finding lights up its sides; clicking a side shows its finding; Copy copies
# a suppression comment (selecting it first, so it can be copied by hand where the
# clipboard is not allowed, as on a page opened from a file in some browsers).
_SCRIPT = """
(function () {
  document.querySelectorAll('button.copy').forEach(function (button) {
    button.addEventListener('click', function () {
      var field = document.getElementById(button.dataset.copy);
      if (!field) { return; }
      field.focus(); field.select();
      var done = function () {
        button.classList.add('done'); button.textContent = 'Copied';
        setTimeout(function () { button.classList.remove('done'); button.textContent = 'Copy'; }, 1500);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () {});
      } else if (document.execCommand && document.execCommand('copy')) {
        done();
      }
    });
  });
  function light(id, on) {
    document.querySelectorAll('mark[data-findings]').forEach(function (m) {
      if (m.dataset.findings.split(' ').indexOf(id) >= 0) { m.classList.toggle('lit', on); }
    });
    document.querySelectorAll('.tag[data-finding="' + id + '"]').forEach(function (t) {
      t.classList.toggle('lit', on);
    });
  }
  document.querySelectorAll('.finding').forEach(function (card) {
    card.addEventListener('mouseenter', function () { light(card.id, true); });
    card.addEventListener('mouseleave', function () { light(card.id, false); });
  });
  document.addEventListener('click', function (event) {
    var mark = event.target.closest ? event.target.closest('mark[data-findings]') : null;
    if (!mark) { return; }
    var card = document.getElementById(mark.dataset.findings.split(' ')[0]);
    if (!card) { return; }
    card.scrollIntoView({block: 'nearest'});
    card.classList.add('lit');
    setTimeout(function () { card.classList.remove('lit'); }, 1200);
  });
})();
"""


def render(report: Report, context: RenderContext) -> str:
    sections = [
        _document_html(number, result, context)
        for number, result in enumerate(report.documents, start=1)
        if result.error is not None or result.findings
    ]
    if not sections:
        sections.append('<p class="all-clear">No contradictions found.</p>')
    body = [_header(report), "<main>"]
    if len(report.documents) > 1:
        body.append(_contents(report))
    body.extend(sections)
    body.append("</main>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="factcheck">\n'
        "<title>factcheck report</title>\n"
        f"<style>{_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + f"\n<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )
