#!/usr/bin/env python3
"""The shipped cluster files run the shipped sweep as they say (sweep issue: "Ship a Kubernetes
Indexed Job manifest and a Slurm batch script").

Kubernetes: the Indexed Job is checked for what makes it shard correctly (completionMode Indexed,
DEPLOYSIM_SHARD_COUNT equal to completions, the merge job's glob for that count), then each pod's
command is run here with JOB_COMPLETION_INDEX set as Kubernetes sets it, and the merge job's
command after them. Slurm: the script is submitted with a stand-in `sbatch` that runs every array
task with the SLURM_ARRAY_* variables Slurm sets, then the dependent merge. Both results must equal
an unsharded run of the same sweep, file for file.

The sweep runs with few deploys per cell (RUNS): what is checked is that the files shard and
merge the grid exactly, which does not depend on how many deploys each cell has, and the test
stays cheap in the sanitizer build.

usage: cluster_files_test.py <deploysim> <repository root> <work dir> [sweep flags for a smaller grid]
"""
import filecmp
import os
import shutil
import subprocess
import sys

import yaml

deploysim, root, work = (os.path.abspath(a) for a in sys.argv[1:4])
cluster = os.path.join(root, "scripts", "cluster")
RUNS = ["--runs-per-cell", "6"] + sys.argv[4:]


def fail(message):
    sys.exit("FAIL: " + message)


def same_files(expected_dir, actual_dir, what):
    names = sorted(os.listdir(expected_dir))
    if len(names) < 4:
        fail(f"{expected_dir} holds {names}")
    for name in names:
        if not filecmp.cmp(os.path.join(expected_dir, name), os.path.join(actual_dir, name), shallow=False):
            fail(f"{what}: {name} differs from the unsharded run")
    print(f"ok: {what} gives the unsharded run's {len(names)} files byte for byte")


def kubernetes(sweep_arg, expected):
    job = yaml.safe_load(open(os.path.join(cluster, "sweep-indexed-job.yaml")))
    merge = yaml.safe_load(open(os.path.join(cluster, "sweep-merge-job.yaml")))
    spec = job["spec"]
    if job["kind"] != "Job" or spec.get("completionMode") != "Indexed":
        fail("sweep-indexed-job.yaml is not an Indexed Job")
    pod = spec["template"]["spec"]
    container = pod["containers"][0]
    env = {e["name"]: e["value"] for e in container.get("env", [])}
    count = spec["completions"]
    if env.get("DEPLOYSIM_SHARD_COUNT") != str(count):
        fail(f"DEPLOYSIM_SHARD_COUNT {env.get('DEPLOYSIM_SHARD_COUNT')} is not completions {count}")
    if pod["restartPolicy"] != "Never":
        fail("pods should not restart in place (a Job retries them)")
    merge_command = merge["spec"]["template"]["spec"]["containers"][0]["command"]
    if f"-of-{count}.json" not in merge_command[-1]:
        fail(f"the merge job does not glob the {count} partials")
    mount = container["volumeMounts"][0]["mountPath"]
    volume = os.path.join(work, "k8s-volume")
    os.makedirs(volume)
    os.symlink(os.path.join(root, "scenarios"), os.path.join(volume, "scenarios"))

    def local(args):
        return [deploysim if args[0] == "deploysim" else args[0]] + [a.replace(mount, volume) for a in args[1:]]

    if container["command"][2] != sweep_arg.replace(root, mount):
        fail(f"the Indexed Job runs {container['command'][2]}, not the shipped sweep")
    for index in range(count):
        pod_env = dict(os.environ, **env, JOB_COMPLETION_INDEX=str(index))
        subprocess.run(local(container["command"]) + RUNS, env=pod_env, check=True)
    shell = merge_command[2].replace(mount, volume).replace("deploysim ", f'"{deploysim}" ', 1)
    subprocess.run(["sh", "-c", shell], check=True, stdout=subprocess.DEVNULL)
    results = os.path.join(volume, "sweep-results")
    os.rename(os.path.join(results, "partials"), os.path.join(volume, "partials"))
    same_files(expected, results, "the Kubernetes Indexed Job and its merge job")


FAKE_SBATCH = r'''#!/usr/bin/env python3
# A stand-in for Slurm's sbatch: runs an array script's tasks at once with the variables Slurm
# sets, or a --wrap command, and prints a job id as `sbatch --parsable` does.
import os, re, subprocess, sys
args = sys.argv[1:]
wrap = [a.split("=", 1)[1] if "=" in a else args[i + 1] for i, a in enumerate(args) if a.startswith("--wrap")]
if wrap:
    subprocess.run(["sh", "-c", wrap[0]], check=True, stdout=subprocess.DEVNULL)
    print("43")
    sys.exit(0)
script = [a for a in args if not a.startswith("--")][0]
rest = args[args.index(script) + 1:]
text = open(script).read()
low, high = map(int, re.search(r"^#SBATCH --array=(\d+)-(\d+)$", text, re.M).groups())
cpus = re.search(r"^#SBATCH --cpus-per-task=(\d+)$", text, re.M).group(1)
for task in range(low, high + 1):
    env = dict(os.environ, SLURM_ARRAY_TASK_ID=str(task), SLURM_ARRAY_TASK_MIN=str(low),
               SLURM_ARRAY_TASK_MAX=str(high), SLURM_ARRAY_TASK_COUNT=str(high - low + 1),
               SLURM_CPUS_PER_TASK=cpus, SLURM_ARRAY_JOB_ID="42")
    subprocess.run(["bash", script] + rest, env=env, check=True)
print("42")
'''


def slurm(sweep_arg, expected):
    bin_dir = os.path.join(work, "fake-slurm")
    os.makedirs(bin_dir)
    with open(os.path.join(bin_dir, "sbatch"), "w") as f:
        f.write(FAKE_SBATCH)
    os.chmod(os.path.join(bin_dir, "sbatch"), 0o755)
    out = os.path.join(work, "slurm-results")
    env = dict(os.environ, DEPLOYSIM=deploysim, PATH=bin_dir + os.pathsep + os.environ["PATH"])
    subprocess.run(["bash", os.path.join(cluster, "sweep-slurm.sh"), sweep_arg, out] + RUNS, env=env, check=True)
    os.rename(os.path.join(out, "partials"), os.path.join(work, "slurm-partials"))
    same_files(expected, out, "the Slurm array script and its merge")


def main():
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    sweep_arg = os.path.join(root, "scenarios", "sweeps", "000-grace-retries.sweep.json")
    expected = os.path.join(work, "unsharded")
    subprocess.run([deploysim, "sweep", sweep_arg, "--out", expected, "--quiet"] + RUNS, check=True)
    kubernetes(sweep_arg, expected)
    slurm(sweep_arg, expected)


main()
