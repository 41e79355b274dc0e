"""The engine: build once (plug-ins, rule packs, model), then lint many posts.

    from hcsocial_lint import Linter
    linter = Linter()
    report = linter.lint_text("Get well soon, Emma! Her chemo at our clinic went great.")

Every post is parsed once (``nlp.pipe`` in batches); the parse is shared by Presidio and
every rule. Findings are placed in their file, filtered by configuration and inline
suppressions, and sorted by position then rule id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .analysis import Analysis, Entity
from .config import ConfigError, Settings, apply_overrides, settings_for_path, unknown_option_keys
from .fixes import EditableRegion, FixOutcome, fix_until_stable
from .language import LanguageLayer
from .model import Finding, Hit, Post, PostMetrics, Problem, Report, RuleMeta, Severity, Suppression, TextRange
from .nlp.models import NO_MODEL, NO_MODEL_NOTICE, LoadedModel, check_model_installed, load_model, model_identity
from .parallel import Batch, effective_jobs, lint_batches
from .plugins.contracts import PluginFailure, check_hits, check_metrics, guard_recognizer, guarded_formatter
from .plugins.manager import BUILTIN_PLUGIN, PluginHost, create_host
from .rules.base import Rule, applies_to
from .reporting import Formatter
from .rules.packs import PackError, PatternTimeout, load_pack, pack_files
from .selection import SelectorError, is_enabled, severity_for, specificity, validate_selectors
from .sources import read_posts, read_text_post
from .sources.errors import InputError
from .sources.lines import LineIndex
from .windows import shift_hit, split_windows

if TYPE_CHECKING:
    from .cache import ResultCache
    from .rewriting import PostRewrite

# spaCy and Presidio are imported when the engine is loaded (``load_engine``), not with this module:
# listing the rules and a run served from the result cache need neither.

BATCH_SIZE = 64
# Characters parsed together at most: spaCy's memory grows with a batch's text (a 900 KB post of
# ordinary words peaked at 554 MB with 100,000-character batches, 314 MB with 25,000); 64 ordinary
# posts still fit in one batch.
BATCH_CHARS = 25_000
# Posts per batch handed to a worker process: small enough that every worker gets some.
PARALLEL_BATCH_POSTS = 64
UNUSED_SUPPRESSION = RuleMeta(
    id="HCL100",
    name="unused-suppression",
    family="meta",
    severity=Severity.WARNING,
    message="suppression comment suppressed nothing",
    citation="hclint convention (like ruff's RUF100): a stale suppression hides future findings",
    summary="Reports an inline hclint-disable comment that did not suppress any finding.",
    rationale="A suppression that matches nothing is either stale or misspelt; left in place it would silently hide a later, real finding.",
    fix_safety="No automatic fix: delete the comment by hand after checking it is stale.",
)


_RuleHits = dict[str, list[Hit]]  # rule id -> its hits on one post, in post offsets


@dataclass(frozen=True)
class _PostFindings:
    findings: tuple[Finding, ...]
    problems: tuple[Problem, ...]
    metrics: Mapping[str, float]


class Linter:
    """A configured linter. Building one loads plug-ins, rule packs and the spaCy model once."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        overrides: Mapping[str, Any] | None = None,
        discover_config: bool = False,
        extra_plugins: Sequence[Any] = (),
        defer_model: bool = False,
    ) -> None:
        """``defer_model`` loads the spaCy model and builds Presidio's analyzer on the first
        post that needs them (a run served from the result cache needs none); a model that is
        not installed is still an error here."""
        self.overrides = dict(overrides or {})
        self.discover_config = discover_config
        self.settings = apply_overrides(settings or Settings(), self.overrides)
        self.setup_problems: list[Problem] = []
        self.host: PluginHost = create_host(self.settings.plugins, tuple(extra_plugins))
        self.rules: dict[str, Rule] = {}
        self._origin: dict[str, str] = {}  # rule id -> who defined it, for clash messages
        self._pack_entry: dict[str, str] = {}  # rule id -> configured ``rule-packs`` entry it came from
        self._loaded_entries: set[str] = set()
        self._check_types: dict[str, Any] = {}
        self._collect_rules()
        self.option_tables: dict[str, frozenset[str]] = self._collect_option_tables()
        self.formatters: dict[str, Formatter] = self._collect_formatters()
        self._take_plugin_problems()
        errors = self._settings_errors(self.settings)
        self._take_plugin_problems()
        if errors:
            raise ConfigError(*errors)
        self._recognizer_failures: list[str] = []
        # Third-party recognizers now, so that a broken plug-in is reported on every run; the
        # built-in ones (Presidio subclasses) when the engine is loaded.
        self._plugin_recognizers = [guard_recognizer(r, outcome.plugin, self._recognizer_failures.append)
                                    for outcome in self.host.call("hclint_recognizers", settings=self.settings,
                                                                  exclude=BUILTIN_PLUGIN)
                                    for r in outcome.value]
        self._take_plugin_problems()
        self._model: LoadedModel | None = None
        self._lexicon_store: Path | None = None  # where compiled lexicons are kept: the result cache's folder
        if defer_model:
            check_model_installed(self.settings.model)
        else:
            self.load_engine()
        self._disabled_for_run: set[str] = set()
        # (settings, rules, the rules that run) per configuration, post kind and per-file ignores
        self._rule_choices: dict[tuple[int, str, tuple[str, ...]], tuple[Settings, dict[str, Rule], list[Rule]]] = {}
        # Rules and recognizers disabled during the run: reported by lint_many even when they
        # failed inside a pass whose problems nobody reads (the lint passes of --fix).
        self._failures: list[Problem] = []
        self._validated_configs: set[str] = set()

    def load_engine(self) -> None:
        """Load the spaCy model, build Presidio's analyzer on it and the language layer (once)."""
        if self._model is not None:
            return
        from .nlp.presidio_bridge import build_analyzer
        from .nlp.regex_budget import budget_recognizers

        model = load_model(self.settings.model)
        builtin = [r for outcome in self.host.call("hclint_recognizers", settings=self.settings, only=BUILTIN_PLUGIN)
                   for r in outcome.value]
        self._take_plugin_problems()
        self.analyzer, self.nlp_engine = build_analyzer(model.nlp, model.has_model, [*builtin, *self._plugin_recognizers])
        self._overruns = budget_recognizers(self.analyzer.registry.recognizers, self.settings.regex_timeout)
        self.language = LanguageLayer(model.nlp, model.has_model, store=self._lexicon_store)
        self._model = model

    @property
    def model(self) -> LoadedModel:
        self.load_engine()
        assert self._model is not None
        return self._model

    def model_identity(self) -> tuple[str, str]:
        """The model's package name and version, without loading it."""
        if self._model is not None:
            return self._model.name, self._model.version
        return model_identity(self.settings.model)

    def _take_plugin_problems(self) -> None:
        self.setup_problems.extend(Problem("<plugins>", m, "E-PLUGIN") for m in self.host.problems)
        self.host.problems.clear()

    # ------------------------------------------------------------------ rules

    def _add_rule(self, rule: Rule, origin: str, code: str, where: str) -> bool:
        """Register ``rule`` unless its id is taken; the first definition stays (the built-ins
        are registered first), the newcomer is refused by name, and nothing else is dropped."""
        rule_id = rule.meta.id
        if rule_id in self.rules:
            kept = self._origin[rule_id]
            self.setup_problems.append(Problem(where, f"rule id {rule_id} from {origin} clashes with {rule_id} from {kept}; "
                                                      f"the rule from {kept} is kept and this one refused "
                                                      "(give your rules an id prefix of your own)", code))
            return False
        self.rules[rule_id] = rule
        self._origin[rule_id] = origin
        return True

    def _load_packs(self, paths: Sequence[Path], probe: bool, entry: str | None = None) -> None:
        for path in pack_files(paths):
            try:
                loaded = load_pack(path, self._check_types, self.settings.regex_timeout, probe=probe)
            except PackError as exc:
                self.setup_problems.append(Problem(str(path), str(exc).removeprefix(f"{path}: "), "E-PACK"))
                continue
            for rule in loaded:
                if self._add_rule(rule, f"rule pack {path}", "E-PACK", str(path)) and entry is not None:
                    self._pack_entry[rule.meta.id] = entry

    def _collect_rules(self) -> None:
        """Built-in rules and packs first, then third-party plug-ins, then configured packs, so
        that a clash always refuses the newcomer and never knocks out a built-in pack."""
        for outcome in self.host.call("hclint_check_types"):
            for name, factory in outcome.value.items():
                if name in self._check_types:
                    self.host.problems.append(f"plug-in '{outcome.plugin}': check type {name!r} is already defined; refused")
                else:
                    self._check_types[name] = factory
        rule_outcomes = list(self.host.call("hclint_rules", settings=self.settings))
        pack_outcomes = list(self.host.call("hclint_rule_packs"))
        for builtin in (True, False):
            for outcome in rule_outcomes:
                if (outcome.plugin == BUILTIN_PLUGIN) == builtin:
                    for rule in outcome.value:
                        origin = "hclint's built-in rules" if builtin else f"plug-in '{outcome.plugin}'"
                        self._add_rule(rule, origin, "E-PLUGIN", "<plugins>")
            for outcome in pack_outcomes:
                if (outcome.plugin == BUILTIN_PLUGIN) == builtin:
                    # Shipped packs are probed by the test suite, not at every start-up.
                    self._load_packs([Path(p) for p in outcome.value], probe=not builtin)
        self._load_configured_packs(self.settings)

    def _load_configured_packs(self, settings: Settings) -> None:
        """The ``rule-packs`` of one configuration, once each; their rules run only on the
        files that configuration governs."""
        for entry in settings.extra_packs:
            if entry not in self._loaded_entries:
                self._loaded_entries.add(entry)
                self._load_packs([Path(entry)], probe=True, entry=entry)
        self.rules = dict(sorted(self.rules.items()))

    def _collect_option_tables(self) -> dict[str, frozenset[str]]:
        tables: dict[str, set[str]] = {}
        for outcome in self.host.call("hclint_option_tables"):
            for table, keys in outcome.value.items():
                tables.setdefault(table, set()).update(keys)
        return {table: frozenset(keys) for table, keys in tables.items()}

    def _collect_formatters(self) -> dict[str, Formatter]:
        formatters: dict[str, Formatter] = {}
        owners: dict[str, str] = {}
        for outcome in self.host.call("hclint_formatters"):
            for name, formatter in outcome.value.items():
                if name in formatters:
                    self.host.problems.append(f"plug-in '{outcome.plugin}': format {name!r} is already provided by "
                                              f"'{owners[name]}'; refused")
                    continue
                builtin = outcome.plugin == BUILTIN_PLUGIN
                formatters[name] = formatter if builtin else guarded_formatter(name, outcome.plugin, formatter)
                owners[name] = outcome.plugin
        return formatters

    def _settings_errors(self, settings: Settings) -> list[str]:
        """Every problem of one configuration at once: selectors that name no rule, option
        tables or keys no plug-in declared, and option values a plug-in rejects."""
        errors: list[str] = []
        where = f"{settings.config_path}: " if settings.config_path else ""
        selector_sets = (("select", settings.select), ("ignore", settings.ignore), ("severity", tuple(settings.severity)),
                         ("per-file-ignores", tuple(s for v in settings.per_file_ignores.values() for s in v)))
        for key, selectors in selector_sets:
            try:
                validate_selectors(selectors, self.rule_metas, f"{where}{key}")
            except SelectorError as exc:
                errors.extend(str(exc).splitlines())
        errors.extend(unknown_option_keys(settings, self.option_tables))
        if not errors:  # values are only worth checking in tables that exist
            errors.extend(f"{where}{message}" for message in self.host.validate_settings(settings))
        return errors

    @property
    def rule_metas(self) -> list[RuleMeta]:
        return [UNUSED_SUPPRESSION, *(rule.meta for rule in self.rules.values())]

    def rule(self, rule_id: str) -> RuleMeta | None:
        return next((m for m in self.rule_metas if m.id == rule_id or m.name == rule_id), None)

    @property
    def notices(self) -> tuple[str, ...]:
        return () if self.model_identity()[0] != NO_MODEL else (NO_MODEL_NOTICE,)

    # ------------------------------------------------------------------ settings

    def settings_for(self, path: str | None) -> Settings:
        """The settings for one input: its nearest configuration file, then the overrides; an
        input under no configuration file gets the run's own settings.

        A configuration found this way brings its ``rule-packs`` along (they apply to the
        files under it). Raises ConfigError, with every problem of the file, for a malformed
        file or one whose selectors or options name nothing."""
        if not self.discover_config or not path or path in {"-", "<text>"}:
            return self.settings
        settings = settings_for_path(Path(path), self.overrides)
        if settings.config_path is None:
            return self.settings
        if settings.config_path not in self._validated_configs:
            self._load_configured_packs(settings)
            errors = self._settings_errors(settings)
            self._take_plugin_problems()
            if errors:
                raise ConfigError(*errors)
            self._validated_configs.add(settings.config_path)
        return settings

    # ------------------------------------------------------------------ analysis

    def analyse(self, posts: Sequence[Post], settings: Sequence[Settings]) -> Iterator[Analysis]:
        """Parse posts in batches with ``nlp.pipe`` and run Presidio on each parse."""
        from .nlp.presidio_bridge import analyze_doc

        docs = self.model.nlp.pipe((p.text for p in posts), batch_size=BATCH_SIZE)
        for post, post_settings, doc in zip(posts, settings, docs):
            with self._overruns.running():
                results = analyze_doc(self.analyzer, self.nlp_engine, doc)
            entities = tuple(
                Entity(
                    entity_type=r.entity_type,
                    start=r.start,
                    end=r.end,
                    text=post.text[r.start:r.end],
                    score=round(float(r.score), 3),
                    recognizer=str((r.recognition_metadata or {}).get("recognizer_name", "")),
                    explanation=(r.analysis_explanation.textual_explanation or "") if r.analysis_explanation else "",
                )
                for r in sorted(results, key=lambda r: (r.start, r.end, r.entity_type))
            )
            yield Analysis(post, doc, entities, post_settings, self.model.has_model, language=self.language)

    def check(self, analysis: Analysis) -> _PostFindings:
        """Run every enabled rule on one analysed post and place its hits in the file."""
        hits, problems, metrics = self._rule_hits(analysis)
        return self._place(analysis.post, analysis.settings, hits, problems, metrics)

    def _rule_hits(self, analysis: Analysis, offset: int = 0) -> tuple[_RuleHits, list[Problem], dict[str, float]]:
        """Each enabled rule's hits on ``analysis`` (moved by ``offset`` when it is a window of a
        longer post), the rules that failed, and the rules' measurements."""
        post, settings = analysis.post, analysis.settings
        ignored_here = settings.ignores_for(post.path) if post.path not in {"-", "<text>"} else ()
        found: _RuleHits = {}
        problems: list[Problem] = []
        metrics: dict[str, float] = {}
        for rule in self._rules_for(settings, post.kind, ignored_here):
            meta = rule.meta
            if meta.id in self._disabled_for_run:
                continue
            if _silenced(rule, found, self.rules, settings):
                continue  # a second opinion on a post its family's rules already report
            try:
                with self._overruns.running():  # vocabulary and roster patterns take the same budget
                    hits = check_hits(rule.check(analysis), len(post.text))
                    measure = getattr(rule, "measure", None)
                    if callable(measure):
                        metrics.update(check_metrics(measure(analysis)))
            except PatternTimeout as exc:
                problems.append(Problem(post.path, f"{exc}", "E-RULE"))
                continue
            except Exception as exc:  # noqa: BLE001 - a plug-in rule may fail in any way
                self._disabled_for_run.add(meta.id)
                detail = str(exc) if isinstance(exc, PluginFailure) else f"failed: {type(exc).__name__}: {exc}"
                failure = Problem(post.path, f"rule {meta.id} ({self._origin.get(meta.id, meta.source)}) {detail}; "
                                             "rule disabled for the rest of the run", "E-RULE")
                problems.append(failure)
                self._failures.append(failure)
                continue
            if hits and getattr(rule, "defers_to", ()) and self._switched_off_rules_report(rule, analysis):
                continue
            found[meta.id] = [shift_hit(hit, offset) for hit in hits]
        where = f"record {post.record}: " if post.record is not None else ""
        for message in self._overruns.drain():  # patterns that ran out of time on this post (or window)
            problem = Problem(post.path, where + message, "E-RULE")
            if problem not in problems:
                problems.append(problem)
        return found, problems, metrics

    def _rules_for(self, settings: Settings, kind: str, ignored_here: tuple[str, ...]) -> list[Rule]:
        """The rules that run on a post of ``kind`` under ``settings``, chosen once per
        configuration rather than once per post."""
        key = (id(settings), kind, ignored_here)
        kept = self._rule_choices.get(key)
        if kept is not None and kept[0] is settings and kept[1] is self.rules:
            return kept[2]
        ignore = (*settings.ignore, *ignored_here)
        chosen = [rule for rule in _second_opinions_last(self.rules.values())
                  if applies_to(rule.meta, kind)
                  and self._pack_entry.get(rule.meta.id) in (None, *settings.extra_packs)  # a pack configured for these files
                  and is_enabled(rule.meta, settings.select, ignore)]
        if len(self._rule_choices) >= 256:
            self._rule_choices.clear()
        self._rule_choices[key] = (settings, self.rules, chosen)
        return chosen

    def _switched_off_rules_report(self, rule: Rule, analysis: Analysis) -> bool:
        """Whether a rule that ``rule`` defers to, but that the configuration switched off, reports on
        this post: ignoring CLM001 hides its finding; it does not hand the post to a second opinion.
        Run only when the second opinion has something to say, so it costs nothing on most posts."""
        settings, post = analysis.settings, analysis.post
        ignored_here = settings.ignores_for(post.path) if post.path not in {"-", "<text>"} else ()
        others: _RuleHits = {}
        for other in self.rules.values():
            meta = other.meta
            if (other is rule or getattr(other, "defers_to", ()) or not meta.id.startswith(tuple(rule.defers_to))
                    or meta.id in self._disabled_for_run or not applies_to(meta, post.kind)
                    or is_enabled(meta, settings.select, (*settings.ignore, *ignored_here))):
                continue
            try:
                others[meta.id] = list(check_hits(other.check(analysis), len(post.text)))
            except Exception:  # noqa: BLE001 - a rule that fails here is reported when it runs enabled
                continue
        return _silenced(rule, others, self.rules, settings)

    def _place(self, post: Post, settings: Settings, hits: _RuleHits, problems: list[Problem],
               metrics: Mapping[str, float]) -> _PostFindings:
        """Findings of one whole post from its rules' hits: positioned, suppressed, sorted."""
        ignored_here = settings.ignores_for(post.path) if post.path not in {"-", "<text>"} else ()
        index = LineIndex(post.original)
        findings: list[Finding] = []
        for rule_id, rule_hits in hits.items():
            if _silenced(self.rules[rule_id], hits, self.rules, settings):
                continue
            meta = self.rules[rule_id].meta
            severity = severity_for(meta, settings.severity)
            for hit in _dedupe(rule_hits):
                findings.append(self._finding(meta, hit, post, index, severity))
        findings, unused = _apply_suppressions(findings, post.suppressions, self.rule_metas)
        if is_enabled(UNUSED_SUPPRESSION, settings.select, (*settings.ignore, *ignored_here)):
            findings.extend(self._unused_suppression(s, post, index, settings) for s in unused)
        findings.sort(key=lambda f: f.sort_key)
        return _PostFindings(tuple(findings), tuple(problems), dict(metrics))

    def _checked_posts(self, posts: Sequence[Post], settings: Sequence[Settings]) -> Iterator[tuple[Post, _PostFindings]]:
        """Lint posts, each longer than ``max-post-chars`` in windows (see :mod:`.windows`).

        Windows are parsed in the same ``nlp.pipe`` batches as short posts; a post's hits are
        gathered over its windows and placed once, so suppressions and line numbers are those
        of the whole post. A measurement taken per window keeps its highest value.
        """
        units: list[tuple[int, int, Post]] = []  # (index of the post, window start, window as a post)
        for number, (post, post_settings) in enumerate(zip(posts, settings)):
            limit = min(post_settings.max_post_chars, self.model.nlp.max_length)
            for window in split_windows(post.text, limit):
                if window.start == 0 and window.end == len(post.text):
                    units.append((number, 0, post))
                else:
                    units.append((number, window.start, replace(
                        post, text=post.text[window.start:window.end],
                        original=post.original[window.start:window.end], suppressions=())))
        analyses = (analysis for batch in _batches(units, BATCH_CHARS)
                    for analysis in self.analyse([unit[2] for unit in batch], [settings[unit[0]] for unit in batch]))
        current = -1
        hits: _RuleHits = {}
        problems: list[Problem] = []
        metrics: dict[str, float] = {}
        for (number, offset, _), analysis in zip(units, analyses):
            if number != current:
                if current >= 0:
                    yield posts[current], self._place(posts[current], settings[current], hits, problems, metrics)
                current, hits, problems, metrics = number, {}, [], {}
            window_hits, window_problems, window_metrics = self._rule_hits(analysis, offset)
            for rule_id, rule_hits in window_hits.items():
                hits.setdefault(rule_id, []).extend(rule_hits)
            problems.extend(p for p in window_problems if p not in problems)
            for key, value in window_metrics.items():
                metrics[key] = max(value, metrics.get(key, value))
        if current >= 0:
            yield posts[current], self._place(posts[current], settings[current], hits, problems, metrics)

    def _finding(self, meta: RuleMeta, hit: Hit, post: Post, index: LineIndex, severity: Severity) -> Finding:
        line, column = index.position(hit.start)
        end_line, end_column = index.position(hit.end)
        hit_severity = hit.severity if hit.severity is not None else meta.severity
        # A configured override replaces the rule's own severity; a hit may escalate above it.
        if severity != meta.severity:
            hit_severity = severity
        return Finding(
            rule_id=meta.id,
            rule_name=meta.name,
            family=meta.family,
            severity=hit_severity,
            message=hit.message or meta.message,
            path=post.path,
            range=TextRange(hit.start, hit.end, line, column, end_line, end_column),
            matched_text=post.original[hit.start:hit.end],
            category=hit.category or meta.family.upper(),
            citation=meta.citation,
            record=post.record,
            url=meta.url,
            suggestions=hit.suggestions,
            evidence=hit.evidence,
            score=hit.score,
            metrics=hit.metrics,
        )

    def _unused_suppression(self, suppression: Suppression, post: Post, index: LineIndex, settings: Settings) -> Finding:
        offset = index.offset(suppression.comment_line, suppression.comment_column)
        hit = Hit(offset, offset, message=f"suppression for {', '.join(suppression.selectors) or 'all rules'} "
                                          "suppressed nothing; remove it", category="SUPPRESSION")
        return self._finding(UNUSED_SUPPRESSION, hit, post, index, severity_for(UNUSED_SUPPRESSION, settings.severity))

    # ------------------------------------------------------------------ public API

    def lint_posts(self, posts: Sequence[Post], settings: Sequence[Settings] | None = None) -> Report:
        """Lint already-read posts (e.g. from your own CMS export)."""
        post_settings = list(settings) if settings is not None else [self.settings_for(p.path) for p in posts]
        findings: list[Finding] = []
        problems: list[Problem] = []
        measured: list[PostMetrics] = []
        for post, result in self._checked_posts(list(posts), post_settings):
            findings.extend(result.findings)
            problems.extend(result.problems)
            failures = [Problem(post.path, m, "E-PLUGIN") for m in self._recognizer_failures]
            self._recognizer_failures.clear()
            problems.extend(failures)
            self._failures.extend(failures)
            if result.metrics:
                measured.append(PostMetrics(post.path, post.record, result.metrics))
        findings.sort(key=lambda f: f.sort_key)
        flagged = {(f.path, f.record) for f in findings}
        sources = {(p.path, p.record): p.original for p in posts if (p.path, p.record) in flagged}
        return Report(tuple(findings), tuple(problems), files_checked=len({p.path for p in posts}),
                      posts_checked=len(posts), notices=self.notices, sources=sources, post_metrics=tuple(measured))

    def lint_text(self, text: str, *, kind: str | None = None, path: str = "<text>", markdown: bool = False,
                  metadata: Mapping[str, Any] | None = None) -> Report:
        """Lint one draft given as a string. ``markdown=True`` reads it as Markdown (front matter, code)."""
        try:
            post = read_text_post(text, self.settings, kind=kind, display_path=path,
                                  file_format="markdown" if markdown else "text")
        except InputError as exc:
            return Report((), (Problem(path, str(exc)),), notices=self.notices)
        if metadata:
            post = replace(post, metadata={**post.metadata, **metadata})
        return self.lint_posts([post], [self.settings])

    def fix_text(self, text: str, *, unsafe: bool = False, kind: str | None = None, path: str = "<text>",
                 markdown: bool = False, metadata: Mapping[str, Any] | None = None) -> FixOutcome:
        """Apply fixes to one draft given as a string; ``.text`` of the result is the fixed draft.

        Safe fixes only unless ``unsafe``. Lints, fixes and re-lints until stable, as
        ``hclint --fix`` does; a fix that would edit outside the draft's prose (front matter,
        code, markup) is never applied and is listed in ``.refused``. ``path`` names the
        draft and, with configuration discovery on, picks its configuration file. Raises
        :class:`InputError` for a draft that cannot be read (invalid front matter), and
        :class:`ConfigError` when the configuration file found for ``path`` is malformed.
        ``metadata`` is added to the draft's, as for :meth:`lint_text`."""
        settings = self.settings_for(path)
        file_format = "markdown" if markdown else "text"

        def post_of(draft: str) -> Post:
            post = read_text_post(draft, settings, kind=kind, display_path=path, file_format=file_format)
            return replace(post, metadata={**post.metadata, **metadata}) if metadata else post

        return fix_until_stable(
            text,
            lambda draft: self.lint_posts([post_of(draft)], [settings]).findings,
            unsafe=unsafe,
            region_of=lambda draft: EditableRegion.of_post(post_of(draft)),
        )

    def rewrite(self, text: str, *, kind: str | None = None, path: str = "<text>", markdown: bool = False,
                metadata: Mapping[str, Any] | None = None, record: int | None = None) -> PostRewrite:
        """The post-level rewrite of one draft (issue #13): a whole suggested post, or advice only.

        Computed from the text itself (never from a cached, masked report), so it is the same
        with or without ``--jobs`` and the result cache. Edits stay inside the draft's prose.
        ``.text`` of the result is the rewritten post when ``.status == "rewritten"``."""
        settings = self.settings_for(path)
        file_format = "markdown" if markdown else "text"

        def post_of(draft: str) -> Post:
            post = read_text_post(draft, settings, kind=kind, display_path=path, file_format=file_format)
            return replace(post, metadata={**post.metadata, **metadata}) if metadata else post

        def lint(draft: str) -> Sequence[Finding]:
            try:
                return self.lint_posts([post_of(draft)], [settings]).findings
            except InputError:
                return ()

        from .rewriting import PostRewrite, rewrite_post

        try:
            post_of(text)
        except InputError as exc:
            return PostRewrite("advice", text, reasons=(str(exc),), path=path, record=record)
        parse = self.model.nlp if self.model.has_model else None
        return rewrite_post(text, lint, post_of, self._sentence_spans, path=path, record=record, parse=parse)

    def _sentence_spans(self, prose: str) -> list[tuple[int, int]]:
        from .rewriting.sentences import sentence_spans

        return sentence_spans(self.model.nlp, prose, self.model.has_model)

    def lint_file(self, path: str | Path, *, kind: str | None = None) -> Report:
        return self.lint_many([path], kind=kind)

    def lint_many(self, paths: Iterable[str | Path], *, kind: str | None = None, chunk_posts: int = 512,
                  jobs: int | None = 1, cache: ResultCache | None = None,
                  progress: Callable[[int, int, int], None] | None = None) -> Report:
        """Lint files (plain text, Markdown, JSON/JSONL/CSV exports) in batches.

        A file that cannot be read or decoded is reported as a problem; the others are linted.
        ``jobs`` processes lint the batches (forked after the model is loaded, see
        :mod:`hcsocial_lint.parallel`); ``None`` picks every core for large inputs and one
        process for a few drafts. With a ``cache`` (:class:`~hcsocial_lint.cache.ResultCache`),
        a file whose entry is found is not linted again. The report is the same whatever the
        number of jobs, and with or without the cache. ``progress(files, posts, findings)`` is
        called as each batch finishes, with the counts so far.
        """
        paths = [str(p) for p in paths]
        workers = effective_jobs(jobs, _input_bytes(paths) if jobs is None else 0)
        if workers > 1:
            chunk_posts = min(chunk_posts, PARALLEL_BATCH_POSTS)
        findings: list[Finding] = []
        problems: list[Problem] = []
        sources: dict[tuple[str, int | None], str] = {}
        measured: list[PostMetrics] = []
        counts = {"files": 0, "posts": 0}
        tail: list[Problem] = []  # problems met after the last batch
        to_store: dict[str, _Uncached] = {}
        batches = self._read_batches(paths, kind, chunk_posts, counts, tail, cache, to_store)
        if cache is not None and self._model is None:
            self._lexicon_store = cache.root
        if workers > 1 or cache is None:
            self.load_engine()  # before the fork, so that workers share the model
            if workers > 1:
                self.language.matcher  # noqa: B018 - and its lexicons, compiled once rather than in every worker
        for batch, report in lint_batches(self, batches, workers):
            problems.extend(batch.read_problems)
            for result in (*batch.cached, report):
                findings.extend(result.findings)
                problems.extend(result.problems)
                sources.update(result.sources)
                measured.extend(result.post_metrics)
            if cache is not None:
                _store_finished(cache, to_store, batch.posts, report)
            if progress is not None:
                progress(counts["files"], counts["posts"], len(findings))
        problems.extend(tail)
        findings.sort(key=lambda f: f.sort_key)
        # Setup problems first, including those met while discovering configurations in this run;
        # then every disabling failure of the run, once.
        problems = [*self.setup_problems, *problems]
        reported = {(p.path, p.message) for p in problems}
        problems += [p for p in self._failures if (p.path, p.message) not in reported]
        return Report(tuple(findings), tuple(_unique_problems(problems)), files_checked=counts["files"],
                      posts_checked=counts["posts"], notices=self.notices, sources=sources,
                      post_metrics=tuple(measured))

    def _read_batches(self, paths: Sequence[str], kind: str | None, chunk_posts: int, counts: dict[str, int],
                      tail: list[Problem], cache: ResultCache | None, to_store: dict[str, _Uncached]) -> Iterator[Batch]:
        """Read the files into batches of about ``chunk_posts`` posts; problems met while reading
        travel with the next batch (or ``tail``), so they are reported in reading order. A file
        found in ``cache`` travels as its cached findings; one that is not is listed in
        ``to_store``, to be stored once all of its posts are linted."""
        read_problems: list[Problem] = []
        posts: list[Post] = []
        post_settings: list[Settings] = []
        cached: list[Report] = []
        for path in paths:
            try:
                settings = self.settings_for(path)
            except ConfigError as exc:
                read_problems.extend(Problem(path, line, "E-CONFIG") for line in exc.errors)
                continue
            try:
                source = read_posts(Path(path), settings, kind=kind, display_path=path)
            except InputError as exc:
                read_problems.append(Problem(path, str(exc)))
                continue
            key = _cache_key(cache, path, settings, kind)
            counts["files"] += 1
            counts["posts"] += len(source.posts)
            read_problems.extend(Problem(path, message) for message in source.problems)
            hit = cache.load(key, source.posts) if cache is not None and key is not None else None
            if hit is not None:
                cached.append(hit)
            else:
                if key is not None and source.posts and not source.problems:
                    to_store[path] = _Uncached(key, source.posts, len(source.posts))
                posts.extend(source.posts)
                post_settings.extend([settings] * len(source.posts))
            # A large export is split too, so that its posts can go to several workers.
            while len(posts) >= chunk_posts:
                yield Batch(posts[:chunk_posts], post_settings[:chunk_posts], read_problems, cached)
                posts, post_settings, read_problems, cached = posts[chunk_posts:], post_settings[chunk_posts:], [], []
            if len(cached) >= chunk_posts:
                yield Batch(posts, post_settings, read_problems, cached)
                posts, post_settings, read_problems, cached = [], [], [], []
        if posts or cached:
            yield Batch(posts, post_settings, read_problems, cached)
        else:
            tail.extend(read_problems)


