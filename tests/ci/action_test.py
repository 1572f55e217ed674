#!/usr/bin/env python3
"""The repository's GitHub Action (action.yml) run step by step in a simulated GitHub environment.

  action_test.py <deploysim> <source dir>

A small stand-in for the Actions runner: it reads action.yml (python3-yaml), evaluates the few
expressions the action uses (inputs, steps.<id>.outputs, hashFiles), runs each composite step's
`run` with bash -eo pipefail as GitHub does, with GITHUB_ACTIONS, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT
(fresh per step, read back as the step's outputs), GITHUB_ACTION and RUNNER_TEMP set, in a
temporary git repository with a base commit (seed 000 fixed: 512 MiB) and a head commit. It
plays two pull requests:

  1. HEAD brings the 128 MiB limit back: lint annotates the error at the memory line, the diff
     shows false rollbacks 0 % -> 100 %, check annotates a violated intent at the intent, the
     summary has the tables, the verdict step fails;
  2. HEAD is the fix over a 128 MiB base: no error annotation, the diff is better, the action passes;

and checks GitHub's caps: linting many files annotates at most 10 warnings and says how many more
there are. Exits 1 with a message on any failure; never skips.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError as error:
    sys.exit(f"FAIL: python3-yaml is missing ({error}); run scripts/bootstrap")


def fail(message):
    sys.exit("FAIL: " + message)


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout.strip()


class Runner:
    """Runs action.yml's steps the way the Actions runner does, for the expressions it uses."""

    def __init__(self, action, workspace, temp, inputs):
        self.action = action
        self.workspace = workspace
        self.temp = temp
        self.inputs = {}
        for name, spec in action["inputs"].items():
            default = str(spec.get("default", ""))
            self.inputs[name] = inputs.get(name, "" if "${{" in default else default)
        self.inputs.update(inputs)
        self.steps = {}
        self.summary = os.path.join(temp, "step_summary.md")
        self.runner_temp = os.path.join(temp, "runner")
        os.makedirs(self.runner_temp, exist_ok=True)
        open(self.summary, "w").close()

    def expression(self, text):
        def value(match):
            expr = match.group(1).strip()
            if expr.startswith("inputs."):
                return self.inputs[expr[len("inputs."):]]
            m = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr)
            if m:
                return self.steps.get(m.group(1), {}).get(m.group(2), "")
            fail(f"the simulated runner does not know the expression {expr!r}")
        return re.sub(r"\$\{\{(.*?)\}\}", value, str(text))

    def condition(self, text):
        python = re.sub(r"hashFiles\(inputs\.([\w-]+)\)",
                        lambda m: repr("x" if os.path.exists(os.path.join(self.workspace, self.inputs[m.group(1)])) else ""),
                        text)
        python = re.sub(r"inputs\.([\w-]+)", lambda m: repr(self.inputs[m.group(1)]), python)
        python = python.replace("&&", " and ").replace("||", " or ")
        return eval(python, {"__builtins__": {}})

    def run(self):
        """Returns (combined output of every step, exit code of the step that failed or 0)."""
        log = ""
        for index, step in enumerate(self.action["runs"]["steps"]):
            if "if" in step and not self.condition(step["if"]):
                log += f"[skipped {step['name']}]\n"
                continue
            if "uses" in step:
                fail(f"step {step['name']} would run {step['uses']}: the test asks for no upload")
            output_file = os.path.join(self.temp, f"output-{index}")
            open(output_file, "w").close()
            env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
            env.update({k: self.expression(v) for k, v in step.get("env", {}).items()})
            env.update({"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": self.summary, "GITHUB_OUTPUT": output_file,
                        "GITHUB_ACTION": f"__deploysim_{index}", "GITHUB_WORKSPACE": self.workspace,
                        "RUNNER_TEMP": self.runner_temp})
            done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                                  cwd=self.workspace, env=env, capture_output=True, text=True)
            log += f"[step {step['name']}]\n" + done.stdout + done.stderr
            outputs = {}
            with open(output_file) as f:
                for line in f:
                    if "=" in line:
                        name, value = line.rstrip("\n").split("=", 1)
                        outputs[name] = value
            if "id" in step:
                self.steps[step["id"]] = outputs
            if done.returncode != 0:
                return log, done.returncode
        return log, 0

    def output(self, name):
        return self.expression(self.action["outputs"][name]["value"])


