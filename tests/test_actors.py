"""The actor registry: its data, lookup(), find() on known and unknown people, roles and genders."""

from __future__ import annotations

from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warledger.errors import ResolveError
from warledger.resolve.actors import KINDS, SIDES, Actor, ActorRegistry, fold, load_actors, parse_actors, parse_rules

REG = load_actors()


def found(text: str) -> list[tuple[str, str, bool]]:
    return [(m.surface, m.actor.name, m.known) for m in REG.find(text)]


# ---------------------------------------------------------------- data

def test_every_actor_is_well_formed() -> None:
    assert len(REG.actors) > 250
    for actor in REG.actors:
        assert actor.kind in KINDS and actor.side in SIDES, actor.key
        assert actor.key.startswith(actor.kind + "."), actor.key
        assert actor.country is None or (len(actor.country) == 2 and actor.country.isupper()), actor.key


def test_no_spelling_names_two_actors() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for actor in REG.actors:
        for spelling in (actor.name, *actor.aliases):
            owners[fold(spelling).removeprefix("the ")].add(actor.key)
    shared = {spelling: keys for spelling, keys in owners.items() if len(keys) > 1}
    assert not shared


@pytest.mark.parametrize("name", [
    "Volodymyr Zelensky", "Vladimir Putin", "Donald Trump", "Andrii Sybiha", "Rustem Umerov", "Dmitry Peskov",
    "Sergei Lavrov", "Yuri Ushakov", "Kirill Dmitriev", "Steve Witkoff", "Jared Kushner", "Marco Rubio",
    "Mark Rutte", "Ursula von der Leyen", "Emmanuel Macron", "Keir Starmer", "Friedrich Merz",
    "Recep Tayyip Erdoğan", "Viktor Orbán", "Xi Jinping", "Kremlin", "White House", "NATO", "European Union",
    "European leaders", "United States", "Russia", "Ukraine",
])
def test_the_canonical_names_of_the_spec_are_there(name: str) -> None:
    actor = REG.lookup(name)
    assert actor is not None and actor.name == name


# ---------------------------------------------------------------- lookup

@pytest.mark.parametrize(("name", "canonical"), [
    ("Zelenskyy", "Volodymyr Zelensky"), ("zelenskiy", "Volodymyr Zelensky"), ("ZELENSKY", "Volodymyr Zelensky"),
    ("Volodymyr Zelenskyy", "Volodymyr Zelensky"), ("Putin", "Vladimir Putin"), ("Sybiga", "Andrii Sybiha"),
    ("Syrskii", "Oleksandr Syrskyi"), ("Erdogan", "Recep Tayyip Erdoğan"), ("Orban", "Viktor Orbán"),
    ("von der Leyen", "Ursula von der Leyen"), ("Kiril Dmitriev", "Kirill Dmitriev"), ("the Kremlin", "Kremlin"),
    ("EUCOM", "United States European Command"), ("U.S.", "United States"), ("UN", "United Nations"),
    ("Ukraine's air force", "Ukrainian Air Force"), ("Russian Defense Ministry", "Russian Defence Ministry"),
    ("Kyiv", "Ukraine"), ("Moscow", "Russia"), ("Xi", "Xi Jinping"), ("Zelensky's", "Volodymyr Zelensky"),
])
def test_lookup_any_spelling(name: str, canonical: str) -> None:
    actor = REG.lookup(name)
    assert actor is not None and actor.name == canonical


@pytest.mark.parametrize(("name", "canonical"), [
    ("European Union foreign ministers", "EU foreign ministers"),
    ("Foreign Affairs Council", "EU foreign ministers"),
    ("EU defense ministers", "European Union defence ministers"), ("EU countries", "European Union member states"),
    ("Nato foreign ministers", "NATO foreign ministers"), ("NATO defense ministers", "NATO defence ministers"),
    ("Nato leaders", "NATO leaders"), ("NATO member states", "NATO allies"), ("Group of Seven leaders", "G7 leaders"),
    ("G-7 foreign ministers", "G7 foreign ministers"), ("G7 finance ministers", "G7 finance ministers"),
    ("the E3", "E3"), ("Weimar Triangle", "Weimar Triangle"), ("NB8", "Nordic and Baltic leaders"),
    ("Nordic-Baltic Eight", "Nordic and Baltic leaders"), ("Western leaders", "Western leaders"),
    ("Ramstein format", "Ukraine Defense Contact Group"), ("UDCG", "Ukraine Defense Contact Group"),
    ("European security advisers", "European national security advisers"), ("Council of Europe", "Council of Europe"),
])
def test_lookup_groups_of_the_diplomacy(name: str, canonical: str) -> None:
    actor = REG.lookup(name)
    assert actor is not None and actor.name == canonical and actor.side == "OTHER"


