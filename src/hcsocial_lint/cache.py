"""Results cached on disk per file, keyed by everything that decides them (the ruff model).

A file's entry is keyed by a hash of its bytes, its effective configuration, the ``--kind``
given, the rule set (rule metadata, rule-pack files, plug-in distributions), the spaCy model
and its version, the versions of spaCy and Presidio, and this package (its version and its
installed files). A change to any of them is a different key, so an entry is never stale:
it is simply not found. A re-run on unchanged files reads each file, finds its entry, and
never loads the model.

What is stored is what masked output would show. Every piece of a finding that quotes the
post (its matched text, the evidence texts, and each quotation of them in a message, a
suggestion or an edit, as :mod:`~hcsocial_lint.reporting.masking` finds them) is stored as
the place in the post it came from, with its placeholder; the post's own text is read
again from the file when the entry is used. A quotation that is not found verbatim in the
post is stored as its placeholder only, so it is shown masked from the cache even without
``--mask``. Files whose lint reported a problem are not cached, so the problem is
reported again on the next run.

Entries are written atomically (a temporary file, then a rename); a corrupt or unreadable
entry is a miss. The folder holds a ``.gitignore`` of ``*`` and is hidden, so linting a
folder never reads it. Remove the folder to clear the cache.

The same folder keeps the compiled lexicons under ``lexicons/`` (see
:class:`~hcsocial_lint.language.lexicon.LexiconMatcher`), keyed by the phrases, the model and
its version, spaCy's version and the compiling code: a run that has to parse does not compile
them again. ``--no-cache`` reads and writes neither.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import importlib.metadata
import json
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .config import Settings
from .model import Applicability, Edit, Evidence, Finding, Post, PostMetrics, Report, Severity, Suggestion, TextRange
from .plugins.manager import BUILTIN_PLUGIN
from .reporting.masking import FALLBACK_PLACEHOLDER, replace_secrets, secrets_of

if TYPE_CHECKING:
    from .linter import Linter

CACHE_FORMAT = 1
DEFAULT_CACHE_DIR = ".hclint_cache"
CACHE_DIR_ENV = "HCLINT_CACHE_DIR"
# A reference to a piece of the post inside a stored string: start, end and placeholder.
_OPEN, _CLOSE, _SEP = "\ue000", "\ue001", "\ue002"
_PACKAGE = Path(__file__).resolve().parent


def default_cache_dir() -> Path:
    return Path(os.environ.get(CACHE_DIR_ENV) or DEFAULT_CACHE_DIR)


@dataclass(frozen=True)
class ResultCache:
    """Per-file results of one linter's rule set, under ``root``."""

    root: Path
    linter_key: str

    @classmethod
    def for_linter(cls, linter: Linter, root: Path | str | None = None) -> ResultCache:
        return cls(Path(root) if root is not None else default_cache_dir(), linter_fingerprint(linter))

    def key(self, content: bytes, settings: Settings, kind: str | None) -> str:
        digest = hashlib.sha256()
        for part in (self.linter_key, canonical(settings), kind or "", str(len(content))):
            digest.update(part.encode("utf-8") + b"\0")
        digest.update(content)
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.root / f"v{CACHE_FORMAT}" / key[:2] / f"{key}.json"

    def load(self, key: str, posts: Sequence[Post]) -> Report | None:
        """The file's findings and post measurements, rebuilt on its posts as read now; None when not cached."""
        try:
            stored = json.loads(self._entry(key).read_text(encoding="utf-8"))
            by_record = {post.record: post for post in posts}
            findings = tuple(_decode_finding(item, by_record[item["record"]]) for item in stored["findings"])
            measured = tuple(PostMetrics(by_record[record].path, record, dict(metrics))
                             for record, metrics in stored["post_metrics"])
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None
        flagged = {(f.path, f.record) for f in findings}
        sources = {(p.path, p.record): p.original for p in posts if (p.path, p.record) in flagged}
        return Report(findings, sources=sources, post_metrics=measured)

    def store(self, key: str, findings: Iterable[Finding], posts: Sequence[Post],
              post_metrics: Iterable[PostMetrics] = ()) -> None:
        """Store the results of one file (all of its posts); a failure to write is not an error."""
        by_record = {post.record: post for post in posts}
        findings = list(findings)
        shared: dict[int | None, dict[str, str]] = {}
        for finding in findings:
            shared.setdefault(finding.record, {}).update(secrets_of(finding))
        # Only what the post says is its text; a rule's own explanation is not (masking hides
        # it as well, but it is no quotation to store as a place).
        shared = {record: {secret: label for secret, label in secrets.items() if _quotes(by_record[record], secret)}
                  for record, secrets in shared.items()}
        document = {"format": CACHE_FORMAT,
                    "findings": [_encode_finding(f, by_record[f.record], shared[f.record]) for f in findings],
                    "post_metrics": [[m.record, dict(m.metrics)] for m in post_metrics]}
        entry = self._entry(key)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            ignore = self.root / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by hclint: the result cache is never committed\n*\n", encoding="utf-8")
            handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(document, out, ensure_ascii=False)
            os.replace(temporary, entry)
        except OSError:
            pass


