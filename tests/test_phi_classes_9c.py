"""Issue #9, PHI by linguistic class (2026-12-06, day): negations that assert ("can't stop thinking about my
patient"), pregnancy and limb loss, procedures said with have + part + participle, a veteran called a "vet",
a date beside "my patient", well-wishes to the one just presented, health in a fragment after a public
figure's visit, past test results in replies, people named only by the role they play in a sentence, a
donor who became a patient, names the model ran into the next words, descriptions by workplace, school
or apartment complex, care of the one a thread asks after, delivering a public figure's babies; and the
near misses of each that must stay clean.

Every sentence is new, written for this file.
"""

from __future__ import annotations

import pytest

from hcsocial_lint.nlp import context

BLOCKING = {"error", "critical"}


def phi(report, floor=("warning", "error", "critical")):
    return [f for f in report.findings if f.family == "phi" and f.severity.value in floor]


# ------------------------------------------------------------------ negations that assert their complement

@pytest.mark.parametrize("text", [
    "I can't stop thinking about my patient from tonight, Odette, who lost her baby at 22 weeks.",
    "We will never forget our patient Silas, who beat lymphoma on this very floor.",
])
def test_a_negated_verb_of_stopping_or_forgetting_asserts_what_follows(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


def test_negation_still_negates_a_plain_object():
    from hcsocial_lint.nlp.models import load_model

    nlp = load_model("auto").nlp
    doc = nlp("We cannot stop the flu alone.")
    flu = next(t for t in doc if t.text == "flu")
    assert context.is_negated(doc, flu.sent, flu.i, flu.i + 1)
    doc = nlp("I can't stop thinking about my patient.")
    patient = next(t for t in doc if t.text == "patient")
    assert not context.is_negated(doc, patient.sent, patient.i, patient.i + 1)


# ------------------------------------------------------------------ health a short list missed

@pytest.mark.parametrize("text", [
    "Grateful for our patient Corinne, who lost her pregnancy last spring and came back to deliver twins here.",
    "Grateful for our patient Maria, who lost her pregnancy last spring and came back to deliver twins here.",
    "shoutout to the 93 y/o Army vet who had his knee replaced with us Monday morning, he sang to every nurse",
    "Welcome back, Ines! Glad the vertigo settled after your visit with us.",  # names the curated list lacks
    "Welcome back, Rosa! Glad the vertigo settled after your visit with us.",
])
def test_loss_replaced_parts_and_common_conditions_are_health(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Our vet team spayed Biscuit this morning, and she's already asking for treats!",
    "Vertigo can come from the inner ear. Our ENT explains the most common causes.",
])
def test_animals_and_education_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ a date beside "my patient"

def test_a_date_beside_my_patient_with_their_health_singles_them_out(linter):
    text = "Still thinking about my patient from last night. 37, newly divorced, overdose. Check on your people."
    assert phi(linter.lint_text(text), BLOCKING)


def test_a_date_beside_my_patient_without_health_stays_clean(linter):
    assert phi(linter.lint_text("Loved my patient from this morning, she had the whole unit laughing."), BLOCKING) == []


# ------------------------------------------------------------------ well-wishes to the one presented

@pytest.mark.parametrize("text", [
    "Spotted in our waiting room this morning: @marisol_ortega! Hope you feel better soon 🍲",
    "Spotted in our urgent care today: rodeo champ Wade Cole! Hope the shoulder feels better soon, Wade.",
    "Alderwoman Pia Holt stopped by our ER Friday night: don't worry, just a few stitches! Thanks for trusting us.",
])
def test_someone_presented_at_our_place_and_wished_well_is_our_patient(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Thanks to @OakRidgeLions for the blanket drive in our lobby today! Hope you all have a cozy winter.",
    "Senator Ivy Park visited our ER today. Hope you feel better soon, everyone home with the flu!",
    "Mayor Ann Fox stopped by our ER to thank the nurses who treat burn injuries.",
])
def test_hosts_visitors_and_wishes_to_everyone_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ names read from the role they play

@pytest.mark.parametrize("text", [
    "Big day for Jaxon — first testosterone shot, given by our nurse Imani! Welcome to the clinic Jaxon 💙",
    "Don Aurelio ya terminó su tratamiento de Epclusa!! Felicidades de parte de todos en Farmacia La Luz",
    "Shoutout to our bravest donor-turned-patient, 8-year-old Noor from Birch Lane Elementary, who finished her "
    "leukemia treatment here last month!",
])
def test_a_person_named_by_role_or_by_a_trimmed_name_is_found(linter, text):
    assert phi(linter.lint_text(text)), text


