"""What the wheel ships and how the command starts: ``py.typed``, ``python -m hcsocial_lint``."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from .conftest import REPO, hclint_executable

CURE = "Our IV drip cures migraines.\n"


def test_wheel_ships_the_py_typed_marker(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(tmp_path), str(REPO)], check=True, capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("hcsocial_lint-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "hcsocial_lint/py.typed" in names
    assert "hcsocial_lint/__main__.py" in names


def test_python_dash_m_works_like_hclint(tmp_path):
    (tmp_path / "post.txt").write_text(CURE, encoding="utf-8")
    args = ["--model", "none", "--no-plugins", "--format", "json", "post.txt"]
    as_module = subprocess.run([sys.executable, "-m", "hcsocial_lint", *args], cwd=tmp_path,
                               capture_output=True, text=True, timeout=300)
    as_script = subprocess.run([hclint_executable(), *args], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert as_module.returncode == as_script.returncode == 1
    assert as_module.stdout == as_script.stdout and '"CLM001"' in as_module.stdout
    usage = subprocess.run([sys.executable, "-m", "hcsocial_lint", "rulez"], capture_output=True, text=True, timeout=300)
    assert usage.returncode == 2 and "Usage: hclint" in usage.stderr


def test_version_and_help_do_not_import_the_nlp_stack():
    """`hclint --version`, `--help` and `import hcsocial_lint` never load spaCy or Presidio (issue #11)."""
    import subprocess
    import sys

    probe = ("import sys, hcsocial_lint, hcsocial_lint.cli; "
             "heavy = sorted(m for m in ('spacy', 'presidio_analyzer', 'thinc') if m in sys.modules); "
             "print(','.join(heavy))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
    from click.testing import CliRunner

    from hcsocial_lint import Linter
    from hcsocial_lint.cli import main
    from hcsocial_lint.linter import Linter as Imported

    assert Linter is Imported  # the lazy attribute is the class
    from hcsocial_lint import __version__

    assert __version__ in CliRunner().invoke(main, ["--version"]).output
