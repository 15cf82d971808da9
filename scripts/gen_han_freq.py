#!/usr/bin/env python3
"""Write src/vocab/data/hanfreq.bin: the common Chinese characters by frequency and the
character pairs that occur inside common words, for the text-quality score (src/vocab/hanzi.rs).

Source: the word list `jieba/dict.txt` of jieba 0.42.1 (PyPI `jieba`, MIT licence,
https://github.com/fxsjy/jieba): 349 046 words with corpus frequencies. A character's frequency
is the sum of the frequencies of the words it occurs in; a pair's is the sum over the words it
occurs in as adjacent characters. Only GB2312 characters count (jieba's list holds traditional
and odd characters too); the 3500 most frequent form the common set (99 % of the weighted
occurrences), and pairs of two common characters with a frequency of at least PAIR_MIN form the
pair set.

Format (all integers unsigned LEB128 varints): b"GWHF1", N, then N code points minus 0x4E00 in
rank order (most frequent first), then M, then M pair keys `rank_a * 4096 + rank_b` in
ascending order, each as the difference from the previous key.

Usage: python3 scripts/gen_han_freq.py [DICT_TXT]
  without DICT_TXT, `pip download jieba==0.42.1` fetches the source archive into a temp dir.
"""
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "vocab", "data", "hanfreq.bin")
COMMON = 3500
PAIR_MIN = 30


def dict_lines(path):
    if path:
        with open(path, encoding="utf-8") as f:
            return f.read().splitlines()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "jieba==0.42.1", "--no-deps",
                        "--no-binary", ":all:", "-d", tmp, "-q"], check=True)
        archive = os.path.join(tmp, "jieba-0.42.1.tar.gz")
        with tarfile.open(archive) as t:
            data = t.extractfile("jieba-0.42.1/jieba/dict.txt").read()
        return data.decode("utf-8").splitlines()


def is_gb2312_han(c):
    if not "\u4e00" <= c <= "\u9fff":
        return False
    try:
        b = c.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and 0xB0 <= b[0] <= 0xF7


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def main():
    lines = dict_lines(sys.argv[1] if len(sys.argv) > 1 else None)
    chars, pairs = Counter(), Counter()
    for line in lines:
        parts = line.split()
        if len(parts) < 2 or not parts[1].isdigit():
            continue
        word, freq = parts[0], int(parts[1])
        for c in word:
            if is_gb2312_han(c):
                chars[c] += freq
        for a, b in zip(word, word[1:]):
            pairs[a + b] += freq
    # Ties broken by code point so the output is the same on every run.
    ranked = sorted(chars, key=lambda c: (-chars[c], c))[:COMMON]
    rank = {c: i for i, c in enumerate(ranked)}
    keys = sorted(rank[p[0]] * 4096 + rank[p[1]] for p, f in pairs.items()
                  if f >= PAIR_MIN and p[0] in rank and p[1] in rank)
    out = io.BytesIO()
    out.write(b"GWHF1")
    out.write(varint(len(ranked)))
    for c in ranked:
        out.write(varint(ord(c) - 0x4E00))
    out.write(varint(len(keys)))
    prev = 0
    for k in keys:
        out.write(varint(k - prev))
        prev = k
    with open(OUT, "wb") as f:
        f.write(out.getvalue())
    print(f"{len(ranked)} characters, {len(keys)} pairs, {out.tell()} bytes -> {OUT}")


if __name__ == "__main__":
    main()
