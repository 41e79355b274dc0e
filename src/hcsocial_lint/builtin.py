"""The built-in plug-in: hclint's own rules, packs, checks, recognizers and formats are
registered through the same hooks as any third-party plug-in."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .plugins.hookspecs import hookimpl
from .reporting import FORMATTERS
from .rules import claims, endorsement, phi, second_opinion, tone
from .rules.checks import CHECK_TYPES


def bundled_packs() -> Path:
    """The ``rules/`` folder: inside the installed wheel, or at the top of a source checkout."""
    installed = resources.files(__package__).joinpath("packs")
    if installed.is_dir():
        return Path(str(installed))
    return Path(__file__).resolve().parents[2] / "rules"


FAMILIES = (phi, claims, tone, endorsement, second_opinion)


@hookimpl
def hclint_rules(settings):
    return [rule for family in FAMILIES for rule in family.rules(settings)]


@hookimpl
def hclint_rule_packs():
    return [bundled_packs()]


@hookimpl
def hclint_check_types():
    return dict(CHECK_TYPES)


@hookimpl
def hclint_recognizers(settings):
    return [recognizer for family in FAMILIES for recognizer in family.new_recognizers(settings)]


@hookimpl
def hclint_option_tables():
    from .rules.claims.common import KNOWN_OPTIONS as claim_keys
    from .rules.endorsement.options import KNOWN_KEYS as endorsement_keys
    from .rules.phi.options import KNOWN_KEYS as phi_keys
    from .rules.phi.people import ORGANISATION_KEYS
    from .rules.tone.options import KNOWN_KEYS as tone_keys

    # The organisation table holds the PHI facts (staff, facilities, ...), the declared kind and country.
    return {"organisation": (*ORGANISATION_KEYS, "kind", "country"), "phi": sorted(phi_keys), "claim": claim_keys,
            "tone": tone_keys, "endorsement": endorsement_keys, second_opinion.TABLE: second_opinion.KNOWN_KEYS}


@hookimpl
def hclint_validate_settings(settings):
    from .org_kind import parse_country, parse_kind
    from .rules.claims.common import parse_options as claim_options
    from .rules.endorsement.options import endorsement_options
    from .rules.phi.options import options_from as phi_options
    from .rules.phi.people import Organisation
    from .rules.tone.options import tone_options

    Organisation.from_settings(settings.organisation)
    parse_kind(settings.organisation)
    parse_country(settings.organisation)
    phi_options(settings.family_options("phi"))
    claim_options(settings.family_options("claim"))
    tone_options(settings)
    endorsement_options(settings)
    second_opinion.enabled_families(settings)


@hookimpl
def hclint_formatters():
    return dict(FORMATTERS)
