"""One suggested version of the whole post: every compatible suggestion applied, reading as written.

How each error-level finding is rewritten, in order of preference:

1. a **safe** fix of the rule (disclosure at the start, a patient-naming hashtag removed, the
   office's own contact in a review reply): it keeps the meaning, so it is always taken;
2. for PHI, the rule's **generalisation of the person** ("our patient", "one of our
   patients") with the singling-out detail (date, room, age) dropped, when it edits words
   inside the sentence; if the result still identifies someone, the next round **drops the
   sentence**. A reply that gives individual advice gets the no-advice reply rather than the
   privacy reply written for reviews;
3. the rule's own replacement, when it is a finished phrase (no ``[placeholder]`` the writer
   would have to fill in);
4. dropping the offending sentence, when enough of the post is left to stand on its own;
5. otherwise nothing: the rewrite is **advice only** and says why, rather than produce a
   broken sentence.

After each round the draft is tidied around the edits (:mod:`.grammar`) and linted again; a
rewrite is offered only when the re-lint finds no error. Edits never leave the post's prose
(:class:`~hcsocial_lint.fixes.EditableRegion`): front matter, code, URLs and other records
are never changed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..fixes import EditableRegion, apply_edits
from ..language.directives import directives_of
from ..language.lexicon import builtin_lexicon
from ..model import Applicability, Edit, Finding, Post, Severity
from .grammar import apply_tracked, tidy
from .promises import promise_edits, typicality_edits

MAX_ROUNDS = 4
MIN_WORDS_LEFT = 4  # a post reduced below this many words no longer says anything
MIN_SHARE_KEPT = 0.25  # a rewrite keeping less of the writer's prose than this is a different post
_PLACEHOLDER = re.compile(r"\[[^\]]*\]")
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True)
class PostRewrite:
    """The post-level suggestion for one post.

    ``status`` is ``"rewritten"`` (``text`` is the suggested post, and it lints without an
    error), ``"advice"`` (no honest rewrite was found; ``reasons`` say what the writer must
    change) or ``"clean"`` (nothing to rewrite). ``safe`` is True when every edit came from a
    safe fix, i.e. the rewrite keeps the post's meaning. ``rules`` are the rules it resolves.
    """

    status: str
    original: str
    text: str | None = None
    safe: bool = False
    rules: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    path: str = "<text>"
    record: int | None = None

    @property
    def changed(self) -> bool:
        return self.text is not None and self.text != self.original

    def to_dict(self) -> dict:
        return {"status": self.status, "text": self.text, "safe": self.safe, "rules": list(self.rules),
                "actions": list(self.actions), "reasons": list(self.reasons)}


@dataclass
class _Round:
    edits: list[Edit] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    safe: bool = True
    dropped: list[tuple[int, int]] = field(default_factory=list)
    unhandled: list[Finding] = field(default_factory=list)
    claims: bool = False  # a claim was reworded or dropped: its promise wording elsewhere goes too

    def untouched(self) -> list[Finding]:
        """Findings left to advice whose text no edit of this round reaches: if the re-lint no longer
        reports them, another edit hid them (a "results vary" read as a hedge), it did not fix them."""
        return [f for f in self.unhandled
                if not any(e.start < max(f.range.end, f.range.start + 1) and f.range.start < max(e.end, e.start + 1)
                           for e in self.edits)]


def is_error(finding: Finding) -> bool:
    return finding.severity >= Severity.ERROR and not finding.rule_id.startswith("HCL")


def _sentence_spans(post: Post, sentences_of: Callable[[str], Sequence[tuple[int, int]]]) -> list[tuple[int, int]]:
    return [s for s in sentences_of(post.text) if post.text[s[0]:s[1]].strip()]


def _deletion(post: Post, sentence: tuple[int, int], region: EditableRegion) -> Edit | None:
    """The edit that drops ``sentence`` with the blank that follows it (or precedes it at the end)."""
    start, end = sentence
    text = post.original
    stop = end
    while stop < len(text) and text[stop] in " \t":
        stop += 1
    if stop == len(text) or text[stop] == "\n":  # last on its line: take the blank before it instead
        begin = start
        while begin > 0 and text[begin - 1] in " \t":
            begin -= 1
        edit = Edit(begin, end, "")
    else:
        edit = Edit(start, stop, "")
    return edit if region.allows(edit) else None


_NOT_PROSE = re.compile(r"[#@]\w+|https?://\S+")


def content_words(text: str) -> int:
    """Words of prose, hashtags, handles and links left out."""
    return len(_WORDS.findall(_NOT_PROSE.sub(" ", text)))


@lru_cache(maxsize=1)
def _directive_verbs() -> frozenset[str]:
    return frozenset(builtin_lexicon("directive_verbs").phrases)


def is_statement(sentence: str, parse: Callable | None = None, requests: bool = True) -> bool:
    """A sentence that says something: a few words, not a question, not a short call to action
    ("Book your spot now.", "Call us today.", "DM us to get started."). A request that names
    what it asks for at some length ("Leave us an honest review on Google.", "Schedule your
    annual wellness visit with us.") is a post of its own, unless ``requests`` is False: a
    request left alone once the sentences around it were dropped has lost what it was about."""
    if content_words(sentence) < MIN_WORDS_LEFT or sentence.rstrip().endswith("?"):
        return False
    if parse is None:
        return True
    doc = parse(_readable(sentence))  # "🙌 Book now." is read as "Book now.", "WIN THE PACKAGE" as "Win the package"
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return True
    return not _is_directive(doc, root) or (requests and _names_what_it_asks(sentence, doc))


def _is_directive(doc, root) -> bool:
    words = [t for t in doc if t.is_alpha]
    if len(words) > 1 and words[0].lower_ in _directive_verbs() \
            and (words[1].lower_ in _OBJECT_OPENERS or words[0].dep_ == "compound"
                 or not any(t.dep_ in {"nsubj", "nsubjpass", "expl"} for t in doc)):
        return True  # "DM us to get started", "Message our front desk to book", which the tagger reads as names
    if root.tag_ == "VB" and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in root.children):
        return True
    # the language layer's directives also catch an opener the tagger took for a noun ("Order from our shop.")
    first = words[0] if words else None
    return any(d.verb.start in {root.idx, first.idx if first is not None else -1} for d in directives_of(doc, _directive_verbs()))


MIN_REQUEST_WORDS = 6
_GENERIC_OBJECTS = frozenset({"link", "bio", "dm", "details", "info", "spot", "code", "today", "now", "page", "us",
                              "appointment", "consult", "consultation", "call", "message"})


def _names_what_it_asks(sentence: str, doc) -> bool:
    """A call to action long enough to stand alone, whose object is a thing named, not "us" or "the link"."""
    if content_words(sentence) < MIN_REQUEST_WORDS:
        return False
    return any(t.dep_ in {"dobj", "pobj"} and t.pos_ in {"NOUN", "PROPN"} and t.lower_ not in _GENERIC_OBJECTS
               for t in doc)


_OBJECT_OPENERS = frozenset({"us", "me", "your", "our", "the", "a", "an", "now", "today"})


def _readable(sentence: str) -> str:
    """The sentence from its first word, in sentence case when it is written in capitals."""
    text = _from_first_word(sentence)
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and sum(c.isupper() for c in letters) > 0.8 * len(letters):
        text = text[:1] + text[1:].lower()
    return text


def _from_first_word(sentence: str) -> str:
    match = re.search(r"[A-Za-z0-9@#$£€\"'“‘(]", sentence)
    return sentence[match.start():] if match else sentence


def _leaves_a_statement(post: Post, dropped: Sequence[tuple[int, int]], sentences: Sequence[tuple[int, int]],
                        parse: Callable | None = None, stock: Sequence[str] = ()) -> bool:
    """What is left must still say something of the writer's own (see :func:`is_statement`), and
    nothing left may lean on a dropped sentence (see :func:`leans_back`)."""
    kept = [(s, e) for s, e in sentences if (s, e) not in dropped]
    if not any(is_statement(post.text[s:e], parse, requests=False) and not _is_stock(post.text[s:e], stock)
               for s, e in kept):
        return False
    after_a_drop = [next((k for k in kept if k[0] >= d[1]), None) for d in dropped]
    before_a_drop = [next((k for k in reversed(kept) if k[1] <= d[0]), None) for d in dropped]
    return not any(k is not None and leans_back(post.text[k[0]:k[1]], parse) for k in dict.fromkeys(after_a_drop)) \
        and not any(k is not None and leans_forward(post.text[k[0]:k[1]]) and _same_line(post.text, k, d)
                    for k, d in zip(before_a_drop, dropped))


def _same_line(text: str, kept: tuple[int, int], dropped: tuple[int, int]) -> bool:
    return "\n" not in text[kept[1]:dropped[0]]


_TRAILING_LINK = re.compile(r"(?:[+&,:;/\u2013\u2014-]|\b(?:and|or|with|plus|the|a|an|our|your|to|for|of))\s*$", re.I)


def leans_forward(sentence: str) -> bool:
    """True when ``sentence`` stops mid-phrase and needs the next one: "Our laser +", "Stronger, faster and"."""
    return bool(_TRAILING_LINK.search(sentence.rstrip()))


def _is_stock(sentence: str, stock: Sequence[str]) -> bool:
    """A sentence a rule's fix inserted ("Compounded medications are not FDA-approved; ...") or a
    bare disclaimer ("Individual results may vary.") is not the writer's: a post reduced to it
    says nothing of its own."""
    core = sentence.strip()
    return bool(core) and (any(core in s for s in stock) or bool(_DISCLAIMER.match(core)))


_DISCLAIMER = re.compile(r"^\(?(?:individual\s+)?results\s+(?:may\s+|will\s+|can\s+)?vary\W*$", re.I)


_CONNECTIVE = re.compile(r"(?:also|plus|so|but|and|or|not|which|too|because|otherwise|other|another)\b", re.I)
_REFERRING = frozenset({"it", "this", "that", "these", "those", "they", "them"})
_INSTEAD = re.compile(r"\binstead\b(?!\s+of\b)", re.I)  # "... with our syrup instead": instead of what was dropped
_ATTRIBUTION = re.compile(r"^\s*[-\u2013\u2014~]+\s*\w")
_CLOSING_SINGLE = re.compile(r"[.!?\u2026]['\u2019]\s*\S*\s*$")
_OPENING_SINGLE = re.compile(r"(?:^|\s)['\u2018]\w")


def _unbalanced_quotes(sentence: str) -> bool:
    if sentence.count('"') % 2 or sentence.count("\u201c") != sentence.count("\u201d"):
        return True
    return bool(_CLOSING_SINGLE.search(sentence)) and not _OPENING_SINGLE.search(sentence)


def leans_back(sentence: str, parse: Callable | None = None) -> bool:
    """True when ``sentence`` cannot follow anything but the sentence before it: an orphaned quote
    mark ('...two years!"'), an attribution line ("- Mark, patient"), a pronoun whose referent was
    in the dropped sentence ("Our team prescribes it.", "That's why ..."), or a fragment with no
    subject ("Now available at our downtown office.", "Highly recommend!")."""
    if _unbalanced_quotes(sentence) or _ATTRIBUTION.match(sentence):
        return True
    if _CONNECTIVE.match(_from_first_word(sentence)) or _INSTEAD.search(sentence):
        return True
    if parse is None:
        return False
    doc = parse(_from_first_word(sentence))
    if doc[0].lower_ == "now" and not any(t.pos_ in {"VERB", "AUX"} for t in doc):
        return True  # "Now $11 a unit at our spa.": now what is?
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    for token in doc:
        if token.lower_ not in _REFERRING or token.pos_ != "PRON":
            continue
        if token.lower_ == "it" and token.dep_ == "nsubj" and token.head.lemma_ == "be":
            continue  # "It's impossible to ...", "It is a great day": not a reference
        return True
    for token in doc:  # "Our team can get you started this week.": started on what? It was in the dropped sentence
        if token.lemma_ == "start" and token.head.lemma_ == "get" \
                and not any(c.dep_ == "dobj" or c.lower_ in {"on", "with"} for c in token.children):
            return True
    for token in doc:  # "Parents, you deserve to know.": know what? It was in the dropped sentence
        if token.lemma_ in {"know", "hear", "learn"} and token.head.lemma_ != "let" \
                and not any(c.dep_ in {"dobj", "ccomp", "xcomp", "prep", "advcl", "attr"} and any(ch.isalnum() for ch in c.text)
                            for c in token.children):
            return True
    if root is not None and root.tag_ in {"VBZ", "VBD", "VBP", "MD"} \
            and not any(t.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for t in doc):
        return True  # "Always has, always will", "Works every time": the subject was in the dropped sentence
    if root is None or root.pos_ not in {"ADJ", "ADV"}:
        return False
    nominal = any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in root.children) \
        or any(t.pos_ in {"NOUN", "PROPN"} for t in doc[:root.i - doc[0].i])
    return not nominal


_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|our|your|my|their|his|her|its|this|that|only)\s+$", re.I)
_AFFIRMS = re.compile(r"\b(?:yes|yep|absolutely|definitely|of course)\b", re.I)


_DANGLING_PREPOSITION = re.compile(r"\b(?:with|for|to|of|from|against)$", re.I)
_NO_OBJECT_AFTER = re.compile(r"^\s*(?:$|[^\w\s'\u2019\"]|(?:in|at|on|for|with|to|from|by|of|and|or|near|is|are)\b)", re.I)


def _breaks_phrase(original: str, edit: Edit) -> bool:
    """A negated replacement put after a determiner ("our not FDA-approved clinic", "the region's
    only not FDA-approved ..."), at a sentence start, or into an answer that says yes ("yes, they
    are not FDA-approved!") reads as broken or contradicts itself. So does a verb phrase put where a
    noun stood, its preposition left without an object ("the best hangover help with in town")."""
    if _DANGLING_PREPOSITION.search(edit.replacement.rstrip()) and _NO_OBJECT_AFTER.match(original[edit.end:]):
        return True
    if not edit.replacement.lower().startswith("not "):
        return False
    before = original[:edit.start]
    sentence = re.split(r"[.!?\n]", before)[-1]
    if not sentence.strip():
        return True  # "Not FDA-approved IV cocktails, ..." opening a sentence reads as a warning label, not a post
    return bool(_DETERMINER_BEFORE.search(before)) or bool(_AFFIRMS.search(sentence))


_NEGATED_ITEM = re.compile(r"\b(?:no|zero)\s+[\w-]+", re.I)
_LIST_BEFORE = re.compile(r"\b(?:no|zero)\s+[\w-]+\s*,\s*$", re.I)
_LIST_AFTER = re.compile(r"^\s*,\s*(?:and\s+)?(?:no|zero)\s", re.I)
_CONSEQUENCE = re.compile(r"^[^.!?\n]*?,?\s+(?:so|which\s+means|that's\s+why)\b", re.I)


def _breaks_the_argument(original: str, edit: Edit) -> bool:
    """A reworded claim that no longer fits the sentence around it: one item of a "no X, no Y, no Z"
    list turned positive ("No jitters, no crash, some possible side effects"), a premise reworded
    while its conclusion stays (", so the whole family can use it"), or a reassurance reworded
    inside an answer that says yes ("yes! it is generally well tolerated")."""
    if not edit.replacement or edit.start == edit.end:
        return False
    start = max(original.rfind(c, 0, edit.start) for c in ".!?\n") + 1
    stops = [i for i in (original.find(c, edit.end) for c in ".!?\n") if i >= 0]
    end = min(stops) if stops else len(original)
    before, after = original[start:edit.start], original[edit.end:end]
    matched = original[edit.start:edit.end]
    if _NEGATED_ITEM.match(matched) and (_LIST_BEFORE.search(before) or _LIST_AFTER.match(after)):
        return True
    if _CONSEQUENCE.match(after):
        return True
    line = original[original.rfind("\n", 0, edit.start) + 1:edit.start]
    return bool(_AFFIRMS.search(line)) and finding_is_reassurance(matched)


def finding_is_reassurance(matched: str) -> bool:
    return bool(re.search(r"\bsafe\b|side[- ]effects?|risk", matched, re.I))


def _fix_of(finding: Finding, region: EditableRegion, original: str) -> tuple[tuple[Edit, ...], bool] | None:
    for suggestion in finding.suggestions:
        if not suggestion.is_fix or not all(region.allows(e) for e in suggestion.edits):
            continue
        if any(_PLACEHOLDER.search(e.replacement) for e in suggestion.edits):
            continue  # "[list the risks]": the writer must supply it; not a postable rewrite
        edits = tuple(_negation_last(original, e) for e in suggestion.edits)
        if any(e is None for e in edits):
            continue
        if edits != suggestion.edits:
            return edits, False
        if any(_breaks_phrase(original, e) for e in suggestion.edits):
            continue
        if finding.family == "claim" and any(_breaks_the_argument(original, e) for e in suggestion.edits):
            continue
        return suggestion.edits, suggestion.applicability is Applicability.SAFE or _adds_disclosure(suggestion.edits)
    return None


_COORDINATED = re.compile(r"\s+and\s+((?:[\w'\u2019-]+\s?){1,5}?)(?=\s*(?:[.!?;,\n]|$))")


def _negation_last(original: str, edit: Edit) -> Edit | None:
    """"are not FDA-approved and doctor supervised" reads as "not doctor supervised" either: the
    negated status goes after the other predicate ("are doctor supervised and not FDA-approved").
    A longer coordination has no such order: None (the replacement is not used)."""
    if not edit.replacement.lower().startswith("not "):
        return edit
    after = original[edit.end:]
    if not re.match(r"\s+(?:and|or)\b", after):
        return edit
    match = _COORDINATED.match(after)
    if match is None or not re.match(r"\s*and\s", after):
        return None
    return Edit(edit.start, edit.end + match.end(), f"{match.group(1).strip()} and {edit.replacement}")


_DISCLAIMER_ADDED = re.compile(r"\bresults\s+(?:may\s+)?vary\b", re.I)
_DISCLOSURE_TAG = re.compile(r"^(?:#ad|#sponsored|Paid partnership with [^.\n]{1,60}\.)\s*$", re.I)


def _adds_disclosure(edits: Sequence[Edit]) -> bool:
    """A pure insertion of a disclosure tag ("#ad ") adds the missing fact and keeps the meaning."""
    return len(edits) == 1 and edits[0].start == edits[0].end and bool(_DISCLOSURE_TAG.match(edits[0].replacement.strip()))


def _overlaps(edit: Edit, chosen: Sequence[Edit]) -> bool:
    return any(edit.start < c.end and c.start < edit.end or (edit.start == edit.end == c.start == c.end)
               for c in chosen if not (edit.start == edit.end and c.start != c.end and c.start == edit.start))


def _plan(post: Post, errors: Sequence[Finding], sentences: Sequence[tuple[int, int]],
          region: EditableRegion, parse: Callable | None = None,
          stock: Sequence[str] = ()) -> tuple[_Round, list[str]]:
    plan = _Round()
    advice: list[str] = []

    def sentence_at(offset: int) -> tuple[int, int] | None:
        return next((s for s in sentences if s[0] <= offset < max(s[1], s[0] + 1)), None)

    def to_drop(finding: Finding) -> list[tuple[int, int]]:
        """The finding's sentence, the sentences holding its evidence (the product a disease was
        paired with), and the answer to a question opener ("Bloating? Our tea flushes it out.")."""
        places = [finding.range.start, *(e.start for e in finding.evidence if e.start is not None)]
        found = []
        for offset in places:
            sentence = sentence_at(offset)
            if sentence is not None and sentence not in found:
                found.append(sentence)
        if finding.family != "phi" and found:
            last = max(found)
            if post.text[last[0]:last[1]].rstrip().endswith("?"):
                following = next((s for s in sentences if s[0] >= last[1]), None)
                if following is not None and following not in found:
                    found.append(following)
        return found

    def try_drop(finding: Finding, start: int) -> bool:
        found = [s for s in to_drop(finding) if s not in plan.dropped]
        if not found:
            return bool(to_drop(finding))
        if not _leaves_a_statement(post, [*plan.dropped, *found], sentences, parse, stock):
            return False
        if _target_survives(post, finding, [*plan.dropped, *found], sentences):
            return False
        edits = [_deletion(post, sentence, region) for sentence in found]
        if any(e is None for e in edits) or any(_overlaps(e, plan.edits) for e in edits):
            return False
        plan.edits.extend(edits)
        plan.dropped.extend(found)
        plan.safe = False
        plan.claims = plan.claims or finding.family == "claim"
        plan.actions.append(f"{finding.rule_id}: dropped the sentence" + ("s" if len(found) > 1 else ""))
        return True

    ordered = sorted(errors, key=lambda f: (f.range.start, f.rule_id))
    if post.kind.endswith("reply"):
        # a reply that gives individual advice is answered with the no-advice reply, which confirms
        # no care either, rather than the privacy reply ("Thank you for your feedback") that fits reviews
        template = next((f for f in ordered if f.family != "phi" and (fix := _fix_of(f, region, post.original))
                         and _replaces_the_post(post, fix[0])), None)
        if template is not None and any(f.family == "phi" for f in ordered):
            ordered = [template]
    for finding in ordered:
        start = finding.range.start
        if any(s <= start < e for s, e in plan.dropped):
            continue
        fix = _fix_of(finding, region, post.original)
        if fix is not None and fix[0] and all(e in plan.edits for e in fix[0]):
            continue  # the same generalisation another finding's fix made ("Congrats Marisol" is PHI001 and PHI006)
        if fix is not None and fix[1]:
            edits, _ = fix
            if not any(_overlaps(e, plan.edits) for e in edits):
                plan.edits.extend(edits)
                plan.actions.append(f"{finding.rule_id}: safe fix")
            continue
        if finding.family == "phi" and fix is not None and not _rewrites_a_whole_sentence(post, fix[0], sentences) \
                and not _replaces_the_post(post, fix[0]) and not any(_overlaps(e, plan.edits) for e in fix[0]) \
                and not _empties(post, fix[0]):
            # generalise the person ("our patient", "one of our patients") and drop the detail that singles
            # them out; what the sentence says about the care stays. If it still identifies, the next
            # round drops the sentence.
            plan.edits.extend(fix[0])
            plan.safe = False
            plan.actions.append(f"{finding.rule_id}: {_describe(finding)}")
            continue
        if finding.family == "phi" and try_drop(finding, start):
            continue
        if fix is not None and _rewrites_a_whole_sentence(post, fix[0], sentences) \
                and not _replaces_the_post(post, fix[0]):
            if try_drop(finding, start):  # a stock sentence in place of the writer's reads worse than none
                continue
            fix = None
        if fix is not None and _replaces_the_post(post, fix[0]) and not post.kind.endswith("reply"):
            fix = None  # a post replaced by a stock text is no longer the writer's post: advice only
        if fix is not None and _absolute_repeated(post, finding, fix[0], errors):
            # neither the rewording nor a drop takes out what is said again ("... REVERSE.")
            advice.append(f"{finding.rule_id}: {_advice(finding)}")
            plan.unhandled.append(finding)
            continue
        if fix is not None:
            edits, _ = fix
            deleted = [s for s in sentences if any(not e.replacement and e.start <= s[0] and s[1] <= e.end for e in edits)]
            if deleted and (not _leaves_a_statement(post, [*plan.dropped, *deleted], sentences, parse, stock)
                            or _target_survives(post, finding, [*plan.dropped, *deleted], sentences)):
                fix = None  # the rule's own "delete the sentence" is held to the same tests as a drop
        if fix is not None:
            edits, _ = fix
            if not any(_overlaps(e, plan.edits) for e in edits) and not _empties(post, edits):
                plan.dropped.extend(deleted)
                plan.edits.extend(edits)
                plan.safe = False
                plan.claims = plan.claims or finding.family == "claim"
                plan.actions.append(f"{finding.rule_id}: {_describe(finding)}")
                continue
        if finding.family == "claim" and parse is not None and (sentence := sentence_at(start)) is not None \
                and _reworded(finding, plan.edits):
            # a timeline promise riding on a claim another finding rewords ("reverses aging in 28 days" ->
            # "may help with signs of aging"): its own fix needs figures, so the time to the result goes.
            # On its own ("Lose 20 lbs in 2 weeks") the quantified promise would stay: drop or advice.
            own = [e for e in promise_edits(post.text, [sentence], parse, plan.edits, refunds=False)
                   if e.start < finding.range.end and finding.range.start < e.end and region.allows(e)]
            if own:
                plan.edits.extend(own)
                plan.safe = False
                plan.claims = True
                plan.actions.append(f"{finding.rule_id}: took out the promised time to the result")
                continue
        if try_drop(finding, start):
            continue
        advice.append(f"{finding.rule_id}: {_advice(finding)}")
        plan.unhandled.append(finding)
    if any(_DISCLAIMER_ADDED.search(e.replacement) for e in plan.edits):
        typical = [e for e in typicality_edits(post.text, plan.edits) if region.allows(e)]
        if typical:  # "(Results are typical!) Individual results vary." contradicts itself
            plan.edits.extend(typical)
            plan.safe = False
            plan.actions.append("claims: took out the claim that the results shown are typical")
    if plan.claims and parse is not None:
        # the promise said again in words no rule reports on their own ("... overnight", "..., or it's on us")
        kept = [s for s in sentences if s not in plan.dropped]
        extra = [e for e in promise_edits(post.text, kept, parse, plan.edits) if region.allows(e)]
        if extra:
            plan.edits.extend(extra)
            plan.actions.append("claims: took out the promise wording left in the post ("
                                + "; ".join(repr(post.text[e.start:e.end].strip(" ,")) for e in extra) + ")")
    return plan, advice


def _reworded(finding: Finding, edits: Sequence[Edit]) -> bool:
    """Another finding's rewording (not a drop) edits inside this finding's text."""
    return any(e.replacement and e.start < finding.range.end and finding.range.start < e.end for e in edits)


def _target_survives(post: Post, finding: Finding, dropped: Sequence[tuple[int, int]],
                     sentences: Sequence[tuple[int, int]]) -> bool:
    """A claim's target (the disease, the body part) named again in a kept sentence: the claim
    is most likely made there too ("... can help kids with ear infections"), in words the rules
    let pass, so dropping one sentence does not take it out. For a disease, outbreak or crisis
    claim any condition named in the kept text counts: it is the claim's other half, or the
    problem the dropped sentence sold the answer to ("Flu season is brutal this year."). For a
    contrast with medicine, see :func:`contrast_survives`."""
    kept = " ".join(post.text[s:e].lower() for s, e in sentences if (s, e) not in dropped)
    if any(e.label in _CONTRASTS for e in finding.evidence) and contrast_survives(kept):
        return True
    if any(e.label.startswith("target") or e.label in {"disease", "outbreak", "crisis"} for e in finding.evidence) \
            and names_a_condition(kept):
        return True  # "Flu season is brutal this year." is the problem the dropped sentence sold the answer to
    targets = {e.text.lower() for e in finding.evidence
               if e.text and (e.label.startswith("target") or e.label in {"disease", "outbreak"}) and len(e.text) > 3}
    if not targets:
        return False
    return any(re.search(rf"(?<!\w){re.escape(t)}(?!\w)", kept) for t in targets)


def names_a_condition(text: str) -> bool:
    """A disease, infection, outbreak or lay condition of the claim target lexicons is named."""
    words = re.findall(r"[\w'\u2019-]+", text.lower())
    grams = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 5) + 1)}
    return bool(grams & _condition_targets())


# Findings that set our care against medicine (CLM009, CLM017) or vaccines (CLM011): the claim is the contrast.
_CONTRASTS = frozenset({"SUPERIORITY-CLAIM", "ANTI-VACCINE", "DISCOURAGES-TREATMENT"})
_CONVENTIONAL = re.compile(
    r"\b(?:meds|medications?|medicines?|prescriptions?|pills|drugs|pharma|pharmaceuticals?|statins?|antidepressants?|"
    r"antibiotics?|insulin|chemo(?:therapy)?|surgery|surgeries|vaccines?|vaccinations?|jabs?|cardiologists?|"
    r"oncologists?|psychiatrists?|(?:your|conventional|regular|mainstream)\s+(?:doctors?|physicians?|gp|care))\b")
_ENOUGH = re.compile(r"\ball\s+(?:you|your\s+\w+|they|we|he|she)\s+(?:really\s+|ever\s+)?needs?\b|\bno\s+need\s+for\b|"
                     r"\byou\s+(?:just\s+|only\s+|really\s+)?need\s+(?:our|this|these)\b")


def contrast_survives(kept: str) -> bool:
    """Once the sentence that set our care against medicine or vaccines is dropped, the contrast is
    still made when the kept text names the medicine ("Your cardiologist wants you on statins"),
    offers ours as all one needs ("Vitamin A is all your child needs") or offers ours for a disease
    named in the target lexicons ("exosome therapy for osteoarthritis", "brings high blood pressure
    down naturally")."""
    kept = kept.lower()
    if _CONVENTIONAL.search(kept) or _ENOUGH.search(kept):
        return True
    if set(re.findall(r"[\w'\u2019-]+", kept)) & _prescription_medicines():
        return True
    return names_a_condition(kept)


@lru_cache(maxsize=1)
def _condition_targets() -> frozenset[str]:
    names = ("claim_targets_lay", "claim_targets_conditions", "claim_targets_infections", "claim_targets_outbreaks")
    return frozenset(p.lower() for n in names for p in builtin_lexicon(n).phrases)


@lru_cache(maxsize=1)
def _prescription_medicines() -> frozenset[str]:
    return frozenset(p.lower() for p in builtin_lexicon("prescription_only_medicines").phrases)


def _absolute_repeated(post: Post, finding: Finding, edits: Sequence[Edit], others: Sequence[Finding]) -> bool:
    """The absolute a swap took out is said again where no finding will reword it ("Permanent hair
    removal. Yes, PERMANENT."): the reworded sentence would contradict its neighbour."""
    if finding.family != "claim" or len(edits) != 1 or not edits[0].replacement:
        return False
    edit = edits[0]
    words = {w.lower() for w in _WORDS.findall(post.original[edit.start:edit.end]) if len(w) > 4}
    words -= {w.lower() for w in _WORDS.findall(edit.replacement)}
    rest = list(post.text.lower())  # the prose view: front matter, code and link targets are blanked
    for start, end in [(edit.start, edit.end), *((f.range.start, f.range.end) for f in others)]:
        rest[start:end] = " " * (end - start)
    rest = "".join(rest)
    stems = {w[:-2] if len(w) > 6 else w for w in words}  # "reverses" is said again as "REVERSE"
    if _OTHER_ABSOLUTES.search(rest):
        return True  # "works for many people, every time. No exceptions!": the absolute stays in other words
    return any(re.search(rf"(?<!\w){re.escape(stem)}\w*", rest) for stem in stems)


_OTHER_ABSOLUTES = re.compile(r"\bno\s+exceptions?\b|\bwithout\s+exception\b|\bevery\s+(?:single\s+)?time\b|"
                              r"\b(?:works|worked)\s+for\s+(?:everyone|everybody)\b", re.I)


def _rewrites_a_whole_sentence(post: Post, edits: Sequence[Edit], sentences: Sequence[tuple[int, int]]) -> bool:
    return any(e.replacement and any(e.start <= s and t <= e.end for s, t in sentences) for e in edits)


def _replaces_the_post(post: Post, edits: Sequence[Edit]) -> bool:
    stripped = post.text.strip()
    first = len(post.text) - len(post.text.lstrip())
    return any(e.replacement and e.start <= first and e.end >= first + len(stripped) for e in edits)


def says_something(text: str, sentences: Sequence[tuple[int, int]], parse: Callable | None = None,
                   stock: Sequence[str] = ()) -> bool:
    """A postable text has a sentence of the writer's own that is a statement (:func:`is_statement`)."""
    return any(is_statement(text[s:e], parse) and not _is_stock(text[s:e], stock) for s, e in sentences)


def _empties(post: Post, edits: Sequence[Edit]) -> bool:
    """True when the edits would leave the post with too few words to stand on its own."""
    after = apply_edits(post.original, edits)
    return content_words(after) < MIN_WORDS_LEFT


def _describe(finding: Finding) -> str:
    return next((s.description for s in finding.suggestions if s.is_fix), "rewritten")


def _advice(finding: Finding) -> str:
    return next((s.description for s in finding.suggestions), finding.message)


def rewrite_post(text: str, lint: Callable[[str], Sequence[Finding]], post_of: Callable[[str], Post],
                 sentences_of: Callable[[str], Sequence[tuple[int, int]]], *,
                 path: str = "<text>", record: int | None = None, parse: Callable | None = None) -> PostRewrite:
    """The post-level rewrite of ``text``.

    ``lint(draft)`` gives a draft's findings, ``post_of(draft)`` its :class:`Post` (prose view
    and protected spans), ``sentences_of(prose)`` the ``(start, end)`` of each sentence, and
    ``parse(text)`` (optional) a spaCy ``Doc`` for agreement repairs.
    """
    first = [f for f in lint(text) if is_error(f)]
    if not first:
        return PostRewrite("clean", text, path=path, record=record)
    rules = tuple(sorted({f.rule_id for f in first}))
    current = text
    actions: list[str] = []
    safe = True
    advice: list[str] = []
    errors = first
    stock: list[str] = []  # sentences the rules' fixes inserted; a reply template is the reply itself
    for _ in range(MAX_ROUNDS):
        post = post_of(current)
        region = EditableRegion.of_post(post)
        plan, advice = _plan(post, errors, _sentence_spans(post, sentences_of), region, parse, stock)
        if not plan.edits:
            break
        if not post.kind.endswith("reply"):
            stock.extend(e.replacement.strip() for e in plan.edits if content_words(e.replacement) >= MIN_WORDS_LEFT)
        rewritten, boundaries = apply_tracked(current, plan.edits)
        current = tidy(rewritten, boundaries, post_of(rewritten).protected, parse)
        actions.extend(plan.actions)
        safe = safe and plan.safe
        errors = [f for f in lint(current) if is_error(f)]
        prose = post_of(current).text
        if not says_something(prose, sentences_of(prose), parse, stock):
            advice = ["nothing postable would be left once the problem is taken out; rewrite the post"]
            break
        if not errors and not post.kind.endswith("reply") \
                and content_words(prose) < MIN_SHARE_KEPT * content_words(post_of(text).text):
            advice = ["most of the post would go with the problem; rewrite the post"]
            break
        if not errors and plan.untouched():
            advice = [a for a in advice if any(a.startswith(f"{f.rule_id}: ") for f in plan.untouched())]
            break
        if not errors:
            return PostRewrite("rewritten", text, current, safe, rules, tuple(actions), path=path, record=record)
    reasons = tuple(dict.fromkeys([*advice, *(f"{f.rule_id}: {_advice(f)}" for f in errors)]))
    return PostRewrite("advice", text, None, False, rules, tuple(actions), reasons, path=path, record=record)