@pytest.mark.parametrize("text", [
    "Big day for Pfizer — the updated booster is approved for adults.",
    "Our clinics gave 3,900 flu shots this fall. Thank you, Pinecrest, for looking out for each other!",
])
def test_companies_and_towns_in_the_same_slots_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ descriptions by workplace, school, residence

@pytest.mark.parametrize("text", [
    "Glad to say the night foreman at Harlow Steel who breathed in the most smoke in Monday's fire was discharged "
    "from our ICU today.",
    "pov: ur the 3rd grader from cedar hollow elementary who swallowed two magnets and now ur famous on our peds floor",
    "Long shift in our ER. 24yo from the Bayside Apartments came in after overdosing on fentanyl, we gave him narcan twice.",
    "Thanks to the owner of Elm Street Bagels for lunch! She just finished chemo with us and still fed our whole unit.",
])
def test_a_description_by_workplace_school_or_home_singles_someone_out(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Congrats to the new manager at Riverside Diner on the grand reopening! Stop by our clinic for a flu shot.",
    "Free flu shots for residents of Parkview Apartments this Friday at our clinic!",
])
def test_a_description_with_no_health_of_theirs_stays_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


# ------------------------------------------------------------------ replies

@pytest.mark.parametrize("text", [
    "We value your feedback. To be clear: the cyst Dr. Ito drained went to the lab as usual, and since it came back "
    "benign no further treatment was needed.",
    "Thank you for the kind thoughts! Our burn team is taking great care of her, and we'll pass your note to the family.",
    "haha yes that's Tyler!! he crushed his gait training session this morning 💪 tell him we said hi",
])
def test_a_reply_that_tells_someones_care_is_blocked(linter, text):
    assert phi(linter.lint_text(text, kind="comment-reply"), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Thanks for asking! We can't share anything about who is or isn't here, but our nurses care for them all like family.",
    "Thank you for the kind words about Marisol. She's one of our stars, and we'll make sure she sees this!",
])
def test_a_reply_about_everyone_or_praising_a_colleague_stays_clean(linter, text):
    assert phi(linter.lint_text(text, kind="review-reply"), BLOCKING) == [], text


# ------------------------------------------------------------------ a public figure's family in our care

def test_delivering_a_public_figures_babies_is_care_of_their_family(linter):
    text = "Happy retirement, Nurse Bea! Her favorite memory is delivering Judge Amos Reed's triplets during the blizzard."
    assert phi(linter.lint_text(text), BLOCKING)


# ------------------------------------------------------------------ stated permission

def test_a_signed_hipaa_authorization_stated_in_the_text_is_a_reminder_not_a_block(linter):
    text = "With Gus's signed HIPAA authorization, we're sharing his photo from today's pulmonary rehab graduation!"
    findings = phi(linter.lint_text(text))
    assert findings and not [f for f in findings if f.severity.value in BLOCKING]


# ------------------------------------------------------------------ 2026-12-06c classes (development data from here)

@pytest.mark.parametrize("text", [
    "News from Willow Court\n- Pie social raised $80 for the shelter\n- Room 9's Mrs. Okafor turned 100 on Sunday!\n- Tai chi moves to Mondays",
    "Our medics transported a special passenger today: 97-year-old Army veteran Sgt. Lou Bianchi, by stretcher from "
    "Elmwood Manor to St. Jude's.",
    "UPDATE: The three hikers rescued from Granite Ridge on Sunday remain at our hospital. Two are in fair condition.",
    "So grateful to Dr. Ruiz, who stayed past her shift to stabilize T.W. after Thursday's Route 9 crash.",
])
def test_residents_transports_event_victims_and_initials_are_singled_out(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Dr. Amy Fox (Room 204) turns 90 next week and still teaches our Tuesday lecture!",
    "MEASLES EXPOSURE NOTICE from the Clay County Health Department: a person with measles passed through Gate 2 at "
    "Harbor Airport on June 8 between 2 and 5 pm. Check your vaccine records.",
    "We know many of you are asking about the rider hurt in Sunday's crash at the fairgrounds. We cannot confirm whether "
    "anyone is or was a patient here.",
    "Thank you, Deputy Sam Ortiz, for directing traffic outside our Emergency Department entrance during this morning's outage!",
    "Please join us in congratulating Lab Tech Nina Cole and her wife Ana on the arrival of baby Juniper, 6 lbs 9 oz!",
])
def test_staff_public_notices_denials_and_colleagues_families_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


