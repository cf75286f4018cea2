#!/usr/bin/env python3
"""Regenerates the bundled time-zone raster `assets/tz/grid.bin`, its zone table
`assets/tz/zones.txt` and the test fixture `assets/tz/samples.tsv`.

Not run by CI or by `scripts/setup.sh`: the generated files are committed. Run it by hand to move
to a newer boundary release (bump the pins below, then run `cargo test tz`):

    python3 scripts/gen-tz.py            # about 5 minutes on 2 cores

It installs the pinned PyPI packages `timezonefinder` (MIT code) and `timezonefinder-data`
(the timezone-boundary-builder polygons, ODbL 1.0) into a throw-away virtual environment, asks
them for the zone at the centre of every cell of a regular latitude/longitude grid, and writes:

grid.bin, little-endian:
    b"RTZG", version u8 = 1, cells per degree u8, width u16, height u16, zone count u16
    then `height` rows, north to south (row 0 is 90°N..90°N - 1 cell), each a list of
    (zone id, run length) pairs of LEB128 varints whose lengths add up to `width`; columns run
    west to east from 180°W. Zone id 0 is "no land zone" (open sea, the `Etc/GMT±N` zones of
    the dataset); id i ≥ 1 is line i of zones.txt.
zones.txt: the zone names, one a line, line 1 is id 1.
samples.tsv: `lat lng zone kind` lines: `centre` rows are cell centres (the grid must answer
    exactly the dataset there), `random` rows random points on land or territorial waters
    (the grid answers the dataset up to the cell size there). zone `-` means no land zone.
"""

import math
import multiprocessing
import os
import random
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

PINS = ["timezonefinder==9.0.0", "timezonefinder-data==3.2026.3.post1"]
CELLS_PER_DEGREE = 10
WIDTH = 360 * CELLS_PER_DEGREE
HEIGHT = 180 * CELLS_PER_DEGREE
SEED = 20240331
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "tz"


def ensure_packages():
    """Re-runs this script inside a temporary venv holding the pinned packages, unless already there."""
    if os.environ.get("REFLET_TZ_VENV"):
        return
    with tempfile.TemporaryDirectory(prefix="reflet-tz-") as tmp:
        venv.create(tmp, with_pip=True)
        python = str(Path(tmp) / "bin" / "python")
        subprocess.run([python, "-m", "pip", "install", "--quiet", *PINS], check=True)
        env = dict(os.environ, REFLET_TZ_VENV="1")
        sys.exit(subprocess.run([python, __file__, *sys.argv[1:]], env=env).returncode)


_finder = None


def land_zone(lat, lng):
    global _finder
    if _finder is None:
        from timezonefinder import TimezoneFinder

        _finder = TimezoneFinder(in_memory=True)
    zone = _finder.timezone_at(lng=lng, lat=lat)
    if zone is None or zone.startswith("Etc/"):
        return None
    return zone


def centre(row, col):
    lat = 90.0 - (row + 0.5) / CELLS_PER_DEGREE
    lng = -180.0 + (col + 0.5) / CELLS_PER_DEGREE
    return lat, lng


def sample_row(row):
    return [land_zone(*centre(row, col)) for col in range(WIDTH)]


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


def main():
    ensure_packages()
    import timezonefinder
    import timezonefinder_data

    print(f"timezonefinder {timezonefinder.__version__}, data {timezonefinder_data.__version__}")
    with multiprocessing.Pool() as pool:
        rows = pool.map(sample_row, range(HEIGHT), chunksize=8)

    zones = sorted({z for row in rows for z in row if z is not None})
    ids = {z: i + 1 for i, z in enumerate(zones)}
    out = bytearray(b"RTZG")
    out += bytes([1, CELLS_PER_DEGREE])
    out += WIDTH.to_bytes(2, "little") + HEIGHT.to_bytes(2, "little")
    out += len(zones).to_bytes(2, "little")
    runs = 0
    for row in rows:
        col = 0
        while col < WIDTH:
            end = col
            while end < WIDTH and row[end] == row[col]:
                end += 1
            out += varint(ids.get(row[col], 0)) + varint(end - col)
            runs += 1
            col = end

    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "grid.bin").write_bytes(bytes(out))
    (OUT / "zones.txt").write_text("".join(z + "\n" for z in zones))

    rng = random.Random(SEED)
    lines = []
    for _ in range(500):
        row, col = rng.randrange(HEIGHT), rng.randrange(WIDTH)
        lat, lng = centre(row, col)
        lines.append(f"{lat:.2f}\t{lng:.2f}\t{rows[row][col] or '-'}\tcentre\n")
    found = 0
    while found < 1000:
        # Uniform on the sphere, kept only on land (or territorial waters).
        lat = rng.uniform(-90.0, 90.0)
        if rng.random() > math.cos(math.radians(lat)):
            continue
        lng = rng.uniform(-180.0, 180.0)
        lat, lng = round(lat, 4), round(lng, 4)
        zone = land_zone(lat, lng)
        if zone is None:
            continue
        lines.append(f"{lat:.4f}\t{lng:.4f}\t{zone}\trandom\n")
        found += 1
    (OUT / "samples.tsv").write_text("".join(lines))
    print(f"{len(zones)} zones, {runs} runs, grid.bin {len(out)} bytes")


if __name__ == "__main__":
    main()
