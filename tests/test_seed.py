"""The seed article end to end: exactly its planted contradictions, quoted both sides."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT, SEED

EXPECTED = [
    (
        "TRF001",
        "error",
        [
            "Putin commits to providing North Korea with space tech",
            "Putin proposed that North Korea provide technological support",
        ],
    ),
    ("NAM001", "warning", ["Mikhail Metzel", "Mikail metzel"]),
    ("LOC001", "error", ["summit in South Korea", "meeting in Russia’s Far East"]),
    ("ENC001", "info", ["Russia‚Äôs"]),
    (
        "TRV001",
        "error",
        [
            "Kim’s first trip abroad",
            "bound for North Korea",
            "North Korean President Kim Jong Un",
        ],
    ),
    (
        "TRV002",
        "error",
        [
            "journey to Russia",
            "At the Vostochny Cosmodrome in Russia’s Far East, Kim was briefed",
        ],
    ),
]


def run_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", "check", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_seed_json_has_exactly_the_planted_contradictions() -> None:
    result = run_check("seeds/000_ad2f7963976caff1.txt", "--format", "json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    (document,) = report["documents"]
    found = [(f["rule_id"], f["severity"], [e["text"] for e in f["evidence"]]) for f in document["findings"]]
    assert found == EXPECTED
    assert report["summary"]["by_severity"] == {"error": 4, "warning": 1, "info": 1}
    source = SEED.read_text(encoding="utf-8")
    lines = source.split("\n")
    for finding in document["findings"]:
        for evidence in finding["evidence"]:
            assert source[evidence["start"] : evidence["end"]] == evidence["text"]
            line = lines[evidence["line"] - 1]
            assert line[evidence["column"] - 1 :].startswith(evidence["text"].split("\n")[0])


def test_seed_text_report_quotes_both_sides_with_line_and_column() -> None:
    result = run_check("seeds/000_ad2f7963976caff1.txt", "--no-color")
    assert result.returncode == 1
    out = result.stdout
    assert "seeds/000_ad2f7963976caff1.txt:9:10: error LOC001 event-in-two-places" in out
    assert '[1] 9:10  "summit in South Korea"' in out
    assert '[2] 13:15  "meeting in Russia’s Far East"' in out
    assert out.rstrip().endswith("1 document checked: 4 errors, 1 warning, 1 info")


def test_fail_on_thresholds_set_the_exit_code() -> None:
    assert run_check("seeds/", "--fail-on", "never", "--format", "json").returncode == 0
    assert run_check("seeds/000_ad2f7963976caff1.txt", "--fail-on", "info", "--select", "ENC").returncode == 1
    assert run_check("seeds/000_ad2f7963976caff1.txt", "--select", "ENC").returncode == 0


def test_same_input_same_output_byte_for_byte() -> None:
    first = run_check("seeds/000_ad2f7963976caff1.txt", "--format", "json").stdout
    second = run_check("seeds/000_ad2f7963976caff1.txt", "--format", "json").stdout
    assert first == second


def test_one_problem_quoted_in_several_agreeing_passages_is_one_finding(checker, analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Germany to send tanks to Lithuania\n\n"
        "German Defence Minister Boris Pistorius said Germany would send 35 tanks to Lithuania.\n\n"
        "Lithuanian officials said Lithuania had agreed to send the tanks to Germany.\n"
    )
    findings = [f for f in checker.findings(analyse(text)) if f.rule_id == "TRF001"]
    assert [[e.text for e in f.evidence] for f in findings] == [
        [
            "Germany to send tanks to Lithuania",
            "Germany would send 35 tanks to Lithuania",
            "Lithuania had agreed to send the tanks to Germany",
        ]
    ]