@pytest.mark.parametrize(("name", "canonical", "side"), [
    ("Vadim Skibitsky", "Vadym Skibitskyi", "UA"), ("Igor Zhovkva", "Ihor Zhovkva", "UA"),
    ("Taras Kachka", "Taras Kachka", "UA"), ("Alexey Polishchuk", "Alexei Polishchuk", "RU"),
    ("Sergey Kiriyenko", "Sergei Kiriyenko", "RU"), ("Darchiev", "Alexander Darchiev", "RU"),
    ("Miroshnik", "Rodion Miroshnik", "RU"), ("Susie Wiles", "Susie Wiles", "US"),
    ("Landau", "Christopher Landau", "US"),
    ("Jonathan Powell", "Jonathan Powell", "OTHER"), ("Gunter Sautter", "Günter Sautter", "OTHER"),
    ("Ibrahim Kalin", "İbrahim Kalın", "OTHER"), ("Yasar Guler", "Yaşar Güler", "OTHER"),
    ("Tahnoun bin Zayed", "Tahnoun bin Zayed", "OTHER"),
    ("Sheikh Mohamed bin Zayed", "Mohamed bin Zayed Al Nahyan", "OTHER"),
    ("Musaed al-Aiban", "Musaed Al-Aiban", "OTHER"),
    ("Mohammed bin Abdulrahman Al Thani", "Mohammed bin Abdulrahman Al Thani", "OTHER"),
    ("Lars Lokke Rasmussen", "Lars Løkke Rasmussen", "OTHER"), ("Barth Eide", "Espen Barth Eide", "OTHER"),
    ("Kestutis Budrys", "Kęstutis Budrys", "OTHER"), ("Cardinal Matteo Zuppi", "Matteo Zuppi", "OTHER"),
])
def test_lookup_negotiators_envoys_and_ministers(name: str, canonical: str, side: str) -> None:
    actor = REG.lookup(name)
    assert actor is not None and actor.name == canonical and actor.side == side


@pytest.mark.parametrize("name", ["Polishchuk", "Rasmussen", "Pavel", "Michal", "Davis", "bin Zayed"])
def test_surnames_shared_or_common_need_the_full_name(name: str) -> None:
    assert REG.lookup(name) is None


@pytest.mark.parametrize("name", ["Fedorov", "Kim", "Yesterday", "", "Nobody Special"])
def test_lookup_refuses_ambiguous_or_unknown_names(name: str) -> None:
    assert REG.lookup(name) is None


# ---------------------------------------------------------------- find: known actors

