"""END001 and END002: material connections must be disclosed, and disclosed where people see them.

A post shows a connection on its face (a personal discount code, an affiliate link, a PR
package, "tell them I sent you"), or through influencer mechanics in a first-person post that
tags a brand or sells a product ("link in bio", "swipe up", "I partnered with @brand"). What counts as a
disclosure is one notion, language/disclosures.py: plain labels (#ad, "Sponsored", "Paid partnership
with ...") or the connection in the post's own words ("the clinic gifted me this", "thanks to @spa for the
free session", "I earn a commission", "I work at ..."); ambiguous words (#sp, #collab, a bare "thanks
@brand") are no disclosure, and END002 reports them as a warning instead of END001. The front-matter
flags ``paid_partnership: true`` (the platform's paid-partnership label) or ``disclosure``
(a disclosure made elsewhere in the post, e.g. on screen) satisfy both rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from ...analysis import Analysis
from ...language.commerce import commercial_cues
from ...language.disclosures import disclosures as all_disclosures
from ...language.spans import TextSpan
from ...language.voice import first_person_singular, handles, own_partnerships, personal_discounts, promo_codes
from ...model import Applicability, Edit, Evidence, Example, Hit, RuleMeta, Severity, Suggestion
from ...flags import flag
from ...language.layout import first_prose_offset
from ...language.voice import FIRST_PERSON
from ...vocabularies import tagged_matches
from .options import endorsement_options

CITATION = ("FTC Guides Concerning the Use of Endorsements and Testimonials in Advertising, 16 CFR 255.5 "
            "(revised July 26 2023, 88 FR 48092); FTC 'Disclosures 101 for Social Media Influencers' (Nov 2019)")
HANDLE = regex.compile(r"(?<![\w@])@\w{2,}")
HASHTAG = regex.compile(r"(?<![\w#])#\w+")
SOUP_SIZE = 4  # hashtags in a run that make it "hashtag soup" (FTC: disclosures lost among many tags)


def disclosure_flagged(analysis: Analysis) -> bool:
    """The post's front matter says a disclosure is made (platform label or on-screen text)."""
    metadata = analysis.post.metadata
    if flag(metadata, "paid_partnership") is True:
        return True
    value = metadata.get("disclosure")
    if isinstance(value, str):
        return flag(metadata, "disclosure") is not False and bool(value.strip())
    return flag(metadata, "disclosure") is True


def endorser_voice(text: str) -> bool:
    """A first-person post that tags an account: how influencer and insider endorsements read."""
    return FIRST_PERSON.search(text) is not None and HANDLE.search(text) is not None


def _parse_signals(analysis: Analysis) -> list[tuple[str, TextSpan]]:
    """Connections read from the parse: a discount code or a price cut offered in one person's voice.

    "Use code SPRING for our skincare line" is the practice's own promotion; "i used this ... code
    'ANNA5' saves you £5" is an endorser's. A brand tag or a code next to the discount makes it personal."""
    doc = analysis.doc
    if not first_person_singular(doc):
        return []
    codes = promo_codes(doc)
    found = [("code", c) for c in codes]
    if codes or handles(doc) or analysis.cues("connection_markers"):
        found += [("discount", d) for d in personal_discounts(analysis)]
    found += [("marker", c) for c in analysis.cues("connection_markers")
              if _link_words(c.text) not in LINK_MARKERS or _shopping(analysis, c)]
    found += [("partnership", p) for p in own_partnerships(doc)]
    return found


LINK_MARKERS = frozenset({"my link", "link in bio", "link in my bio", "swipe up", "linked in my bio", "linked in bio",
                          "links in bio", "links in my bio"})


def _link_words(text: str) -> str:
    return " ".join(text.lower().split())


def _shopping(analysis: Analysis, link: TextSpan) -> bool:
    """A link sells when the post sells or names a product besides the link itself ("link in bio to shop",
    "the serum I use, link in bio"); "link in bio for our newsletter" does not."""
    cues = [*commercial_cues(analysis), *analysis.cues("promoter_products")]
    return any(not c.overlaps(link) and c.text.lower() not in LINK_MARKERS for c in cues)


