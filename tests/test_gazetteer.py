"""The place gazetteer: its data (coverage, keys, aliases) and find() / lookup() behaviour."""

from __future__ import annotations

import tomllib
from collections import defaultdict
from importlib import resources
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warledger.errors import ResolveError
from warledger.records import PlaceKind
from warledger.resolve import GazetteerEntry, PlaceMention, load_gazetteer
from warledger.resolve.gazetteer_data import load_place_rules, load_places, normalise, parse_places, parse_rules
from warledger.resolve.gazetteer_index import build_find_index

ROWS = load_places()
RULES = load_place_rules()
ENTRIES = {row.entry.key: row.entry for row in ROWS}
GAZ = load_gazetteer()

UA_BOX = (44.3, 52.4, 22.1, 40.3)          # lat min, lat max, lon min, lon max
RU_BOX = (41.1, 82.0, 19.6, 180.0)
UA_OBLASTS = [
    "Cherkasy", "Chernihiv", "Chernivtsi", "Dnipropetrovsk", "Donetsk", "Ivano-Frankivsk", "Kharkiv",
    "Kherson", "Khmelnytskyi", "Kirovohrad", "Kyiv", "Luhansk", "Lviv", "Mykolaiv", "Odesa", "Poltava",
    "Rivne", "Sumy", "Ternopil", "Vinnytsia", "Volyn", "Zakarpattia", "Zaporizhzhia", "Zhytomyr",
]
UA_ADMIN1 = {f"{o} Oblast" for o in UA_OBLASTS} | {"Crimea", "Kyiv", "Sevastopol"}


def _inside(entry: GazetteerEntry, box: tuple[float, float, float, float]) -> bool:
    assert entry.lat is not None and entry.lon is not None, entry.key
    return box[0] <= entry.lat <= box[1] and box[2] <= entry.lon <= box[3]


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.entry.key) for m in GAZ.find(text)]


# -- the data ---------------------------------------------------------------------------------

def test_all_27_first_level_units_of_ukraine_are_present_with_coordinates_in_ukraine() -> None:
    oblasts = [e for e in ENTRIES.values() if e.kind is PlaceKind.OBLAST and e.country == "UA"]
    assert sorted(e.name for e in oblasts) == sorted(f"{o} Oblast" for o in UA_OBLASTS)
    units = [*oblasts, ENTRIES["ua.region.crimea"], ENTRIES["ua.city.kyiv"], ENTRIES["ua.city.sevastopol"]]
    assert len(units) == 27
    for unit in units:
        assert _inside(unit, UA_BOX), unit
        assert unit.admin1 in UA_ADMIN1


def test_crimea_and_sevastopol_are_occupied_and_crimea_is_a_region() -> None:
    crimea, sevastopol = ENTRIES["ua.region.crimea"], ENTRIES["ua.city.sevastopol"]
    assert (crimea.name, crimea.kind, crimea.country, crimea.occupied) == ("Crimea", PlaceKind.REGION, "UA", True)
    assert sevastopol.occupied and sevastopol.admin1 == "Sevastopol"
    assert not ENTRIES["ua.city.lviv"].occupied and ENTRIES["ua.city.mariupol"].occupied


def test_keys_are_unique_and_structured() -> None:
    keys = [row.entry.key for row in ROWS]
    assert len(keys) == len(set(keys))
    for key in keys:
        country, kind, slug = key.split(".")
        assert len(country) == 2 and kind and slug == slug.lower()


def test_every_entry_is_well_formed() -> None:
    for row in ROWS:
        e = row.entry
        assert e.name and e.name == e.name.strip()
        assert e.country is None or (len(e.country) == 2 and e.country.isupper()), e.key
        assert (e.lat is None) == (e.lon is None), e.key
        if e.lat is not None and e.lon is not None:
            assert -90 <= e.lat <= 90 and -180 <= e.lon <= 180
        if e.country == "UA" and e.kind is PlaceKind.CITY:
            assert e.admin1 in UA_ADMIN1, e.key
            assert _inside(e, UA_BOX), e.key
        if e.country == "RU" and e.key.split(".")[1] in ("city", "region"):
            assert e.admin1, e.key
            assert _inside(e, RU_BOX), e.key
        if e.kind is PlaceKind.COUNTRY:
            assert e.admin1 is None and e.lat is not None


