#!/usr/bin/env python3
"""docs/ci.md's two pull-request comments are what `deploysim diff --markdown` prints today.

  docs_sample_test.py <deploysim> <source dir> [--write]

--write replaces the quoted samples with what the commands print (after an intended change).

Runs the commands docs/ci.md shows (seed 000 against its fix; the grace-period cut over the shipped
sweep's population, in a directory where the doc's relative paths resolve) and requires the quoted
Markdown under each heading to be their output, line for line. Exits 1 with the first difference.
"""
import os
import subprocess
import sys
import tempfile


def fail(message):
    sys.exit("FAIL: " + message)


def quoted_after(doc, heading):
    """The "> "-quoted block that follows `heading` in the doc, unquoted."""
    lines = doc.split("\n")
    start = lines.index(heading)
    block = []
    for line in lines[start + 1:]:
        if line.startswith(">"):
            block.append(line[2:] if line.startswith("> ") else "")
        elif block:
            break
    return "\n".join(block) + "\n"


def diff_markdown(deploysim, cwd, args, expected_exit):
    done = subprocess.run([deploysim, "diff", "--markdown", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "GITHUB_ACTIONS": ""})
    if done.returncode != expected_exit:
        fail(f"diff {args} exited {done.returncode}, expected {expected_exit}: {done.stderr}")
    return done.stdout


def replace_quoted(doc, heading, printed):
    """`doc` with the quoted block after `heading` replaced by `printed`, quoted."""
    lines = doc.split("\n")
    start = lines.index(heading)
    first = next(i for i in range(start + 1, len(lines)) if lines[i].startswith(">"))
    end = first
    while end < len(lines) and lines[end].startswith(">"):
        end += 1
    quoted = [("> " + line) if line else ">" for line in (printed[:-1] if printed.endswith("\n") else printed).split("\n")]
    return "\n".join(lines[:first] + quoted + lines[end:])


def compare(what, documented, printed):
    if WRITE:
        return
    if documented == printed:
        return
    for number, (d, p) in enumerate(zip(documented.split("\n"), printed.split("\n")), 1):
        if d != p:
            fail(f"docs/ci.md's {what}, line {number}:\n  documented: {d}\n  printed:    {p}\n"
                 "regenerate the sample with the command docs/ci.md shows")
    fail(f"docs/ci.md's {what} has {len(documented.splitlines())} lines, the command printed {len(printed.splitlines())}")


WRITE = "--write" in sys.argv


def main():
    deploysim, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(source, "docs/ci.md"), encoding="utf-8") as f:
        doc = f.read()
    printed = diff_markdown(deploysim, source, ["--fail-on", "false-rollback,stuck",
                                                "scenarios/incidents/000-oom-128mb.json",
                                                "scenarios/incidents/000-fixed-512mb.json"], 0)
    compare("seed 000 comment", quoted_after(doc, "### The comment for seed 000's fix"), printed)
    doc = replace_quoted(doc, "### The comment for seed 000's fix", printed)
    with tempfile.TemporaryDirectory(prefix="deploysim-docs-") as work:
        os.symlink(os.path.join(source, "scenarios"), os.path.join(work, "scenarios"))
        base = os.path.join(source, "scenarios/sweeps/000-health-check-base.json")
        for grace in (180, 60):
            subprocess.run([sys.executable, os.path.join(source, "tests/cli/patch_scenario.py"), base,
                            os.path.join(work, f"grace-{grace}.json"),
                            f"/service/healthCheckGracePeriodSeconds={grace}",
                            "/taskDefinitions/1/containerDefinitions/0/healthCheck/retries=1"], check=True)
        printed = diff_markdown(deploysim, work, ["grace-180.json", "grace-60.json", "--sweep",
                                                  "scenarios/sweeps/000-grace-retries.sweep.json",
                                                  "--fail-on", "false-rollback:1"], 1)
    compare("grace-period comment", quoted_after(doc, "### The comment for a grace-period cut"), printed)
    if WRITE:
        doc = replace_quoted(doc, "### The comment for a grace-period cut", printed)
        with open(os.path.join(source, "docs/ci.md"), "w", encoding="utf-8") as f:
            f.write(doc)
        print("docs/ci.md's comments rewritten")
        return
    print("docs/ci.md's comments match what deploysim diff prints")


if __name__ == "__main__":
    main()
