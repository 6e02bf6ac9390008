"""A newsroom system asking ``factcheck serve`` about an article before it is published.

    python examples/cms_client.py http://127.0.0.1:8000 story.md

Prints each finding in the CMS's words and exits 1 when an error should hold the
story for an editor. Only the standard library: any CMS that can POST JSON can do this.
"""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any


def check(server: str, article: Path) -> dict[str, Any]:
    """The JSON report for one article (schema: factcheck's report.schema.json)."""
    body = json.dumps({"text": article.read_text(encoding="utf-8"), "path": str(article)}).encode()
    request = urllib.request.Request(f"{server}/check", body, {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return dict(json.load(response))
    except urllib.error.HTTPError as error:
        if error.code == 422:  # the article could not be read: the report says why
            return dict(json.load(error))
        raise SystemExit(f"factcheck answered {error.code}: {json.load(error)['error']['message']}") from None


def main() -> int:
    server, name = sys.argv[1], sys.argv[2]
    report = check(server, Path(name))
    for document in report["documents"]:
        if document["error"] is not None:
            print(f"{document['path']}: cannot be checked: {document['error']}")
        for finding in document["findings"]:
            if not finding["suppressed"]:
                first = finding["evidence"][0]
                where = f"{document['path']}:{first['line']}"
                print(f"{where}: {finding['severity']} {finding['rule_id']}: {finding['message']}")
    errors = report["summary"]["by_severity"]["error"] + report["summary"]["unreadable"]
    print("hold for an editor" if errors else "ready to publish")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
