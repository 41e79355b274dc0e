"""Issue #9, parts 2 and 3: people the writer knows, players a team has one of, and the one a thread asks after.

- In a reply, the replier who says they care for the one asked after confirms that person's care: "I'm her nurse
  this week", "he was my pt on friday", "we splinted him", "her platelets are finally climbing".
- Someone the writer knows from their own life is one person to everyone who knows the writer: "my old soccer
  coach", "the woman who used to carpool with my daughter", "someone I dated in college", "a family from my
  parish", "my cousin's girlfriend". With our care of them, that is PHI.
- A team has one of some positions: "your starting goalie", "the senior shortstop".
- A board readable in a selfie or a screenshot that lists patients is a record of our care, also when the post
  says only that the names can be read.
- "every Tuesday" says how often; it does not make a sentence a generic one about anyone.
- A sentence that opens on a past participle with no subject ("Discharged this morning after ...") is about the
  one just described.

Every sentence is new, written for this file.
"""

from __future__ import annotations

import pytest

from hcsocial_lint.model import Severity


def _phi(linter, text: str, kind: str = "post") -> list:
    return [f for f in linter.lint_text(text, kind=kind).findings if f.family == "phi" and f.severity >= Severity.WARNING
            and f.rule_id != "PHI090"]


def _blocked(linter, text: str, kind: str = "post") -> bool:
    return any(f.severity >= Severity.ERROR for f in _phi(linter, text, kind))


@pytest.mark.parametrize("text", [
    "yes!! I'm her nurse this week and she's the sweetest, tell everyone at book club hi",
    "omg Dani he was my pt on friday night, such a gentleman",
    "that was our crew! we splinted him right there on the trail and he cracked jokes the whole ride",
    "so happy to report her platelets are finally climbing 🙏",
])
def test_a_reply_that_says_we_care_for_the_one_asked_after_is_phi(linter, text):
    assert _blocked(linter, text, kind="comment-reply"), text


@pytest.mark.parametrize("text", [
    "I'm a nurse on a different unit, so I'd ask his nurse about the visiting hours!",
    "We can't share anything about who is or isn't in our care, but thank you for thinking of them.",
    "He's the best! We'll pass your kind words along to the whole team.",
])
def test_a_reply_that_confirms_no_one_stays_clean(linter, text):
    assert not _blocked(linter, text, kind="comment-reply"), text


@pytest.mark.parametrize("text", [
    "surreal moment: my old soccer coach was my pt today, stitched up his shin and he still called me kiddo",
    "ran the rapid strep on the woman who used to carpool with my daughter and it came back positive today",
    "confirmed a pregnancy this morning for someone I dated in college. professional face ON",
    "checked in my cousin's girlfriend for her colonoscopy today and neither of us said a word",
])
def test_someone_the_writer_knows_is_one_person_with_our_care(linter, text):
    assert _blocked(linter, text), text


@pytest.mark.parametrize("text", [
    "my old soccer coach just ran his first marathon at 60, so inspiring",
    "someone I dated in college just opened a bakery downtown and the croissants are amazing",
    "the woman who used to carpool with my daughter is now a school board member!",
])
def test_someone_the_writer_knows_without_our_care_stays_clean(linter, text):
    assert not _blocked(linter, text), text


@pytest.mark.parametrize("text", [
    "Rough night, Falcons. Our athletic trainers were on the bench when your starting goalie took a skate to the "
    "forearm. Stitches tonight, x-rays in the morning.",
    "Glad we could get the senior shortstop through her ankle sprain rehab before the district final!",
])
def test_a_position_a_team_has_one_of_singles_out_the_player(linter, text):
    assert _blocked(linter, text), text


def test_a_team_position_without_anyones_health_stays_clean(linter):
    assert not _blocked(linter, "Congrats to your starting goalie on a shutout tonight, Falcons! See you at the next home game.")


@pytest.mark.parametrize("text", [
    "night 2 of 4 [Selfie at the charge desk; behind me the bed board lists 'Bed 3 Okafor - sepsis', 'Bed 5 Lund - NPO']",
    "finally organized the unit!! [Photo: the whiteboard after my reset, patients' last names in green beside "
    "'DNR' and 'fall risk' stickers]",
])
def test_a_board_readable_in_a_selfie_or_photo_lists_patients(linter, text):
    assert _blocked(linter, text, kind="story"), text



@pytest.mark.parametrize("text", [
    pytest.param("Happy birthday to the gentleman who has brought donuts to our front desk every Tuesday since 1995: he "
                 "turned 100 on our rehab floor this weekend!", id="every-tuesday-says-how-often"),
    pytest.param("Big shoutout to the catcher in the neon green cleats, the only lefty on the Pinecrest varsity roster! "
                 "Cleared from her wrist fracture this week by our sports medicine team.", id="participle-goes-on"),
    pytest.param("Huge thanks to the lifeguard at Miller Pool who pulled a swimmer out on Saturday and then came to our ER "
                 "himself. Two cracked ribs and a mild concussion.", id="verbless-fragment-goes-on"),
    pytest.param("Good morning to the gentleman who walks his collie past our Main Street window every day at 6:40, so "
                 "glad the new cholesterol pills are working for you!", id="his-pet-is-not-the-one-described"),
    pytest.param("rough one: had a pt on the psych unit tonight who's the son of a famous local radio host. "
                 "Second admission this month for SI.", id="kin-of-a-local-figure"),
])
def test_more_shapes_single_out_the_one_described(linter, text):
    assert _blocked(linter, text), text


@pytest.mark.parametrize("text, kind", [
    pytest.param("made it through 12 [Selfie: me at the nurses' station, the board behind me wiped blank]", "story",
                 id="blank-board"),
    pytest.param("Our caregiver support group meets the second Monday of every month at 5pm in our Oak Ave office. All "
                 "welcome!", "post", id="our-own-street"),
])
def test_what_singles_out_no_one_stays_clean(linter, text, kind):
    assert not _blocked(linter, text, kind=kind), text
