"""Disclosures of material connections in the post's own words (language/disclosures.py), read by END001
(undisclosed connection) and END002 (buried or ambiguous disclosure), and the connections END001 finds.
Every sentence here was written for this file."""

from __future__ import annotations

import pytest

from hcsocial_lint.model import Severity
from hcsocial_lint.sources import read_text_post


def end_findings(linter, text):
    post = read_text_post(text, linter.settings)
    return [f for f in linter.lint_posts([post], [linter.settings]).findings if f.rule_id.startswith("END")]


def ids(linter, text, at_least=Severity.WARNING):
    return {f.rule_id for f in end_findings(linter, text) if at_least <= f.severity}


# ------------------------------------------------------------------ a clear disclosure up front: compliant

@pytest.mark.parametrize("text", [
    "The team at @LumaSkin gifted me this hydrafacial and my skin has never looked better! Use my code LUMA10.",
    "Thanks to @ReviveIV for the free session today 💧 Use my link to book yours!",
    "I earn a small commission from this link 🛒 the collagen powder from @PureNutri I take daily, link in bio",
    "@GlowDerm sent me this PR box and I'm obsessed with the retinol serum 😍 code GLOW20 for 20% off",
    "I'm an ambassador for @CoreChiro and honestly love their team. Use my code CORE15 on your first visit.",
    "(ad) My monthly facial at @VelvetSpa, use my code VELVET for 15% off",
    "AD | My go-to electrolyte mix from @HydraPlus, use my code HYDRA for 15% off 💦",
    "PAID PARTNERSHIP WITH @ZenSleep 😴 my new bedtime routine: code ZEN20",
    "Sponsored by @FlexPhysio: my knee rehab journey, week 3. Use code FLEX20 for your first session.",
    "I was gifted this LED mask by @BeamSkin, and after a month I'm a fan. My code BEAM10 works on the site.",
    "Thank you @NordNutrition for sending me these protein bars! Use my code NORD15 💪",
    "I get 20% of every sale through my link 💖 the serum I use every night, shop in bio",
    "Full disclosure: free Botox in exchange for this post 💉 and I'd go back anyway. Use my code INJ10",
])
def test_disclosure_in_own_words_up_front_is_compliant(linter, text):
    assert not ids(linter, text)


# ------------------------------------------------------------------ buried or ambiguous: END002, not END001
# (ambiguous words for a connection the post shows, a code here, disclose nothing: END002 at error)

@pytest.mark.parametrize("text", [
    "Loving my new lash serum from @LashLab 😍 use my code LASH20 #sp",
    "Best IV drip ever at @DripBar! Grab yours with my code DRIP10 #collab",
    "My skin is glowing after my peel at @GlowLab!! use my code GLOW5 #partner",
    "Thanks @VitaBoost! My daily greens, use my code VITA15 for 15% off 🌱",
    "In partnership with @NovaDental ✨ my whitening glow-up, use my code NOVA20",
])
def test_ambiguous_disclosure_of_a_shown_connection_is_an_end002_error(linter, text):
    found = {f.rule_id: f for f in end_findings(linter, text)}
    assert "END001" not in found
    assert found["END002"].severity is Severity.ERROR and "ambiguous" in found["END002"].message


def test_gift_stated_only_at_the_end_of_a_long_post_is_buried(linter):
    text = ("Week two of my skin journey at @ClearPathDerm. The nurse explained every step, the numbing cream "
            "worked, and the redness faded by the evening. Use my code CLEAR10 if you book. The clinic gave me "
            "this treatment for free.")
    found = {f.rule_id: f for f in end_findings(linter, text)}
    assert "END001" not in found and "characters in" in found["END002"].message


@pytest.mark.parametrize("text", [
    "We partnered with the county health department to offer free flu shots this Saturday.",
    "Thanks @CountyHealth for hosting our blood drive today! 🩸",
    "My thanks to @StateEpi for the data briefing this morning.",
    "Dr. Osei sent me to @HarborPT after my knee surgery and I'm walking the dog again.",
])
def test_institutional_partnerships_and_thanks_are_not_endorsements(linter, text):
    assert not ids(linter, text, Severity.WARNING) & {"END001", "END002"}


# ------------------------------------------------------------------ undisclosed connections: END001 error