# --------------------------------------------------------------------------- keys


def canonical(value: Any) -> str:
    """A stable text form of a configuration value: sets sorted, mappings by key, enums by value."""
    return json.dumps(_plain(value), sort_keys=True, ensure_ascii=False)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(v) for v in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, Path):
        return str(value)
    return f"{type(value).__module__}.{type(value).__qualname__}:{value!r}"


def linter_fingerprint(linter: Linter) -> str:
    """Everything of the linter that decides a file's findings, as one hash."""
    parts: list[Any] = [CACHE_FORMAT, __version__, _package_state(), _versions("spacy", "presidio-analyzer", "regex"),
                        linter.model_identity(), canonical(linter.settings)]
    parts.append([_plain(meta) for meta in linter.rule_metas])
    parts.append(sorted(_file_digest(meta.source) for meta in linter.rule_metas if Path(meta.source).is_file()))
    parts.append(sorted((name, _own_identity(plugin) if name == BUILTIN_PLUGIN else _distribution_of(plugin))
                        for name, plugin in linter.host.manager.list_name_plugin()))
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=repr).encode("utf-8")).hexdigest()


def _versions(*distributions: str) -> list[str]:
    found = []
    for name in distributions:
        try:
            found.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name}==?")
    return found


def _package_state() -> list[tuple[str, int, int]]:
    """This package's files by size and modification time: an edited checkout is a new key."""
    state = []
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in {".py", ".yaml", ".txt", ".json"} and "__pycache__" not in path.parts:
            stat = path.stat()
            state.append((str(path.relative_to(_PACKAGE)), stat.st_size, stat.st_mtime_ns))
    return state


def _file_digest(path: str) -> str:
    try:
        return f"{path}:{hashlib.sha256(Path(path).read_bytes()).hexdigest()}"
    except OSError:
        return f"{path}:?"


def _own_identity(plugin: Any) -> str:
    """hclint's own plug-in: this distribution's installed version and where the module is loaded
    from (its files are in ``_package_state``). Looking it up in ``packages_distributions()``
    reads every installed distribution's file list, 0.2 s of a re-run served from the cache."""
    return f"{_versions('hcsocial-lint')[0]}:{plugin!r}"


def _distribution_of(plugin: Any) -> str:
    module = getattr(plugin, "__module__", None) or getattr(plugin, "__name__", "")
    top = str(module).split(".")[0]
    try:
        names = importlib.metadata.packages_distributions().get(top, [])
        return ",".join(f"{n}=={importlib.metadata.version(n)}" for n in sorted(set(names))) or f"{module}:{plugin!r}"
    except Exception:  # noqa: BLE001 - an unknown plug-in makes a key that never repeats: a miss, never a stale hit
        return f"{module}:{plugin!r}"