def make_repo(root, source, base_memory, head_memory):
    """A repository with service.json at base_memory in its first commit and head_memory in its second."""
    repo = os.path.join(root, "repo")
    os.makedirs(repo)
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "ci@example.com")
    git(repo, "config", "user.name", "ci")
    with open(os.path.join(source, "scenarios/incidents/000-fixed-512mb.json"), encoding="utf-8") as f:
        scenario = json.load(f)
    shutil.copy(os.path.join(source, "scenarios/examples/grace-covers-slow-start.json"), os.path.join(repo, "checked.json"))
    shutil.copy(os.path.join(source, "scenarios/examples/weak-grace-strict-breaker.json"), os.path.join(repo, "weak.json"))

    def commit(memory, message):
        scenario["taskDefinitions"][1]["containerDefinitions"][0]["memory"] = memory
        with open(os.path.join(repo, "service.json"), "w", encoding="utf-8") as f:
            json.dump(scenario, f, indent=2)
            f.write("\n")
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", message)
        return git(repo, "rev-parse", "HEAD")

    base = commit(base_memory, "base")
    commit(head_memory, "head")
    return repo, base


def memory_line(path):
    """Line and column of the deployed container's `"memory": 128` (the second task definition's,
    after the running revision's), where lint should point."""
    found = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if '"memory": 128' in line:
                found.append((number, line.index('"memory"') + 1))
    if len(found) != 2:
        fail(f"expected two 128 MiB limits in {path}, found {found}")
    return found[1]


