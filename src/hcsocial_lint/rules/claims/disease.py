"""Disease claims for products and services that are not approved to treat disease (CLM003),
and COVID-19 / outbreak claims (CLM004).

A disease claim needs three things in the same place: a named disease, a word that makes
the sentence a treatment or prevention claim about it (found by lemma: "treats", "reversed",
"heal"; or a frame: "stem cell therapy *for* autism", "arthritis *relief*"), and an
unapproved product or service the post is offering. Hospitals treating cancer with
chemotherapy, or an education post saying that exercise lowers blood pressure, have the first
two but not the third, and stay clean.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ...analysis import Analysis
from ...model import Applicability, Edit, Evidence, Example, Hit, RuleMeta, Severity, Suggestion
from ...vocabularies import raw_terms
from ...language.clauses import has_parse
from ...language.commerce import sells
from ...nlp.regex_budget import timed
from . import common, framed
from .common import ClaimRule

CUES = "claims_treatment_cues"
PRODUCTS = "claims_unapproved_products"
DISEASES = "claims_diseases"
OUTBREAKS = "claims_outbreaks"
RX = "claims_rx_drugs"
SUPPLEMENT_TERMS = "claims_supplement_terms"
MAX_GAP = 8  # tokens between a claim word and the disease it is about
POSTFIX_NOUNS = frozenset({"relief", "treatment", "treatments", "therapy", "therapies", "protocol", "remedy",
                           "remedies", "cure", "cures", "reversal", "solution", "program"})
FRAME_WORDS = frozenset({"for", "against"})
_CASE_SENSITIVE_DISEASES = regex.compile(r"(?<![\w-])(?:MS|ALS)(?![\w-])")
_HASHTAG = timed(regex.compile(r"(?<![\w#])#(\w+)"), "claims", "hashtags")
_OUTBREAK_HASHTAG_STEMS = regex.compile(r"covid|corona|omicron|pandemic|sarscov|virus|flu|rsv|mpox|monkeypox|measles|quarantin|h5n1|h1n1")
IMMUNE = regex.compile(r"(?<![\w-])immun\w*", regex.IGNORECASE)
_PRONOUN = regex.compile(r"\b(?:it|this|them|these|that)\b", regex.IGNORECASE)


@dataclass(frozen=True)
class Claim:
    cue: tuple[int, int, str]
    target: tuple[int, int, str]
    product: tuple[int, int, str] | None
    sentence: int
    how: str


def disease_mentions(analysis: Analysis, start: int, end: int) -> list[tuple[int, int, str]]:
    found = common.find(DISEASES, analysis.text, start, end)
    found += [(m.start(), m.end(), m.group(0)) for m in _CASE_SENSITIVE_DISEASES.finditer(analysis.text, start, end)]
    outbreaks = common.find(OUTBREAKS, analysis.text, start, end)
    return sorted(d for d in found if not any(o[0] < d[1] and d[0] < o[1] for o in outbreaks))


def outbreak_mentions(analysis: Analysis, start: int, end: int) -> list[tuple[int, int, str]]:
    return common.find(OUTBREAKS, analysis.text, start, end)


def product_mentions(analysis: Analysis, start: int, end: int, with_rx: bool = False) -> list[tuple[int, int, str]]:
    found = common.find(PRODUCTS, analysis.text, start, end)
    # a dietary supplement claiming to treat disease is an unapproved drug claim too
    found += [s for s in common.find(SUPPLEMENT_TERMS, analysis.text, start, end)
              if not any(f[0] <= s[0] < f[1] for f in found)]
    if with_rx:
        found += common.find(RX, analysis.text, start, end)
    return sorted(found)


@lru_cache(maxsize=1)
def _disease_in_hashtag() -> regex.Pattern:
    """A disease written as a hashtag body, where the spaces are gone: "#heartdisease", "#type2diabetes"."""
    alternatives = sorted((term.replace(" ", "[ _]?") for term in raw_terms(DISEASES)), key=len, reverse=True)
    return regex.compile("(?:" + "|".join(alternatives) + ")", regex.IGNORECASE)


def hashtags_where(analysis: Analysis, names_it) -> list[tuple[int, int, str]]:
    """(start, end, "#tag") for each hashtag whose body (without "#") ``names_it`` accepts."""
    return [(m.start(), m.end(), m.group(0)) for m in _HASHTAG.finditer(analysis.text) if names_it(m.group(1))]


def _names_a_disease(body: str) -> bool:
    return any(len(d.group(0)) >= 5 or d.group(0) == body  # "#hiv", not "#archive"
               for d in _disease_in_hashtag().finditer(body))


def disease_hashtags(analysis: Analysis) -> list[tuple[int, int, str]]:
    return hashtags_where(analysis, _names_a_disease)


def _research_sentence(analysis: Analysis, start: int, end: int) -> bool:
    return common.contains("claims_research_cues", analysis.text, start, end)


def related(analysis: Analysis, cue: tuple[int, int, str], target: tuple[int, int, str]) -> bool:
    """The claim word is about the target: shortly before it in the same clause, (with a
    parse) governing it, or wrapped around it ("kiss your arthritis goodbye")."""
    if cue[0] <= target[0] and target[1] <= cue[1]:
        return True
    if cue[1] <= target[0]:
        if common.governs(analysis, cue[0], cue[1], target[0], target[1]):
            return True
        gap = common.token_gap(analysis, cue[1], target[0])
        return gap <= MAX_GAP and not common.clause_break_between(analysis, cue[1], target[0])
    # a compound adjective: "flu-fighting", "virus-killing", "cancer-fighting"
    return analysis.text[target[1]:cue[0]] in {"-", "\u2013"}


def _postfix(analysis: Analysis, target: tuple[int, int, str]) -> tuple[int, int, str] | None:
    """"arthritis relief", "Lyme disease protocol", "diabetes reversal program"."""
    after = common.tokens_between(analysis, target[1], min(len(analysis.text), target[1] + 40))[:2]
    for token in after:
        if token.lower_ in POSTFIX_NOUNS:
            return token.idx, token.idx + len(token.text), token.text
        if not token.is_alpha:
            break
    return None


def _frame(analysis: Analysis, products: list[tuple[int, int, str]], target: tuple[int, int, str]) -> tuple[int, int, str] | None:
    """"<product> for <disease>", "<product> against <disease>"."""
    for product in products:
        if product[1] > target[0]:
            continue
        between = common.tokens_between(analysis, product[1], target[0])
        if len(between) > 8 or common.clause_break_between(analysis, product[1], target[0]):
            continue
        for token in between[:6]:
            if token.lower_ in FRAME_WORDS:
                return token.idx, token.idx + len(token.text), token.text
    return None


def claims_in(analysis: Analysis, targets_of, with_rx: bool) -> list[Claim]:
    """Every (claim word, target) pair of the post, with the product it is made for."""
    found: list[Claim] = []
    sentences = analysis.sentences
    for index, sentence in enumerate(sentences):
        s, e = sentence.start_char, sentence.end_char
        targets = targets_of(analysis, s, e)
        if not targets or _research_sentence(analysis, s, e):
            continue
        products = product_mentions(analysis, s, e, with_rx)
        if not products:
            # the product may be named in the sentence before or after ("Arthritis relief. Our CBD is here.")
            lo = sentences[index - 1].start_char if index > 0 else s
            hi = sentences[index + 1].end_char if index + 1 < len(sentences) else e
            products = product_mentions(analysis, lo, hi, with_rx)
        if not products:
            continue
        cues = common.cue_spans(analysis, CUES, s, e)
        for target in targets:
            pair = next((c for c in cues if related(analysis, c, target)), None)
            how = "claim word"
            if pair is None:
                # with a parse, the frame pattern "sold thing for a condition" reads this; a window
                # cannot tell "elderberry syrup for colds" from "recalls mushrooms for Listeria"
                pair = None if has_parse(analysis.doc) else _frame(analysis, products, target)
                how = "product for disease"
            if pair is None:
                pair = _postfix(analysis, target)
                how = "disease + treatment noun"
            if pair is not None:
                product = min(products, key=lambda p: abs(p[0] - pair[0]))
                found.append(Claim(pair, target, product, index, how))
    return found


def _skip(analysis: Analysis, claim: Claim) -> str | None:
    start, end = claim.cue[0], claim.cue[1]
    sentence_start = min(claim.cue[0], claim.target[0])
    sentence_end = max(claim.cue[1], claim.target[1])
    return (common.context_of(analysis, start, end, ("negated",))
            or common.context_of(analysis, sentence_start, sentence_end, ("question", "myth", "quoted")))


def _hedged(analysis: Analysis, claim: Claim) -> bool:
    return common.context_of(analysis, claim.cue[0], claim.cue[1], ("hedged",)) is not None


def frame_hit(analysis: Analysis, claim: framed.Claim, message: str, category: str, index: int,
              replacement: str | None) -> Hit:
    """A finding that names its frame: "promoter 'Our spray', effect 'prevents', target 'COVID-19'"."""
    frame = claim.frame
    start, end = frame.claim_span.start, frame.claim_span.end
    evidence = [Evidence("frame", "effect", frame.effect.text, frame.effect.start, frame.effect.end, f"frame:{frame.how}"),
                Evidence("frame", f"target ({frame.target_class})", frame.target.text, frame.target.start,
                         frame.target.end, f"lexicon:{frame.target.source.removeprefix('lexicon:')}")]
    if frame.agent.span is not None:
        evidence.insert(0, Evidence("frame", "promoter", frame.agent.span.text, frame.agent.span.start,
                                    frame.agent.span.end, frame.agent.why))
    suggestions: list[Suggestion] = []
    sentence = analysis.sentences[index]
    if replacement is not None:
        trailing = analysis.post.original[sentence.start_char:sentence.end_char]
        core_end = sentence.start_char + len(trailing.rstrip())
        suggestions.append(Suggestion("Replace the claim with a factual description of the product or service",
                                      (Edit(sentence.start_char, core_end, replacement),), Applicability.UNSAFE))
    else:
        edit = common.remove_sentence_edit(analysis, sentence)
        if edit is not None:
            suggestions.append(Suggestion("Delete the sentence that makes the claim", (edit,), Applicability.UNSAFE))
    suggestions.append(common.display("Remove the claim or substantiate it; point readers to public-health guidance"))
    hedge = " (hedged, but a promoter's hedged claim still needs evidence)" if claim.hedged else ""
    return common.hit(start, end, f"{message} [{frame.describe()}; {claim.reason}]{hedge}", category,
                      evidence=tuple(evidence), suggestions=tuple(suggestions),
                      severity=Severity.WARNING if claim.tentative else
                      Severity.ERROR if claim.hedged or claim.implied else None)


def _product_phrase(frame) -> str:
    """The promoter as the object of "We offer ...": "Our NAD+ infusions" -> "NAD+ infusions"."""
    if frame.agent.span is None:
        return "this product"
    words = frame.agent.span.text.split()
    while words and words[0].lower() in {"our", "my", "the", "this", "these", "your"}:
        words = words[1:]
    return " ".join(words) or "this product"


def _service_description(product: str) -> str:
    return f"We offer {product}. It is not a treatment for any disease."


@dataclass(frozen=True)
class DiseaseClaimUnapproved(ClaimRule):
    meta: RuleMeta = field(default=RuleMeta(
        id="CLM003",
        name="disease-claim-unapproved",
        family="claim",
        severity=Severity.CRITICAL,
        message="disease claim '{claim}' for {product}: unapproved products and services may not claim to treat, "
                "cure or prevent {disease}",
        citation="FD&C Act 201(g)(1)(B), 21 U.S.C. 321(g)(1)(B) (intended to treat or prevent disease = drug); "
                 "21 CFR 101.93(g) (disease claims for supplements); FTC Act §§5, 12; FTC Health Products "
                 "Compliance Guidance (2022); FTC v. A&O Enterprises (iV Bars, 2018); FTC v. Regenerative "
                 "Medical Group (2018)",
        url="https://www.ftc.gov/business-guidance/resources/health-products-compliance-guidance",
        summary="Finds claim frames whose target is a disease or symptom: a promoter (the organisation's own "
                "product or service, a sold thing such as CBD, an IV drip or a brand-named capsule, or an unnamed "
                "thing a caption or bio line describes) with an effect (treats, cures, reverses, prevents, relieves, "
                "'a remedy for', 'for') on a disease named in MeSH or in lay words; conditions offered as resolved "
                "without a verb ('no more migraines', 'reduced inflammation', 'a great buy if you have "
                "psoriasis', '#migrainerelief' on a product post); a sold substance written in any form ('C.B.D.', "
                "'#colloidalsilver', 'the benefits of spirulina'). The finding names its frame: promoter, effect, "
                "target.",
        rationale="A product marketed to treat or prevent disease is a drug in law; without FDA approval the claim "
                  "makes it an unapproved, misbranded drug, and the FTC treats it as an unsubstantiated health "
                  "claim. 'May help' does not change that (21 CFR 101.93(g)): a promoter's hedged disease claim is "
                  "reported at error rather than critical, never dropped; a kind of sold substance hedged in a post "
                  "that sells nothing ('hemp extract might be useful in treating ...') is a warning, and a kind of "
                  "practice hedged the same way ('acupuncture may help some people ...') teaches. Public-health education is not a product "
                  "claim: a frame whose means is a public-health measure or an established treatment ('vaccines "
                  "prevent measles', 'stem cell transplants treat leukemia') is skipped, and an organisation that "
                  "declares organisation.kind = \"public-health\" is not taken to promote what a subjectless fragment "
                  "describes. A recall notice ('recalls mushrooms for Listeria') has no effect on the disease and no "
                  "frame. Negated, asked, quoted and myth-busting sentences are not claims.",
        fix_safety="Unsafe: the fix replaces the claim sentence with a factual service description ('We offer "
                   "IV hydration. It is not a treatment for any disease.'), which deliberately drops the claim; "
                   "check the wording before posting.",
        examples=(
            Example("Our NAD+ infusions reverse the symptoms of Parkinson's. Call to book your series.", "fail",
                    fixed="We offer NAD+ infusions. It is not a treatment for any disease. Call to book your series."),
            Example("Stem cell therapy for autism and MS, now at our clinic!", "fail"),
            Example("Our CBD gummies may help relieve arthritis pain. Shop now.", "fail"),
            Example("Our cancer center treats patients with surgery, radiation and chemotherapy.", "pass"),
            Example("Stem cell injections have not been proven to treat autism.", "pass"),
            Example("Can chiropractic care prevent ear infections? Let's look at the evidence.", "pass"),
            Example("We offer IV hydration. It is not a treatment for any disease.", "pass"),
            Example("May help prevent dementia. Our brain tonic ships free.", "fail"),
            Example("Soothes eczema and eases joint pain. $29 at our shop.", "fail"),
            Example("Cannabidiol drops stop tumour growth.", "fail"),
            Example("RECALL: a food company recalls frozen corn for Listeria. Do not eat it.", "pass"),
            Example("Stem cell transplants are an established treatment for some leukemias.", "pass"),
            Example("No more gout, rosacea or hay fever!", "fail"),
            Example("This cream is a great buy if you have psoriasis.", "fail"),
            Example("Our gummies are not suitable if you have diabetes.", "pass"),
            Example("Benefits of sea moss: soothes eczema and eases joint pain.", "fail"),
            Example("C.B.D. shrank the tumours in every trial we ran.", "fail"),
        ),
        fixable=True,
    ))

    def _implied(self, analysis: Analysis, seen: set[int]) -> Iterator[Hit]:
        """"Lyme disease? Our ozone protocol..." / "Anxiety? Meet our CBD gummies.": a disease named as a
        lead-in question or heading, answered in the next sentences by an unapproved product."""
        sentences = analysis.sentences
        for index, sentence in enumerate(sentences):
            text = sentence.text.strip()
            lead_end = sentence.end_char
            if not (len(sentence) <= 8 and text.endswith(("?", ":"))):
                colon = text.find(":")  # "Mold toxicity, Lyme, MCAS: if conventional doctors ..."
                if colon == -1 or len(common.tokens_between(analysis, sentence.start_char, sentence.start_char + colon)) > 8:
                    continue
                lead_end = sentence.start_char + colon
            diseases = disease_mentions(analysis, sentence.start_char, lead_end)
            if not diseases:
                continue
            disease = diseases[0]
            if common.context_of(analysis, disease[0], disease[1], ("negated", "myth", "quoted")):
                continue
            first = index if lead_end < sentence.end_char else index + 1
            for follow in range(first, min(index + 3, len(sentences))):
                nxt = sentences[follow]
                products = product_mentions(analysis, max(nxt.start_char, lead_end), nxt.end_char)
                if not products or follow in seen or _research_sentence(analysis, nxt.start_char, nxt.end_char):
                    continue
                if common.context_of(analysis, products[0][0], products[0][1], ("negated", "question", "myth", "quoted")):
                    continue
                seen.add(follow)
                product = products[0]
                yield common.hit(
                    disease[0], disease[1],
                    self.meta.message.format(claim=f"{disease[2]} ... {product[2]}", product=f"'{product[2]}'",
                                             disease=disease[2]) + " (implied by pairing the disease with the product)",
                    "DISEASE-CLAIM",
                    evidence=(Evidence("pattern", "disease", disease[2], disease[0], disease[1], f"vocabulary:{DISEASES}"),
                              Evidence("context", "unapproved product", product[2], product[0], product[1],
                                       f"vocabulary:{PRODUCTS}")),
                    suggestions=(common.display("Do not pair a disease with the product; describe the service factually "
                                                "('We offer ... It is not a treatment for any disease.')"),),
                    severity=Severity.ERROR,
                )
                return

    def _framed(self, analysis: Analysis, seen: set[int]) -> Iterator[Hit]:
        """Disease claims found as frames on the parse (promoter, effect, target)."""
        for claim in framed.claims(analysis, "disease"):
            index = common.sentence_index(analysis, claim.frame.effect.start)
            if index in seen:
                continue
            seen.add(index)
            yield frame_hit(analysis, claim, self.meta.message.format(
                claim=analysis.text[claim.frame.claim_span.start:claim.frame.claim_span.end],
                product=f"'{claim.frame.promoter}'", disease=claim.frame.target.text), "DISEASE-CLAIM", index,
                _service_description(_product_phrase(claim.frame)))

    def find(self, analysis: Analysis) -> Iterator[Hit]:
        promotional = common.promotional(analysis)
        seen: set[int] = set()
        if promotional:
            yield from self._implied(analysis, seen)
        if has_parse(analysis.doc):
            yield from self._framed(analysis, seen)
        # the word-window reading: a claim word near a disease in a sentence naming an unapproved
        # product; it still finds the idioms no frame pattern covers ("kiss your rosacea goodbye")
        for claim in claims_in(analysis, disease_mentions, with_rx=False):
            if claim.sentence in seen or _skip(analysis, claim):
                continue
            hedged = _hedged(analysis, claim)
            if hedged and not promotional:
                continue  # "acupuncture may help some people with migraines": education, not an offer
            seen.add(claim.sentence)
            sentence = analysis.sentences[claim.sentence]
            start = min(claim.cue[0], claim.target[0])
            end = max(claim.cue[1], claim.target[1])
            product = claim.product[2] if claim.product else "this product"
            replacement = _service_description(product)
            trailing = analysis.post.original[sentence.start_char:sentence.end_char]
            core_end = sentence.start_char + len(trailing.rstrip())
            yield common.hit(
                start, end,
                self.meta.message.format(claim=analysis.text[start:end], product=f"'{product}'", disease=claim.target[2]),
                "DISEASE-CLAIM",
                evidence=(
                    Evidence("pattern", "disease", claim.target[2], claim.target[0], claim.target[1], f"vocabulary:{DISEASES}"),
                    Evidence("pattern", claim.how, claim.cue[2], claim.cue[0], claim.cue[1], f"vocabulary:{CUES}"),
                    Evidence("context", "unapproved product", product, claim.product[0] if claim.product else None,
                             claim.product[1] if claim.product else None, f"vocabulary:{PRODUCTS}"),
                ),
                suggestions=(
                    Suggestion("Replace the disease claim with a factual description of the service",
                               (Edit(sentence.start_char, core_end, replacement),), Applicability.UNSAFE),
                ),
                severity=Severity.ERROR if hedged else None,
            )
        if promotional and not seen:
            yield from self._hashtags(analysis)

    def _hashtags(self, analysis: Analysis) -> Iterator[Hit]:
        """Disease hashtags on a post that offers an unapproved product ("Try our hydrogen bar!
        #diabetes #heartdisease"): the tag makes the disease claim the text leaves unsaid, as
        self-regulators found for outbreak hashtags on immune-support posts."""
        tags = disease_hashtags(analysis)
        products = product_mentions(analysis, 0, len(analysis.text)) if tags else []
        if not products or common.contains("claims_research_cues", analysis.text):
            return
        start, end, tag = tags[0]
        product = products[0]
        yield common.hit(
            start, end,
            self.meta.message.format(claim=tag, product=f"'{product[2]}'", disease=tag.lstrip("#"))
            + " (implied by a disease hashtag on the product post)",
            "DISEASE-HASHTAG",
            evidence=(Evidence("pattern", "disease hashtag", tag, start, end, f"vocabulary:{DISEASES}"),
                      Evidence("context", "unapproved product", product[2], product[0], product[1], f"vocabulary:{PRODUCTS}")),
            suggestions=(common.display("Remove disease hashtags from posts that offer the product; describe the "
                                        "service factually"),),
            severity=Severity.ERROR,
        )


def _outbreak_hashtags(analysis: Analysis) -> list[tuple[int, int, str]]:
    return hashtags_where(analysis, lambda body: _OUTBREAK_HASHTAG_STEMS.search(body.lower()) is not None)


def _immune_product(analysis: Analysis, product: tuple[int, int, str]) -> bool:
    """An immune-named product: "immune gummies", "Immunity Shield drops", "Immune Boost IV"."""
    return "immun" in analysis.text[max(0, product[0] - 20):product[1]].lower()


@dataclass(frozen=True)
class OutbreakClaim(ClaimRule):
    meta: RuleMeta = field(default=RuleMeta(
        id="CLM004",
        name="covid-outbreak-claim",
        family="claim",
        severity=Severity.CRITICAL,
        message="{what}: claims that a product prevents, treats or protects against {outbreak} carry civil penalties",
        citation="COVID-19 Consumer Protection Act, Pub. L. 116-260, div. FF, title XIV, §1401 (2020); FTC Act §§5, "
                 "12; U.S. v. Nepute (E.D. Mo. 2021); FTC/FDA COVID-19 warning letters (2020-2022); BBB National "
                 "Programs DSSRC cases #77, #89, #98 (immune-support posts with coronavirus hashtags)",
        url="https://www.ftc.gov/business-guidance/blog/2021/04/advertisers-stop-unproven-covid-claims-or-face-penalties-under-new-law",
        summary="Finds claim frames whose target is COVID-19, another outbreak infection (flu, RSV, measles, mpox) "
                "or a pathogen in lay words (the virus, germs, 'the rona'): a promoter (the organisation's own "
                "product, a sold thing, a brand, or the unnamed thing a caption describes) that prevents, treats, "
                "kills, fights, shields from or protects against it; the body's defences boosted or promised against "
                "it ('strengthen your immunity to beat the flu and COVID-19', 'your body will "
                "destroy the coronavirus'), an implied claim reported as a warning, or an error in a post that sells; and "
                "outbreak hashtags placed on a post that sells a product.",
        rationale="Deceptive COVID-19 treatment and prevention claims carry civil penalties; the FTC sent hundreds of "
                  "letters to clinics, IV bars and supplement sellers and copied the platforms. Regulators treated "
                  "immune-boost products tagged #covid19 as making the claim by implication. A seller's hedge ('may "
                  "help prevent COVID') excuses nothing. Vaccines, testing, masks, distancing and hand-washing are "
                  "public-health measures: a frame whose means is one of them is education, whoever posts it, and "
                  "'together we can stop the spread' is not a sale. The distinction is drawn from the frame and from "
                  "organisation.kind, never from an agency's name.",
        fix_safety="Unsafe: the fix deletes the sentence or hashtag that links the product to the outbreak, which "
                   "changes the post; it does not add anything. Point readers to CDC guidance instead.",
        examples=(
            Example("Boost your immunity against COVID-19 with our vitamin D drip! Book today.", "fail"),
            Example("New: Elderberry Defense gummies, in store now. #covid19 #immunesupport", "fail",
                    fixed="New: Elderberry Defense gummies, in store now. #immunesupport"),
            Example("Stay safe this winter. Our Immune IV protects you from the flu and RSV! Book now.", "fail",
                    fixed="Stay safe this winter. Book now."),
            Example("COVID-19 vaccines are available at our clinics; updated vaccines help protect against severe illness.", "pass"),
            Example("Supplements don't prevent COVID-19. Vaccination and ventilation help.", "pass"),
            Example("Myth: garlic cures COVID-19. Fact: no food or supplement prevents it.", "pass"),
            Example("Our spray prevents COVID-19.", "fail"),
            Example("Helps prevent the flu through gentle germ removal.", "fail"),
            Example("May help prevent COVID-19. Shop now.", "fail"),
            Example("Together we can slow the spread of COVID-19: wear a mask and keep your distance.", "pass"),
            Example("Flu vaccines help protect you and your family from the flu. Get yours at any pharmacy.", "pass"),
            Example("Our e-book teaches you to strengthen your immunity to beat the flu and COVID-19. Read our guide.",
                    "fail", fixed="Read our guide."),
            Example("Vaccines help your immune system fight the virus.", "pass"),
            Example("Our saline rinse shows real success against RSV in our clients. $30 a bottle.", "fail"),
        ),
        fixable=True,
    ))

    def _claims(self, analysis: Analysis) -> Iterator[tuple[int, int, str, str, int, tuple[int, int, str] | None]]:
        """(start, end, text, outbreak, sentence index, product) for each claim found."""
        sentences = analysis.sentences
        reported: set[int] = set()
        for index, sentence in enumerate(sentences):
            s, e = sentence.start_char, sentence.end_char
            if common.contains("claims_research_cues", analysis.text, s, e):
                continue
            products = own_products = product_mentions(analysis, s, e, with_rx=True)
            lo = sentences[index - 1].start_char if index > 0 else s
            hi = sentences[index + 1].end_char if index + 1 < len(sentences) else e
            nearby = products or product_mentions(analysis, lo, hi, with_rx=True)
            outbreaks = outbreak_mentions(analysis, s, e)
            if not nearby:
                continue
            cues = common.cue_spans(analysis, CUES, s, e)
            # 1. a claim word about an outbreak in the same sentence, a "product for <outbreak>"
            #    frame, or an immune-named product next to an outbreak ("immune tonic ... flu season")
            for target in outbreaks:
                cue = next((c for c in cues if related(analysis, c, target)), None)
                if cue is None:
                    cue = None if has_parse(analysis.doc) else _frame(analysis, products, target)
                if cue is None:
                    cue = next((p for p in products if _immune_product(analysis, p)), None)
                if cue is None and products and IMMUNE.search(analysis.text):
                    # an outbreak next to a product in a post about immunity: the implied claim regulators
                    # found in "immune support" posts tagged #covid19
                    cue = products[0]
                products = products or nearby
                if cue is None or _skip(analysis, Claim(cue, target, None, index, "")):
                    continue
                start, end = min(cue[0], target[0]), max(cue[1], target[1])
                yield start, end, analysis.text[start:end], target[2], index, products[0]
                reported.add(index)
                break
            if index in reported or index == 0 or not own_products:
                continue
            if not cues and IMMUNE.search(analysis.text, s, e):
                immune = IMMUNE.search(analysis.text, s, e)
                cues = [(immune.start(), immune.end(), immune.group(0))]
            # 2. "Worried about bird flu? Our colloidal silver shields your family." / "... should fix it."
            leads = [sentences[j] for j in (index - 1, index - 2) if j >= 0]
            lead = next((p for p in leads if outbreak_mentions(analysis, p.start_char, p.end_char)), None)
            if lead is None:
                continue
            earlier = outbreak_mentions(analysis, lead.start_char, lead.end_char)
            asked = lead.text.rstrip().endswith("?") and len(lead) <= 10
            if not cues and asked and common.promotional(analysis):
                # "Long COVID fatigue? Our ozone sessions are getting patients back to work.": the
                # question names the outbreak, the answer offers the product
                cues = [own_products[0]]
            if not cues:
                continue
            short_lead = lead.text.rstrip().endswith("?") or len(lead) <= 8
            if not (short_lead or _PRONOUN.search(sentence.text)):
                continue
            cue = cues[0]
            if common.context_of(analysis, cue[0], cue[1], ("negated", "question", "myth", "quoted")):
                continue
            yield cue[0], cue[1], cue[2], earlier[0][2], index, own_products[0]
            reported.add(index)

    def _framed(self, analysis: Analysis) -> Iterator[Hit]:
        seen: set[int] = set()
        for claim in framed.claims(analysis, "outbreak"):
            index = common.sentence_index(analysis, claim.frame.effect.start)
            if index in seen:
                continue
            seen.add(index)
            frame = claim.frame
            text = analysis.text[frame.claim_span.start:frame.claim_span.end]
            yield frame_hit(analysis, claim, self.meta.message.format(what=f"outbreak claim '{text}'",
                                                                      outbreak=frame.target.text),
                            "OUTBREAK-CLAIM", index, None)

    def find(self, analysis: Analysis) -> Iterator[Hit]:
        framed_sentences: set[int] = set()
        if has_parse(analysis.doc):
            for found in self._framed(analysis):
                framed_sentences.add(common.sentence_index(analysis, found.start))
                yield found
        # no "is this an offer?" gate: an unapproved product tied to COVID-19 is the claim itself
        for start, end, text, outbreak, index, product in self._claims(analysis):
            if index in framed_sentences:
                continue
            sentence = analysis.sentences[index]
            edit = common.remove_sentence_edit(analysis, sentence)
            suggestions = [common.display("Remove the outbreak claim; point readers to CDC guidance. No "
                                          "supplement, IV drip or wellness service is shown to prevent or treat COVID-19.")]
            if edit is not None:
                suggestions.insert(0, Suggestion("Delete the sentence that links the product to the outbreak",
                                                 (edit,), Applicability.UNSAFE))
            hedged = common.context_of(analysis, start, end, ("hedged",)) is not None
            yield common.hit(
                start, end, self.meta.message.format(what=f"outbreak claim '{text}'", outbreak=outbreak),
                "OUTBREAK-CLAIM",
                evidence=(Evidence("pattern", "outbreak", outbreak, None, None, f"vocabulary:{OUTBREAKS}"),
                          Evidence("context", "product", product[2] if product else "", product[0] if product else None,
                                   product[1] if product else None, f"vocabulary:{PRODUCTS}")),
                suggestions=suggestions,
                severity=Severity.ERROR if hedged else None,
            )
        if sells(analysis):  # a hashtag implies the claim only on a post that sells
            yield from self._hashtag_hits(analysis)

    def _hashtag_hits(self, analysis: Analysis) -> Iterator[Hit]:
        tags = _outbreak_hashtags(analysis)
        if not tags:
            return
        products = product_mentions(analysis, 0, len(analysis.text), with_rx=True)
        if not products:
            return
        original = analysis.post.original
        for start, end, tag in tags:
            before = start
            while before > 0 and original[before - 1] in " \t":
                before -= 1
            if before == 0:  # a leading hashtag: take the space after it instead
                after = end
                while after < len(original) and original[after] in " \t":
                    after += 1
                edit = Edit(start, after, "")
            else:
                edit = Edit(before, end, "")
            yield common.hit(
                start, end,
                self.meta.message.format(what=f"outbreak hashtag '{tag}' on a product post", outbreak="an outbreak"),
                "OUTBREAK-HASHTAG",
                evidence=(Evidence("pattern", "outbreak hashtag", tag, start, end, "hashtag"),
                          Evidence("context", "product", products[0][2], products[0][0], products[0][1],
                                   f"vocabulary:{PRODUCTS}")),
                suggestions=(Suggestion(f"Remove the hashtag '{tag}' from the product post", (edit,), Applicability.UNSAFE),),
            )
