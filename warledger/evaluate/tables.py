"""The scorer's own data tables: place spellings, units, actor sides, participant names.

These are independent of the extractor's gazetteers and rules on purpose: the evaluation
must not agree with the extractor merely because both read the same table. Each alias
group lists its canonical form first; comparison happens after ``normalise``.
"""

from __future__ import annotations

# Words dropped from place names before comparison ("Kyiv Oblast" == "Kyiv").
PLACE_DROP_WORDS: frozenset[str] = frozenset({"oblast", "region", "province", "krai", "republic", "city"})

# Leading words dropped after that ("the Kyiv region" -> "kyiv"; "Republic of Adygea" -> "adygea").
PLACE_LEADING_WORDS: frozenset[str] = frozenset({"the", "of"})

# Spellings of one place, canonical (Ukrainian-derived English) first.
PLACE_ALIASES: tuple[tuple[str, ...], ...] = (
    ("Kyiv", "Kiev"),
    ("Odesa", "Odessa"),
    ("Kharkiv", "Kharkov"),
    ("Zaporizhzhia", "Zaporizhia", "Zaporozhye", "Zaporozhie", "Zaporizhzhya", "Zaporozhzhia", "Zaporozhia"),
    ("Mykolaiv", "Nikolaev", "Nikolayev", "Mykolayiv"),
    ("Lviv", "Lvov", "Leviv", "Lvow"),
    ("Zakarpattia", "Transcarpathia", "Zakarpattya", "Zakarpattie", "Zakarpatska"),
    ("Adygea", "Adygeya", "Adygheya"),
    ("Chernihiv", "Chernigov"),
    # The oblast is still often named after the city's old name ("the Dnipro region" is
    # Dnipropetrovsk Oblast); "Oblast"/"region" are dropped anyway, so oblast and capital meet.
    ("Dnipro", "Dnepr", "Dnipropetrovsk", "Dnepropetrovsk"),
    ("Rivne", "Rovno"),
    ("Luhansk", "Lugansk"),
    ("Slavyansk-na-Kubani", "Slavyansk", "Slavyansk-on-Kuban"),
    ("Sloviansk", "Slovyansk"),
    ("Kropyvnytskyi", "Kirovograd", "Kirovohrad", "Kropyvnytskyy", "Kropyvnytskiy"),
    ("Kryvyi Rih", "Krivoy Rog", "Kryvyy Rih", "Krivyi Rih"),
    ("Zhytomyr", "Zhitomir"),
    ("Ivano-Frankivsk", "Ivano-Frankovsk"),
    ("Vinnytsia", "Vinnitsa", "Vinnytsya"),
    ("Khmelnytskyi", "Khmelnitsky", "Khmelnytsky", "Khmelnitskiy", "Khmelnytskyy"),
    ("Cherkasy", "Cherkassy"),
    ("Chernivtsi", "Chernovtsy"),
    ("Ternopil", "Ternopol"),
    ("Uzhhorod", "Uzhgorod"),
    ("Kremenchuk", "Kremenchug"),
    ("Pavlohrad", "Pavlograd"),
    ("Pivdenne", "Pivdennyi", "Yuzhne", "Yuzhny"),  # the port town east of Odesa
    ("Bila Tserkva", "Belaya Tserkov"),
    ("Udmurtia", "Udmurt", "Udmurtiya"),
    ("Bashkortostan", "Bashkiria", "Bashkiriya"),
    ("Chuvashia", "Chuvash"),
    ("Crimea", "Krym"),
    ("Feodosia", "Feodosiia", "Feodosiya", "Theodosia"),
    ("Yevpatoria", "Yevpatoriia", "Evpatoria", "Yevpatoriya"),
    ("Dzhankoi", "Dzhankoy"),
    ("Hvardiiske", "Gvardeyskoye", "Hvardiyske", "Gvardeyskoe"),
    ("Izmail", "Izmayil", "Ismail"),
    ("Bilhorod-Dnistrovskyi", "Belgorod-Dnestrovsky", "Bilhorod-Dnistrovskyy"),
    ("Novorossiysk", "Novorossiisk"),
    ("Rostov", "Rostov-on-Don", "Rostov-na-Donu"),
    ("Kramatorsk", "Kramatorske"),
    ("Kostiantynivka", "Konstantinovka", "Kostyantynivka"),
    ("Pokrovsk", "Krasnoarmeysk"),
    ("Sea of Azov", "Azov Sea"),
)

