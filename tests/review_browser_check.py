#!/usr/bin/env python3
"""The review page in a real browser (headless Chromium, Debian's `chromium`).

For a scanned PDF of corpus/scans/ and a text file of corpus/, runs
`delibex review FILE -o PAGE`, opens PAGE#selftest in headless Chromium with
--dump-dom, and reads what the page's own self-check wrote into #selftest:
where each provenance box was drawn, the rendered page image's rectangle,
the text each span highlights, and what selecting each field highlighted.
This script then checks, against the record embedded in the page:
  - every provenance entry is drawn: an entry with a box as a box inside its
    page image, at the record's box scaled to the rendered image (within
    1.5 CSS px a side); an entry without one as a span showing exactly the
    code points [begin, end) of its page's text;
  - the rendered image keeps the proportions of the frame the boxes are in;
  - selecting each field marks its row and its boxes or spans, only them,
    and scrolls them into view; the next-field key moves on;
  - the page loads nothing from outside (no http(s) address, a
    Content-Security-Policy that allows only data: images);
then takes a screenshot of the scan's page with a field selected
(--screenshot-to copies it, e.g. to docs/review.png).

Exit status 0 when every check passes, 1 otherwise, 77 (ctest's
SKIP_RETURN_CODE) when Chromium is not installed.
"""
import argparse
import html
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

SCAN = "corpus/scans/epci-bureau-communautaire-2024-04-02.pdf"
TEXT = "corpus/commune-extrait-registre-2024-03-12.txt"
TOLERANCE_PX = 1.5
WINDOW = (1400, 900)

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def chromium_run(chromium, profile, url, *flags, timeout=120):
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--no-default-browser-check", "--disable-extensions", "--disable-sync",
           "--disable-background-networking", "--disable-component-update",
           "--hide-scrollbars", "--user-data-dir=" + profile,
           "--window-size=%d,%d" % WINDOW, *flags, url]
    env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS="disabled:")
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)


def embedded_data(page_html):
    m = re.search(r'<script type="application/json" id="review-data">(.*?)</script>', page_html,
                  re.S)
    if not m:
        raise ValueError("no review-data script in the page")
    return json.loads(m.group(1))


def check_offline(name, page_html):
    if re.search(r'(?:src|href)\s*=\s*["\']?\s*(?:https?:)?//', page_html, re.I):
        fail(f"{name}: the page refers to an address outside itself")
    if "default-src 'none'" not in page_html:
        fail(f"{name}: no Content-Security-Policy keeping the page offline")