@pytest.mark.parametrize(("text", "expected"), [
    ("Ukrainian President Volodymyr Zelenskyy met Trump in Florida.",
     [("Volodymyr Zelenskyy", "Volodymyr Zelensky", True), ("Trump", "Donald Trump", True)]),
    ("Zelenskiy's chief of staff flew to Riyadh.", [("Zelenskiy", "Volodymyr Zelensky", True)]),
    ("The Russian Defense Ministry and Ukraine's air force gave different counts.",
     [("Russian Defense Ministry", "Russian Defence Ministry", True),
      ("Ukraine's air force", "Ukrainian Air Force", True)]),
    ("Leaders of NATO and the EU met; European leaders then called Witkoff.",
     [("NATO", "NATO", True), ("EU", "European Union", True), ("European leaders", "European leaders", True),
      ("Witkoff", "Steve Witkoff", True)]),
    ("Ursula von der Leyen and Erdoğan spoke by phone.",
     [("Ursula von der Leyen", "Ursula von der Leyen", True), ("Erdoğan", "Recep Tayyip Erdoğan", True)]),
    ("A Trump-Putin summit was floated by U.S.-based lobbyists.",
     [("Trump", "Donald Trump", True), ("Putin", "Vladimir Putin", True), ("U.S.", "United States", True)]),
    ("Who said it? WHO officials did.", [("WHO", "World Health Organization", True)]),
    ("Tea at the White House, then Air Force One took off.", [("White House", "White House", True)]),
    ("The E3 and NATO foreign ministers met, then EU foreign ministers and G7 leaders.",
     [("E3", "E3", True), ("NATO foreign ministers", "NATO foreign ministers", True),
      ("EU foreign ministers", "EU foreign ministers", True), ("G7 leaders", "G7 leaders", True)]),
    ("Several Nato allies joined the coalition of the willing.",
     [("Nato allies", "NATO allies", True), ("coalition of the willing", "Coalition of the Willing", True)]),
    ("Umerov, Skibitskyi and Kalın sat with Sheikh Tahnoun bin Zayed.",
     [("Umerov", "Rustem Umerov", True), ("Skibitskyi", "Vadym Skibitskyi", True), ("Kalın", "İbrahim Kalın", True),
      ("Sheikh Tahnoun bin Zayed", "Tahnoun bin Zayed", True)]),
])
def test_find_known_actors(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Kyiv has repeatedly rejected the idea.", [("Kyiv", "Ukraine", True)]),
    ("Moscow said the talks were useful.", [("Moscow", "Russia", True)]),
    ("Washington is ready to help.", [("Washington", "United States", True)]),
    ("Drones hit Kyiv overnight.", []),
    ("In Moscow, the mood was calm.", []),
    ("Kyiv's mayor spoke first.", []),
    # a capital that sends, supplies or delivers arms is its government
    ("Paris will send more interceptor missiles before winter.", [("Paris", "France", True)]),
    ("Berlin has supplied two more air defence systems.", [("Berlin", "Germany", True)]),
])
def test_city_names_are_governments_only_when_they_act(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert found(text) == expected


def test_the_west_needs_its_article() -> None:
    assert found("Sanctions from the West followed.") == [("West", "Western allies", True)]
    assert found("He waited in the West Wing.") == []


# ---------------------------------------------------------------- find: people it does not know

@pytest.mark.parametrize(("text", "name"), [
    ("Regional governor Petro Danylenko said two homes burned.", "Petro Danylenko"),
    ("Mayor Iryna Bondar wrote on Telegram that schools would close.", "Iryna Bondar"),
    ("The analyst Marek Nowicki expects more strikes.", "Marek Nowicki"),
    ("Hanna Lysenko said her windows were gone.", "Hanna Lysenko"),
    ("\"We slept in the corridor,\" said Ostap Melnyk, a teacher.", "Ostap Melnyk"),
    ("Taras Hnatiuk, 64, who lives nearby, heard the blast.", "Taras Hnatiuk"),
    ("Bohdan, a volunteer driver, brought water.", "Bohdan"),
    ("The pilot, whose call sign is Sokil, flew the last sortie.", "Sokil"),
])
def test_find_people_by_pattern(text: str, name: str) -> None:
    unknown = [(m.surface, m.actor) for m in REG.find(text) if not m.known]
    assert [surface for surface, _ in unknown] == [name]
    actor = unknown[0][1]
    assert actor.kind == "person" and actor.name == name and actor.key.startswith("person.unknown.")


@pytest.mark.parametrize("text", [
    "Police said the road was closed.",
    "Lviv, the largest city in the west, was hit.",
    "Officials said Tuesday that power was back.",
    "Rescuers said nobody was trapped.",
    "On Monday the Kharkiv Mayor spoke.",
    "Grain Ukraine is a brand, not a person.",
])
def test_find_no_person_in_ordinary_capitalised_words(text: str) -> None:
    assert [m.surface for m in REG.find(text) if not m.known] == []


def test_find_respects_start_and_end() -> None:
    text = "Putin met Trump and Zelensky."
    assert [m.surface for m in REG.find(text, 5, 15)] == ["Trump"]
    assert [m.surface for m in REG.find(text, 0, 4)] == []


# ---------------------------------------------------------------- roles and genders

@pytest.mark.parametrize(("role", "country", "name"), [
    ("president", "UA", "Volodymyr Zelensky"), ("leader", "RU", "Vladimir Putin"),
    ("president", "US", "Donald Trump"), ("foreign minister", "UA", "Andrii Sybiha"),
    ("prime minister", "PL", "Donald Tusk"), ("spokesman", "RU", "Dmitry Peskov"),
])
def test_holder_of_a_role(role: str, country: str, name: str) -> None:
    actor = REG.holder(role, country)
    assert actor is not None and actor.name == name


def test_gender_from_data_and_first_names() -> None:
    assert REG.gender(REG.lookup("Kaja Kallas") or REG.actors[0]) == "f"
    assert REG.gender(REG.lookup("Putin") or REG.actors[0]) == "m"
    assert REG.gender(REG.unknown_person("Oksana Melnyk")) == "f"
    assert REG.gender(REG.unknown_person("Ostap Melnyk")) is None
    assert REG.gender(REG.lookup("NATO") or REG.actors[0]) is None


# ---------------------------------------------------------------- validation

def test_bad_actor_rows_are_refused() -> None:
    header = "key\tname\tside\tcountry\trole\tgender\tsurname\taliases"
    with pytest.raises(ResolveError, match="header"):
        parse_actors(["key\tname"])
    with pytest.raises(ResolveError, match="columns"):
        parse_actors([header, "person.x\tX"])
    with pytest.raises(ResolveError, match="bad kind"):
        parse_actors([header, "robot.x\tX\tUA\tUA\t\t\t\t"])
    with pytest.raises(ResolveError, match="duplicate"):
        parse_actors([header, "person.x\tX\tUA\tUA\t\tm\t\t", "person.x\tY\tUA\tUA\t\tm\t\t"])


def test_bad_rules_are_refused() -> None:
    with pytest.raises(ResolveError, match="versioned"):
        parse_rules({"titles": {"id": "no-version", "words": ["mayor"]}})
    with pytest.raises(ResolveError, match="missing"):
        parse_rules({"titles": {"id": "actor.title.v1", "words": ["mayor"]}})


@pytest.mark.parametrize("broken", [{}, {"id": "actor.unknown.met.v1"}, {"id": "actor.unknown.met.v1", "verbs": []}])
def test_the_met_verbs_are_required_and_checked(broken: dict[str, object]) -> None:
    import tomllib
    from importlib import resources

    data = tomllib.loads(resources.files("warledger.resolve").joinpath("gazetteers", "actor_rules.toml")
                         .read_text(encoding="utf-8"))
    data.pop("met")
    if broken:
        data["met"] = broken
    with pytest.raises(ResolveError):
        parse_rules(data)


def test_a_metonym_must_name_a_known_actor() -> None:
    rules = REG.rules
    broken = type(rules)(**{**{f: getattr(rules, f) for f in rules.__dataclass_fields__},
                            "metonyms": {"Atlantis": "state.atlantis"}})
    with pytest.raises(ResolveError, match="unknown actor"):
        ActorRegistry([Actor("state.ukraine", "Ukraine", "state", "UA", "UA", None, ())], {}, {}, broken)


# ---------------------------------------------------------------- properties

NAMES = ["Zelensky", "Putin's", "Kyiv", "said", "Mayor", "Anna Kowal", "the", "EU", "U.S.-led", "Erdoğan", ",",
         "Moscow", "has", "rejected", "who", "a", "medic", "von der Leyen", "\n", "’s", "Governor"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(st.sampled_from(NAMES), max_size=30).map(" ".join)))