def connection_signals(analysis: Analysis) -> list[tuple[str, TextSpan]]:
    text = analysis.text
    found = [(kind, TextSpan(m.start(), m.end(), kind, m.group(0), "vocabulary:endorsement_connection"))
             for kind, _, m in tagged_matches("endorsement_connection", text)]
    voice = endorser_voice(text)
    kept = [(kind, m) for kind, m in found if kind == "strong" or (
        voice and (_link_words(m.text) not in LINK_MARKERS or _shopping(analysis, m)))]
    for kind, span in _parse_signals(analysis):
        if not any(span.overlaps(k) for _, k in kept):
            kept.append((kind, span))
    # a connection denied ("no brand deals, no affiliate links here") is no connection
    kept = [(kind, span) for kind, span in kept if not _denied(analysis, span)]
    return sorted(kept, key=lambda item: item[1].start)


DENYING_WORDS = frozenset({"no", "zero", "without", "not", "never"})


def _denied(analysis: Analysis, span: TextSpan) -> bool:
    """The connection word is denied in its own phrase ("no affiliate links", "zero sponsorships",
    "without any brand deal"). A denial elsewhere in the sentence ("this isn't sponsored, but use my
    code") does not reach a code the post then gives."""
    doc = analysis.doc
    tokens = [t for t in doc if span.start <= t.idx < span.end]
    if not tokens:
        return False
    before = [t for t in doc[max(tokens[0].sent.start, tokens[0].i - 3):tokens[0].i] if not t.is_punct]
    if any(t.lower_ in DENYING_WORDS for t in before[-2:]):
        return True
    return any(c.dep_ in {"det", "neg"} and c.lower_ in DENYING_WORDS for t in tokens for c in t.children)


def disclosures(analysis: Analysis, connected: bool) -> list[TextSpan]:
    """Clear disclosures (language.disclosures): advertising labels anywhere, plus stated relationships
    when the post shows a connection or reads as an endorsement (an institution's "I work with local
    leaders" is not an ad label)."""
    return [d.span for d in all_disclosures(analysis) if d.kind == "label" or (d.kind == "relation" and connected)]


def ambiguous_disclosures(analysis: Analysis, connected: bool) -> list[TextSpan]:
    """Words that gesture at a connection without saying the post is paid ("#sp", "#collab", "partnered
    with", "thanks @brand"): hashtags always, the rest only when the post shows a connection."""
    return [d.span for d in all_disclosures(analysis) if d.kind == "ambiguous" and (d.tier == "tag" or connected)]


def _hashtag_runs(text: str) -> list[tuple[int, int, int]]:
    """Runs of consecutive hashtags: (start, end, count)."""
    runs: list[tuple[int, int, int]] = []
    for tag in HASHTAG.finditer(text):
        if runs and text[runs[-1][1]:tag.start()].strip() == "":
            start, _, count = runs[-1]
            runs[-1] = (start, tag.end(), count + 1)
        else:
            runs.append((tag.start(), tag.end(), 1))
    return runs


def buried(text: str, disclosure: TextSpan, window: int) -> str | None:
    """Why a disclosure is easy to miss, or None when it is up front."""
    prose_start = first_prose_offset(text)
    if disclosure.start - prose_start > window:
        return f"it starts {disclosure.start - prose_start} characters in, past the first {window}"
    for start, end, count in _hashtag_runs(text):
        if start <= disclosure.start < end and count >= SOUP_SIZE and start > prose_start:
            return f"it is one of {count} hashtags in a row"
    return None