@pytest.mark.parametrize("text", [
    "Been taking the @VitaGlow gummies for a month and my hair is thicker than ever!! Use my link to shop 💕",
    "Link in bio to shop the exact supplements I take every morning ☀️ #wellness #morningroutine",
    "Unboxing my PR haul from @DermaPure 🎁 the vitamin C serum is a game changer",
    "These compression socks saved my shins on long shifts!! Affiliate link in bio 👇",
    "Dr. Patel here: my patients love this SPF. Shop it through the link in my bio!",
    "As a dietitian, this is the only protein powder I recommend to my clients 💪 use code RD15 at checkout",
    "Nurse-approved ✅ the hydration powder I drink every single shift. Link in bio to shop!",
    "Not sponsored, I just love @BloomDerm! Use my code BLOOM5 for your first facial.",
    "I partnered with @NovaDental to bring you 20% off whitening, code NOVA20 ✨",
    "My derm-approved skincare routine 🧴✨ everything is linked on my LTK, tap the link in my bio!",
])
def test_undisclosed_connections_are_errors(linter, text):
    (finding,) = [f for f in end_findings(linter, text) if f.rule_id == "END001"]
    assert finding.severity is Severity.ERROR


@pytest.mark.parametrize("text", [
    "I read every comment and I love hearing from you all. Link in bio for our newsletter!",
    "Our clinic's spring promo: use code SPRING20 for 20% off your first facial.",
    "I got my flu shot at @CityPharmacy today, it took 10 minutes, go get yours!",
    "Thanks @DrLee for taking such good care of my mom 💕",
])
def test_near_misses_without_a_connection_stay_clean(linter, text):
    assert "END001" not in ids(linter, text)


# ------------------------------------------------------------------ END003: dramatic results in a promoting post

@pytest.mark.parametrize("text", [
    "My back pain was GONE after ONE adjustment with Dr. Kim 🙌 Book now at @AlignChiro!",
    "My anxiety is completely gone since starting the CalmRoot drops. Shop at the link in bio 🌿",
    "From a size 16 to a size 8 in 3 months 😱 ask me how! #weightlossjourney",
    "lost 30 lbs in ONE month 😱 no diet, no gym, just these drops. comment DROPS and I'll send the link",
    "Cured my eczema in 2 weeks with this tallow balm 🐄 it's in my shop, link in bio",
    "Patient story: after 10 years of back pain, Maria walked out pain-free after her very first appointment.",
    "Off my insulin in 6 weeks following Dr. Ray's protocol 💉 results may vary. Link in bio to start!",
    "'I came off my antidepressants in 3 weeks thanks to this protocol' 🌿 real client, real results. Enrol now!",
    "My psoriasis cleared up completely after 1 week on these gummies 😳 shop in bio",
])
def test_atypical_result_in_a_promoting_post_is_an_error(linter, text):
    (finding,) = [f for f in end_findings(linter, text) if f.rule_id == "END003"]
    assert finding.severity is Severity.ERROR


@pytest.mark.parametrize("text", [
    "Most of our knee patients feel less pain within 6 weeks of physio; some take longer. Book an assessment.",
    "Our dietitian explains: quick fixes like detox teas don't lead to lasting weight loss.",
    "Typical results: patients in our program lose an average of 6% of body weight in 6 months. 'I lost 40 lbs!'",
    "Grateful to my nurses at @CityGeneral after my surgery. Back on my feet!",
    "Is your pain gone after one visit? Rarely. Most people need a few sessions, so plan for that.",
    "Shed a few pounds before summer? Talk to your doctor first about what is realistic for you.",
    "Never come off your antidepressants suddenly: talk to your prescriber about tapering.",
    "My mom's diabetes was cured?? No. Managed, with insulin and a great care team. Don't fall for miracle claims.",
])
def test_typical_or_unpromoted_results_stay_clean(linter, text):
    assert "END003" not in ids(linter, text)


def test_advice_given_is_not_a_gift(linter):
    text = ("My dermatologist @DrNoorSkin gave me the inside scoop on this retinal cream and I'm hooked. "
            "15% off with my link!")
    assert "END001" in ids(linter, text, Severity.ERROR)


@pytest.mark.parametrize("text", [
    "I'm an ambassador for @CoreChiro and I love their team! Mention my name for a free consult.",
    "Full disclosure: @InjectLab gave me this Botox for free in exchange for a post 💉 go see them!",
])
def test_an_endorser_disclosing_their_own_deal_is_not_a_solicited_paid_post(linter, text):
    assert "END008" not in ids(linter, text)


def test_a_practice_paying_for_posts_is_still_solicitation(linter):
    text = "Our patient ambassadors get a free brow tint for every two reels that tag the studio."
    assert "END008" in ids(linter, text)
