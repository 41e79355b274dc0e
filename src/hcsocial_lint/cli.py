"""The ``hclint`` command: a thin click layer over :class:`hcsocial_lint.Linter`.

Exit codes: 0 nothing at or above ``fail-on``; 1 findings at or above ``fail-on``, or an
input that could not be linted; 2 usage or configuration error (bad option, malformed
configuration, unknown rule selector, broken rule pack or plug-in, model not loadable).
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .config import MODEL_AUTO, POST_KINDS, ConfigError, Settings, load_config_file, settings_for_path
from .docs import rule_doc, rules_table
from .model import Problem, Report, Severity
from .plugins.contracts import PluginFailure
from .reporting import ReportOptions, mask_default, mask_free_text, render
from .selection import SelectorError
from .sources.errors import InputError

if TYPE_CHECKING:
    from .cache import ResultCache
    from .linter import Linter

# The linter (spaCy, Presidio) is imported by the commands that lint, never at module level:
# `hclint --version` and `hclint --help` stay fast.

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
CONFIG_PROBLEMS = {"E-CONFIG", "E-PACK", "E-PLUGIN"}
SEVERITIES = [s.value for s in Severity]


class _LintByDefault(click.Group):
    """``hclint PATH...`` means ``hclint check PATH...``; ``rules`` and ``rule`` are subcommands.

    A first argument that is no subcommand is a path, unless nothing exists there and it
    reads as a command word (letters, digits, hyphens; no dot or slash): ``hclint rulez``
    is a mistyped subcommand, a usage error, not "no such file". A missing file of such a
    name is still reachable as ``hclint check NAME`` or ``hclint ./NAME``.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and _looks_like_command(args[0], self.commands):
            close = difflib.get_close_matches(args[0], sorted(self.commands), n=2)
            hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
            raise click.UsageError(
                f"No such command '{args[0]}'.{hint} (To lint a file of that name: hclint check {args[0]})", ctx)
        if not args or (args[0] not in self.commands and args[0] not in {"--help", "-h", "--version"}):
            args = ["check", *args]
        return super().parse_args(ctx, args)


_COMMAND_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]*")


def _looks_like_command(arg: str, commands: Mapping[str, click.Command]) -> bool:
    return arg not in commands and _COMMAND_WORD.fullmatch(arg) is not None and not os.path.lexists(arg)


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _severity_overrides(values: Sequence[str]) -> dict[str, Severity]:
    overrides = {}
    for value in values:
        selector, sep, level = value.partition("=")
        if not sep:
            raise click.BadParameter(f"{value!r} is not SELECTOR=LEVEL", param_hint="--severity")
        try:
            overrides[selector.strip()] = Severity.parse(level)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--severity") from None
    return overrides


def _fail(message: str) -> None:
    for line in message.splitlines() or [message]:
        click.echo(f"hclint: error: {line}", err=True)
    sys.exit(EXIT_USAGE)


@click.group(cls=_LintByDefault, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hclint")
def main() -> None:
    """HIPAA-aware compliance linter for healthcare social-media drafts.

    Run `hclint PATH...` (same as `hclint check PATH...`), `hclint rules`, `hclint rule ID`,
    `hclint serve` (the page and the HTTP API).
    """


@main.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "output_format", default="text", show_default=True,
              help="Output format: text, json, sarif, github (plug-ins may add more).")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, writable=True), help="Write the report to a file.")
@click.option("--mask/--no-mask", default=None,
              help="Replace matched text with its category in the output. Default: off for text and json, on for sarif and github.")
@click.option("--select", multiple=True, help="Rules to run: ids, prefixes, names or families (comma-separated).")
@click.option("--ignore", multiple=True, help="Rules to skip: ids, prefixes, names or families (comma-separated).")
@click.option("--extend-select", multiple=True, help="Add to the configured selection.")
@click.option("--extend-ignore", multiple=True, help="Add to the configured ignores.")
@click.option("--severity", "severity_overrides", multiple=True, metavar="SELECTOR=LEVEL",
              help="Override a rule's severity, e.g. --severity TON=info.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None, help="Lowest severity that makes the exit code 1 [default: error].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported (problems still exit non-zero).")
@click.option("--kind", type=click.Choice(POST_KINDS), default=None, help="What the drafts are, e.g. review-reply.")
@click.option("--platform", default=None, help="Where the drafts will be posted (informational; rules may use it).")
@click.option("--text-field", default=None, help="Field holding the post in JSON/JSONL/CSV exports [default: text].")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place; with '-', print the fixed draft on stdout "
              "(with --rewrites, the post-level rewrite).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply fixes that may change meaning.")
@click.option("--diff", is_flag=True,
              help="Show the fixes as a unified diff and write nothing (on stdout for --format text, else on stderr).")
