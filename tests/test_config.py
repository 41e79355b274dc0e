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
