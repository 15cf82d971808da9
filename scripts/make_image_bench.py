"""Write 200-dpi A4 page images (1654 × 2339) in every codec the image decoders read, for
benches/images.rs: python3 scripts/make_image_bench.py [OUTDIR] (default target/image-bench).

The page is text-like: lines of black strokes on white with a little noise, as a scan is.
Needs Pillow (libtiff for G4). The PDFs wrap the same page as one image XObject each.
"""
import io
import os
import random
import struct
import sys
import zlib

from PIL import Image, ImageDraw, ImageOps

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "images"))
W, H = 1654, 2339


def scan():
    rnd = random.Random(7)
    img = Image.new("L", (W, H), 250)
    d = ImageDraw.Draw(img)
    for y in range(200, H - 200, 60):
        x = 160
        while x < W - 200:
            w = rnd.randint(18, 34)
            for _ in range(6):  # strokes of a character
                x0, y0 = x + rnd.randint(0, w - 4), y + rnd.randint(0, 30)
                d.line([x0, y0, x0 + rnd.randint(-8, 12), y0 + rnd.randint(0, 12)], fill=20, width=3)
            x += w + 6
    noise = Image.effect_noise((W, H), 12).point(lambda v: v - 128)
    return Image.eval(Image.blend(img, noise.convert("L"), 0.05), lambda v: v)


def pdf(image_dict, data, path):
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>"]
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objs.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d " % (W, H) + image_dict
                + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.5\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(out.tell())
        out.write(b"%d 0 obj\n" % i + o + b"\nendobj\n")
    x = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x))
    open(path, "wb").write(out.getvalue())


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "target/image-bench"
    os.makedirs(out, exist_ok=True)
    import make  # noqa: the fixture script's G4 and JBIG2 helpers (it runs main() on import)
    gray = scan()
    rgb = gray.convert("RGB")
    bw = gray.point(lambda v: 255 if v > 128 else 0).convert("1")
    p = lambda n: os.path.join(out, n)
    gray.save(p("gray.png"))
    rgb.save(p("rgb.png"))
    gray.save(p("gray.jpg"), quality=75)
    rgb.save(p("rgb.jpg"), quality=75)
    bw.save(p("g4.tif"), compression="group4")
    gray.save(p("lzw.tif"), compression="tiff_lzw")
    rgb.save(p("rgb.bmp"))
    rgb.save(p("rgb.webp"), quality=75)
    jpg = open(p("gray.jpg"), "rb").read()
    pdf(b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode", jpg, p("dct.pdf"))
    pdf(b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", zlib.compress(gray.tobytes(), 6), p("flate.pdf"))
    pdf(b"/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns %d /Rows %d /BlackIs1 true >>" % (W, H),
        make.g4_bytes(bw), p("ccitt.pdf"))
    pdf(b"/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode", make.jbig2_bytes(bw), p("jbig2.pdf"))
    for n in sorted(os.listdir(out)):
        print(n, os.path.getsize(p(n)))


main()
