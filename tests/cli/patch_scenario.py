#!/usr/bin/env python3
"""Writes a copy of a scenario with some members changed, for a CLI test that needs a variant.

usage: patch_scenario.py IN.json OUT.json /json/pointer=VALUE ... (VALUE is JSON; "-" removes the member)
"""
import json
import sys


def main(argv):
    source, target, edits = argv[1], argv[2], argv[3:]
    with open(source) as f:
        doc = json.load(f)
    for edit in edits:
        pointer, value = edit.split("=", 1)
        *path, last = [p.replace("~1", "/").replace("~0", "~") for p in pointer.lstrip("/").split("/")]
        node = doc
        for part in path:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if value == "-":
            del node[last]
        else:
            node[last] = json.loads(value)
    with open(target, "w") as f:
        json.dump(doc, f)


if __name__ == "__main__":
    main(sys.argv)
