"""END001 and END002: material connections must be disclosed, and disclosed where people see them.

A post shows a connection on its face (a personal discount code, an affiliate link, a PR
package, "tell them I sent you"), or through influencer mechanics in a first-person post that
tags a brand ("link in bio", "swipe up"). It is disclosed by plain words: #ad, "Sponsored",
"Paid partnership with ...", "X gave me this for free", "I work at ...". The front-matter
flags ``paid_partnership: true`` (the platform's paid-partnership label) or ``disclosure``
(a disclosure made elsewhere in the post, e.g. on screen) satisfy both rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from ...analysis import Analysis
from ...language.spans import TextSpan
from ...language.voice import first_person_singular, handles, personal_discounts, promo_codes
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
    found += [("marker", c) for c in analysis.cues("connection_markers")]
    return found


def connection_signals(analysis: Analysis) -> list[tuple[str, TextSpan]]:
    text = analysis.text
    found = [(kind, TextSpan(m.start(), m.end(), kind, m.group(0), "vocabulary:endorsement_connection"))
             for kind, _, m in tagged_matches("endorsement_connection", text)]
    voice = endorser_voice(text)
    kept = [(kind, m) for kind, m in found if kind == "strong" or voice]
    for kind, span in _parse_signals(analysis):
        if not any(span.overlaps(k) for _, k in kept):
            kept.append((kind, span))
    return sorted(kept, key=lambda item: item[1].start)


def disclosures(analysis: Analysis, connected: bool) -> list[regex.Match]:
    """Advertising labels, plus stated relationships when the post shows a connection or reads as
    an endorsement (an institution's "in collaboration with local leaders" is not an ad label)."""
    return [m for kind, _, m in tagged_matches("endorsement_disclosure", analysis.text)
            if kind == "label" or connected]


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


def buried(text: str, disclosure: regex.Match, window: int) -> str | None:
    """Why a disclosure is easy to miss, or None when it is up front."""
    prose_start = first_prose_offset(text)
    if disclosure.start() - prose_start > window:
        return f"it starts {disclosure.start() - prose_start} characters in, past the first {window}"
    for start, end, count in _hashtag_runs(text):
        if start <= disclosure.start() < end and count >= SOUP_SIZE and start > prose_start:
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
                "mechanics like 'link in bio' in a first-person post that tags a brand) without a clear "
                "disclosure. The front-matter flags paid_partnership: true or disclosure: <text> satisfy it.",
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
        if not signals or disclosure_flagged(analysis) or disclosures(analysis, connected=True):
            return
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
        message="disclosure '{disclosure}' is easy to miss: {why}; put it at the start of the post",
        citation=CITATION,
        url="https://www.ftc.gov/business-guidance/resources/disclosures-101-social-media-influencers",
        summary="Finds a disclosure (#ad, 'Sponsored', 'Paid partnership') that appears only after the first "
                "[tool.hclint.endorsement] disclosure_window characters (default 125, what a caption shows before "
                "'more') or inside a run of four or more hashtags. The front-matter flags paid_partnership: true "
                "or disclosure: <text> satisfy it.",
        rationale="A disclosure must be hard to miss: the FTC's 2023 letters to health influencers faulted "
                  "disclosures 'buried' in hashtags several lines down, and Disclosures 101 asks for them above "
                  "the 'more' cut and not among many hashtags.",
        fix_safety="Safe: the fix moves the post's own disclosure words to the start without changing them.",
        examples=(
            Example("Glow day at @DermaGlowStudio today, loved it #facial #skincare #glow #ad #spa #selfcare", "fail",
                    fixed="#ad Glow day at @DermaGlowStudio today, loved it #facial #skincare #glow #spa #selfcare"),
            Example("#ad Glow day at @DermaGlowStudio today, loved it #facial #skincare #glow #spa", "pass"),
            Example("Glow day at @DermaGlowStudio today, loved it #facial #skincare #glow #ad #spa", "pass",
                    metadata={"paid_partnership": True}),
        ),
        fixable=True,
    ))

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.text
        connected = bool(connection_signals(analysis)) or endorser_voice(text)
        found = disclosures(analysis, connected)
        if not found or disclosure_flagged(analysis):
            return
        window = endorsement_options(analysis.settings).disclosure_window
        reasons = [buried(text, d, window) for d in found]
        if any(reason is None for reason in reasons):
            return
        disclosure, why = found[0], reasons[0]
        yield Hit(
            disclosure.start(), disclosure.end(),
            message=self.meta.message.format(disclosure=disclosure.group(0), why=why),
            category="BURIED-DISCLOSURE",
            evidence=(Evidence("pattern", "disclosure", disclosure.group(0), disclosure.start(), disclosure.end(),
                               "vocabulary:endorsement_disclosure"),),
            suggestions=(Suggestion("Move the disclosure to the start of the post",
                                    _move_to_start(analysis.post.original, text, disclosure), Applicability.SAFE),),
        )


def _move_to_start(original: str, text: str, disclosure: regex.Match) -> tuple[Edit, ...]:
    start, end = disclosure.span()
    words = original[start:end]
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
        start = disclosure.start()
    return (Edit(at, at, words + " "), Edit(start, end, ""))