@click.option("--rewrites/--no-rewrites", default=False, show_default=True,
              help="Suggest one rewrite of each whole post with an error (or say that none is honest), "
                   "in every output format.")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Use this configuration file for every input instead of discovering one per file.")
@click.option("--model", default=None, help="spaCy model: auto (default), none, or a package name such as en_core_web_lg.")
@click.option("--no-plugins", is_flag=True, help="Do not load third-party plug-ins (also HCLINT_NO_PLUGINS=1).")
@click.option("--exclude", multiple=True, help="Glob of files or folders to skip (repeatable); adds to the configured 'exclude'.")
@click.option("--respect-gitignore/--no-respect-gitignore", default=None,
              help="Skip files that .gitignore files ignore when walking folders [default: on].")
@click.option("--stdin-filename", default=None, help="Name to report for input read from stdin ('-').")
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where results are cached [default: .hclint_cache, or HCLINT_CACHE_DIR].")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes that lint in parallel [default: every core for inputs over 256 KB, else 1].")
@click.option("--color/--no-color", default=None,
              help="Colour the text output [default: on a terminal, unless NO_COLOR is set].")
def check(paths: tuple[str, ...], output_format: str, output_file: str | None, mask: bool | None, select, ignore,
          extend_select, extend_ignore, severity_overrides, fail_on, exit_zero, kind, platform, text_field, fix,
          unsafe_fixes, diff, rewrites, config_file, model, no_plugins, exclude, respect_gitignore, stdin_filename, no_cache, cache_dir, jobs, color) -> None:
    """Lint drafts: files, folders, or '-' for standard input."""
    if not paths:
        paths = (".",)
    overrides: dict[str, Any] = {
        "select": _split(select) or None,
        "ignore": _split(ignore) or None,
        "extend_select": _split(extend_select),
        "extend_ignore": _split(extend_ignore),
        "fail_on": Severity.parse(fail_on) if fail_on else None,
        "mask": mask,
        "model": model,
        "kind": kind,
        "platform": platform,
        "text_field": text_field,
        "plugins": False if no_plugins else None,
        "respect_gitignore": respect_gitignore,
    }
    from .cache import ResultCache
    from .linter import Linter
    from .nlp.models import ModelError

    try:
        cli_severity = _severity_overrides(severity_overrides)
        base = load_config_file(config_file.resolve()) if config_file else settings_for_path(Path.cwd())
        if cli_severity:
            overrides["severity"] = {**base.severity, **cli_severity}
        # With the cache on, the model is loaded only if some file is not found in it.
        linter = Linter(base, overrides=overrides, discover_config=config_file is None, defer_model=not no_cache)
    except (ConfigError, SelectorError, ModelError, click.BadParameter) as exc:
        _fail(str(exc) if not isinstance(exc, click.BadParameter) else exc.format_message())
        return
    formatters = linter.formatters  # built-in and plug-in formats, checked at the plug-in boundary
    if output_format not in formatters:
        _fail(f"unknown --format {output_format!r} (known: {', '.join(sorted(formatters))})")

    cache = None if no_cache else ResultCache.for_linter(linter, cache_dir)
    try:
        run = _run(linter, paths, kind, exclude, stdin_filename, fix, unsafe_fixes, diff, jobs, cache, rewrites)
    except ModelError as exc:
        _fail(str(exc))
        return
    report = run.report
    settings = linter.settings
    use_mask = settings.mask if settings.mask is not None else mask_default(output_format)
    # With `- --fix` standard output carries the fixed draft, so the report goes to stderr.
    report_to_stderr = run.fixed_stdin is not None and not output_file
    if color is None:
        stream = sys.stderr if report_to_stderr else sys.stdout
        color = output_file is None and stream.isatty() and not os.environ.get("NO_COLOR")
    options = ReportOptions(mask=use_mask, color=color and output_format == "text", tool_version=__version__,
                            rules={m.id: m for m in linter.rule_metas}, base_dir=str(Path.cwd()),
                            sources=report.sources)
    if run.diffs:
        diffs = "".join(run.diffs)
        # Only the text format shares stdout with the diff; a structured report keeps stdout to itself.
        click.echo(mask_free_text(diffs, report) if use_mask else diffs, nl=False, err=output_format != "text")
    if run.fixed_stdin is not None:
        click.echo(run.fixed_stdin, nl=False)
    try:
        rendered = render(report, output_format, options, extra=formatters)
    except PluginFailure as exc:
        # The findings must not be lost to a broken formatter: report it, then use the text format.
        click.echo(f"hclint: error: {exc}; the report follows in the text format", err=True)
        rendered = render(report, "text", replace(options, color=False))
        report = replace(report, problems=(*report.problems, Problem("<plugins>", str(exc), "E-PLUGIN")))
    if output_file:
        Path(output_file).write_text(rendered, encoding="utf-8")
    elif rendered:
        click.echo(rendered, nl=not rendered.endswith("\n"), err=report_to_stderr)
    sys.exit(exit_code(report, settings.fail_on, exit_zero))