def first_intent(path):
    """Line and column of the first intent's "{" in a scenario's check section."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    start = next(i for i, line in enumerate(lines) if '"intents": [' in line) + 1
    return start + 1, lines[start].index("{") + 1


def pull_request_that_breaks(deploysim, action, source, root):
    repo, base = make_repo(root, source, 512, 128)
    runner = Runner(action, repo, root, {"deploysim": deploysim, "lint": "*.json", "check": "checked.json weak.json",
                                         "diff": "service.json", "base-ref": base, "runs": "40",
                                         "fail-on": "false-rollback"})
    log, code = runner.run()
    if code != 1:
        fail(f"the breaking pull request: the action exited {code}, expected 1 (the verdict step)\n{log}")
    line, column = memory_line(os.path.join(repo, "service.json"))
    annotation = f"::error file=service.json,line={line},col={column},title=deploysim lint%3A memory-below-peak::128 MiB"
    if annotation not in log:
        fail(f"no error annotation at the memory line ({annotation})\n{log}")
    for expected in ["::group::deploysim lint service.json", "::endgroup::", "::group::deploysim check checked.json",
                     "::group::deploysim diff service.json", "deploysim: lint found an error",
                     "deploysim: HEAD is worse than BASE on a --fail-on measure",
                     "[skipped Upload SARIF to code scanning]",
                     "::error file=service.json,line=%d,col=%d,title=deploysim diff%%3A false-rollback::" % (line, column),
                     "::error file=weak.json,line=%d,col=%d,title=deploysim check::intent \"no rollback of a good deploy"
                     % first_intent(os.path.join(repo, "weak.json")),
                     "deploysim: check found a violated intent"]:
        if expected not in log:
            fail(f"the log lacks {expected!r}\n{log}")
    with open(runner.summary, encoding="utf-8") as f:
        summary = f.read()
    for expected in ["### deploysim lint", "### deploysim check `weak.json`", "| bad deploys roll back within 10 min | ✅ holds |",
                     "| ❌ error | `memory-below-peak` | service.json:%d:%d |" % (line, column),
                     "### deploysim diff: `" + base + ":service.json` → `service.json`",
                     "| `/taskDefinitions/1/containerDefinitions/0/memory` | 512 | 128 |",
                     "| ROLLED_BACK | 0.0 % | 100.0 % | 🔴 +100.0 pp |"]:
        if expected not in summary:
            fail(f"the job summary lacks {expected!r}\n{summary}")
    if (runner.output("lint-exit"), runner.output("check-exit"), runner.output("worse")) != ("1", "1", "true"):
        fail(f"outputs lint-exit, check-exit, worse: {runner.output('lint-exit')}, {runner.output('check-exit')}, "
             f"{runner.output('worse')}")
    with open(runner.output("comment"), encoding="utf-8") as f:
        if "| ROLLED_BACK | 0.0 % | 100.0 % |" not in f.read():
            fail("the comment file lacks the diff table")
    for path in ["deploysim.sarif", "deploysim-junit/lint.xml", "deploysim-junit/check-checked.xml",
                 "deploysim-junit/check-weak.xml"]:
        if not os.path.getsize(os.path.join(repo, path)):
            fail(f"{path} is missing or empty")


def pull_request_that_fixes(deploysim, action, source, root):
    repo, base = make_repo(root, source, 128, 512)
    runner = Runner(action, repo, root, {"deploysim": deploysim, "lint": "service.json", "diff": "service.json",
                                         "base-ref": base, "runs": "40"})
    log, code = runner.run()
    if code != 0 or "::error" in log:
        fail(f"the fixing pull request: exit {code}, expected 0 and no error annotation\n{log}")
    with open(runner.summary, encoding="utf-8") as f:
        if "| ROLLED_BACK | 100.0 % | 0.0 % | 🟢 -100.0 pp |" not in f.read():
            fail("the job summary does not show the rollbacks gone")
    if runner.output("worse") != "false":
        fail("output worse is not false")


def annotation_caps(deploysim, action, source, root):
    """Many warnings: 10 annotated in the step, one line for the rest."""
    repo = os.path.join(root, "many")
    os.makedirs(repo)
    for name in sorted(os.listdir(os.path.join(source, "scenarios/incidents"))):
        if name.startswith(("000", "004")):
            shutil.copy(os.path.join(source, "scenarios/incidents", name), repo)
    runner = Runner(action, repo, root, {"deploysim": deploysim, "lint": "*.json", "fail-on-lint-error": "false"})
    log, code = runner.run()
    warnings = log.count("::warning ")
    errors = log.count("::error ")
    if code != 0 or warnings != 10 or not 1 <= errors <= 10:
        fail(f"caps: exit {code}, {warnings} warning and {errors} error annotations, expected 0, 10, 1-10\n{log}")
    if not re.search(r"deploysim lint: (\d+ errors? and )?\d+ warnings? not annotated \(GitHub shows 10 of each per step", log):
        fail(f"no line counting the warnings left out\n{log}")


def pre_commit_hook(deploysim, source, root):
    """.pre-commit-hooks.yaml's entry, run as pre-commit runs it: deploysim on PATH, the files appended."""
    with open(os.path.join(source, ".pre-commit-hooks.yaml"), encoding="utf-8") as f:
        hooks = yaml.safe_load(f)
    hook = next(h for h in hooks if h["id"] == "deploysim-lint")
    if hook["language"] != "system":
        fail("the pre-commit hook must use the deploysim on PATH (language: system)")
    env = {**os.environ, "PATH": os.path.dirname(deploysim) + os.pathsep + os.environ["PATH"], "GITHUB_ACTIONS": ""}
    incidents = os.path.join(source, "scenarios/incidents")
    for files, expected in [(["000-fixed-512mb.json", "004-wget-fixed-probe-binary.json"], 0),
                            (["000-fixed-512mb.json", "000-oom-128mb.json"], 1)]:
        done = subprocess.run(hook["entry"].split() + files, cwd=incidents, env=env, capture_output=True, text=True)
        if done.returncode != expected:
            fail(f"the pre-commit hook on {files} exited {done.returncode}, expected {expected}\n{done.stdout}{done.stderr}")


def main():
    deploysim, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(source, "action.yml"), encoding="utf-8") as f:
        action = yaml.safe_load(f)
    if action["runs"]["using"] != "composite":
        fail("action.yml is not a composite action")
    for step in action["runs"]["steps"]:
        if "uses" in step and "upload-sarif" not in step["uses"]:
            fail(f"action.yml uses {step['uses']}: it must download nothing but the opt-in SARIF upload")
    with tempfile.TemporaryDirectory(prefix="deploysim-action-") as root:
        for index, play in enumerate([pull_request_that_breaks, pull_request_that_fixes, annotation_caps]):
            work = os.path.join(root, str(index))
            os.makedirs(work)
            play(deploysim, action, source, work)
        pre_commit_hook(deploysim, source, root)
    print("action ok: a breaking and a fixing pull request, annotations, summary, outputs, caps and the "
          "pre-commit hook checked")


if __name__ == "__main__":
    main()