def _cache_key(cache: ResultCache | None, path: str, settings: Settings, kind: str | None) -> str | None:
    if cache is None:
        return None
    try:
        return cache.key(Path(path).read_bytes(), settings, kind)
    except OSError:
        return None  # read a moment ago: linted, not cached


@dataclass
class _Uncached:
    """A file not found in the cache: stored once all of its posts are linted, unless a problem came up."""

    key: str
    posts: Sequence[Post]
    remaining: int
    findings: list[Finding] = field(default_factory=list)
    post_metrics: list[PostMetrics] = field(default_factory=list)
    failed: bool = False


def _store_finished(cache: ResultCache, to_store: dict[str, _Uncached], linted: Sequence[Post], report: Report) -> None:
    for problem in report.problems:
        if problem.path in to_store:
            to_store[problem.path].failed = True
    for finding in report.findings:
        if finding.path in to_store:
            to_store[finding.path].findings.append(finding)
    for measured in report.post_metrics:
        if measured.path in to_store:
            to_store[measured.path].post_metrics.append(measured)
    for post in linted:
        entry = to_store.get(post.path)
        if entry is None:
            continue
        entry.remaining -= 1
        if entry.remaining == 0:
            del to_store[post.path]
            if not entry.failed:
                cache.store(entry.key, entry.findings, entry.posts, entry.post_metrics)


