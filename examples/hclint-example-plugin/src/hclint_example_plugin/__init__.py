"""An example hclint plug-in: registered through the ``hclint`` entry-point group."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import regex

from hcsocial_lint import Applicability, Hit, RuleMeta, Severity, Suggestion, hookimpl
from hcsocial_lint.model import Example

PLACEHOLDER = regex.compile(r"\[(?:insert|add|clinic|patient|name|date|link|phone)[^\]\n]{0,40}\]|\{\{[^}\n]{1,40}\}\}|\b(?:TBD|TODO|XXX+)\b",
                            regex.IGNORECASE)


@dataclass(frozen=True)
class PlaceholderLeftIn:
    meta: RuleMeta = field(default=RuleMeta(
        id="EXA001",
        name="placeholder-left-in",
        family="editorial",
        severity=Severity.ERROR,
        message="template placeholder '{match}' left in the draft",
        citation="Editorial practice: a published placeholder signals an unreviewed post",
        summary="Finds unfilled template placeholders such as [Clinic name], {{first_name}}, TBD or XXX.",
        rationale="A placeholder that reaches a published post shows the post was not reviewed, and a "
                  "{{first_name}} field may later be filled with a patient's name by a mail-merge tool.",
        fix_safety="Display only: the right value is something only the writer knows.",
        examples=(
            Example("Join us at [Clinic name] on Saturday!", "fail"),
            Example("Join us at Riverside Clinic on Saturday!", "pass"),
        ),
        source="hclint-example-plugin",
    ))

    def check(self, analysis):
        for match in PLACEHOLDER.finditer(analysis.text):
            yield Hit(match.start(), match.end(), message=self.meta.message.format(match=match.group(0)),
                      category="PLACEHOLDER",
                      suggestions=(Suggestion("Fill in or delete the placeholder", (), Applicability.DISPLAY),))


@hookimpl
def hclint_rules(settings):
    return [PlaceholderLeftIn()]


@hookimpl
def hclint_rule_packs():
    return [Path(__file__).parent / "packs"]


__all__ = ["PlaceholderLeftIn", "hclint_rules", "hclint_rule_packs"]