def test_a_colleagues_baby_born_in_our_birth_center_is_still_our_patient(linter):
    text = "Congratulations to our nurse Tia Marks on the birth of her son Eli, born here in our birth center on May 2!"
    assert phi(linter.lint_text(text), BLOCKING)


# ------------------------------------------------------------------ 2026-12-06d classes (development data from here)

@pytest.mark.parametrize("text", [
    "Neighbors, please keep our beloved Millbrook postmaster in your thoughts. She's been on our orthopedic floor since "
    "her fall on the ice Tuesday.",
    "After 3 weeks on the vent, my patient walked out of our unit today. Her husband (the pastor at Grace Fellowship) "
    "cried the whole way.",
    "12hr night shift in the ED and the city councilman from Ward 5 rolls in at 2am hammered with a scalp lac.",
    "Shoutout to the legend in ICU bed 4, retired shop teacher, who asked for a milkshake right after extubation.",
    "The man who's been parking his red Tacoma behind our clinic every night is one of our patients on methadone.",
    "Shout out to the 7th-grade soccer captain who stops by our school nurse office daily to check her blood sugar.",
    "Shots day for the Okafor-Lee triplets! Three kids, six vaccines, and their 12-month checkups went great.",
])
def test_a_description_by_role_and_place_singles_someone_out(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "The mayor of Springfield spoke at our flu clinic about vaccines.",
    "Our fall festival is Saturday! The principal of Lincoln Elementary will judge the pie contest.",
    "Thanks to the owner of the bakery next door for the muffins!",
    "Thanks, Senator Liu, for visiting our cancer center! The senator heard from our nurses about their work.",
])
def test_a_description_without_their_health_stays_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


@pytest.mark.parametrize("text", [
    "Get well soon, Mayor Ortega! The mayor was in great spirits after Dr. Kim repaired his torn meniscus this morning "
    "at our outpatient surgery center.",
    "Welcome back, Nurse Dee! 💐 After her bypass surgery here in May, our very own ER charge nurse is back on the floor.",
    "Our own Ms. Rhoda Vance, the crossing guard every kid at Oakdale Elementary knows, finished her radiation with us today!",
    "Our hearts are heavy. Opal Fenwick, 96, a retired Dunmore librarian, passed peacefully in our inpatient unit on March 3.",
    "¡Felicidades a Doña Elena Soto, de 93 años, que hoy salió caminando de nuestra unidad de cardiología con su marcapasos!",
    "So proud of R.K. from our Thursday IOP group: 60 days clean today!",
    "Humbled to share: this week I performed the first TAVR in our county on a 95-year-old retired judge.",
    "Full surgical video: total hip replacement performed 03/02/2026 by Dr. Kim. Patient #M-551902 (MRN on the monitor).",
    "Big thanks to DJ Rook (@djrook_beats) for coming in for a full STI panel and starting treatment this week!",
    "when ur 93 and still crushing step-ups in our gym 6 weeks after a hip fracture 😤 see u thursday sir",
])
def test_public_figures_colleagues_the_dead_and_record_numbers_are_patients_too(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Happy retirement to Nurse Joan, who retired this week after 41 years!",
    "Welcome back, Nurse Dee! She's rested and ready after her vacation here in Maine.",
    "Congrats to our own Dr. Park, who ran her first marathon!",
    "Should you need to go home early, please tell your nurse.",
])
def test_retirements_vacations_and_advice_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


@pytest.mark.parametrize("text", [
    "Yes, that was our Engine 4 crew! She's doing much better and should be going home in a couple of days.",
    "Congrats Anaya!! Your nurses on 5 told us your last CT was totally clear, so happy for you!",
])
def test_a_reply_about_the_one_a_thread_asks_after_is_blocked(linter, text):
    assert phi(linter.lint_text(text, kind="comment-reply"), BLOCKING), text


def test_a_reply_about_what_usually_happens_stays_clean(linter):
    text = "Thanks for asking! They usually go home within two days after this surgery."
    assert phi(linter.lint_text(text, kind="comment-reply"), BLOCKING) == []