# Units of statistics, canonical first; compared case-insensitively.
UNIT_ALIASES: tuple[tuple[str, ...], ...] = (
    ("km2", "sq km", "sq. km", "square km", "square kilometres", "square kilometers", "km²", "sqkm"),
    ("sq mi", "sq miles", "sq. miles", "square miles", "sq mile", "square mile", "mi2", "mi²"),
    ("percent", "%", "per cent", "pct", "percentage"),
    ("USD", "$", "US$", "dollars", "dollar", "us dollars"),
    ("EUR", "€", "euros", "euro"),
    ("GBP", "£", "pounds sterling"),
    ("km", "kilometres", "kilometers", "kilometre", "kilometer"),
    ("miles", "mile", "mi"),
    ("km/h", "kph", "kmh", "km per hour", "kilometres per hour", "kilometers per hour"),
    ("mph", "miles per hour"),
    ("kg", "kilograms", "kilogram", "kilogrammes"),
    ("tonnes", "tonne", "tons", "ton", "metric tons", "metric tonnes", "t"),
    ("barrels per day", "barrels a day", "bpd", "b/d", "barrels/day"),
    ("cubic metres", "cubic meters", "m3", "m³", "cubic metre", "cubic meter"),
    ("GW", "gigawatts", "gigawatt"),
    ("MW", "megawatts", "megawatt"),
    ("seconds", "second", "secs", "sec", "s"),
    ("people", "persons", "person", "individuals"),
    ("prisoners", "prisoners of war", "pows", "pow"),
    ("hours", "hour", "hrs", "hr"),
    ("minutes", "minute", "mins", "min"),
    ("days", "day"),
    ("weeks", "week"),
    ("months", "month"),
    ("years", "year", "yrs"),
    ("degrees celsius", "°c", "celsius", "degrees c"),
    ("degrees fahrenheit", "°f", "fahrenheit", "degrees f"),
)

# Actor words -> side, for positions. A phrase matches whole words of the actor name;
# the leftmost match in the name decides ("Trump's envoy to Moscow" -> US).
ACTOR_SIDES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("RU", ("putin", "lavrov", "peskov", "kremlin", "moscow", "russia", "russian", "russians",
            "russian federation", "ushakov", "dmitriev", "medinsky", "zakharova", "nebenzia", "shoigu",
            "belousov", "gerasimov", "medvedev", "ryabkov", "galuzin", "grushko", "nebenzya", "kadyrov")),
    ("UA", ("zelensky", "zelenskyy", "zelenskiy", "zelenskyi", "sybiha", "umerov", "kyiv", "kiev", "ukraine",
            "ukrainian", "ukrainians", "yermak", "budanov", "svyrydenko", "kyslytsya", "shmyhal", "fedorov",
            "syrskyi", "syrsky", "kuleba", "podolyak", "podoliak", "ihnat", "halushchenko", "hrynchuk",
            "lubinets", "klitschko", "tkachenko", "zaichenko", "ukrenergo", "naftogaz")),
    ("US", ("trump", "witkoff", "rubio", "kushner", "washington", "united states", "us", "usa", "america",
            "american", "americans", "white house", "vance", "bessent", "hegseth", "driscoll", "kellogg",
            "waltz", "bruce", "leavitt", "whitaker")),
)

# Names of states and groups, canonical first ("US" == "United States").
GROUP_ALIASES: tuple[tuple[str, ...], ...] = (
    ("united states", "us", "usa", "america", "united states of america"),
    ("united kingdom", "uk", "britain", "great britain"),
    ("european union", "eu"),
    ("eu leaders", "european union leaders", "eu heads of state", "leaders of the european union"),
    ("russia", "russian federation"),
    ("united arab emirates", "uae", "emirates"),
    ("united nations", "un"),
    ("nato", "north atlantic treaty organization", "north atlantic alliance"),
)

# Surname spellings of one person, canonical first.
SURNAME_ALIASES: tuple[tuple[str, ...], ...] = (
    ("zelensky", "zelenskyy", "zelenskiy", "zelenskyi", "zelenskii"),
    ("sybiha", "sybiga"),
    ("yermak", "ermak"),
    ("syniehubov", "synegubov", "sinegubov"),
    ("syrskyi", "syrskii", "syrsky"),
    ("klitschko", "klichko"),
)

# A participant name containing one of these words names a group or state, not a person.
GROUP_WORDS: frozenset[str] = frozenset({
    "united", "states", "kingdom", "union", "council", "commission", "command", "ministry", "nations",
    "emirates", "republic", "federation", "leaders", "partners", "senators", "format", "government",
    "administration", "parliament", "committee", "group", "coalition", "alliance", "organization",
    "organisation", "agency", "forces", "service", "office", "delegation", "delegations", "team", "teams",
    "officials", "military", "army", "defense", "defence", "european", "security", "institute", "house",
    "kremlin", "congress", "senate", "court", "bank", "fund", "the", "of",
})

# Particles inside people's names ("Ursula von der Leyen").
NAME_PARTICLES: frozenset[str] = frozenset({"von", "der", "van", "de", "da", "del", "bin", "al", "la", "le"})

# Diplomacy kinds compared as classes.
DIPLOMACY_KIND_CLASSES: dict[str, str] = {
    "meeting": "meeting", "call": "meeting",
    "proposal": "proposal", "statement": "proposal",
    "agreement": "agreement",
}

# Position stances compared as classes.
STANCE_CLASSES: dict[str, str] = {
    "demand": "requires", "condition": "requires", "red_line": "requires",
    "reject": "rejects",
    "accept": "supports", "offer": "supports",
}

# Words that do not make two speaker names "share a word".
SPEAKER_STOPWORDS: frozenset[str] = frozenset({
    "a", "an", "the", "of", "and", "for", "to", "in", "on", "at", "by", "from", "with", "s",
})
