#!/usr/bin/env python3
"""OCR speed and accuracy side by side with tesseract, one thread each (docs/performance.md, OCR).

  bench-ocr.py [--render] [--rounds N] DIR ENGINE=COMMAND...

With --render, first writes the measured pages into DIR with scripts/render-scan.py (seed 000:
clean, noisy, skewed, JPEG q50 at 150/200/300 dpi, small print at 150/200, upside down at 200).
Then, for each page and round, runs tesseract and every `NAME=COMMAND` (e.g.
`after=target/release/examples/ocr --threads 1`; the page's PNG is appended) one after the
other, so a loaded machine slows them alike, and prints a Markdown table: width-folded CER
against the drawn text, user + system CPU seconds (the least over the rounds) and peak RSS.
"""
import argparse, os, resource, shlex, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.join(HERE, "..", "..", "shared", "seeds", "000_af03dda2041187dd.txt")
PAGES = [
    (f"{kind}_{dpi}", args + ["--dpi", str(dpi)])
    for dpi in (150, 200, 300)
    for kind, args in [
        ("clean", []),
        ("noisy", ["--serif", "--noise", "10"]),
        ("skewed", ["--skew", "1.3", "--noise", "6"]),
        ("jpeg50", ["--serif", "--skew", "0.6", "--jpeg", "50"]),
    ]
] + [
    ("small_150", ["--dpi", "150", "--pt", "10.5", "--chars", "1400"]),
    ("small_200", ["--dpi", "200", "--pt", "10.5", "--chars", "1400", "--noise", "6"]),
    ("upside_200", ["--dpi", "200", "--rotate", "180", "--noise", "6"]),
]


def fold(text):
    out = []
    for ch in text:
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            ch = chr(o - 0xFEE0)
        if not ch.isspace():
            out.append(ch)
    return "".join(out)


def cer(truth, got):
    a, b = fold(truth), fold(got)
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1] / max(len(a), 1)


def run(cmd, env):
    """(stdout, CPU seconds, peak RSS MB) of one process."""
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    out = p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    if status != 0:
        sys.exit(f"{cmd} failed: {status}")
    return out.decode("utf-8", "replace"), ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("engines", nargs="*")
    ap.add_argument("--render", action="store_true")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--pages", default="", help="comma-separated page names (default: all)")
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    pages = [p for p in PAGES if not a.pages or p[0] in a.pages.split(",")]
    if a.render:
        for name, args in pages:
            base = os.path.join(a.dir, name)
            subprocess.run([sys.executable, os.path.join(HERE, "render-scan.py"), SEED, base] + args, check=True)
            if os.path.exists(base + ".jpg"):  # both engines read the decoded JPEG
                from PIL import Image
                Image.open(base + ".jpg").save(base + ".png")
    env = dict(os.environ, OMP_THREAD_LIMIT="1", RAYON_NUM_THREADS="1")
    engines = [("tesseract", None)] + [tuple(e.split("=", 1)) for e in a.engines]
    cols = [n for n, _ in engines]
    print("| page | " + " | ".join(f"CER {n}" for n in cols) + " | "
          + " | ".join(f"s {n}" for n in cols) + " | "
          + " | ".join(f"ratio {n}" for n in cols[1:]) + " | "
          + " | ".join(f"MB {n}" for n in cols) + " |")
    print("|---" * (1 + 4 * len(cols) - 1) + "|")
    for name, args in pages:
        png = os.path.join(a.dir, name + ".png")
        truth = open(os.path.join(a.dir, name + ".txt"), encoding="utf-8").read()
        dpi = args[args.index("--dpi") + 1]
        best = {}
        for _ in range(a.rounds):
            for n, cmd in engines:
                if cmd is None:
                    argv = ["tesseract", png, "stdout", "-l", "chi_sim", "--dpi", dpi]
                else:
                    argv = shlex.split(cmd) + [png]
                out, secs, mb = run(argv, env)
                if cmd is not None:
                    out = "\n".join(l for l in out.splitlines() if not l.startswith("### "))
                c = cer(truth, out)
                old = best.get(n)
                best[n] = (c, min(secs, old[1]) if old else secs, max(mb, old[2]) if old else mb)
        t = best["tesseract"][1]
        print(f"| {name} | " + " | ".join(f"{best[n][0]*100:.2f} %" for n in cols) + " | "
              + " | ".join(f"{best[n][1]:.2f}" for n in cols) + " | "
              + " | ".join(f"{best[n][1]/t:.2f}×" for n in cols[1:]) + " | "
              + " | ".join(f"{best[n][2]:.0f}" for n in cols) + " |", flush=True)


if __name__ == "__main__":
    main()