@pytest.mark.parametrize("text", [
    "Dr. Vance performed her 500th hip replacement here last week. What a milestone!",
    "Congrats to Nurse Pat, who retired from our ICU after 30 years!",
    "[Photo: Dr. Lin and Nurse Tavi holding the Going Home sign our child life team painted, no patients in the picture] "
    "Our child life specialists make every discharge a little celebration.",
    "Bruno the beagle is back on all four paws! Two weeks after his knee surgery he's stealing socks again. Thanks to "
    "his mom Priya for letting us share!",
])
def test_clinicians_at_work_staff_photos_and_pet_owners_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


def test_a_resident_described_as_a_retired_tradesman_is_still_a_resident(linter):
    text = "Ed, a retired machinist, finished cardiac rehab with us today!"
    assert phi(linter.lint_text(text), BLOCKING)


def test_spanish_function_words_in_a_reply_are_not_a_named_reviewer(linter):
    text = "¡Muchas gracias por sus palabras! Compartiremos su comentario con todo el equipo. Si tiene alguna pregunta, llámenos."
    assert [f for f in linter.lint_text(text, kind="review-reply").findings if f.rule_id == "PHI004"] == []


# ------------------------------------------------------------------ 2026-12-06e classes (development data from here)

@pytest.mark.parametrize("text", [
    "Please keep our beloved unit secretary Rhonda in your prayers. She was admitted to our cardiac floor this week.",
    "So proud of my client K.D. who hit 2 years clean from heroin today!",
    "Our home health team loves visiting Mr. Walt Ames out on County Road 9! Since his stroke in May he's walking again.",
    "Shout out to A-shift for the save at the Gas-N-Go on Miller Rd this morning! 61 y/o male went into V-fib at the pump.",
    "3rd time this week the same frequent flyer rolled into our ED, the guy who lives behind the Family Dollar on Main, "
    "BAC of .29 and yelling at security.",
    "¡Felicidades a Don Mateo Ruiz! Después de un año en nuestro programa de diabetes, su A1c bajó de 10.9 a 6.7.",
])
def test_colleagues_clients_home_visits_ems_saves_and_frequent_visitors_are_patients(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Thank you for the prayers! Coach is out of surgery and resting comfortably in our ICU. We'll pass the love along!",
    "Aww we love Milo!! Hope that strep throat clears up fast. Finish all 10 days of the antibiotic!",
    "Haha Jonah was a champ! All four impacted ones out in 25 minutes. Keep up with those salt water rinses, Jonah!",
])
def test_replies_that_tell_the_care_of_someone_the_thread_names(linter, text):
    assert phi(linter.lint_text(text, kind="comment-reply"), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Meet Pepper! This 4-year-old border collie swallowed a sock on Monday, and our veterinary team removed it with an "
    "endoscope. She's home already!",
    "Sharing from the Clay County Health Department: a measles case was confirmed. Anyone who was in the Elm Street Urgent "
    "Care waiting room on May 3 between 1 and 4 p.m. may have been exposed.",
    "Thank you to Fairview Fire Chief Dan Ko for joining our ER team today for a burn-care training drill!",
    "Great question! Most ear infections clear up in a few days. Hope that helps!",
])
def test_pets_exposure_notices_drills_and_general_answers_stay_clean(linter, text):
    kind = "comment-reply" if text.startswith("Great question") else "post"
    assert phi(linter.lint_text(text, kind=kind), BLOCKING) == [], text


def test_a_signed_marketing_authorization_stated_in_the_text_is_a_reminder(linter):
    text = ("Patient spotlight: Dana chose to share her eczema journey. A signed HIPAA marketing authorization "
            "(form MKT-2) is on file.")
    findings = phi(linter.lint_text(text))
    assert findings and not [f for f in findings if f.severity.value in BLOCKING]


def test_a_spanish_reply_naming_our_manager_names_no_reviewer(linter):
    text = "Gracias por sus comentarios. Por favor llame a nuestra gerente, Sra. Paredes, al 555-0124."
    assert [f for f in linter.lint_text(text, kind="review-reply").findings if f.rule_id == "PHI004"] == []


# ------------------------------------------------------------------ 2026-12-06f classes (development data from here)