def test_no_alias_names_two_places_of_one_reading_unless_listed_as_ambiguous() -> None:
    by_alias: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in ROWS:
        for alias in row.aliases:
            by_alias[normalise(alias), RULES.reading_of(row.entry.key)].add(row.entry.key)
    shared = {alias: keys for (alias, _reading), keys in by_alias.items() if len(keys) > 1}
    assert {alias: set(keys) for alias, keys in RULES.ambiguity.items()} == shared


def test_every_name_looks_up_to_a_place_of_that_name() -> None:
    for entry in ENTRIES.values():
        found = GAZ.lookup(entry.name)
        assert found is not None and found.name == entry.name, entry.key
        assert GAZ.lookup(entry.key) == entry


@pytest.mark.parametrize(("spelling", "name"), [
    ("Kiev", "Kyiv"), ("Odessa", "Odesa"), ("Kharkov", "Kharkiv"), ("Zaporozhye", "Zaporizhzhia"),
    ("Zaporizhia", "Zaporizhzhia"), ("Zaporizhzhya", "Zaporizhzhia"), ("Nikolaev", "Mykolaiv"),
    ("Lvov", "Lviv"), ("Leviv", "Lviv"), ("Dnepr", "Dnipro"), ("Dnipropetrovsk", "Dnipropetrovsk Oblast"),
    ("Transcarpathia", "Zakarpattia Oblast"), ("Zakarpattya", "Zakarpattia Oblast"), ("Chernigov", "Chernihiv"),
    ("Rovno", "Rivne"), ("Khmelnitsky", "Khmelnytskyi"), ("Ivano-Frankivsk", "Ivano-Frankivsk"),
    ("Vinnitsa", "Vinnytsia"), ("Kirovograd", "Kropyvnytskyi"), ("Ternopol", "Ternopil"), ("Lutsk", "Lutsk"),
    ("Uzhgorod", "Uzhhorod"), ("Cherkassy", "Cherkasy"), ("Zhitomir", "Zhytomyr"), ("Chernovtsy", "Chernivtsi"),
    ("Lugansk", "Luhansk"), ("Crimean peninsula", "Crimea"), ("Sevastopol", "Sevastopol"),
    ("Pokrovsk", "Pokrovsk"), ("Myrnohrad", "Myrnohrad"), ("Kostiantynivka", "Kostiantynivka"),
    ("Sloviansk", "Sloviansk"), ("Chasiv Yar", "Chasiv Yar"), ("Kupyansk", "Kupiansk"), ("Vovchansk", "Vovchansk"),
    ("Huliaipole", "Huliaipole"), ("Energodar", "Enerhodar"), ("Marganets", "Marhanets"), ("Irpin", "Irpin"),
    ("Bila Tserkva", "Bila Tserkva"), ("Izmail", "Izmail"), ("Pivdennyi", "Pivdenne"),
    ("Bilhorod-Dnistrovskyi", "Bilhorod-Dnistrovskyi"), ("Akhtyrka", "Okhtyrka"), ("Kremenchug", "Kremenchuk"),
    ("Burshtyn", "Burshtyn"), ("Dobrotvir", "Dobrotvir"), ("Ladyzhyn", "Ladyzhyn"), ("Ostrog", "Ostroh"),
    ("Starokonstantinov", "Starokostiantyniv"), ("Borispol", "Boryspil"), ("Troeshchina", "Troieshchyna"),
    ("Desnianskyi", "Desnyanskyi"), ("Belgorod", "Belgorod"), ("Adygeya", "Adygea"), ("Udmurtia", "Udmurtia"),
    ("Krasnodar Krai", "Krasnodar"), ("Moscow Oblast", "Moscow Oblast"), ("St Petersburg", "Saint Petersburg"),
    ("Rostov-on-Don", "Rostov-on-Don"), ("Rostov", "Rostov Oblast"), ("Slavyansk-na-Kubani", "Slavyansk-na-Kubani"),
    ("Yeysk", "Yeysk"), ("Primorsko-Akhtarsk", "Primorsko-Akhtarsk"), ("Engels", "Engels"),
    ("Novokuibyshevsk", "Novokuibyshevsk"), ("Alabuga", "Yelabuga"), ("Ust-Luga", "Ust-Luga"),
    ("Olenya", "Olenya"), ("Shatalovo", "Shatalovo"), ("Marinovka", "Marinovka"), ("Oryol", "Oryol"),
    ("Orel", "Oryol"), ("Türkiye", "Turkey"), ("UAE", "United Arab Emirates"), ("U.S.", "United States"),
    ("Britain", "United Kingdom"), ("Vatican", "Vatican"), ("Black Sea", "Black Sea"),
    ("Sea of Azov", "Sea of Azov"), ("Caspian Sea", "Caspian Sea"), ("Kerch Strait", "Kerch Strait"),
    ("Baltic Sea", "Baltic Sea"), ("Donbass", "Donbas"), ("Transnistria", "Transnistria"), ("Kuban", "Kuban"),
    ("Alaska", "Alaska"), ("Anchorage", "Anchorage"), ("Istanbul", "Istanbul"), ("Geneva", "Geneva"),
    ("Abu Dhabi", "Abu Dhabi"), ("Riyadh", "Riyadh"), ("Jeddah", "Jeddah"), ("Miami", "Miami"),
    ("White House", "White House"), ("Mar-a-Lago", "Mar-a-Lago"), ("Palm Beach", "Palm Beach"),
    ("Minsk", "Minsk"), ("Doha", "Doha"), ("Davos", "Davos"), ("New York", "New York"), ("Helsinki", "Helsinki"),
])
def test_press_spellings_resolve_to_the_normalised_name(spelling: str, name: str) -> None:
    entry = GAZ.lookup(spelling)
    assert entry is not None and entry.name == name


