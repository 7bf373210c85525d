"""Near-duplicate detection (warledger/ledger/minhash.py): a copy of a story with a new headline and
one changed sentence is found through a shared band; an unrelated story is not."""

from __future__ import annotations

import os
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from warledger.ledger.minhash import BANDS, ROWS, bands, signature, similarity

HEADLINE = "Russia strikes Lutsk and Kyiv with hundreds of drones overnight"
BODY = """\
Russia launched one of its largest aerial attacks of the summer overnight into Wednesday, sending
hundreds of attack drones and several cruise missiles towards cities across western and central
Ukraine, the air force said in its morning statement. Air defence units worked for more than six
hours, and residents of Lutsk and Kyiv spent most of the night in shelters and metro stations.

In Lutsk, a regional centre close to the Polish border, an industrial building caught fire after a
drone struck its roof shortly before dawn. The head of the regional military administration said
two workers on the night shift were taken to hospital with burns and that firefighters needed almost
three hours to put the flames out. Windows were blown out in a nearby school and a row of shops.

In the capital, falling debris damaged a nine storey apartment block on the left bank of the Dnipro
river. Emergency crews evacuated about forty residents and searched the upper floors for anyone
trapped. The city administration opened a temporary shelter in a sports hall where families could
rest, charge their phones and speak to psychologists while engineers checked the structure.

Officials in Zhytomyr, Khmelnytskyi and Rivne regions reported drones shot down over farmland and
small fires in forests, but no casualties. Power engineers said that substations in two districts
lost supply for a few hours and that repair teams restored electricity to most households by noon.
Railway services to the west ran with delays of up to ninety minutes because of the alerts.

The foreign minister called on partners to speed up deliveries of air defence systems and
interceptor missiles, arguing that every launcher delivered this month would save lives in the
winter. He said the scale of the attack showed that Moscow was not interested in the ceasefire
proposals discussed by envoys in recent weeks, and he asked for new sanctions on suppliers of
components found in the wreckage of the drones.

Analysts noted that the number of drones used in single nights has grown steadily since the spring,
as factories in Russia increased production of the Shahed type and of cheaper decoys that are
designed to exhaust air defence crews. Mobile fire groups with machine guns and searchlights now
bring down a large share of the drones, but the missiles remain the hardest part of each attack.

Local authorities in Lutsk declared a day of mourning was not needed, since no one was killed, but
they asked residents to report damaged windows and roofs so that building materials could be handed
out before the autumn rains. Volunteers gathered at the damaged school in the afternoon to clear
broken glass, and teachers said classes would resume online for the rest of the week.
"""
CHANGED_FROM = "Railway services to the west ran with delays of up to ninety minutes because of the alerts."
CHANGED_TO = "Trains heading west were held at stations for more than two hours while the alerts lasted."
UNRELATED = """\
Farmers across the southern plains are preparing for a late harvest after a cold and wet spring that
delayed sowing by almost a month. Agronomists at the regional institute say that wheat yields may
still be close to the long term average, because rain in June helped the crops recover, but they
warn that barley and sunflower will need a dry and warm September to ripen properly in the fields.

Grain traders expect export prices to rise slightly in the autumn as buyers in North Africa and Asia
return to the market. Several cooperatives have invested in new storage silos and drying equipment
this year, financed by cheap loans from a development bank, and they hope to hold part of the crop
back until the winter, when prices are usually higher than immediately after the harvest.

Young people continue to leave the villages for jobs in the cities, and many farms now rely on
seasonal workers and on machinery bought second hand from neighbouring countries. A programme of
grants for young farmers has attracted more applications than expected, and the ministry has
promised to double its budget next year if parliament approves the changes to the agricultural code.

At the weekly market in the district town, stall holders said that demand for honey, cheese and
smoked fish had recovered after a quiet spring. Tourists from the capital have started to visit the
region again for its lakes and cycling routes, and several families have opened small guest houses
with home cooked breakfasts, boat hire and guided walks through the reed beds along the river delta.

Environmental groups are concerned about falling water levels in the lakes and about the growing use
of fertiliser on fields close to the shore. They have asked the regional council to fund a network of
monitoring stations and to pay farmers who leave strips of meadow uncultivated along the streams, a
scheme that has worked well in other countries and that could also help birds and pollinating insects.

The council said it would discuss the proposal at its next session in October, together with plans
for a new bridge, a bus line to the railway station and the renovation of the old grain warehouse as
a museum of rural life, which local historians have been asking for since the late nineties.
"""
ORIGINAL = f"{HEADLINE}\n\n{BODY}"
COPY = f"Overnight drone barrage hits Lutsk industrial site, Kyiv block damaged\n\n" \
       f"{BODY.replace(CHANGED_FROM, CHANGED_TO)}"