@dataclass(frozen=True)
class UndisclosedConnection:
    meta: RuleMeta = field(default=RuleMeta(
        id="END001",
        name="undisclosed-material-connection",
        family="endorsement",
        severity=Severity.ERROR,
        message="endorsement with a material connection ('{signal}') and no disclosure such as #ad, 'Sponsored' or "
                "'Paid partnership with ...'",
        citation=CITATION,
        url="https://www.ftc.gov/business-guidance/resources/disclosures-101-social-media-influencers",
        summary="Finds influencer and insider posts that show a material connection (personal discount codes, "
                "affiliate links, PR packages, 'tell them I sent you', brand-ambassador tags, or influencer "
                "mechanics like 'link in bio' in a first-person post that tags a brand or sells a product) "
                "without a disclosure. A disclosure in the post's own words counts ('the clinic gifted me this', "
                "'thanks to @spa for the free session', 'I earn a commission from this link', 'I'm an ambassador "
                "for ...'); an ambiguous one (#sp, #collab, 'thanks @brand') is END002's. The front-matter flags "
                "paid_partnership: true or disclosure: <text> satisfy it.",
        rationale="Payment, free treatment, commissions, employment and family ties change how much weight readers "
                  "give an endorsement, so they must be disclosed clearly; ambiguous tags (#sp, #collab, #partner, "
                  "'thanks @clinic') are not disclosures (FTC v. Teami, 2020; FTC letters to health influencers, 2023).",
        fix_safety="Unsafe: the fix puts '#ad' at the start of the post; the author must confirm that the connection "
                   "is a paid or gifted one (or write 'I work at ...' instead).",
        examples=(
            Example("Obsessed with my lips after my visit to @GlowMedSpa! Use my code JENNA15 for 15% off.", "fail",
                    fixed="#ad Obsessed with my lips after my visit to @GlowMedSpa! Use my code JENNA15 for 15% off."),
            Example("#ad Paid partnership with @GlowMedSpa: use my code JENNA15 when you book.", "pass"),
            Example("Obsessed with my new smile from @BrightSmileDental! Use my code SMILE10 when you book.", "pass",
                    metadata={"paid_partnership": True}),
            Example("Shop our in-office skincare line at the front desk.", "pass"),
        ),
        fixable=True,
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        signals = connection_signals(analysis)
        if not signals or disclosure_flagged(analysis) or disclosures(analysis, connected=True) or \
                ambiguous_disclosures(analysis, connected=True):
            return  # an ambiguous one ("#sp", "thanks @brand") is END002's
        kind, signal = signals[0]
        at = first_prose_offset(analysis.text)
        yield Hit(
            signal.start, signal.end,
            message=self.meta.message.format(signal=signal.text),
            category="UNDISCLOSED-ENDORSEMENT",
            evidence=tuple(Evidence("pattern", f"connection ({k})", m.text, m.start, m.end, m.source)
                           for k, m in signals),
            suggestions=(Suggestion("Disclose the connection at the start: '#ad' (or 'Paid partnership with ...', "
                                    "'I work at ...')", (Edit(at, at, "#ad "),), Applicability.UNSAFE),),
        )


@dataclass(frozen=True)
class BuriedDisclosure:
    meta: RuleMeta = field(default=RuleMeta(
        id="END002",
        name="buried-disclosure",
        family="endorsement",
        severity=Severity.WARNING,
        message="disclosure '{disclosure}' is {what}: {why}",
        citation=CITATION,
        url="https://www.ftc.gov/business-guidance/resources/disclosures-101-social-media-influencers",
        summary="Finds a disclosure (#ad, 'Sponsored', 'Paid partnership', 'the clinic gifted me this', 'I earn a "
                "commission') that appears only after the first [tool.hclint.endorsement] disclosure_window "
                "characters (default 125, what a caption shows before 'more') or inside a run of four or more "
                "hashtags; and a post whose only disclosure is ambiguous (#sp, #spon, #collab, #partner, "
                "'partnered with', a bare 'thanks @brand') while it shows a connection. The front-matter flags "
                "paid_partnership: true or disclosure: <text> satisfy it.",
        rationale="A disclosure must be hard to miss and plain: the FTC's 2023 letters to health influencers "
                  "faulted disclosures 'buried' in hashtags several lines down, Disclosures 101 asks for them above "
                  "the 'more' cut and not among many hashtags, and it names #sp, #spon, #collab and 'thanks' as "
                  "terms readers do not understand (FTC v. Teami, 2020). A connection the post shows (a code, an "
                  "affiliate link, a gift) with only an ambiguous word for it is not disclosed at all: reported at "
                  "error, like END001.",
        fix_safety="Safe when buried: the fix moves the post's own disclosure words to the start without changing "
                   "them. Unsafe when ambiguous: the fix puts '#ad' at the start, and the author must confirm that "
                   "the connection is a paid or gifted one.",
        examples=(
            Example("Glow day at @DermaGlowStudio today, loved it #facial #skincare #glow #ad #spa #selfcare", "fail",
                    fixed="#ad Glow day at @DermaGlowStudio today, loved it #facial #skincare #glow #spa #selfcare"),
            Example("#ad Glow day at @DermaGlowStudio today, loved it #facial #skincare #glow #spa", "pass"),
            Example("Loving my new lash serum from @LashLoftCo, use my code LOFT20 #sp", "fail",
                    fixed="#ad Loving my new lash serum from @LashLoftCo, use my code LOFT20 #sp"),
            Example("The team at @LumenSkin gifted me this peel, so here is my honest take: use my code LUMEN10.",
                    "pass"),
            Example("Glow day at @DermaGlowStudio today, loved it #facial #skincare #glow #ad #spa", "pass",
                    metadata={"paid_partnership": True}),
        ),
        fixable=True,
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.text
        if disclosure_flagged(analysis):
            return
        signals = connection_signals(analysis)
        connected = bool(signals) or endorser_voice(text)
        found = disclosures(analysis, connected)
        if found:
            window = endorsement_options(analysis.settings).disclosure_window
            reasons = [buried(text, d, window) for d in found]
            if any(reason is None for reason in reasons):
                return
            disclosure, what, why = found[0], "easy to miss", reasons[0] + "; put it at the start of the post"
            severity = None
            fix = Suggestion("Move the disclosure to the start of the post",
                             _move_to_start(analysis.post.original, text, disclosure), Applicability.SAFE)
        else:
            vague = ambiguous_disclosures(analysis, bool(signals))
            if not vague:
                return
            severity = Severity.ERROR if signals else None  # a shown connection, told only ambiguously
            disclosure, what = vague[0], "ambiguous"
            why = ("it does not tell readers the post is paid or gifted; say '#ad' or 'Paid partnership with ...' "
                   "at the start")
            at = first_prose_offset(text)
            fix = Suggestion("Say it plainly at the start: '#ad' (or 'Paid partnership with ...', 'X gave me this "
                             "for free')", (Edit(at, at, "#ad "),), Applicability.UNSAFE)
        yield Hit(
            disclosure.start, disclosure.end,
            message=self.meta.message.format(disclosure=disclosure.text, what=what, why=why),
            category="BURIED-DISCLOSURE",
            evidence=(Evidence("pattern", "disclosure", disclosure.text, disclosure.start, disclosure.end,
                               disclosure.source),),
            suggestions=(fix,),
            severity=severity,
        )


def _move_to_start(original: str, text: str, disclosure: TextSpan) -> tuple[Edit, ...]:
    start, end = disclosure.start, disclosure.end
    words = original[start:end].rstrip()
    end = start + len(words)
    # take a closing full stop with a disclosure that is its own sentence ("Sponsored by @X.")
    if end < len(original) and original[end] == "." and (end + 1 == len(original) or original[end + 1].isspace()):
        end += 1
        words += "."
    # nothing but whitespace after it: take the blank lines and spaces before it too
    blank = " \t\n\r" if not original[end:].strip() else " \t"
    while start > 0 and original[start - 1] in blank:
        start -= 1
    at = first_prose_offset(text)
    if start <= at:
        start = disclosure.start
    return (Edit(at, at, words + " "), Edit(start, end, ""))
