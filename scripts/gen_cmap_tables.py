#!/usr/bin/env python3
"""Generate the compact predefined-CMap and CID→Unicode tables of the PDF reader.

Input: Adobe's CMap resources as shipped by Debian's `poppler-data` (cMap/*, BSD-3-clause,
Copyright 1990-2018 Adobe Systems Incorporated; see src/read/pdf/data/README.md). Only the cMap
directory is read: poppler-data's cidToUnicode/ files are GPL-2, so the CID→Unicode tables are
derived by inverting Adobe's own UniXX-UTF32-H/V CMaps instead.

Output (committed, read with include_bytes!):
  src/read/pdf/data/cmaps.bin    predefined byte-code → CID CMaps
  src/read/pdf/data/cid2uni.bin  CID → Unicode per character collection

Format: little "varint" (LEB128) integers, strings as varint length + UTF-8.
cmaps.bin   = b"GWCM1" count { name wmode:u8 parent ordering ncs { nbytes:u8 lo hi } nranges
              { nbytes:u8 key_delta len cid_zigzag_delta } }
  ranges are sorted by key = nbytes << 32 | lo; key_delta is from the previous key; the cid
  delta is from the previous range's cid + len + 1 (zigzag-encoded).
cid2uni.bin = b"GWCU1" count { ordering nruns { cid_delta len uni_zigzag_delta } }
  a run maps cid..=cid+len to uni..=uni+len; cid_delta is from the previous run's end + 1, the
  uni delta from the previous run's uni + len + 1.

Usage: python3 scripts/gen_cmap_tables.py [/usr/share/poppler/cMap]
"""
import os
import re
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/poppler/cMap"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "read", "pdf", "data")

# The predefined CMaps of ISO 32000-1 Table 118. The UniXX-UCS2 ones are left out: their codes are
# a subset of UniXX-UTF16's, so the reader aliases them (halving the table).
CMAPS = {
    "GB1": "GB-EUC-H GB-EUC-V GBpc-EUC-H GBpc-EUC-V GBK-EUC-H GBK-EUC-V GBKp-EUC-H GBKp-EUC-V "
           "GBK2K-H GBK2K-V UniGB-UTF16-H UniGB-UTF16-V",
    "CNS1": "B5pc-H B5pc-V HKscs-B5-H HKscs-B5-V ETen-B5-H ETen-B5-V ETenms-B5-H ETenms-B5-V "
            "CNS-EUC-H CNS-EUC-V UniCNS-UTF16-H UniCNS-UTF16-V",
    "Japan1": "83pv-RKSJ-H 90ms-RKSJ-H 90ms-RKSJ-V 90msp-RKSJ-H 90msp-RKSJ-V 90pv-RKSJ-H "
              "Add-RKSJ-H Add-RKSJ-V EUC-H EUC-V Ext-RKSJ-H Ext-RKSJ-V H V UniJIS-UTF16-H UniJIS-UTF16-V",
    "Korea1": "KSC-EUC-H KSC-EUC-V KSCms-UHC-H KSCms-UHC-V KSCms-UHC-HW-H KSCms-UHC-HW-V "
              "KSCpc-EUC-H UniKS-UTF16-H UniKS-UTF16-V",
}

TOKEN = re.compile(rb"<[0-9A-Fa-f]*>|/[^\s/<>\[\]()]+|\d+|[A-Za-z]+")


