"""axe-core in the browser tests: any WCAG 2.1 A/AA violation on a page fails, with a list
a person can act on (rule, impact, which elements, what to do).

tests/e2e/vendor/axe.min.js is axe-core 4.14.1 from the npm registry (`npm pack axe-core@4`),
committed as it came (its MPL-2.0 licence header intact) so the suite needs no Node or network.
It is evaluated through the DevTools protocol rather than added as a <script> tag: the site's
Content-Security-Policy forbids inline script, and the page under test keeps that policy.
"""

from pathlib import Path

AXE_VERSION = "4.14.1"
AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    targets: v.nodes.map((n) => n.target.join(' ')),
    summaries: v.nodes.map((n) => n.failureSummary || ''),
  }));
}"""


def axe_violations(page) -> list[dict]:
    """Run axe on the page as it is now; returns its WCAG 2.1 A/AA violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE)
    return page.evaluate(_RUN, WCAG_TAGS)


def format_violations(violations: list[dict], where: str = "") -> str:
    lines = []
    for violation in violations:
        rule = f"{violation['id']} ({violation['impact']})"
        lines.append(f"{where}{rule}: {violation['help']} — {violation['helpUrl']}")
        for target, summary in zip(violation["targets"][:5], violation["summaries"][:5], strict=True):
            first = summary.splitlines()[1].strip() if "\n" in summary else summary
            lines.append(f"    {target}  {first}")
        if len(violation["targets"]) > 5:
            lines.append(f"    … and {len(violation['targets']) - 5} more")
    return "\n".join(lines)


def assert_no_axe_violations(page, where: str = ""):
    violations = axe_violations(page)
    assert not violations, "axe found WCAG 2.1 A/AA violations:\n" + format_violations(violations, where)
