#!/usr/bin/env python3
"""Seed corpus for the batch_inputs fuzz target (fuzz/fuzz_targets/batch_inputs.rs).

Its first byte picks the input kind (mode % 3): 0 a WARC archive, 1 worker-mode request lines,
2 a JSON Lines output read back by --resume. The seeds wrap the small HTML samples in each.
Usage: fuzz_batch_seeds.py OUT_DIR
"""

import base64
import glob
import gzip
import hashlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def warc_record(kind, uri, block):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def http(body, charset):
    ct = "text/html" + (f"; charset={charset}" if charset else "")
    return f"HTTP/1.1 200 OK\r\nContent-Type: {ct}\r\n\r\n".encode() + body


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    pages = [p for p in sorted(glob.glob(os.path.join(ROOT, "samples", "*.html"))) if os.path.getsize(p) < 200_000]
    for i, path in enumerate(pages):
        body = open(path, "rb").read()
        name = os.path.basename(path)
        warc = warc_record("request", f"http://example.gov.cn/{i}", b"GET / HTTP/1.1\r\n\r\n") + \
            warc_record("response", f"<http://example.gov.cn/{i}>", http(body, "gbk" if i % 2 else None))
        seeds = {
            f"warc-{name}": b"\0" + warc,
            f"warcgz-{name}": b"\0" + gzip.compress(warc),
            f"worker-{name}": b"\1" + json.dumps({"name": name, "bytes_b64": base64.b64encode(body).decode()}).encode()
            + b"\n" + b'{"path": "x.html"}\n{"name": 3}\n',
            f"resume-{name}": b"\2" + json.dumps({"source": {"path": name, "sha256": hashlib.sha256(body).hexdigest()}}).encode()
            + b"\n" + json.dumps({"path": "bad.pdf", "error": {"code": "truncated"}}).encode() + b"\n{\"sour",
        }
        for seed, data in seeds.items():
            with open(os.path.join(out, seed), "wb") as fh:
                fh.write(data)


if __name__ == "__main__":
    main()
