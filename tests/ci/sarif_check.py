#!/usr/bin/env python3
"""`deploysim lint --sarif`, `diff --sarif` and `check --sarif` against the official SARIF 2.1.0 schema, and what the
schema cannot see.

  sarif_check.py <deploysim> <schema> <source dir>

Lints library scenarios that have findings, plus a copy of seed 000 whose deployed task definition
is a {"$file": ...}, and requires: the log validates (python3-jsonschema, draft 2020-12); every
lint rule is described with help; each result points at the line and column of the JSON member it
names, in the file that holds it (the $file one included); fingerprints are the same on a second
run and after a line is inserted above the findings (lines move, fingerprints do not); GitLab's
Code Quality report has the same places and fingerprints; `diff --sarif` of seed 000's fix undone
places the lint error and the false-rollback regression at HEAD's memory line; `check --sarif` places
a violated intent at that intent. Exits 1
with a message on any failure, python3-jsonschema missing included: this test never skips.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    from jsonschema import Draft202012Validator
except ImportError as error:
    sys.exit(f"FAIL: python3-jsonschema is missing ({error}) for {sys.executable}; run scripts/bootstrap")

LIBRARY = [
    "scenarios/incidents/000-oom-128mb.json",
    "scenarios/incidents/002-unreadable-secret.json",
    "scenarios/incidents/003-bound-to-localhost.json",
    "scenarios/incidents/004-wget-loop-breaker-off.json",
    "scenarios/incidents/102-cluster-short-of-capacity.json",
]


def fail(message):
    sys.exit("FAIL: " + message)


def lint_sarif(deploysim, files, out, cwd):
    done = subprocess.run([deploysim, "lint", *files, "--sarif", out], cwd=cwd,
                          capture_output=True, text=True, env={**os.environ, "GITHUB_ACTIONS": ""})
    if done.returncode not in (0, 1):
        fail(f"lint exited {done.returncode}: {done.stderr}")
    with open(os.path.join(cwd, out), encoding="utf-8") as f:
        return json.load(f)


def position_text(path, line, column):
    """The text of `path` from 1-based line and column (in characters) on."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    return lines[line - 1][column - 1:]


