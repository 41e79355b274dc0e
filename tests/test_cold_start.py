"""Commands that need no parse import no NLP stack (issue #11, cold start and cache).

`hclint --version`, `--help`, `rules` and `rule ID` read rule metadata only, and a re-run whose
files are all in the result cache loads no model: none of them may import spaCy or Presidio.
Each runs in a fresh interpreter, which then reports which of those modules it imported. This
checks what is imported, not how long it takes (timings are in benchmarks/scale.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("spacy", "thinc", "presidio_analyzer", "presidio_anonymizer", "tldextract")
SRC = Path(__file__).resolve().parents[1] / "src"

# Run the command line in this interpreter, then write which heavy modules it imported to argv[1].
_WRAPPER = """
import json, sys
from hcsocial_lint.cli import main
report, args = sys.argv[1], sys.argv[2:]
try:
    main(args, prog_name="hclint")
except SystemExit as exc:
    code = exc.code
else:
    code = 0
with open(report, "w", encoding="utf-8") as out:
    json.dump({"code": code, "imported": sorted(m for m in %r if m in sys.modules)}, out)
""" % (HEAVY,)


def _hclint(tmp_path: Path, *args: str) -> tuple[dict, str]:
    """Run ``hclint ARGS`` in a new interpreter: (its exit code and heavy imports, its stdout)."""
    report = tmp_path / "imports.json"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-c", _WRAPPER, str(report), *args], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=300)
    assert report.exists(), done.stderr[-2000:]
    return json.loads(report.read_text(encoding="utf-8")), done.stdout


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("rules",), ("rules", "--no-plugins"),
                                  ("rule", "PHI001"), ("rules", "--format", "json")])
def test_listing_commands_import_no_nlp_stack(tmp_path, args):
    outcome, output = _hclint(tmp_path, *args)
    assert outcome["code"] in (0, None)
    assert output.strip()
    assert outcome["imported"] == []


def test_a_fully_cached_rerun_imports_no_nlp_stack_and_reports_the_same(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "story.txt").write_text("Get well soon, Marisol! Her chemo at our Eastside clinic went well.\n",
                                      encoding="utf-8")
    (drafts / "claim.md").write_text("Our elderberry syrup cures the flu in two days.\n", encoding="utf-8")
    (drafts / "clean.txt").write_text("Join us for the community walk on Saturday morning.\n", encoding="utf-8")
    args = ("check", "drafts", "--no-plugins", "--format", "json", "--cache-dir", str(tmp_path / "cache"))
    first, first_output = _hclint(tmp_path, *args)
    assert first["code"] == 1
    assert "spacy" in first["imported"]  # the first run parsed the drafts: the wrapper sees real imports
    again, again_output = _hclint(tmp_path, *args)
    assert again["code"] == 1
    assert again_output == first_output
    assert again["imported"] == []
    # A changed draft is linted again, so the stack is loaded for it.
    (drafts / "clean.txt").write_text("Join us for the community walk on Sunday morning.\n", encoding="utf-8")
    changed, _ = _hclint(tmp_path, *args)
    assert "spacy" in changed["imported"] and "presidio_analyzer" in changed["imported"]