def _input_bytes(paths: Sequence[str]) -> int:
    total = 0
    for path in paths:
        try:
            total += Path(path).stat().st_size
        except OSError:
            pass  # reported when it is read
    return total


def _unique_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Each problem once: workers each report a rule they had to disable."""
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for problem in problems:
        key = (problem.path, problem.message, problem.code)
        if key not in seen:
            seen.add(key)
            kept.append(problem)
    return kept


def _batches(units: Sequence[tuple[int, int, Post]], max_chars: int) -> Iterator[Sequence[tuple[int, int, Post]]]:
    """Consecutive runs of ``units`` holding at most ``max_chars`` characters of text (at least one unit)."""
    start = size = 0
    for index, unit in enumerate(units):
        length = len(unit[2].text)
        if index > start and size + length > max_chars:
            yield units[start:index]
            start, size = index, 0
        size += length
    if start < len(units):
        yield units[start:]


def _second_opinions_last(rules: Iterable[Rule]) -> list[Rule]:
    """Rules in registration order, those that defer to others (``defers_to``) after the rest."""
    rules = list(rules)
    return [r for r in rules if not getattr(r, "defers_to", ())] + [r for r in rules if getattr(r, "defers_to", ())]


def _silenced(rule: Rule, hits: _RuleHits, rules: Mapping[str, Rule], settings: Settings) -> bool:
    """A rule that defers to others (a second opinion, ``defers_to`` = rule-id prefixes) says nothing on a
    post where one of them reports at warning or above."""
    prefixes = getattr(rule, "defers_to", ())
    if not prefixes:
        return False
    for rule_id, rule_hits in hits.items():
        if rule_id == rule.meta.id or not rule_hits or not rule_id.startswith(tuple(prefixes)):
            continue
        other = rules[rule_id].meta
        configured = severity_for(other, settings.severity)
        for hit in rule_hits:
            severity = configured if configured != other.severity else (hit.severity or other.severity)
            if severity >= Severity.WARNING:
                return True
    return False


def _dedupe(hits: Iterable[Hit]) -> list[Hit]:
    """One finding per rule per place: overlapping hits of the same rule keep the widest."""
    kept: list[Hit] = []
    reach = -1  # the furthest end of a kept hit; every kept hit starts at or before this one
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if hit.start != hit.end and kept and hit.end <= reach:
            continue
        kept.append(hit)
        reach = max(reach, hit.end)
    return kept


def _suppression_matches(suppression: Suppression, finding: Finding, metas: dict[str, RuleMeta]) -> bool:
    if not (suppression.first_line <= finding.range.line <= suppression.last_line):
        return False
    if not suppression.selectors:
        return True
    meta = metas.get(finding.rule_id)
    return meta is not None and any(specificity(s, meta) for s in suppression.selectors)


def _apply_suppressions(findings: list[Finding], suppressions: Sequence[Suppression],
                        metas: Sequence[RuleMeta]) -> tuple[list[Finding], list[Suppression]]:
    if not suppressions:
        return findings, []
    by_id = {m.id: m for m in metas}
    used: set[int] = set()
    kept = []
    for finding in findings:
        matched = [i for i, s in enumerate(suppressions) if _suppression_matches(s, finding, by_id)]
        if matched:
            used.update(matched)
        else:
            kept.append(finding)
    unused = [s for i, s in enumerate(suppressions) if i not in used]
    return kept, unused