def check_positions(log, cwd):
    for result in log["runs"][0]["results"]:
        location = result["locations"][0]["physicalLocation"]
        path = os.path.join(cwd, location["artifactLocation"]["uri"])
        region = location["region"]
        text = position_text(path, region["startLine"], region["startColumn"])
        pointer = result["properties"]["jsonPointer"]
        tokens = [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/") if t]
        # The member named (or, when the file lacks it, an enclosing one) starts right there.
        candidates = [f'"{t}"' for t in tokens] + ["{", "["]
        if not any(text.startswith(c) for c in candidates):
            fail(f"{result['ruleId']} at {path}:{region['startLine']}:{region['startColumn']} "
                 f"points at {text[:30]!r}, not at a member of {pointer}")


def fingerprints(log):
    return sorted((r["ruleId"], r["partialFingerprints"]["deploysim/v1"]) for r in log["runs"][0]["results"])


def check_code_quality(deploysim, log, source, work):
    """`lint --code-quality`: GitLab's shape, the same places and fingerprints as the SARIF log."""
    out = os.path.join(work, "code-quality.json")
    subprocess.run([deploysim, "lint", *LIBRARY, "--code-quality", out], cwd=source, capture_output=True,
                   env={**os.environ, "GITHUB_ACTIONS": ""})
    with open(out, encoding="utf-8") as f:
        issues = json.load(f)
    severity = {"error": "critical", "warning": "major", "note": "info"}
    expected = [(r["ruleId"], r["partialFingerprints"]["deploysim/v1"], severity[r["level"]],
                 r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                 r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in log["runs"][0]["results"]]
    found = [(i["check_name"], i["fingerprint"], i["severity"], i["location"]["path"], i["location"]["lines"]["begin"])
             for i in issues]
    if found != expected or not all(isinstance(i["description"], str) and i["description"] for i in issues):
        fail(f"the Code Quality report differs from the SARIF results: {found} vs {expected}")


def check_diff_sarif(deploysim, validator, source, work):
    """`diff --sarif`: HEAD brings seed 000's OOM back; the lint error it adds and the false-rollback
    regression are results at HEAD's memory line, and the log validates."""
    out = os.path.join(work, "diff.sarif")
    done = subprocess.run([deploysim, "diff", "--runs", "20", "--fail-on", "false-rollback", "--sarif", out,
                           "scenarios/incidents/000-fixed-512mb.json", "scenarios/incidents/000-oom-128mb.json"],
                          cwd=source, capture_output=True, text=True, env={**os.environ, "GITHUB_ACTIONS": ""})
    if done.returncode != 1:
        fail(f"diff exited {done.returncode}, expected 1: {done.stderr}")
    with open(out, encoding="utf-8") as f:
        log = json.load(f)
    errors = list(validator.iter_errors(log))
    if errors:
        fail("the diff's SARIF log does not validate: " + errors[0].message)
    results = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    if sorted(results) != ["diff-false-rollback", "memory-below-peak"]:
        fail(f"diff's SARIF results: {sorted(results)}")
    lines = {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results.values()}
    if len(lines) != 1:
        fail(f"the regression and the lint error are not both at the memory line: {lines}")
    check_positions(log, source)


def check_check_sarif(deploysim, validator, source, work):
    """`check --sarif`: the violated intent of weak-grace-strict-breaker is a result at that intent."""
    out = os.path.join(work, "check.sarif")
    done = subprocess.run([deploysim, "check", "scenarios/examples/weak-grace-strict-breaker.json", "--runs", "30",
                           "--out", work, "--sarif", out], cwd=source, capture_output=True, text=True,
                          env={**os.environ, "GITHUB_ACTIONS": ""})
    if done.returncode != 1:
        fail(f"check exited {done.returncode}, expected 1: {done.stderr}")
    with open(out, encoding="utf-8") as f:
        log = json.load(f)
    if list(validator.iter_errors(log)):
        fail("the check's SARIF log does not validate")
    results = log["runs"][0]["results"]
    if len(results) != 1 or "no rollback of a good deploy" not in results[0]["message"]["text"]:
        fail(f"check's SARIF results: {results}")
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    text = position_text(os.path.join(source, "scenarios/examples/weak-grace-strict-breaker.json"),
                         region["startLine"], region["startColumn"])
    if not text.startswith("{"):
        fail(f"the violated intent is placed at {text[:30]!r}, not at the intent")


def make_file_variant(source, work):
    """Seed 000 with its deployed task definition in td/alia-bot-27.json, wrapped as AWS prints it."""
    with open(os.path.join(source, LIBRARY[0]), encoding="utf-8") as f:
        scenario = json.load(f)
    os.makedirs(os.path.join(work, "td"), exist_ok=True)
    with open(os.path.join(work, "td", "alia-bot-27.json"), "w", encoding="utf-8") as f:
        json.dump({"taskDefinition": scenario["taskDefinitions"][1]}, f, indent=2)
    scenario["taskDefinitions"][1] = {"$file": "td/alia-bot-27.json"}
    with open(os.path.join(work, "seed-000.json"), "w", encoding="utf-8") as f:
        json.dump(scenario, f, indent=2)


def main():
    deploysim, schema_path, source = sys.argv[1:4]
    with tempfile.TemporaryDirectory(prefix="deploysim-sarif-") as work:
        check(deploysim, schema_path, source, work)


def check(deploysim, schema_path, source, work):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)

    log = lint_sarif(deploysim, LIBRARY, os.path.join(work, "library.sarif"), source)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    if errors:
        fail("the SARIF log does not validate: " + "; ".join(
            f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:5]))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    rule_ids = [r["id"] for r in rules]
    for rule in rules:
        if len(rule["help"]["text"]) < 40 or not rule["shortDescription"]["text"]:
            fail(f"rule {rule['id']} has no real help text")
    results = log["runs"][0]["results"]
    seen = {r["ruleId"] for r in results}
    for expected in ["memory-below-peak", "unreadable-secret", "bind-localhost-with-lb",
                     "health-check-binary-missing", "breaker-disabled", "cluster-capacity"]:
        if expected not in seen:
            fail(f"no result of rule {expected} (results: {sorted(seen)})")
    for r in results:
        if rule_ids[r["ruleIndex"]] != r["ruleId"]:
            fail(f"result {r['ruleId']} has ruleIndex {r['ruleIndex']}")
    check_positions(log, source)
    check_code_quality(deploysim, log, source, work)
    check_diff_sarif(deploysim, validator, source, work)
    check_check_sarif(deploysim, validator, source, work)
    again = lint_sarif(deploysim, LIBRARY, os.path.join(work, "again.sarif"), source)
    if fingerprints(again) != fingerprints(log):
        fail("fingerprints differ between two runs")

    make_file_variant(source, work)
    variant = lint_sarif(deploysim, ["seed-000.json"], "variant.sarif", work)
    memory = [r for r in variant["runs"][0]["results"] if r["ruleId"] == "memory-below-peak"]
    if not memory or memory[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] != "td/alia-bot-27.json":
        fail(f"memory-below-peak is not placed in the $file: {memory}")
    check_positions(variant, work)
    if list(validator.iter_errors(variant)):
        fail("the $file variant's SARIF does not validate")

    # A line inserted above everything: every line moves by one, no fingerprint changes.
    path = os.path.join(work, "seed-000.json")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n" + text)
    moved = lint_sarif(deploysim, ["seed-000.json"], "moved.sarif", work)
    if fingerprints(moved) != fingerprints(variant):
        fail("fingerprints changed when lines moved")
    before = {r["ruleId"]: r["locations"][0]["physicalLocation"] for r in variant["runs"][0]["results"]}
    for r in moved["runs"][0]["results"]:
        location = r["locations"][0]["physicalLocation"]
        shift = 1 if location["artifactLocation"]["uri"] == "seed-000.json" else 0
        if location["region"]["startLine"] != before[r["ruleId"]]["region"]["startLine"] + shift:
            fail(f"{r['ruleId']} did not move with its line")
    print(f"SARIF ok: {len(results)} results of {len(seen)} rules, {len(rules)} rules described, "
          "positions, $file placement, fingerprints, Code Quality, diff and check --sarif checked")


if __name__ == "__main__":
    main()
