#!/usr/bin/env python3
"""Render notice text as a scanned page, for OCR tests and measurements.

  render-scan.py TEXT_FILE OUT_BASE [--dpi 200] [--noise 0] [--skew 0] [--jpeg Q] [--serif]
                 [--chars N] [--pdf] [--pt 16] [--rotate 0|90|180|270]

Writes OUT_BASE.png (or .jpg with --jpeg) and, with --pdf, OUT_BASE.pdf (the image alone on an
A4 page, no text layer), plus OUT_BASE.txt: the text drawn, one line per line of the page.
Needs Pillow and a Noto CJK font (Debian fonts-noto-cjk). Deterministic for the same arguments.
"""
import argparse, random, re
from PIL import Image, ImageDraw, ImageFont, ImageFilter

FONTS = {
    "sans": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "serif": "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
}

def body_text(path, limit):
    raw = open(path, encoding="utf-8").read()
    paras = [re.sub(r"\s+", "", p) for p in raw.split("\n")]
    paras = [p for p in paras if len(p) >= 20]
    out, n = [], 0
    for p in paras:
        if n >= limit:
            break
        out.append(p[: limit - n])
        n += len(out[-1])
    return out

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("text"); ap.add_argument("out")
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument("--noise", type=float, default=0.0)
    ap.add_argument("--skew", type=float, default=0.0)
    ap.add_argument("--jpeg", type=int, default=0)
    ap.add_argument("--serif", action="store_true")
    ap.add_argument("--chars", type=int, default=700)
    ap.add_argument("--pdf", action="store_true")
    ap.add_argument("--bilevel", action="store_true", help="threshold to 1 bit (a fax-like scan)")
    ap.add_argument("--pt", type=float, default=16, help="font size in points (16: GB/T 9704 body)")
    ap.add_argument("--rotate", type=int, default=0, choices=[0, 90, 180, 270],
                    help="turn the finished page counter-clockwise (a page scanned sideways)")
    a = ap.parse_args()
    rnd = random.Random(7)
    px = lambda mm: int(round(mm / 25.4 * a.dpi))
    W, H = px(210), px(297)
    img = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(img)
    size = int(round(a.pt / 72 * a.dpi))  # 三号 (16 pt), GB/T 9704 body text
    font = ImageFont.truetype(FONTS["serif" if a.serif else "sans"], size, index=2)  # SC
    left, right, top = px(28), W - px(26), px(37)
    per_line = (right - left) // size
    lines = []
    for p in body_text(a.text, a.chars):
        first = True
        while p:
            indent = 2 if first else 0
            take = per_line - indent
            lines.append((indent, p[:take])); p = p[take:]; first = False
    y = top
    drawn = []
    for indent, t in lines:
        if y + size > H - px(35):
            break
        d.text((left + indent * size, y), t, font=font, fill=0)
        drawn.append(t)
        y += int(size * 1.75)
    if a.skew:
        img = img.rotate(a.skew, resample=Image.BICUBIC, expand=False, fillcolor=255)
    if a.noise:
        img = img.filter(ImageFilter.GaussianBlur(0.6))
        pixels = img.load()
        for yy in range(H):
            for xx in range(W):
                v = pixels[xx, yy] + rnd.gauss(0, a.noise)
                if rnd.random() < 0.0005:
                    v = 0
                pixels[xx, yy] = max(0, min(255, int(v)))
    if a.rotate:
        img = img.rotate(a.rotate, expand=True)
    if a.bilevel:
        img = img.point(lambda v: 255 if v > 150 else 0).convert("1")
    if a.jpeg:
        img.save(f"{a.out}.jpg", quality=a.jpeg, dpi=(a.dpi, a.dpi))
    else:
        img.save(f"{a.out}.png", optimize=True, dpi=(a.dpi, a.dpi))
    if a.pdf:
        # Pillow writes a grey page image as DCTDecode, the usual filter of scanned PDFs.
        img.convert("L").save(f"{a.out}.pdf", resolution=a.dpi, quality=40)
    open(f"{a.out}.txt", "w", encoding="utf-8").write("\n".join(drawn) + "\n")

if __name__ == "__main__":
    main()
