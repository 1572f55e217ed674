#!/usr/bin/env python3
"""Renders `deploysim report` for every scenario in a folder and checks them in headless Chromium.

One browser launch loads an index page that frames every report; each report's own render check
(harness/report/html_assets.cc) measures what the browser laid out — lanes with non-empty boxes,
chart paths with a length, the sections shown — and posts its verdict to the index, which writes
it into its DOM. `--dump-dom` prints that DOM and this script reads the verdicts. A second launch
takes a screenshot of one report.

usage: browser_check.py DEPLOYSIM SCENARIO_DIR OUT_DIR [SCREENSHOT_SCENARIO]
"""
import glob
import html
import os
import re
import shutil
import struct
import subprocess
import sys
import time

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

# The listener is in <head>, before any frame exists, so no verdict is posted before it listens.
INDEX = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>deploysim reports</title>
<script>
window.addEventListener('message', function (event) {{
  var d = event.data, li = document.createElement('li');
  li.setAttribute('data-frame', d.frame);
  li.setAttribute('data-status', d.status);
  li.setAttribute('data-lanes', d.lanes);
  li.setAttribute('data-charts', d.charts);
  li.setAttribute('data-marks', d.marks);
  li.textContent = d.problems.join('; ');
  document.getElementById('results').appendChild(li);
}});
</script></head>
<body><ul id="results"></ul>
{frames}
</body></html>
"""


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def chromium(args, user_data_dir):
    binary = shutil.which("chromium")
    if binary is None:
        fail("chromium is not installed (scripts/bootstrap installs Debian's chromium package)")
    if os.path.exists(user_data_dir):
        shutil.rmtree(user_data_dir)
    command = [binary] + CHROMIUM_FLAGS + ["--user-data-dir=" + user_data_dir] + args
    return subprocess.run(command, capture_output=True, text=True, timeout=180)


def write_reports(deploysim, scenarios, out_dir):
    names = []
    for path in scenarios:
        name = os.path.splitext(os.path.basename(path))[0]
        target = os.path.join(out_dir, name + ".html")
        run = subprocess.run([deploysim, "report", path, "-o", target], capture_output=True, text=True)
        if run.returncode != 0:
            fail("deploysim report %s exited %d: %s" % (path, run.returncode, run.stderr))
        with open(target, encoding="utf-8") as f:
            page = f.read()
        # Anything that would fetch: an external script, image or frame, a style sheet, a font.
        # (URLs in the text, such as a health check's http://localhost:8080, fetch nothing.)
        fetch = re.search(r'\b(src|href)\s*=\s*"(?!#)|<link\b|@import|url\(|@font-face', page)
        if fetch:
            fail("%s is not self-contained: it contains %r" % (target, fetch.group(0)))
        names.append(name)
    return names


def check_verdicts(dom, names):
    verdicts = {}
    for attrs, text in re.findall(r"<li ([^>]*)>([^<]*)</li>", dom):
        fields = dict(re.findall(r'data-([a-z]+)="([^"]*)"', attrs))
        fields["problems"] = html.unescape(text)
        verdicts[html.unescape(fields.get("frame", ""))] = fields
    problems = []
    for name in names:
        v = verdicts.get(name)
        if v is None:
            problems.append(name + ": no render verdict (the page's check did not run)")
        elif v["status"] != "ok" or int(v["lanes"]) < 1 or int(v["charts"]) < 2:
            problems.append("%s: %s" % (name, v))
    return problems


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        fail(path + " is not a PNG")
    return struct.unpack(">II", head[16:24])


def main():
    if len(sys.argv) < 4:
        fail(__doc__)
    deploysim, scenario_dir, out_dir = sys.argv[1:4]
    shot_of = sys.argv[4] if len(sys.argv) > 4 else None
    os.makedirs(out_dir, exist_ok=True)
    scenarios = sorted(glob.glob(os.path.join(scenario_dir, "*.json")))
    if not scenarios:
        fail("no scenario in " + scenario_dir)
    names = write_reports(deploysim, scenarios, out_dir)
    frames = "\n".join('<iframe name="%s" src="%s.html" width="1200" height="300"></iframe>' % (n, n) for n in names)
    index = os.path.join(out_dir, "index.html")
    with open(index, "w", encoding="utf-8") as f:
        f.write(INDEX.format(frames=frames))

    started = time.monotonic()
    run = chromium(["--virtual-time-budget=20000", "--dump-dom", "file://" + os.path.abspath(index)],
                   os.path.join(out_dir, "profile-dom"))
    print("chromium --dump-dom over %d reports: %.1f s" % (len(names), time.monotonic() - started))
    problems = check_verdicts(run.stdout, names)
    if problems:
        fail("reports not rendered as expected:\n  " + "\n  ".join(problems))
    print("%d reports rendered: lanes, charts and sections checked in Chromium" % len(names))

    if shot_of:
        shot = os.path.join(out_dir, shot_of + ".png")
        if os.path.exists(shot):
            os.remove(shot)
        # docs/train.md's picture (docs/report-screenshot.png) is this file: 1150x2300 CSS pixels at 0.7.
        chromium(["--hide-scrollbars", "--force-device-scale-factor=0.7", "--window-size=1150,2300", "--screenshot=" + shot,
                  "file://" + os.path.abspath(os.path.join(out_dir, shot_of + ".html"))],
                 os.path.join(out_dir, "profile-shot"))
        if not os.path.exists(shot):
            fail("chromium wrote no screenshot " + shot)
        width, height = png_size(shot)
        if (width, height) != (805, 1610) or os.path.getsize(shot) < 20000:
            fail("screenshot %s is %dx%d, %d bytes: not a rendered page" % (shot, width, height, os.path.getsize(shot)))
        print("screenshot: " + shot)
    print("%d passed, 0 failed" % len(names))


if __name__ == "__main__":
    main()
