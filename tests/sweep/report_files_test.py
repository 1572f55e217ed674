#!/usr/bin/env python3
"""The committed sweep report opens offline and its charts are real SVG (sweep issue: "a
self-contained HTML report with SVG plots ... that opens offline in a browser").

usage: report_files_test.py <docs/sweeps dir>
"""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ElementTree

SVG = "{http://www.w3.org/2000/svg}"
directory = sys.argv[1]
failures = []
svgs = sorted(glob.glob(os.path.join(directory, "*.svg")))
for path in svgs:
    root = ElementTree.parse(path).getroot()  # raises on malformed XML
    if root.tag != SVG + "svg" or not root.findall(f".//{SVG}text"):
        failures.append(f"{path}: not an <svg> with text")
for path in sorted(glob.glob(os.path.join(directory, "*.html"))):
    html = open(path, encoding="utf-8").read()
    # Anything that would fetch: scripts, links, images, stylesheets, fonts, iframes.
    for pattern in [r"<script", r"<link", r"<img", r"<iframe", r"src=", r"href=", r"@import", r"url\(",
                    r"@font-face"]:
        if re.search(pattern, html, re.I):
            failures.append(f"{path}: contains {pattern}")
    # The only URL allowed is the SVG namespace name, which is never fetched.
    for url in re.findall(r"https?://[^\"' <]+", html):
        if url != "http://www.w3.org/2000/svg":
            failures.append(f"{path}: refers to {url}")
    charts = re.findall(r"<svg .*?</svg>", html, re.S)
    for chart in charts:
        ElementTree.fromstring(chart)
    if len(charts) < 4:
        failures.append(f"{path}: {len(charts)} charts, expected the frontier, heat maps and metric plots")
    print(f"ok: {path}: {len(charts)} inline SVG charts, nothing fetched")
if len(svgs) < 2:
    failures.append(f"{directory}: expected the frontier and heat-map SVG files, found {svgs}")
if failures:
    sys.exit("FAIL:\n  " + "\n  ".join(failures))
print(f"ok: {len(svgs)} SVG files parse")
