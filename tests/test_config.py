"""Configuration files: keys, types, discovery and the one-line errors users see."""

from __future__ import annotations

from pathlib import Path

import pytest

from hcsocial_lint.config import ConfigError, Severity, find_config_file, settings_for_path, settings_from_table


def test_known_keys_and_spelling_variants():
    settings = settings_from_table({"fail_on": "warning", "text-field": "body", "select": "phi",
                                    "tone": {"nominal-item-value": 10}, "organisation": {"public-figures": ["A B"]}})
    assert settings.fail_on is Severity.WARNING and settings.text_field == "body" and settings.select == ("phi",)
    assert settings.family_options("tone") == {"nominal_item_value": 10}
    assert settings.organisation["public_figures"] == ["A B"]
    assert settings_from_table({"max_post_chars": 5000}).max_post_chars == 5000


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ({"colour": "red"}, "unknown key 'colour'"),
        ({"mask": "yes"}, "'mask' must be true or false"),
        ({"fail-on": "dire"}, "unknown severity"),
        ({"kind": "tweet"}, "'kind' must be one of"),
        ({"max-file-bytes": -1}, "positive whole number"),
        ({"max-post-chars": 0}, "'max-post-chars' must be a positive whole number"),
        ({"severity": {"CLM": "loud"}}, "severity.CLM"),
    ],
)
def test_bad_values_name_the_file_and_key(table, expected):
    with pytest.raises(ConfigError) as error:
        settings_from_table(table, source="team/.hclint.toml")
    assert "team/.hclint.toml" in str(error.value) and expected in str(error.value)


def test_nearest_config_wins_and_pyproject_without_table_is_skipped(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[tool.hclint]\nselect = ["claim"]\n')
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    (tmp_path / "a" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config_file(inner.resolve()) == (tmp_path / "pyproject.toml").resolve()
    (inner / ".hclint.toml").write_text('select = ["phi"]\n')
    find_config_file.cache_clear()
    assert settings_for_path(inner / "post.md").select == ("phi",)


def test_every_error_of_a_table_is_reported_at_once_with_a_hint():
    with pytest.raises(ConfigError) as error:
        settings_from_table({"fail-onn": "error", "mask": "yes", "selct": ["phi"]}, source="team/.hclint.toml")
    lines = error.value.errors
    assert len(lines) == 3 and all(line.startswith("team/.hclint.toml: ") for line in lines)
    assert "unknown key 'fail-onn' in [tool.hclint] (did you mean 'fail-on'?)" in lines[0]
    assert "'mask' must be true or false" in lines[1]
    assert "(did you mean 'select'?)" in lines[2]


def _linter_errors(table: dict) -> tuple[str, ...]:
    from hcsocial_lint import Linter

    with pytest.raises(ConfigError) as error:
        Linter(settings_from_table({"plugins": False, "model": "none", **table}, source="team/.hclint.toml"))
    return error.value.errors


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ({"organisation": {"staf": ["Maria Chen"]}}, "unknown key 'staf' in [tool.hclint.organisation] (did you mean 'staff'?)"),
        ({"organization": {"public-figure": ["A B"]}}, "unknown key 'public_figure' in [tool.hclint.organisation] (did you mean 'public_figures'?)"),
        ({"tone": {"nominal_item_valu": 5}}, "unknown key 'nominal_item_valu' in [tool.hclint.tone] (did you mean 'nominal_item_value'?)"),
        ({"phy": {"min_score": 0.5}}, "unknown table [tool.hclint.phy] (did you mean 'phi'?)"),
        ({"per-file-ignore": {"a/*": ["claim"]}}, "unknown table [tool.hclint.per_file_ignore] (did you mean 'per-file-ignores'?)"),
        ({"select": ["clam"]}, "unknown rule selector 'clam'"),
    ],
)
def test_every_table_rejects_unknown_keys(table, expected):
    errors = _linter_errors(table)
    assert len(errors) == 1 and expected in errors[0] and errors[0].startswith("team/.hclint.toml: ")


def test_errors_in_several_tables_come_together():
    errors = _linter_errors({"organisation": {"staf": []}, "endorsement": {"window": 3}, "ignore": ["TNO"]})
    assert len(errors) == 3


def test_a_plugin_declares_its_own_option_table():
    from hcsocial_lint import Linter, hookimpl

    class Plugin:
        @hookimpl
        def hclint_option_tables(self):
            return {"acme": ["banned_words"]}

    ok = settings_from_table({"plugins": False, "model": "none", "acme": {"banned-words": ["x"]}})
    assert Linter(ok, extra_plugins=[Plugin()]).settings.family_options("acme") == {"banned_words": ["x"]}
    bad = settings_from_table({"plugins": False, "model": "none", "acme": {"banned_word": ["x"]}})
    with pytest.raises(ConfigError, match="did you mean 'banned_words'"):
        Linter(bad, extra_plugins=[Plugin()])