def test_the_texts_are_what_the_tests_say() -> None:
    assert len(BODY.split()) >= 400
    assert CHANGED_FROM in BODY and CHANGED_FROM not in COPY
    assert len(UNRELATED.split()) >= 350


def test_identical_texts_have_similarity_one_and_share_every_band() -> None:
    a, b = signature(ORIGINAL), signature(str(ORIGINAL))
    assert a == b
    assert similarity(a, b) == 1.0
    assert bands(a) == bands(b)
    assert len(bands(a)) > BANDS // 2  # a 400-word text fills (almost) every slot


def test_a_copy_with_a_new_headline_and_one_changed_sentence_is_a_near_duplicate() -> None:
    a, b = signature(ORIGINAL), signature(COPY)
    assert similarity(a, b) >= 0.5
    assert similarity(a, b) < 1.0
    assert set(bands(a)) & set(bands(b)), "a near-duplicate must be found through a shared band"


def test_unrelated_texts_are_not_similar_and_share_no_band() -> None:
    a, b = signature(ORIGINAL), signature(UNRELATED)
    assert similarity(a, b) < 0.2
    assert not set(bands(a)) & set(bands(b))


def test_case_and_punctuation_do_not_matter() -> None:
    shouted = ORIGINAL.upper().replace(",", " ;").replace(".", "!")
    assert signature(shouted) == signature(ORIGINAL)


def test_the_empty_text_has_an_empty_signature_and_no_band() -> None:
    empty = signature("")
    assert len(empty) == BANDS * ROWS * 4
    assert signature("  \n\t ... !!! ") == empty  # no words at all
    assert bands(empty) == []
    assert similarity(empty, empty) == 0.0
    assert similarity(empty, signature(ORIGINAL)) == 0.0
    assert similarity(signature(ORIGINAL), empty) == 0.0


def test_a_text_shorter_than_a_shingle_still_has_a_signature() -> None:
    short = signature("Drones over Lviv")
    assert short != signature("")
    assert similarity(short, signature("drones, over LVIV!")) == 1.0
    assert similarity(short, signature("Missiles over Lviv")) == 0.0


def test_the_signature_is_the_same_in_another_process() -> None:
    code = ("import sys; from warledger.ledger.minhash import signature; "
            "sys.stdout.write(signature(sys.stdin.read()).hex())")
    for seed in ("0", "12345"):
        out = subprocess.run([sys.executable, "-c", code], input=ORIGINAL, capture_output=True, text=True,
                             check=True, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=60)
        assert bytes.fromhex(out.stdout) == signature(ORIGINAL)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_similarity_is_symmetric_and_between_zero_and_one(a: str, b: str) -> None:
    sa, sb = signature(a), signature(b)
    s = similarity(sa, sb)
    assert s == similarity(sb, sa)
    assert 0.0 <= s <= 1.0


words = st.lists(st.sampled_from("drone missile kyiv lviv night attack air force said were shot down".split()),
                 min_size=5, max_size=80)


@settings(max_examples=100, deadline=None)
@given(words, words)
def test_similarity_of_word_texts_is_symmetric_and_one_with_itself(a: list[str], b: list[str]) -> None:
    ta, tb = " ".join(a), " ".join(b)
    sa, sb = signature(ta), signature(tb)
    assert similarity(sa, sa) == 1.0
    assert similarity(sa, sb) == similarity(sb, sa)
    assert 0.0 <= similarity(sa, sb) <= 1.0
