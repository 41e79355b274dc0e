"""Issue #9, PHI by linguistic class (2026-12-06, night, from the 12-06l set's misses, development data since):
one person picked out without a name (an office a town has one holder of, a role held for the speaker's own
kin, "our favorite ...", a named team's player, a role and an age in apposition); a role word before a name
("radio host Jim Farris"); a procedure "performed on" someone; a clinician named in the sentence after that
refers back to the person; a dental case counted in teeth; newborn jaundice and a birth told as an arrival;
a Spanish home visit and a patient's own "insulin teaching"; a bed in our unit spoken of as someone ("Bed 4 in
our peds unit! His dad ..."); a name after "Lake"; "the GOAT" and
"Valentine's" are not an animal or a person. With the near misses of each that must stay clean.

Every sentence is new, written for this file.
"""

from __future__ import annotations

import pytest

BLOCKING = ("error", "critical")


def phi(report, floor=BLOCKING):
    return [f for f in report.findings if f.family == "phi" and f.rule_id != "PHI090" and f.severity.value in floor]


@pytest.mark.parametrize("text, kind", [
    ("The sheriff came in for his knee injection this morning and brought donuts for the whole staff!", "post"),
    ("Our rehab crew got the Harbor Hawks' star goalie back on the ice after her ACL repair. Go Hawks!", "post"),
    ("lol just gave my son's piano teacher her allergy shots, small town pharmacist life", "post"),
    ("Shoutout to our favorite crossing guard, who finally came in for her cholesterol check!", "post"),
    ("UPDATE: our trauma bay took in four people from the mill fire. The foreman, 61, is in serious condition in our "
     "burn unit.", "post"),
    ("Our 500th cochlear implant was performed on none other than beloved radio host Jim Farris!", "post"),
    ("Remember Kayla from our spring reel? Her glow came from two rounds of microneedling with Dr. Ames.", "ad"),
    ("Peek at Marisol's 6-crown makeover! Swipe to see the before 😍", "post"),
    ("@jen_and_mike so sad to see baby Theo go home!! Hope that bilirubin keeps falling 💛", "comment-reply"),
    ("Hoy visitamos a don Ernesto en la calle Pino for his wound care — ¡muy valiente! His sugar was 280 y hoy 130.",
     "post"),
    ("Dear Mr. Castellano, you were so brave during your colonoscopy today — still the GOAT 🐐", "post"),
    ("Our flight crew flew a 12-year-old boy from Sunday's tubing accident on Lake Pemberton to our trauma center.",
     "post"),
    ("Best pumpkin carver award goes to Bed 9 in our burn unit! His big sister helped with the eyes 🎃", "post"),
])
def test_the_classes_are_read(linter, text, kind):
    assert phi(linter.lint_text(text, kind=kind)), text


@pytest.mark.parametrize("text, kind", [
    ("The sheriff toured our new emergency department today and thanked our nurses.", "post"),
    ("The sheriff spoke at our town hall about opioid safety and naloxone.", "post"),
    ("The Harbor Hawks' star goalie visited our pediatric floor to sign jerseys!", "post"),
    ("My son's piano teacher played carols for the kids in our pediatric ward.", "post"),
    ("Shoutout to our favorite crossing guard for keeping kids safe all year!", "post"),
    ("The foreman, 61, told reporters the mill will reopen in March.", "post"),
    ("Radio host Jim Farris will emcee our cochlear implant awareness gala on Friday.", "post"),
    ("Our first robotic surgery was performed on a Tuesday in 2019, and we have done 900 since.", "post"),
    ("Remember Kayla from our spring reel? She joined Dr. Ames on stage at the beauty expo.", "ad"),
    ("Thinking about a 6-crown makeover? Book a free consult with our cosmetic team.", "post"),
    ("Newborn jaundice is common. Ask your pediatrician about bilirubin checks in the first week.", "post"),
    ("Author Rosa Linares is teaching a journaling class at our cancer center on Monday.", "post"),
    ("Our Valentine's reel is live! Tag someone who makes your heart healthy ❤️", "post"),
    ("Join us for a sunrise walk around Lake Pemberton on Saturday to raise money for our trauma center.", "post"),
    ("Bed 9 in our renovated burn unit now has a window seat and a TV mount.", "post"),
])
def test_the_near_misses_stay_clean(linter, text, kind):
    assert not phi(linter.lint_text(text, kind=kind)), text


def test_a_role_word_before_a_name_is_not_part_of_the_name(linter):
    report = linter.lint_text("Our 500th cochlear implant was performed on beloved radio host Jim Farris!", kind="post")
    people = {f.evidence[0].text for f in phi(report) if f.evidence}
    assert any("Jim Farris" == p for p in people), people


def test_an_office_holder_is_described_only_with_our_care(linter):
    """"The sheriff" is one person, but a public one: their own word about a flu shot at a town hall is not
    our care of them; a visit for care is."""
    assert not phi(linter.lint_text("The sheriff got his flu shot at the county fair to encourage residents.", kind="post"))
    assert phi(linter.lint_text("The sheriff came in for his flu shot today, thanks for the donuts!", kind="post"))