# --------------------------------------------------------------------------- findings


def _quotes(post: Post, secret: str) -> bool:
    """``secret`` occurs in the post, whatever its case and spacing."""
    return " ".join(secret.split()).casefold() in " ".join(post.original.split()).casefold()


def _reference(post: Post, quoted: str, placeholder: str, start: int | None = None) -> str:
    """A stored stand-in for ``quoted``: where it is in the post, or its placeholder only."""
    if start is None or post.original[start:start + len(quoted)] != quoted:
        start = post.original.find(quoted) if quoted else -1
    if start < 0:
        return f"{_OPEN}{_SEP}{_SEP}{placeholder}{_CLOSE}"
    return f"{_OPEN}{start}{_SEP}{start + len(quoted)}{_SEP}{placeholder}{_CLOSE}"


def _encode_text(text: str, post: Post, secrets: Mapping[str, str]) -> str:
    text = text.replace(_OPEN, "").replace(_CLOSE, "")  # never ambiguous with a reference
    return replace_secrets(text, secrets, lambda quoted, label: _reference(post, quoted, label))


def _decode_text(text: str, post: Post) -> str:
    out, rest = [], text
    while _OPEN in rest:
        before, _, rest = rest.partition(_OPEN)
        inner, _, rest = rest.partition(_CLOSE)
        start, end, placeholder = inner.split(_SEP)
        out += [before, post.original[int(start):int(end)] if start else placeholder]
    out.append(rest)
    return "".join(out)


def _encode_finding(finding: Finding, post: Post, secrets: Mapping[str, str]) -> dict[str, Any]:
    encoded: dict[str, Any] = {
        name: getattr(finding, name)
        for name in ("rule_id", "rule_name", "family", "category", "citation", "record", "url", "score")}
    encoded["severity"] = finding.severity.value
    encoded["range"] = dataclasses.asdict(finding.range)
    encoded["matched_text"] = _reference(post, finding.matched_text, FALLBACK_PLACEHOLDER, finding.range.start)
    encoded["message"] = _encode_text(finding.message, post, secrets)
    encoded["evidence"] = [{**dataclasses.asdict(e), "text": _encode_evidence_text(e, post, secrets)} for e in finding.evidence]
    encoded["suggestions"] = [
        {"description": _encode_text(s.description, post, secrets), "applicability": s.applicability.value,
         "edits": [[e.start, e.end, _encode_text(e.replacement, post, secrets)] for e in s.edits]}
        for s in finding.suggestions]
    encoded["metrics"] = dict(finding.metrics)
    return encoded


def _encode_evidence_text(evidence: Evidence, post: Post, secrets: Mapping[str, str]) -> str:
    """A quote of the post (it has a place) is stored as that place; an explanation is stored
    with its quotations of the post's secrets replaced, like a message."""
    if not evidence.text:
        return ""
    if evidence.start is not None and post.original[evidence.start:evidence.start + len(evidence.text)] == evidence.text:
        return _reference(post, evidence.text, FALLBACK_PLACEHOLDER, evidence.start)
    return _encode_text(evidence.text, post, secrets)


def _decode_finding(item: Mapping[str, Any], post: Post) -> Finding:
    fields = dict(item)
    return Finding(**{
        **fields,
        "path": post.path,
        "severity": Severity(fields["severity"]),
        "range": TextRange(**fields["range"]),
        "matched_text": _decode_text(fields["matched_text"], post),
        "message": _decode_text(fields["message"], post),
        "evidence": tuple(Evidence(**{**e, "text": _decode_text(e["text"], post)}) for e in fields["evidence"]),
        "suggestions": tuple(
            Suggestion(_decode_text(s["description"], post),
                       tuple(Edit(start, end, _decode_text(text, post)) for start, end, text in s["edits"]),
                       Applicability(s["applicability"]))
            for s in fields["suggestions"]),
        "metrics": dict(fields["metrics"]),
    })