@pytest.mark.parametrize("text", [
    "Great news for Coach Reyes of the Lakeside Lions! His thyroid biopsy came back benign. Thanks to our ENT team!",
    "Our NICU team is pulling for you, little man! Stay strong! #PrayersForKaiden #KaidenStrong",
    "Our burn unit is proud to send home Pine Hollow's only female firefighter after 3 weeks of skin grafts.",
    "Speedy recovery to Westlake High's star QB! Dr. Amadi repaired his torn ACL this morning.",
    "Thank you to the Oakridge Elementary PTA president for the cookies she dropped off after her son's tonsillectomy "
    "with Dr. Farouk on Friday!",
    "When your 2pm is the local news anchor and she needs 4 fillings before her live shot at 5 😬",
])
def test_coaches_hashtags_and_local_figures_with_their_health_are_singled_out(linter, text):
    assert phi(linter.lint_text(text)), text


@pytest.mark.parametrize("text", [
    "@marcus.t appreciate you! Remember to finish all 7 days of the doxy and come back in 3 months for a retest.",
    "@quietgirl_ana so proud of you! glad the new Zoloft dose and weekly check-ins are helping.",
    "Hi Dana! He's been moved from the ICU to step-down this morning and is eating breakfast. He's a trooper!",
    "¡Hola Maribel! Su papá está mejor hoy, ya le bajó la fiebre y el doctor piensa darle de alta el viernes.",
])
def test_replies_telling_the_commenter_or_their_relative_about_care_are_blocked(linter, text):
    assert phi(linter.lint_text(text, kind="comment-reply"), BLOCKING), text


@pytest.mark.parametrize("text", [
    "Get well soon, Waffles! 🐶 This very good boy had TPLO surgery yesterday and went home in the cone of shame. "
    "His mom Dana says he's begging for bacon.",
    "Thank you, Pastor Glenn and Grace Chapel, for the 200 prayer shawls donated to our surgery center waiting room!",
    "Thank you, State Rep. Ana Cruz, for touring our new Neuro ICU today and meeting our stroke team about funding.",
    "¡Vacunas contra la gripe gratis este sábado en nuestra clínica de la calle Olmos! Para todas las edades.",
])
def test_pets_donors_officials_touring_and_street_names_stay_clean(linter, text):
    assert phi(linter.lint_text(text), BLOCKING) == [], text


@pytest.mark.parametrize("text", [
    "Great question! Finish all antibiotics as prescribed, and call us if a fever comes back.",
    "Thanks! Remember to take the stairs and drink water this summer.",
])
def test_general_instructions_in_replies_stay_clean(linter, text):
    assert phi(linter.lint_text(text, kind="comment-reply"), BLOCKING) == [], text


# ------------------------------------------------------------------ 2026-12-06g false alarms (development data from here)

@pytest.mark.parametrize("text,kind", [
    ("So glad Pickles is back to eating! Give him a belly rub from all of us at Maple Veterinary. See him at his next checkup!",
     "review-reply"),
    ("Thank you for these kind words! We'll be sure to pass them along to Renata, she'll be thrilled.", "review-reply"),
    ("Thank you for sharing this. Please call our patient advocate, Maya, at 555-0144 so we can listen.", "review-reply"),
    ("Walk-ins welcome! Flu shots are available Mon-Fri 9-5 at all three locations; just bring your insurance card.",
     "comment-reply"),
    ("Thank you to State Senator Rosa Alvarado for touring our new adolescent unit today. [Photo: Senator Alvarado with "
     "staff in the unit before it opened to patients]", "post"),
    ("Shared with Tomás's written HIPAA authorization (Form MKT-07 on file): after his knee replacement, Tomás is back to "
     "coaching. [Photo: Tomás on a baseball field]", "post"),
    ("Case review (de-identified per Safe Harbor): a patient aged 90 or older presented with delirium that resolved after "
     "a catheter was removed. Look for reversible causes.", "post"),
    ("Salud reproductiva: confidential STI testing every Wednesday at our Eastside clinic, sliding-scale fees.", "post"),
])
def test_vet_replies_colleagues_logistics_tours_authorized_stories_and_age_categories_stay_clean(linter, text, kind):
    assert phi(linter.lint_text(text, kind=kind), BLOCKING) == [], text


@pytest.mark.parametrize("text", [
    "Room 318 finally went HOME today after 52 days with us!!! Our 5 East nurses lined the hallway.",
    "Jordan (@jordan.lives.bold) just hit UNDETECTABLE with our infectious disease clinic!! U=U!",
    "She said we could post this! Meet Kaylee, 20, who got her new smile with us after a bike crash knocked out her front teeth.",
    "Volunteer spotlight: Irene Marsh started volunteering at our front desk after her own 2-week stay on our stroke unit.",
    "We thank Officer Dana Reed for 25 years of service. She rang our bell this morning after her final round of radiation.",
    "Our genetic counselors sat down with the Halvorsen sisters this week to walk through their BRCA2 results.",
    "UPDATE: The two Westfield High students injured in last night's crash on Miller Rd are at our trauma center.",
])
def test_rooms_results_smiles_colleagues_own_stays_and_siblings_are_singled_out(linter, text):
    assert phi(linter.lint_text(text), BLOCKING), text