@dataclass(frozen=True)
class _Run:
    """What a check run produced: the report, diffs to show, and the fixed stdin draft (``- --fix``)."""

    report: Report
    diffs: tuple[str, ...] = ()
    fixed_stdin: str | None = None


def _run(linter: Linter, paths: Sequence[str], kind: str | None, exclude: Sequence[str], stdin_filename: str | None,
         fix: bool, unsafe_fixes: bool, diff: bool, jobs: int | None = None,
         cache: ResultCache | None = None, rewrites: bool = False) -> _Run:
    stdin_report: Report | None = None
    drafts: dict[str, tuple[str, bool]] = {}
    missing: list[Problem] = []
    diffs: list[str] = []
    fixed_stdin: str | None = None
    fixed = 0
    if "-" in paths:
        text = sys.stdin.read()
        name = stdin_filename or "-"
        markdown = name.endswith((".md", ".markdown")) or text.startswith("---\n")
        rewrite = linter.rewrite(text, kind=kind, path=name, markdown=markdown) if rewrites and fix and not diff else None
        if rewrite is not None and rewrite.status == "rewritten":
            text, fixed_stdin, fixed = rewrite.text, rewrite.text, fixed + len(rewrite.rules)
        elif fix or diff:
            text, applied, problems = _fix_stdin(linter, text, name, kind, markdown, unsafe_fixes, diff, diffs)
            missing.extend(problems)
            if not diff:
                fixed_stdin = text
                fixed += applied
        stdin_report = linter.lint_text(text, kind=kind, path=name, markdown=markdown)
        drafts[name] = (text, markdown)
    from .discovery import discover

    found = discover([p for p in paths if p != "-"], tuple(exclude), settings_for=lambda p: linter.settings_for(str(p)))
    file_paths = [str(p) for p in found.files]
    missing.extend(found.problems)
    if fix or diff:
        for path in file_paths:
            from .fixing import fix_file

            outcome = fix_file(linter, Path(path), unsafe=unsafe_fixes, write=fix and not diff, kind=kind)
            fixed += outcome.applied if not diff else 0
            if diff and outcome.diff:
                diffs.append(outcome.diff)
            missing.extend(outcome.problems)
    from .progress import RunProgress

    with RunProgress(len(file_paths)) as shown:
        report = linter.lint_many(file_paths, kind=kind, jobs=jobs, cache=cache, progress=shown.update)
    findings = report.findings + (stdin_report.findings if stdin_report else ())
    problems = tuple(missing) + report.problems + (stdin_report.problems if stdin_report else ())
    post_rewrites = ()
    if rewrites:  # from the posts' text, after linting: right with --jobs and with cached (masked) results
        from .rewriting.collect import rewrites_for_report

        post_rewrites = rewrites_for_report(linter, Report(findings), kind, drafts)
    return _Run(
        Report(findings, _unique(problems), files_checked=report.files_checked + (1 if stdin_report else 0),
               posts_checked=report.posts_checked + (stdin_report.posts_checked if stdin_report else 0),
               fixed=fixed, notices=linter.notices,
               sources={**report.sources, **(stdin_report.sources if stdin_report else {})},
               post_metrics=report.post_metrics + (stdin_report.post_metrics if stdin_report else ()),
               rewrites=post_rewrites),
        tuple(diffs), fixed_stdin)


def _fix_stdin(linter: Linter, text: str, name: str, kind: str | None, markdown: bool, unsafe: bool, diff: bool,
               diffs: list[str]) -> tuple[str, int, tuple[Problem, ...]]:
    """Fix the stdin draft: (the text to report on, fixes applied, problems). ``--diff`` only records the diff."""
    try:
        outcome = linter.fix_text(text, unsafe=unsafe, kind=kind, path=name, markdown=markdown)
    except ConfigError as exc:
        return text, 0, tuple(Problem(name, line, "E-CONFIG") for line in exc.errors)
    except InputError as exc:
        return text, 0, (Problem(name, str(exc), "E-FIX"),)
    except ValueError as exc:  # a rule proposed overlapping or out-of-range edits
        return text, 0, (Problem(name, f"fixes not applied: {exc}", "E-FIX"),)
    from .fixing import refusal_problems

    problems = refusal_problems(name, outcome)
    if diff:
        from .fixes import unified_diff

        diffs.append(unified_diff(name, text, outcome.text))
        return text, 0, problems
    return outcome.text, len(outcome.applied), problems


def _unique(problems: Sequence[Problem]) -> tuple[Problem, ...]:
    seen, kept = set(), []
    for problem in problems:
        key = (problem.path, problem.message)
        if key not in seen:
            seen.add(key)
            kept.append(problem)
    return tuple(kept)


