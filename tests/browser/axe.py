"""axe-core (tests/browser/package.json, installed with `npm ci --prefix tests/browser`) run inside a page.

    from tests.browser.axe import assert_no_axe_violations
    assert_no_axe_violations(page)   # every WCAG 2.x A/AA rule and axe's best practices

The script is read from node_modules, not from a CDN, and evaluated through the browser driver (outside the
page's CSP, which allows no inline or foreign script).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

AXE_SCRIPT = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"

# Rule sets axe runs: WCAG 2.0/2.1/2.2 level A and AA, and its best practices (landmarks, headings, ...).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@cache
def axe_source() -> str:
    if not AXE_SCRIPT.is_file():
        raise RuntimeError(f"{AXE_SCRIPT} is missing: run `npm ci --prefix tests/browser`")
    return AXE_SCRIPT.read_text()


def axe_violations(page, *, tags: list[str] | None = None) -> list[dict]:
    """axe's violations on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source() + "\n;undefined")
    return page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})).violations", tags or TAGS)


def describe(violations: list[dict]) -> str:
    """One line per failing element: rule, impact, the element, axe's explanation."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            lines.append(f"{violation['id']} ({violation['impact']}): {json.dumps(node['target'])} "
                         f"{node['failureSummary'].splitlines()[-1].strip()} | {node['html'][:160]}")
    return "\n".join(lines)


def assert_no_axe_violations(page, *, tags: list[str] | None = None) -> None:
    """Fails with every violation axe-core finds on the page (URL, rule, element and why)."""
    violations = axe_violations(page, tags=tags)
    assert not violations, f"axe-core on {page.url}:\n{describe(violations)}"
