#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, from the project's own documents.

    fuzz/make_seeds.py OUT_DIR

OUT_DIR/text:  corpus/*.txt, each also cut to its first 2 KiB (small seeds
               mutate faster), and in Windows-1252 and UTF-16 once each;
OUT_DIR/pdf:   small text PDFs written here from the first lines of some
               corpus/*.txt (one and two pages, one encrypted-looking, one
               with an empty page), and corpus/scans/*.pdf;
OUT_DIR/image: small page images made with ImageMagick (PNG, JPEG, TIFF of
               two pages, GIF, BMP, PNM, WebP when it can) of a corpus line,
               under 200 x 200 pixels (fuzz_image refuses larger pages).
"""
import glob
import os
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = sys.argv[1]
for sub in ("text", "pdf", "image"):
    os.makedirs(os.path.join(out, sub), exist_ok=True)

docs = sorted(glob.glob(os.path.join(root, "corpus", "*.txt")))
for d in docs:
    data = open(d, "rb").read()
    name = os.path.basename(d)
    open(os.path.join(out, "text", name), "wb").write(data)
    open(os.path.join(out, "text", "head-" + name), "wb").write(data[:2048])
if docs:
    text = open(docs[0], "rb").read().decode("utf-8", "replace")[:3000]
    open(os.path.join(out, "text", "cp1252.txt"), "wb").write(text.encode("cp1252", "replace"))
    open(os.path.join(out, "text", "utf16.txt"), "wb").write(text.encode("utf-16"))


def pdf(pages, media="0 0 595 842"):
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for lines in pages:
        content = b"BT /F1 11 Tf 14 TL 72 770 Td\n"
        for line in lines:
            esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            content += b"(" + esc.encode("cp1252", "replace") + b") Tj T*\n"
        content += b"ET\n"
        kids.append(len(objects) + 1)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [" + media.encode() +
                       b"] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (len(objects) + 2))
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + \
        b"] /Count %d >>" % len(kids)
    body = b"%PDF-1.4\n"
    offsets = []
    for k, o in enumerate(objects):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % (k + 1) + o + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return body


for i, d in enumerate(docs[:6]):
    lines = [l for l in open(d, encoding="utf-8", errors="replace").read().splitlines() if l.strip()]
    pages = [lines[:40]] if i % 2 == 0 else [lines[:30], lines[30:60]]
    open(os.path.join(out, "pdf", "text-%d.pdf" % i), "wb").write(pdf(pages))
if docs:
    lines = open(docs[0], encoding="utf-8", errors="replace").read().splitlines()[:20]
    open(os.path.join(out, "pdf", "empty-page.pdf"), "wb").write(pdf([lines, []]))
    open(os.path.join(out, "pdf", "large-box.pdf"), "wb").write(pdf([lines], "0 0 200000 200000"))
for p in glob.glob(os.path.join(root, "corpus", "scans", "*.pdf")):
    data = open(p, "rb").read()
    open(os.path.join(out, "pdf", os.path.basename(p)), "wb").write(data)

img = os.path.join(out, "image")
base = ["convert", "-size", "180x60", "xc:white", "-fill", "black", "-pointsize", "14",
        "-annotate", "+5+25", "Séance du 21 mars", "-annotate", "+5+45", "Présents : M. X"]
for ext, extra in (("png", []), ("jpg", ["-colorspace", "Gray"]), ("gif", []), ("bmp", []),
                   ("pnm", []), ("webp", []), ("tif", ["-compress", "lzw"])):
    subprocess.run(base + extra + [os.path.join(img, "page." + ext)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
subprocess.run(["convert", os.path.join(img, "page.png"), os.path.join(img, "page.png"),
                "-monochrome", "-compress", "Group4", os.path.join(img, "two-pages.tif")],
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
subprocess.run(["convert", "-size", "64x64", "xc:white", "-alpha", "on",
                os.path.join(img, "alpha.png")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for sub in ("text", "pdf", "image"):
    print("make_seeds: %s: %d files" % (sub, len(os.listdir(os.path.join(out, sub)))))