def exit_code(report: Report, fail_on: Severity, exit_zero: bool = False) -> int:
    if any(p.code in CONFIG_PROBLEMS for p in report.problems):
        return EXIT_USAGE
    if report.problems:
        return EXIT_FINDINGS
    if not exit_zero and any(f.severity >= fail_on for f in report.findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _linter_for_listing(no_plugins: bool, model: str) -> Linter:
    from .linter import Linter
    from .nlp.models import ModelError

    try:
        # Rule metadata only: no model, no Presidio (`hclint rules` stays fast).
        return Linter(settings_for_path(Path.cwd()), overrides={"plugins": False if no_plugins else None, "model": model},
                      defer_model=True)
    except (ConfigError, SelectorError, ModelError) as exc:
        _fail(str(exc))
        raise


@main.command("rules")
@click.option("--family", default=None, help="Only rules of this family (phi, claim, tone, endorsement, ...).")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@click.option("--no-plugins", is_flag=True, help="List only the built-in rules.")
def list_rules(family: str | None, output_format: str, no_plugins: bool) -> None:
    """List every rule: id, name, family, severity, fixable, source."""
    linter = _linter_for_listing(no_plugins, "none")
    metas = [m for m in linter.rule_metas if family is None or m.family == family]
    click.echo(rules_table(metas, output_format), nl=False)
    for problem in linter.setup_problems:
        click.echo(f"hclint: warning: {problem}", err=True)


@main.command("rule")
@click.argument("rule_id")
@click.option("--no-plugins", is_flag=True)
def show_rule(rule_id: str, no_plugins: bool) -> None:
    """Print a rule's documentation: what it checks, why, examples, fix safety."""
    linter = _linter_for_listing(no_plugins, "none")
    meta = linter.rule(rule_id)
    if meta is None:
        _fail(f"unknown rule {rule_id!r}; see `hclint rules`")
        return
    click.echo(rule_doc(meta), nl=False)


@main.command("audit")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=str))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Findings table to write: a .parquet or .jsonl file.")
@click.option("--scheduler", default=None, help="Address of a running Dask scheduler [default: a local cluster].")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Worker processes of the local cluster.")
@click.option("--text-field", default="text", show_default=True, help="Field holding the post.")
@click.option("--id-field", default=None, help="Field holding the post's own id, copied to each finding.")
@click.option("--mask/--no-mask", default=True, show_default=True, help="Hide matched text in the table.")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Configuration file [default: the one found from the current folder].")
def audit_command(paths: tuple[str, ...], output: Path, scheduler: str | None, workers: int, text_field: str,
                  id_field: str | None, mask: bool, config_file: Path | None) -> None:
    """Lint JSONL archives on a Dask cluster (the 'dask' extra) into a table of findings."""
    try:
        from .dask import audit
    except ImportError as exc:
        _fail(str(exc))
        return
    try:
        settings = load_config_file(config_file.resolve()) if config_file else settings_for_path(Path.cwd())
        written = audit(list(paths), output, settings=settings, scheduler=scheduler, workers=workers,
                        text_field=text_field, id_field=id_field, mask=mask)
    except (ConfigError, ValueError) as exc:
        _fail(str(exc))
        return
    click.echo(f"hclint audit: {written} rows written to {output}", err=True)


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but loopback needs --token.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", envvar="HCLINT_SERVE_TOKEN", default=None,
              help="Bearer token the API requires (also HCLINT_SERVE_TOKEN); required off loopback.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes, each with its own model; linting is serialised within a worker.")
@click.option("--max-request-bytes", default=10 * 1024 * 1024, show_default=True, type=click.IntRange(1024),
              help="Largest request body (a draft, a batch or a dropped file).")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Configuration file (organisation facts, rules); default: found from the current folder.")
@click.option("--model", default=None, help="spaCy model: auto (default), none, or a package name.")
@click.option("--no-plugins", is_flag=True, help="Do not load third-party plug-ins.")
def serve_command(host: str, port: int, token: str | None, workers: int, max_request_bytes: int,
                  config_file: Path | None, model: str | None, no_plugins: bool) -> None:
    """Serve the page for writers and the HTTP API (needs the serve extra)."""
    from .serve import INSTALL_HINT, missing_extra

    if missing_extra():
        _fail(INSTALL_HINT)
    from .nlp.models import ModelError
    from .serve.runner import ServeError, serve

    options = {"config": str(config_file.resolve()) if config_file else None, "model": model,
               "no_plugins": no_plugins, "max_request_bytes": max_request_bytes}
    try:
        serve(host=host, port=port, workers=workers, token=token or None, options=options)
    except (ServeError, ConfigError, SelectorError, ModelError) as exc:
        _fail(str(exc))


if __name__ == "__main__":  # pragma: no cover
    main()
