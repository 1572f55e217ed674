#!/usr/bin/env python3
"""The committed report's recommended cell, re-run alone, gives the committed figures.

Each committed cell is a function of its settings and of the population's deploys (deploy r is
drawn from the sweep's seed and r alone), not of the grid around it: running the sweep file with
--axis flags that pin every axis to the recommended cell's values must print that row's metrics
exactly. This is the cheap form of "the committed report is up to date" (one cell instead of the
whole grid), which the sanitizer build runs instead of the full re-render.

usage: committed_cell_test.py <deploysim> <sweep file> <docs/sweeps dir> <work dir>
"""
import csv
import json
import os
import shutil
import subprocess
import sys

deploysim, sweep_file, docs, work = sys.argv[1:5]
shutil.rmtree(work, ignore_errors=True)
name = json.load(open(sweep_file))["name"]
report = json.load(open(os.path.join(docs, name + ".json")))
rows = list(csv.DictReader(open(os.path.join(docs, name + ".csv"))))
recommended = [row for row in rows if row["recommended"] == "1"]
if len(recommended) != 1:
    sys.exit(f"FAIL: {len(recommended)} recommended rows in the committed CSV")
row = recommended[0]
flags = []
for axis in report["sweep"]["axes"]:
    flags += ["--axis", f"{axis['name']}={axis['pointer']}:{row[axis['name']]}"]
subprocess.run([deploysim, "sweep", sweep_file, "--quiet", "--out", work] + flags, check=True)
fresh = list(csv.DictReader(open(os.path.join(work, name + ".csv"))))
if len(fresh) != 1:
    sys.exit(f"FAIL: the pinned sweep has {len(fresh)} cells, expected 1")
# The cell index, frontier and recommendation depend on the grid; every figure must not.
grid_columns = {"cell", "pareto", "recommended"}
differences = [f"{key}: committed {row[key]}, now {fresh[0][key]}" for key in row
               if key not in grid_columns and row[key] != fresh[0].get(key)]
if differences:
    sys.exit("FAIL: the recommended cell's figures changed; run scripts/render-sweeps\n  " + "\n  ".join(differences))
print(f"ok: cell {row['cell']} ({' '.join(flags[1::2])}) gives the committed figures, "
      f"{len(row) - len(grid_columns)} columns")