def parse(path):
    """(wmode, parent, codespaces, ranges) of one CMap file; ranges are (nbytes, lo, hi, cid)."""
    data = open(path, "rb").read()
    data = re.sub(rb"%[^\n]*", b"", data)
    toks = TOKEN.findall(data)
    wmode, parent, cs, ranges = 0, "", [], []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t == b"/WMode" and i + 1 < len(toks) and toks[i + 1].isdigit():
            wmode = int(toks[i + 1])
        elif t == b"usecmap" and i > 0:
            parent = toks[i - 1][1:].decode()
        elif t == b"begincodespacerange":
            i += 1
            while toks[i] != b"endcodespacerange":
                lo, hi = toks[i], toks[i + 1]
                cs.append(((len(lo) - 2) // 2, int(lo[1:-1], 16), int(hi[1:-1], 16)))
                i += 2
        elif t == b"begincidrange":
            i += 1
            while toks[i] != b"endcidrange":
                lo, hi, cid = toks[i], toks[i + 1], int(toks[i + 2])
                ranges.append(((len(lo) - 2) // 2, int(lo[1:-1], 16), int(hi[1:-1], 16), cid))
                i += 3
        elif t == b"begincidchar":
            i += 1
            while toks[i] != b"endcidchar":
                c, cid = toks[i], int(toks[i + 1])
                ranges.append(((len(c) - 2) // 2, int(c[1:-1], 16), int(c[1:-1], 16), cid))
                i += 2
        i += 1
    return wmode, parent, cs, ranges


def varint(n):
    assert n >= 0
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def zigzag(n):
    return varint(n * 2 if n >= 0 else -n * 2 - 1)


def string(s):
    b = s.encode()
    return varint(len(b)) + b


def merge(ranges):
    """Sort ranges and fuse neighbours that continue each other (later entries win on overlap)."""
    by_code = {}
    out = []
    for nb, lo, hi, cid in sorted(ranges, key=lambda r: (r[0], r[1])):
        if out and out[-1][0] == nb and out[-1][2] + 1 == lo and out[-1][3] + (out[-1][2] - out[-1][1]) + 1 == cid:
            out[-1] = (nb, out[-1][1], hi, out[-1][3])
        else:
            out.append((nb, lo, hi, cid))
    del by_code
    return out


def gen_cmaps():
    blob = bytearray(b"GWCM1")
    entries = []
    for ordering, names in CMAPS.items():
        for name in names.split():
            path = os.path.join(ROOT, "Adobe-" + ordering, name)
            if not os.path.exists(path):
                print("missing", path, file=sys.stderr)
                continue
            entries.append((name, ordering) + parse(path))
    blob += varint(len(entries))
    for name, ordering, wmode, parent, cs, ranges in entries:
        blob += string(name) + bytes([wmode]) + string(parent) + string(ordering)
        blob += varint(len(cs))
        for nb, lo, hi in cs:
            blob += bytes([nb]) + varint(lo) + varint(hi)
        ranges = merge(ranges)
        blob += varint(len(ranges))
        prev_key, prev_next_cid = 0, 0
        for nb, lo, hi, cid in ranges:
            key = (nb << 32) | lo
            blob += bytes([nb]) + varint(key - prev_key) + varint(hi - lo) + zigzag(cid - prev_next_cid)
            prev_key, prev_next_cid = key, cid + (hi - lo) + 1
    return bytes(blob)


LEGACY = {
    "GB1": [("GBK-EUC-H", "gbk"), ("GBK2K-H", "gb18030")],
    "CNS1": [("ETen-B5-H", "cp950"), ("HKscs-B5-H", "big5hkscs")],
    "Japan1": [("90ms-RKSJ-H", "cp932"), ("EUC-H", "euc_jp")],
    "Korea1": [("KSCms-UHC-H", "cp949")],
}


def is_compat(u):
    return 0xF900 <= u <= 0xFAFF or 0x2F800 <= u <= 0x2FA1F or 0x2E80 <= u <= 0x2FDF or 0xFE30 <= u <= 0xFE4F


def gen_cid2uni():
    blob = bytearray(b"GWCU1")
    orderings = [("GB1", "UniGB"), ("CNS1", "UniCNS"), ("Japan1", "UniJIS"), ("Korea1", "UniKS")]
    blob += varint(len(orderings))
    for ordering, prefix in orderings:
        best = {}
        # Horizontal first: a CID reached from both gets its horizontal code point; vertical
        # forms only fill CIDs the horizontal CMap never reaches (their presentation forms).
        for suffix in ("-UTF32-H", "-UTF32-V"):
            _, _, _, ranges = parse(os.path.join(ROOT, "Adobe-" + ordering, prefix + suffix))
            seen_here = {}
            for _, lo, hi, cid in ranges:
                for k in range(hi - lo + 1):
                    u, c = lo + k, cid + k
                    if c in best and suffix.endswith("V"):
                        continue
                    old = seen_here.get(c)
                    if old is None or (is_compat(old), old) > (is_compat(u), u):
                        seen_here[c] = u
            best.update({c: u for c, u in seen_here.items() if c not in best or suffix.endswith("H")})
        # CIDs no Unicode CMap reaches (GB1's half-width Latin 814-907, for one) are filled from
        # the legacy byte CMaps, whose codes Python's codecs turn into Unicode.
        for name, codec in LEGACY[ordering]:
            _, _, _, ranges = parse(os.path.join(ROOT, "Adobe-" + ordering, name))
            for nb, lo, hi, cid in ranges:
                for k in range(hi - lo + 1):
                    c = cid + k
                    if c in best:
                        continue
                    try:
                        ch = (lo + k).to_bytes(nb, "big").decode(codec)
                    except (UnicodeDecodeError, OverflowError):
                        continue
                    if len(ch) == 1 and ord(ch) >= 0x20:
                        best[c] = ord(ch)
        runs = []
        for c in sorted(best):
            u = best[c]
            if runs and runs[-1][0] + runs[-1][1] + 1 == c and runs[-1][2] + runs[-1][1] + 1 == u:
                runs[-1][1] += 1
            else:
                runs.append([c, 0, u])
        blob += string(ordering) + varint(len(runs))
        prev_cid_end, prev_uni_end = 0, 0
        for c, n, u in runs:
            blob += varint(c - prev_cid_end) + varint(n) + zigzag(u - prev_uni_end)
            prev_cid_end, prev_uni_end = c + n + 1, u + n + 1
    return bytes(blob)


def main():
    os.makedirs(OUT, exist_ok=True)
    for fname, data in (("cmaps.bin", gen_cmaps()), ("cid2uni.bin", gen_cid2uni())):
        with open(os.path.join(OUT, fname), "wb") as f:
            f.write(data)
        print(fname, len(data), "bytes")


if __name__ == "__main__":
    main()
