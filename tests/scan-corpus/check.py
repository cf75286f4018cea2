#!/usr/bin/env python3
"""Sanity checks for the Reflet scan accuracy corpus (corpus.jsonl).

Usage: python3 tests/scan-corpus/check.py [path/to/corpus.jsonl]

Verifies:
  1. every line parses as a JSON object with the expected fields, ids are unique,
     categories are among the 12 ids of CATEGORIES.md, every label text occurs in
     its value (for a number value: equals the number's JSON text exactly);
  2. every labelled `iban` passes mod-97, every labelled `card` passes Luhn and sits
     in a known issuer range (13-19 digits), every labelled `nir` has the right key
     (2A -> 19, 2B -> 18 before the mod), every 15-digit `device_id` (IMEI) passes
     Luhn, every labelled numeric latitude / E7 value is in range;
  3. prints per-category counts of positive items and the decoy count.

Exits with status 1 if any check fails.
"""

import json
import os
import re
import sys
from collections import Counter

CATEGORIES = [
    "email", "phone", "ip_address", "coordinates", "iban", "card",
    "nir", "date", "url", "tracker", "mac_address", "device_id",
]


class RawNumber:
    """A JSON number kept with its exact source text."""

    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return "RawNumber(%s)" % self.text


def luhn_ok(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def iban_ok(text):
    s = re.sub(r"[ \-]", "", text).upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", s):
        return False
    rearranged = s[4:] + s[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


def card_issuer(d):
    """Return the issuer name if the digit string is in a known range."""
    n = len(d)
    if not 13 <= n <= 19:
        return None
    p2, p3, p4 = int(d[:2]), int(d[:3]), int(d[:4])
    if d[0] == "4":
        return "visa"
    if 51 <= p2 <= 55 or 2221 <= p4 <= 2720:
        return "mastercard"
    if p2 in (34, 37):
        return "amex" if n == 15 else None
    if p4 == 6011 or p2 == 65 or 644 <= p3 <= 649:
        return "discover"
    if 3528 <= p4 <= 3589:
        return "jcb"
    if p2 in (36, 38) or 300 <= p3 <= 305:
        return "diners"
    if p2 == 50 or 56 <= p2 <= 69:
        return "maestro"
    return None


def card_ok(text):
    if not re.fullmatch(r"[0-9]+(?:[ \-][0-9]+)*", text):
        return False
    d = re.sub(r"[ \-]", "", text)
    return card_issuer(d) is not None and luhn_ok(d)


NIR_RE = re.compile(
    r"[1-478][0-9]{2}(0[1-9]|1[0-2]|[2-4][0-9]|[5-9][0-9])"
    r"([0-9]{2}|2A|2B)[0-9]{6}[0-9]{2}"
)


def nir_ok(text):
    s = re.sub(r"[ .\-]", "", text).upper()
    if len(s) != 15 or not NIR_RE.fullmatch(s):
        return False
    body = s[:13]
    if body[5:7] == "2A":
        body = body[:5] + "19" + body[7:]
    elif body[5:7] == "2B":
        body = body[:5] + "18" + body[7:]
    return 97 - int(body) % 97 == int(s[13:])


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "corpus.jsonl")
    errors = []
    ids = set()
    positives = Counter()
    lang_count = Counter()
    decoys = 0
    records = 0

    def err(lineno, msg):
        errors.append("line %d: %s" % (lineno, msg))

    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                err(lineno, "empty line")
                continue
            try:
                rec = json.loads(line, parse_int=RawNumber, parse_float=RawNumber)
            except json.JSONDecodeError as e:
                err(lineno, "does not parse: %s" % e)
                continue
            records += 1
            if not isinstance(rec, dict):
                err(lineno, "not a JSON object")
                continue
            expected = {"id", "lang", "key", "value", "labels"}
            if set(rec) != expected:
                err(lineno, "fields %s, expected %s" % (sorted(rec), sorted(expected)))
                continue
            rid = rec["id"]
            if not isinstance(rid, str) or not rid:
                err(lineno, "bad id %r" % (rid,))
                continue
            if rid in ids:
                err(lineno, "duplicate id %s" % rid)
            ids.add(rid)
            lang = rec["lang"]
            if lang not in ("fr", "en"):
                err(lineno, "%s: lang must be fr or en" % rid)
            elif not rid.startswith(lang + "-"):
                err(lineno, "%s: id should start with its lang" % rid)
            lang_count[lang] += 1
            key = rec["key"]
            if key is not None and not (isinstance(key, str) and key):
                err(lineno, "%s: key must be a non-empty string or null" % rid)
            value = rec["value"]
            if isinstance(value, RawNumber):
                is_num = True
                vtext = value.text
            elif isinstance(value, str):
                is_num = False
                vtext = value
            else:
                err(lineno, "%s: value must be a string or a number" % rid)
                continue
            labels = rec["labels"]
            if not isinstance(labels, list):
                err(lineno, "%s: labels must be a list" % rid)
                continue
            if not labels:
                decoys += 1
            seen = []
            for lab in labels:
                if (not isinstance(lab, list) or len(lab) != 2
                        or not all(isinstance(x, str) for x in lab)):
                    err(lineno, "%s: label must be [category, text]: %r" % (rid, lab))
                    continue
                cat, text = lab
                if cat not in CATEGORIES:
                    err(lineno, "%s: unknown category %r" % (rid, cat))
                    continue
                # The same text labelled n times is its first n occurrences.
                if vtext.count(text) <= sum(1 for l in seen if l == (cat, text)):
                    err(lineno, "%s: label %r given more times than it occurs" % (rid, lab))
                seen.append((cat, text))
                if not text:
                    err(lineno, "%s: empty label text" % rid)
                    continue
                if is_num:
                    if text != vtext:
                        err(lineno, "%s: label %r must equal the number %s" % (rid, text, vtext))
                elif text not in vtext:
                    err(lineno, "%s: label text %r not found in value" % (rid, text))
                positives[cat] += 1
                if cat == "iban" and not iban_ok(text):
                    err(lineno, "%s: IBAN %r fails mod-97" % (rid, text))
                if cat == "card" and not card_ok(text):
                    err(lineno, "%s: card %r fails Luhn or issuer range" % (rid, text))
                if cat == "nir" and not nir_ok(text):
                    err(lineno, "%s: NIR %r has a wrong key or shape" % (rid, text))
                if cat == "device_id" and re.fullmatch(r"[0-9]{15}", text) and not luhn_ok(text):
                    err(lineno, "%s: IMEI %r fails Luhn" % (rid, text))
                if cat == "coordinates" and is_num:
                    v = float(vtext)
                    k = (key or "").lower()
                    limit = 900000000 if "e7" in k else 90
                    if abs(v) > limit or v == 0:
                        err(lineno, "%s: latitude %s out of range" % (rid, vtext))
            for cat, text in seen:
                if cat == "tracker" and ("url", text) not in seen:
                    err(lineno, "%s: tracker %r must also be labelled url" % (rid, text))

    if errors:
        for e in errors:
            print("ERROR", e)
        print("%d error(s)" % len(errors))
        sys.exit(1)

    print("records: %d (fr %d, en %d)" % (records, lang_count["fr"], lang_count["en"]))
    print("positive items per category:")
    for cat in CATEGORIES:
        print("  %-12s %4d" % (cat, positives[cat]))
    print("  %-12s %4d" % ("total", sum(positives.values())))
    print("decoys (records with no label): %d" % decoys)
    print("OK")


if __name__ == "__main__":
    main()
