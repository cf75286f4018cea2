#!/usr/bin/env python3
"""Regenerates `assets/tz/countries.txt` (the country of each zone of `assets/tz/zones.txt`) and
`assets/countries/names.tsv` (every country's name in French and English), used to say which
countries a person's positions fall in.

Not run by CI or by `scripts/setup.sh`: the generated files are committed. Run it by hand after
`scripts/gen-tz.py`, on Debian with the packages `tzdata` and `iso-codes` installed:

    python3 scripts/gen-countries.py

countries.txt: line i is the ISO 3166-1 alpha-2 code of the zone on line i of zones.txt, from the
    tz database's zone.tab (public domain), which gives every zone the one country it is in.
names.tsv: `code<TAB>French name<TAB>English name` for every ISO 3166-1 country, from the
    iso-codes package (LGPL-2.1+): its common name where it has one, else its name, and the
    French translation of the same; the names iso-codes writes inverted for sorting ("Salomon,
    Îles") are written as said (OVERRIDES).
"""
import gettext
import json
from pathlib import Path

# As the names are said in a sentence, not sorted in a list.
OVERRIDES = {
    "AX": ("Îles Åland", "Åland Islands"),
    "CC": ("Îles Cocos", "Cocos (Keeling) Islands"),
    "CD": ("République démocratique du Congo", "Democratic Republic of the Congo"),
    "CX": ("Île Christmas", "Christmas Island"),
    "FK": ("Îles Malouines", "Falkland Islands"),
    "FM": ("Micronésie", "Micronesia"),
    "PS": ("Palestine", "Palestine"),
    "RE": ("La Réunion", "Réunion"),
    "RU": ("Russie", "Russia"),
    "SB": ("Îles Salomon", "Solomon Islands"),
    "VG": ("Îles Vierges britanniques", "British Virgin Islands"),
    "VI": ("Îles Vierges des États-Unis", "United States Virgin Islands"),
}
ROOT = Path(__file__).resolve().parent.parent
ZONE_TAB = Path("/usr/share/zoneinfo/zone.tab")
ISO = Path("/usr/share/iso-codes/json/iso_3166-1.json")

country_of = {}
for line in ZONE_TAB.read_text(encoding="utf-8").splitlines():
    if line and not line.startswith("#"):
        code, _, zone = line.split("\t")[:3]
        country_of[zone] = code
zones = (ROOT / "assets/tz/zones.txt").read_text(encoding="utf-8").splitlines()
missing = [z for z in zones if z not in country_of]
if missing:
    raise SystemExit(f"zones without a country in zone.tab: {missing}")
(ROOT / "assets/tz/countries.txt").write_text("".join(country_of[z] + "\n" for z in zones))

french = gettext.translation("iso_3166-1", "/usr/share/locale", languages=["fr"])
rows = []
for country in json.loads(ISO.read_text(encoding="utf-8"))["3166-1"]:
    code = country["alpha_2"]
    english = country.get("common_name", country["name"])
    fr, en = OVERRIDES.get(code, (french.gettext(english), english))
    rows.append(f"{code}\t{fr}\t{en}\n")
out = ROOT / "assets/countries"
out.mkdir(exist_ok=True)
(out / "names.tsv").write_text("".join(sorted(rows)), encoding="utf-8")