@pytest.mark.parametrize(("spelling", "key"), [
    ("Lviv", "ua.city.lviv"), ("lviv", "ua.city.lviv"), ("Lviv Oblast", "ua.oblast.lviv"),
    ("lviv region", "ua.oblast.lviv"), ("the Lviv region", "ua.oblast.lviv"), ("Lvivska oblast", "ua.oblast.lviv"),
    ("region of Kharkiv", "ua.oblast.kharkiv"), ("Dnipro region", "ua.oblast.dnipropetrovsk"),
    ("Krasnodar", "ru.city.krasnodar"), ("Krasnodar region", "ru.region.krasnodar"),
    ("Republic of Tatarstan", "ru.region.tatarstan"), ("Udmurt Republic", "ru.region.udmurtia"),
    ("Kharkiv's", "ua.city.kharkiv"), ("us", "us.country.united-states"), ("The Hague", "nl.city.the-hague"),
    ("Dnipro River", "ua.river.dnipro"), ("Desnyanskyi district", "ua.district.desnyanskyi"),
    ("White House", "us.site.white-house"),
])
def test_lookup_accepts_any_alias_case_and_region_word(spelling: str, key: str) -> None:
    entry = GAZ.lookup(spelling)
    assert entry is not None and entry.key == key


def test_lookup_of_an_unknown_name_is_none() -> None:
    assert GAZ.lookup("Atlantis") is None
    assert GAZ.lookup("") is None


def test_white_house_is_other_in_washington() -> None:
    white_house = ENTRIES["us.site.white-house"]
    assert (white_house.kind, white_house.admin1, white_house.country) == (PlaceKind.OTHER, "Washington, D.C.", "US")


@pytest.mark.parametrize("district", ["Desnyanskyi", "Darnytskyi", "Shevchenkivskyi", "Solomianskyi", "Obolonskyi",
                                      "Holosiivskyi", "Podilskyi", "Pecherskyi", "Dniprovskyi", "Sviatoshynskyi",
                                      "Troieshchyna"])
def test_kyiv_districts_are_other_places_in_kyiv(district: str) -> None:
    entry = GAZ.lookup(district)
    assert entry is not None and (entry.kind, entry.admin1, entry.country) == (PlaceKind.OTHER, "Kyiv", "UA")


