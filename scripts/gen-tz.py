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
    b"RTZG", version u8 = 2, cells per degree u8, width u16, height u16, zone count u16,
    ops length u32, zones length u32, then three streams of LEB128 varints: ops, zones, ends.
    The grid's rows run north to south (row 0 is 90°N..90°N - 1 cell), each a list of runs of
    cells with one zone; columns run west to east from 180°W. Zone id 0 is "no land zone" (open
    sea, the `Etc/GMT±N` zones of the dataset); id i ≥ 1 is line i of zones.txt. A row is written
    as its difference with the row above (the row above the first is empty), as `ops` pairs
    (op, n), ended by op 3:
        0 n: the next n runs of the row above go on in this row, with their zones; for each, its
             end column is the above run's end plus a zigzag delta from `ends`;
        1 n: the next n runs of the row above do not;
        2 n: n new runs: for each, its zone id from `zones` and its length from `ends`.
    Borders move little from one row to the next: the deltas are mostly 0 or 1, which compress to
    about half (37 KB gzipped against 76 KB for version 1's plain runs).
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


def zigzag(n):
    return n << 1 if n >= 0 else ((-n) << 1) - 1


def row_runs(cells):
    """A row's cells as (end column, zone id) runs."""
    runs = []
    for col, zone in enumerate(cells):
        if runs and runs[-1][1] == zone:
            runs[-1] = (col + 1, zone)
        else:
            runs.append((col + 1, zone))
    return runs


def encode(grid, zone_count):
    """grid.bin (version 2) of rows of zone ids, north to south, and its number of runs."""
    import difflib

    ops, zones, ends = bytearray(), bytearray(), bytearray()
    above, count = [], 0
    for cells in grid:
        runs = row_runs(cells)
        count += len(runs)
        matcher = difflib.SequenceMatcher(
            None, [z for _, z in above], [z for _, z in runs], autojunk=False
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                ops.extend(varint(0) + varint(j2 - j1))
                for k in range(j2 - j1):
                    ends.extend(varint(zigzag(runs[j1 + k][0] - above[i1 + k][0])))
                continue
            if i2 > i1:
                ops.extend(varint(1) + varint(i2 - i1))
            if j2 > j1:
                ops.extend(varint(2) + varint(j2 - j1))
                for k in range(j1, j2):
                    start = runs[k - 1][0] if k > 0 else 0
                    zones.extend(varint(runs[k][1]))
                    ends.extend(varint(runs[k][0] - start))
        ops.extend(varint(3))
        above = runs
    height, width = len(grid), len(grid[0])
    out = bytearray(b"RTZG")
    out += bytes([2, width // 360])
    out += width.to_bytes(2, "little") + height.to_bytes(2, "little")
    out += zone_count.to_bytes(2, "little")
    out += len(ops).to_bytes(4, "little") + len(zones).to_bytes(4, "little")
    out += ops + zones + ends
    return bytes(out), count


def main():
    ensure_packages()
    import timezonefinder
    import timezonefinder_data

    print(f"timezonefinder {timezonefinder.__version__}, data {timezonefinder_data.__version__}")
    with multiprocessing.Pool() as pool:
        rows = pool.map(sample_row, range(HEIGHT), chunksize=8)

    zones = sorted({z for row in rows for z in row if z is not None})
    ids = {z: i + 1 for i, z in enumerate(zones)}
    out, runs = encode([[ids.get(zone, 0) for zone in row] for row in rows], len(zones))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "grid.bin").write_bytes(out)
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
