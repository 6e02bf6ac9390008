"""The report: every document's findings, exit codes, baselines and the output formats."""