# -- find -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a bare name is the city; a region word makes it the oblast, with the span covering the word
    ("Drones hit Lviv overnight.", [("Lviv", "ua.city.lviv")]),
    ("Drones hit the Lviv region overnight.", [("Lviv region", "ua.oblast.lviv")]),
    ("Explosions in Lviv Oblast and Lviv oblast.",
     [("Lviv Oblast", "ua.oblast.lviv"), ("Lviv oblast", "ua.oblast.lviv")]),
    ("Officials of the Lviv province and Lvivska oblast said.",
     [("Lviv province", "ua.oblast.lviv"), ("Lvivska oblast", "ua.oblast.lviv")]),
    ("Shelling in the region of Kharkiv continued.", [("region of Kharkiv", "ua.oblast.kharkiv")]),
    ("Strikes on the Kursk border region.", [("Kursk border region", "ru.region.kursk")]),
    ("The Kharkiv Regional Military Administration said.", [("Kharkiv", "ua.oblast.kharkiv")]),
    # lists ending in a plural region word: every item is an oblast, each span just the name
    ("Alerts covered the Sumy, Odesa, Kyiv, Dnipro, Kharkiv, Zhytomyr and Zaporizhzhia regions.",
     [("Sumy", "ua.oblast.sumy"), ("Odesa", "ua.oblast.odesa"), ("Kyiv", "ua.oblast.kyiv"),
      ("Dnipro", "ua.oblast.dnipropetrovsk"), ("Kharkiv", "ua.oblast.kharkiv"), ("Zhytomyr", "ua.oblast.zhytomyr"),
      ("Zaporizhzhia", "ua.oblast.zaporizhzhia")]),
    ("Drones fell on the Kursk and Bryansk oblasts.", [("Kursk", "ru.region.kursk"), ("Bryansk", "ru.region.bryansk")]),
    ("Debris was reported in the Russian regions of Krasnodar and Adygeya.",
     [("Krasnodar", "ru.region.krasnodar"), ("Adygeya", "ru.region.adygea")]),
    ("Sirens in Kyiv, Odesa and the Mykolaiv and Kherson regions.",
     [("Kyiv", "ua.city.kyiv"), ("Odesa", "ua.city.odesa"), ("Mykolaiv", "ua.oblast.mykolaiv"),
      ("Kherson", "ua.oblast.kherson")]),
    # names with no city of that name are the region
    ("Power cuts in Zakarpattia and Transcarpathia.",
     [("Zakarpattia", "ua.oblast.zakarpattia"), ("Transcarpathia", "ua.oblast.zakarpattia")]),
    ("Fighting in Donbas and in Russian-occupied Crimea.",
     [("Donbas", "ua.region.donbas"), ("Crimea", "ua.region.crimea")]),
    ("Drones over the Crimean peninsula and occupied Crimea.",
     [("Crimean peninsula", "ua.region.crimea"), ("Crimea", "ua.region.crimea")]),
    # rivers are not cities
    ("Positions along the Dnipro River.", [("Dnipro River", "ua.river.dnipro")]),
    ("Boats crossed the river Dnipro near Kherson.",
     [("river Dnipro", "ua.river.dnipro"), ("Kherson", "ua.city.kherson")]),
    # districts and possessives
    ("A fire in Kyiv's Desnyanskyi district.",
     [("Kyiv", "ua.city.kyiv"), ("Desnyanskyi district", "ua.district.desnyanskyi")]),
    ("Kharkiv’s mayor spoke.", [("Kharkiv", "ua.city.kharkiv")]),
    ("In the Kyiv district of Troeshchina.", [("Kyiv", "ua.city.kyiv"), ("Troeshchina", "ua.district.troieshchyna")]),
    # organisation and team names, adjective compounds, stop phrases
    ("The Kyiv Independent reported.", []),
    ("A poll by the Kyiv International Institute of Sociology.", []),
    ("Dynamo Kyiv won.", []),
    ("Kyiv-based analysts and US-led talks.", []),
    ("Exports to Latin America.", []),
    # case: a lower-case name is not a place; acronyms match exactly
    ("sumy and lviv in lower case.", []),
    ("Us and the US and the U.S.",
     [("US", "us.country.united-states"), ("U.S.", "us.country.united-states")]),
    ("KYIV (AP) — talks in Abu Dhabi.", [("KYIV", "ua.city.kyiv"), ("Abu Dhabi", "ae.city.abu-dhabi")]),
    # longest match first, multi-word and hyphenated names
    ("The Sea of Azov, the Black Sea and the Kerch Strait.",
     [("Sea of Azov", "xx.sea.azov"), ("Black Sea", "xx.sea.black-sea"), ("Kerch Strait", "xx.sea.kerch-strait")]),
    ("From Rostov-on-Don to St. Petersburg and Washington, D.C.",
     [("Rostov-on-Don", "ru.city.rostov-on-don"), ("St. Petersburg", "ru.city.saint-petersburg"),
      ("Washington, D.C.", "us.city.washington")]),
    ("Near the Zaporizhzhia nuclear plant in Enerhodar.",
     [("Zaporizhzhia nuclear plant", "ua.site.znpp"), ("Enerhodar", "ua.city.enerhodar")]),
    ("Talks at the White House and at Mar-a-Lago.",
     [("White House", "us.site.white-house"), ("Mar-a-Lago", "us.site.mar-a-lago")]),
    ("Vladimir Putin and Volodymyr Zelensky.", []),
    ("Drones from western Russia hit western Ukraine.",
     [("western Russia", "ru.area.western-russia"), ("western Ukraine", "ua.area.western-ukraine")]),
    ("The Russia-Ukraine war.", [("Russia", "ru.country.russia"), ("Ukraine", "ua.country.ukraine")]),
    # ambiguity: the admin1 named elsewhere in the text decides
    ("Krasnodar officials said debris fell on Slavyansk.",
     [("Krasnodar", "ru.city.krasnodar"), ("Slavyansk", "ru.city.slavyansk-na-kubani")]),
    ("Shelling of Slavyansk and Kramatorsk in the Donetsk region.",
     [("Slavyansk", "ua.city.sloviansk"), ("Kramatorsk", "ua.city.kramatorsk"),
      ("Donetsk region", "ua.oblast.donetsk")]),
])
def test_find(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


REPORT = (
    "KYIV, Ukraine — Russia launched drones at the Kharkiv, Sumy and Poltava regions overnight, "
    "officials said, while Kyiv's Holosiivskyi district lost power. In the southern Odesa region a port "
    "near Izmail on the Danube was hit. Ukraine's drones struck a refinery in Russia's Krasnodar Krai "
    "and the Engels air base in the Saratov region; the governor of Belgorod Oblast reported damage. "
    "Envoys are due in Abu Dhabi and Geneva, and the U.S. hopes for talks in Istanbul."
)


def test_offsets_are_exact_and_mentions_in_order() -> None:
    mentions = GAZ.find(REPORT)
    assert [m.surface for m in mentions] == [
        "KYIV", "Ukraine", "Russia", "Kharkiv", "Sumy", "Poltava", "Kyiv", "Holosiivskyi district",
        "Odesa region", "Izmail", "Danube", "Ukraine", "Russia", "Krasnodar Krai", "Engels", "Saratov region",
        "Belgorod Oblast", "Abu Dhabi", "Geneva", "U.S.", "Istanbul",
    ]
    for m in mentions:
        assert REPORT[m.start:m.end] == m.surface
    assert [m.entry.kind for m in mentions[3:6]] == [PlaceKind.OBLAST] * 3


def test_find_in_a_range_returns_the_mentions_inside_it() -> None:
    whole = GAZ.find(REPORT)
    start = REPORT.index("In the southern")
    end = REPORT.index("Envoys")
    part = GAZ.find(REPORT, start, end)
    assert part == [m for m in whole if start <= m.start and m.end <= end]
    assert GAZ.find(REPORT, 5, 5) == []
    # a range that cuts a name in two does not return the cut name
    cut = REPORT.index("Abu Dhabi") + 4
    rest = GAZ.find(REPORT, cut, len(REPORT))
    assert [m.surface for m in rest] == ["Geneva", "U.S.", "Istanbul"]
    assert all(REPORT[m.start:m.end] == m.surface for m in rest)


def test_find_reads_list_context_across_calls_on_sentences() -> None:
    text = "Russia struck the Kharkiv and Sumy regions. Later Sumy itself was hit."
    first = GAZ.find(text, 0, text.index("."))
    assert [m.entry.key for m in first] == ["ru.country.russia", "ua.oblast.kharkiv", "ua.oblast.sumy"]
    second = GAZ.find(text, text.index("Later"))
    assert [m.entry.key for m in second] == ["ua.city.sumy"]


def test_ambiguous_names_use_the_whole_text_when_asked_sentence_by_sentence() -> None:
    text = "Drones attacked the Krasnodar region. Debris fell on Slavyansk."
    second = GAZ.find(text, text.index("Debris"))
    assert [m.entry.key for m in second] == ["ru.city.slavyansk-na-kubani"]


def test_mentions_are_frozen_records() -> None:
    mention = GAZ.find("Lviv")[0]
    assert isinstance(mention, PlaceMention)
    with pytest.raises(AttributeError):
        mention.start = 3  # type: ignore[misc]


_PIECES = st.sampled_from([
    "Kyiv", "Lviv", "Kharkiv's", "region", "regions", "oblast", "Oblast", "of", "the", "and", ", ", " ",
    "river", "River", "Dnipro", "Sea", "Azov", "Sea of Azov", "St.", "Petersburg", "Washington", ",", "D.C.",
    "U.S.", "US", "-", "‑", "based", "Rostov-on-Don", "Independent", "Dynamo", "Slavyansk", "Krasnodar",
    "Crimean", "peninsula", "district", "Desnyanskyi", "Latin", "America", "KYIV", "\n", "’s", "border",
    "western", "Ukraine",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=30), st.data())
def test_any_text_gives_sorted_non_overlapping_exact_spans(pieces: list[str], data: st.DataObject) -> None:
    text = " ".join(pieces)
    mentions = GAZ.find(text)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.surface
    for a, b in pairwise(mentions):
        assert a.end <= b.start
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    part = GAZ.find(text, start, end)
    for m in part:
        assert start <= m.start < m.end <= end and text[m.start:m.end] == m.surface
    for a, b in pairwise(part):
        assert a.end <= b.start


# -- loading and validation ---------------------------------------------------------------------

HEADER = "key\tname\tkind\tadmin1\tcountry\tlat\tlon\toccupied\taliases\n"


def test_the_loader_rejects_a_bad_places_file() -> None:
    row = "ua.city.x\tX\tcity\tX Oblast\tUA\t50\t30\tfalse\tX\n"
    assert parse_places("# comment\n" + HEADER + row)[0].entry.name == "X"
    with pytest.raises(ResolveError, match="duplicate key"):
        parse_places(HEADER + row + row)
    with pytest.raises(ResolveError, match="header"):
        parse_places(row)
    with pytest.raises(ResolveError, match="unknown kind"):
        parse_places(HEADER + row.replace("city\t", "town\t"))
    with pytest.raises(ResolveError, match="columns"):
        parse_places(HEADER + "ua.city.x\tX\n")
    with pytest.raises(ResolveError, match="not a number"):
        parse_places(HEADER + row.replace("\t50\t", "\tfifty\t"))


def test_an_alias_shared_without_an_ambiguity_entry_is_an_error() -> None:
    rows = parse_places(HEADER + "ua.city.a\tA\tcity\t\tUA\t\t\tfalse\tSame\n"
                                 "ru.city.b\tB\tcity\t\tRU\t\t\tfalse\tSame\n")
    rules = parse_rules(tomllib.loads(resources.files("warledger.resolve").joinpath(
        "gazetteers", "place_rules.toml").read_text(encoding="utf-8")) | {"ambiguity": {}})
    with pytest.raises(ResolveError, match="ambiguity"):
        build_find_index(rows, rules)
    listed = parse_rules({"ambiguity": {"Same": ["ru.city.b", "ua.city.a"]}})
    index = build_find_index(rows, listed)
    assert [e.key for e in index["same"].default] == ["ru.city.b", "ua.city.a"]
    with pytest.raises(ResolveError, match="ambiguity"):
        parse_rules({"ambiguity": {"Same": ["ru.city.b"]}})
    with pytest.raises(ResolveError, match="unknown keys"):
        build_find_index(rows, parse_rules({"ambiguity": {"Same": ["ru.city.b", "xx.city.c"]}}))


def test_load_gazetteer_is_cached() -> None:
    assert load_gazetteer() is GAZ


@pytest.mark.parametrize(("text", "name", "country"), [
    ("The two ministers met on the sidelines of a regional forum in Kuala Lumpur.", "Kuala Lumpur", "MY"),
    ("Leaders gathered in Tirana for the European Political Community summit.", "Tirana", "AL"),
    ("The G7 met at Kananaskis in the Canadian Rockies.", "Kananaskis", "CA"),
    ("Talks in Malta drew national security advisers from 60 states.", "Malta", "MT"),
])
def test_world_capitals_and_summit_venues_are_found(text: str, name: str, country: str) -> None:
    found = [(m.entry.name, m.entry.country) for m in load_gazetteer().find(text)]
    assert (name, country) in found, found


def test_given_names_that_are_also_capitals_are_not_places() -> None:
    text = "Sofia Petrenko and Santiago Ruiz reported from the border; Jordan Hale edited."
    assert [m.surface for m in load_gazetteer().find(text)] == []


def test_a_bryansk_district_town_struck_in_pipeline_raids_is_found() -> None:
    text = "Drones hit a pumping station near Unecha overnight."
    (m,) = [m for m in GAZ.find(text, 0, len(text))]
    assert (m.entry.name, m.entry.admin1, m.entry.country) == ("Unecha", "Bryansk Oblast", "RU")


@pytest.mark.parametrize(("text", "name"), [
    ("Drones reached an airfield in the Irkutsk region.", "Irkutsk Oblast"),
    ("A refinery in Omsk was set alight.", "Omsk"),
    ("Sirens sounded in Vladivostok.", "Vladivostok"),
])
def test_distant_russian_regions_and_cities_are_found(text: str, name: str) -> None:
    assert name in [m.entry.name for m in GAZ.find(text)]