def test_a_bell_at_a_fun_run_is_not_the_end_of_treatment(linter):
    assert phi(linter.lint_text("Congrats to Nurse Ana, who rang the bell at the end of our staff fun run!"), BLOCKING) == []


# ------------------------------------------------------------------ 2026-12-06h classes (development data from here)

@pytest.mark.parametrize("text,kind", [
    ("Thank you for your concern. She is in our ICU and had surgery overnight. Her family is with her now.", "comment-reply"),
    ("UPDATE: State Senator Hal Pruitt remains in serious but stable condition at our medical center following his stroke.",
     "post"),
    ("Room 508 just got the BEST news: all clear on her PET scan!! The whole oncology team is celebrating.", "post"),
    ("Get well soon to our favorite Eagles shortstop! The Northfield Middle 8th grader who broke her wrist on Saturday was "
     "casted by our urgent care team.", "post"),
])
def test_replies_officials_rooms_and_students_with_their_health_are_blocked(linter, text, kind):
    assert phi(linter.lint_text(text, kind=kind), BLOCKING), text


@pytest.mark.parametrize("text,kind", [
    ("Hi! Yes, our Elm St urgent care is open 9-5 on Sundays, and you can save your spot online. Feel better!",
     "comment-reply"),
    ("Team wins: PT Luis earned his stroke rehabilitation credential, and RN Aiyana finished her wound-care course!", "post"),
    ("From my personal page: I'm Dr. Nell Park, and fifteen years ago I was treated for Hodgkin lymphoma. That's why I "
     "became a pediatric oncologist.", "post"),
    ("[Photo: a knitted hat on an empty NICU isolette; no baby, labels or monitors visible] Thank you to our knitting "
     "volunteers!", "post"),
])
def test_opening_hours_staff_credentials_own_stories_and_empty_photos_stay_clean(linter, text, kind):
    assert phi(linter.lint_text(text, kind=kind), BLOCKING) == [], text


# ------------------------------------------------------------------ 2026-12-06i false alarms (development data from here)

@pytest.mark.parametrize("text,kind", [
    ("Please call our main line; our staff can help you through the right process.", "review-reply"),
    ("We are cooperating fully with the Hartwell Police Department. The safety of our patients is our priority.", "post"),
    ("Pickles the pug is home after his cherry-eye surgery! Thanks to his humans, the Ortiz family, for letting us share.",
     "post"),
    ("Our Emergency Department received multiple patients from this morning's pileup on I-90. Out of respect for patient "
     "privacy, we will not release names or conditions.", "post"),
    ("After 38 years, Nurse Manager Deborah 'Deb' Lane is hanging up her stethoscope! Deb opened our first cardiac "
     "step-down unit. We'll miss you, Deb!", "post"),
    ("Bartholomew the bearded dragon came to us lethargic with metabolic bone disease. He's basking again!", "post"),
    ("Senior Pet Spotlight: Luna is 19, about 92 in human years! She came in for her senior wellness exam.", "post"),
    ("Survivor Reunion Night! Dale Fenn met the Medic 3 crew who performed CPR on him. Dale signed our patient "
     "authorization (Form EMS-PR-3) so we could share his story.", "post"),
    ("Peds radiology pearl: a young child with cough and fever may have round pneumonia. [Image: chest X-ray with all "
     "identifiers, dates and facility markers removed]", "post"),
    ("Sexual Health Week! Free, confidential STI testing Tue–Thu, 10–4, no appointment needed.", "post"),
    ("Congratulations to the winners of our 5K for Mental Health: Priya Shah (18:42) and Tobias Engel (17:55)!", "post"),
])
def test_denials_agencies_pets_counts_colleagues_authorized_stories_and_race_winners_stay_clean(linter, text, kind):
    assert phi(linter.lint_text(text, kind=kind), BLOCKING) == [], text


def test_a_reply_that_saw_the_reviewer_is_still_blocked(linter):
    assert phi(linter.lint_text("Hi Tom, it was great to see you at your cleaning last week!", kind="review-reply"), BLOCKING)
