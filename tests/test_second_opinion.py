"""The learned second opinions (CLM090, TON090, INC090, END090, PHI090): weights read from the package and
nowhere else, the same score every time, a warning that says it is a model's opinion, silent where
the family's rules report, and off with ``[tool.hclint.scorer] enabled = false``."""

from __future__ import annotations

import dataclasses
import re
import socket
import zlib
from importlib import resources

import pytest

from hcsocial_lint import Linter, Settings, hookimpl
from hcsocial_lint.config import ConfigError
from hcsocial_lint.learned.features import DIMENSIONS, Feature, features
from hcsocial_lint.learned.linear import load_scorer, model_card
from hcsocial_lint.model import Hit, RuleMeta, Severity
from hcsocial_lint.rules import second_opinion
from hcsocial_lint.sources import read_text_post

SCORER_IDS = {"CLM090", "TON090", "INC090", "END090", "PHI090"}
CLAIM = "Say goodbye to joint pain with our turmeric blend. Order yours now."
# CLM013 reports this one; the model alone would score it above its threshold
CLAIM_THE_RULES_REPORT = "Our elderberry gummies support a healthy immune response all winter long. Shop the bundle today!"


def _analysis(linter: Linter, text: str, settings: Settings | None = None):
    settings = settings or linter.settings
    return next(linter.analyse([read_text_post(text, settings)], [settings]))


def test_weights_are_package_data_small_and_match_their_card():
    card = model_card()
    folder = resources.files("hcsocial_lint.learned").joinpath("weights")
    total = 0
    for family in ("claims", "tone", "inducement", "endorsement", "phi"):
        entry = card["families"][family]
        assert 0.5 <= entry["threshold"] < 1.0
        total += len(folder.joinpath(entry["file"]).read_bytes())
        scorer = load_scorer(family)
        assert scorer.weights and all(0 <= k < DIMENSIONS for k in scorer.weights)
    assert total < 2_000_000  # 1.5 MB in all since the PHI model trains on 41 development sets (2026-12-07)


def test_feature_hashing_is_the_same_in_every_process():
    # CRC-32, not Python's salted hash(): the same bucket in every process and on every machine
    assert Feature("u:cure").index == zlib.crc32(b"u:cure") & (DIMENSIONS - 1)


def test_score_is_deterministic(linter):
    rule = second_opinion.CLAIMS
    first = rule.opinion(_analysis(linter, CLAIM))
    second = rule.opinion(_analysis(linter, CLAIM))
    assert first[0] == second[0]
    assert [f.name for f, _ in first[3]] == [f.name for f, _ in second[3]]


def test_finding_is_a_warning_that_says_it_is_a_models_opinion(linter):
    found = [f for f in linter.lint_text(CLAIM).findings if f.rule_id == "CLM090"]
    assert len(found) == 1
    finding = found[0]
    assert finding.severity is Severity.WARNING
    match = re.match(r"model's opinion \(score (0\.\d\d)\): ", finding.message)
    assert match and float(match.group(1)) >= load_scorer("claims").threshold
    assert finding.score is not None and abs(finding.score - float(match.group(1))) < 0.006
    assert finding.citation and finding.family == "claim"
    assert all(e.kind == "model" and e.source == "learned:claims" for e in finding.evidence)
    assert finding.matched_text.startswith("Say goodbye to joint pain")
    assert not finding.suggestions


def test_never_above_a_warning():
    for rule in second_opinion.RULES:
        assert rule.meta.severity is Severity.WARNING
        assert rule.meta.needs_model and rule.meta.citation


def test_silent_where_the_familys_rules_report(linter):
    analysis = _analysis(linter, CLAIM_THE_RULES_REPORT)
    score, threshold, _, _ = second_opinion.CLAIMS.opinion(analysis)
    assert score >= threshold  # the model would speak ...
    ids = {f.rule_id for f in linter.lint_text(CLAIM_THE_RULES_REPORT).findings}
    assert "CLM013" in ids and "CLM090" not in ids  # ... but a claim rule already did


def test_ignoring_the_familys_rule_does_not_hand_the_post_to_the_model():
    quiet = Linter(Settings(plugins=False, ignore=("CLM013",)))
    ids = {f.rule_id for f in quiet.lint_text(CLAIM_THE_RULES_REPORT).findings}
    assert "CLM013" not in ids and "CLM090" not in ids