def check_page(name, data, result, expect_boxes):
    record = data["record"]
    prov = record.get("provenance", {})
    pages = {p["number"]: p for p in data["pages"]}
    if not prov:
        fail(f"{name}: the record has no provenance to check")
    entries = {e["field"]: e for e in result["entries"]}
    if set(entries) != set(prov):
        fail(f"{name}: self-check saw {len(entries)} entries, the record has {len(prov)}")
    boxes = spans = 0
    worst = 0.0
    for field, p in prov.items():
        e = entries.get(field)
        if e is None:
            continue
        page = pages.get(p["page"])
        if page is None:
            fail(f"{name}: {field}: page {p['page']} not in the page")
            continue
        if p.get("box") and page["image"]:
            if e.get("kind") != "box" or "rendered" not in e:
                fail(f"{name}: {field}: no box drawn")
                continue
            left, top, width, height = e["image"]
            fw, fh = page["image"]["width"], page["image"]["height"]
            if abs(height / width - fh / fw) > 0.005:
                fail(f"{name}: page {p['page']} drawn {width}x{height}, frame {fw}x{fh}")
            sx, sy = width / fw, height / fh
            b = p["box"]
            want = [left + b[0] * sx, top + b[1] * sy, left + b[2] * sx, top + b[3] * sy]
            off = max(abs(x - y) for x, y in zip(want, e["rendered"]))
            worst = max(worst, off)
            if off > TOLERANCE_PX:
                fail(f"{name}: {field}: box drawn at {e['rendered']}, record box {b} scaled "
                     f"gives {want} ({off:.1f} px off)")
            r = e["rendered"]
            if r[0] < left - 1 or r[1] < top - 1 or r[2] > left + width + 1 or \
                    r[3] > top + height + 1:
                fail(f"{name}: {field}: box outside its page image")
            boxes += 1
        else:
            expected = page["text"][p["span"][0]:p["span"][1]]  # code points
            if e.get("kind") != "span" or e.get("rendered_text") != expected:
                fail(f"{name}: {field}: span shows {e.get('rendered_text')!r}, "
                     f"the text has {expected!r}")
            if not expected.strip():
                fail(f"{name}: {field}: an empty span")
            spans += 1
    if expect_boxes and boxes == 0:
        fail(f"{name}: no box checked on a scan")
    if expect_boxes and boxes < len(prov) * 0.9:
        fail(f"{name}: only {boxes} of {len(prov)} entries have a box")
    selected = [s for s in result["selection"] if s["marks"] > 0]
    if len({s["field"] for s in selected}) < len(prov):
        fail(f"{name}: {len(selected)} rows highlight something, {len(prov)} entries")
    for s in result["selection"]:
        if not s["row_selected"] or s["active"] != s["marks"]:
            fail(f"{name}: selecting {s['field']} did not highlight it")
        if s["marks"] > 0 and not s.get("in_view"):
            fail(f"{name}: selecting {s['field']} did not scroll it into view")
    if not result.get("keyboard_next") or not result.get("keyboard_previous"):
        fail(f"{name}: the next/previous-field keys did not move")
    for f in result["failures"]:
        fail(f"{name}: self-check: {f}")
    print(f"{name}: {len(prov)} provenance entries: {boxes} boxes (worst {worst:.2f} px off), "
          f"{spans} spans; {len(result['selection'])} fields selected")


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--delibex", required=True)
    ap.add_argument("--source", required=True, help="the repository (for corpus/)")
    ap.add_argument("--out", help="where pages and the screenshot go (default: a temp dir)")
    ap.add_argument("--screenshot-to", help="also copy the screenshot there (docs/review.png)")
    args = ap.parse_args()

    chromium = find_chromium()
    if chromium is None:
        print("SKIP: Chromium is not installed (scripts/install-deps.sh installs Debian's "
              "`chromium`): the review page is not checked in a browser")
        return 77
    out = args.out or tempfile.mkdtemp(prefix="delibex-review-")
    os.makedirs(out, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="delibex-chromium-")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        for name, rel, boxes in (("scan", SCAN, True), ("text", TEXT, False)):
            page_path = os.path.abspath(os.path.join(out, f"review-{name}.html"))
            run = subprocess.run([args.delibex, "review", os.path.join(args.source, rel), "-o",
                                  page_path, "--today", "2026-12-04"],
                                 capture_output=True, text=True, env=env, timeout=300)
            if run.returncode != 0:
                fail(f"{name}: delibex review exited {run.returncode}: {run.stderr.strip()}")
                continue
            with open(page_path, encoding="utf-8") as f:
                page_html = f.read()
            data = embedded_data(page_html)
            check_offline(name, page_html)
            if boxes and not any(p["image"] for p in data["pages"]):
                fail(f"{name}: no page image embedded")
            print(f"{name}: {rel} -> {page_path} ({len(page_html) // 1024} KiB, "
                  f"{len(data['pages'])} page(s))")
            dump = chromium_run(chromium, profile, "file://" + page_path + "#selftest",
                                "--dump-dom")
            m = re.search(r'<pre id="selftest"[^>]*>(.*?)</pre>', dump.stdout, re.S)
            if dump.returncode != 0 or not m or not m.group(1).strip():
                fail(f"{name}: Chromium gave no self-check (exit {dump.returncode}): "
                     f"{dump.stderr[-500:]}")
                continue
            result = json.loads(html.unescape(m.group(1)))
            check_page(name, data, result, boxes)
            if boxes:
                # A field with a box, selected, for the screenshot.
                prov = data["record"]["provenance"]
                field = next((f for f in ("deliberations[0].vote", "session.date")
                              if f in prov and prov[f].get("box")),
                             next((f for f, p in prov.items() if p.get("box")), ""))
                shot = os.path.join(out, "review.png")
                if os.path.exists(shot):
                    os.remove(shot)
                run = chromium_run(chromium, profile, "file://" + page_path + "#field=" + field,
                                   "--screenshot=" + shot)
                size = png_size(shot) if os.path.exists(shot) else None
                if size is None or tuple(size) != WINDOW:
                    fail(f"{name}: no screenshot of {WINDOW} (exit {run.returncode})")
                else:
                    print(f"{name}: screenshot {shot} ({field} selected)")
                    if args.screenshot_to:
                        shutil.copyfile(shot, args.screenshot_to)
                        print(f"copied to {args.screenshot_to}")
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("review pages: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