def test_find_on_any_text_gives_ordered_exact_spans(text: str) -> None:
    mentions = REG.find(text)
    last = 0
    for m in mentions:
        assert text[m.start:m.end] == m.surface and m.start >= last and m.end > m.start
        last = m.end


def test_company_nouns_are_one_kind_of_body() -> None:
    # "the company" may refer back to a body called an operator or a supplier: the rules list these nouns
    rules = load_actors().rules
    assert {"company", "operator", "firm", "supplier"} <= rules.company_nouns
    assert "ministry" not in rules.company_nouns


def test_a_bare_surname_is_the_unknown_person_named_in_full_after_a_title_before() -> None:
    text = ("President Petr Pavel travelled to Kyiv on Wednesday. Pavel was also due to meet Prime Minister Yulia "
            "Svyrydenko before returning to Prague.")
    names = [(m.surface, m.actor.name) for m in REG.find(text)]
    assert ("Pavel", "Petr Pavel") in names
    # without a title before the full name, a capitalised word alone is still no one
    assert all(m.surface != "Prague" for m in REG.find("Petr Pavel went home. Prague was quiet."))


def test_an_unknown_titled_person_takes_the_country_of_the_nationality_before_the_title() -> None:
    text = "Irish Foreign Minister Helen McEntee spoke first. Kenyan Foreign Minister Musalia Mudavadi said more."
    people = {m.actor.name: m.actor.country for m in REG.find(text)}
    assert people == {"Helen McEntee": "IE", "Musalia Mudavadi": "KE"}  # and "Kenyan" is no one