def test_negated_post_is_not_reported(linter):
    ids = {f.rule_id for f in linter.lint_text("Our detox tea does not flush toxins and will not melt belly fat.").findings}
    assert "CLM090" not in ids


def test_public_health_organisation_gets_no_claim_opinion():
    settings = Settings(plugins=False, organisation={"kind": "public-health"})
    ids = {f.rule_id for f in Linter(settings).lint_text(CLAIM).findings}
    assert "CLM090" not in ids


def test_switched_off_by_configuration():
    off = Linter(Settings(plugins=False, families={"scorer": {"enabled": False}}))
    assert not SCORER_IDS & {f.rule_id for f in off.lint_text(CLAIM).findings}


def test_only_the_claims_and_phi_opinions_run_by_default(linter):
    prices = "Prices slashed on all injectables this weekend, do not miss out."
    assert "TON090" not in {f.rule_id for f in linter.lint_text(prices).findings}
    chosen = Linter(Settings(plugins=False, families={"scorer": {"families": ["claims", "tone"]}}))
    assert "TON090" in {f.rule_id for f in chosen.lint_text(prices).findings}


@pytest.mark.parametrize("table", [{"enabled": "no"}, {"enable": False}, {"families": "claims"},
                                   {"families": ["claim"]}])
def test_bad_switch_is_a_configuration_error(table):
    with pytest.raises(ConfigError):
        Linter(Settings(plugins=False, model="none", families={"scorer": table}))


def test_no_model_mode_has_no_opinion(no_model_linter):
    assert not SCORER_IDS & {f.rule_id for f in no_model_linter.lint_text(CLAIM).findings}


def test_a_bare_link_has_no_opinion(linter):
    assert not SCORER_IDS & {f.rule_id for f in linter.lint_text("https://example.org/x @someone").findings}


def test_weights_load_lazily_and_never_touch_the_network(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network disabled in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    load_scorer.cache_clear()
    linter = Linter(Settings(plugins=False))
    assert load_scorer.cache_info().currsize == 0  # building a linter reads no weights
    assert "CLM090" in {f.rule_id for f in linter.lint_text(CLAIM).findings}
    assert load_scorer.cache_info().currsize >= 1
    assert attempts == []


def test_features_point_into_the_post(linter):
    analysis = _analysis(linter, CLAIM)
    found = features(analysis)
    assert len({f.name for f in found}) == len(found)
    assert all(f.at is None or 0 <= f.at < len(CLAIM) for f in found)


@dataclasses.dataclass(frozen=True)
class _Fixed:
    meta: RuleMeta
    severity: Severity | None = None
    defers_to: tuple[str, ...] = ()

    def check(self, analysis):
        yield Hit(0, 3, severity=self.severity)


def _meta(rule_id: str, severity: Severity) -> RuleMeta:
    return RuleMeta(rule_id, rule_id.lower(), "claim", severity, "m", "c")


class _Plugin:
    def __init__(self, rules):
        self._rules = rules

    @hookimpl
    def hclint_rules(self, settings):
        return self._rules


def _ids(*rules, select=("XYZ",)) -> set[str]:
    linter = Linter(Settings(plugins=False, model="none", select=select), extra_plugins=[_Plugin(list(rules))])
    return {f.rule_id for f in linter.lint_text("Our tea helps.").findings}


def test_engine_defers_to_switched_off_rules_too():
    opinion = _Fixed(_meta("XYZ090", Severity.WARNING), defers_to=("XYZ",))
    assert _ids(opinion, _Fixed(_meta("XYZ001", Severity.ERROR)), select=("XYZ090",)) == set()


def test_engine_defers_only_to_warnings_and_above():
    opinion = _Fixed(_meta("XYZ090", Severity.WARNING), defers_to=("XYZ",))
    assert _ids(opinion, _Fixed(_meta("XYZ001", Severity.ERROR))) == {"XYZ001"}
    assert _ids(opinion, _Fixed(_meta("XYZ001", Severity.INFO))) == {"XYZ001", "XYZ090"}
    assert _ids(opinion, _Fixed(_meta("ABC001", Severity.ERROR)), select=("XYZ", "ABC")) == {"ABC001", "XYZ090"}
