#!/usr/bin/env python3
"""deploysim serve --real when the Docker engine goes away (ctest labels serve, real, reliability).

usage: serve_real_engine_gone_test.py DEPLOYSIM          (run from the source tree)

The server talks to the engine through tests/real/fault_proxy.py; seed 000's service runs warm on
real containers. Then the engine goes (the proxy's socket removed, its connections closed): the
served run stops, and the server keeps serving — DescribeServices still answers with the service
as it was, the control endpoint's state says the run stopped, naming what may remain and the
--cleanup command. Once the engine is back, SIGTERM stops the server (exit 0), and that command
removes the run's containers, and only those. Skipped (SKIPPED:, exit 0) without an engine.
"""
import fcntl
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request

deploysim = sys.argv[1]


def fail(message):
    sys.exit(f"FAIL: {message}")


def docker(*args):
    return subprocess.run(["docker", *args], capture_output=True, text=True).stdout.split()


def post(endpoint, path, target, body):
    request = urllib.request.Request(endpoint + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/x-amz-json-1.1",
                                              **({"X-Amz-Target": target} if target else {})})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.load(answer)


def state(endpoint):
    with urllib.request.urlopen(endpoint + "/_deploysim/state", timeout=10) as answer:
        return json.load(answer)["services"][0]


def main():
    if os.environ.get("DEPLOYSIM_SKIP_REAL") == "1":
        print("SKIPPED: DEPLOYSIM_SKIP_REAL=1")
        return
    if subprocess.run(["docker", "info"], capture_output=True).returncode != 0:
        print("SKIPPED: no Docker engine answers (docker/start-engine starts one)")
        return
    # The machine-wide engine lock, shared, as every real test holds it (tests/real/real_test.sh):
    # another ctest run's dockerd-stopped takes it alone and must not stop dockerd under this run.
    # Kept open, and so held, until the process ends.
    lock = open(os.environ.get("DEPLOYSIM_ENGINE_LOCK", "/tmp/deploysim-docker-engine.lock"), "a")
    fcntl.flock(lock, fcntl.LOCK_SH)
    work = tempfile.mkdtemp()
    proxy_socket, control = f"{work}/proxy.sock", f"{work}/control"
    proxy = subprocess.Popen([sys.executable, "tests/real/fault_proxy.py", proxy_socket, "/var/run/docker.sock", control])
    bystander = f"deploysim-serve-gone-bystander-{os.getpid()}"
    subprocess.run(["docker", "create", "--name", bystander, "--label", "not-ours=1", "deploysim-chaos:latest"],
                   capture_output=True, check=True)
    server = None
    try:
        for _ in range(50):
            if os.path.exists(proxy_socket) and os.path.exists(control):
                break
            time.sleep(0.1)

        def tell(command):
            with open(control, "w") as pipe:
                pipe.write(command + "\n")

        server = subprocess.Popen([deploysim, "serve", "--port", "0", "--real", "--socket", proxy_socket,
                                   "scenarios/incidents/000-oom-128mb.json"], stdout=subprocess.PIPE, text=True)
        line = server.stdout.readline()
        match = re.search(r"http://[\d.]+:\d+", line)
        if not match:
            fail(f"the server did not start: {line}")
        endpoint = match.group(0)
        run = state(endpoint)["realRun"]
        print(f"ok: serving seed 000's service as real run {run}")
        tell("gone")
        service = state(endpoint)
        for _ in range(120):  # the event stream is retried for 6.3 s before the run gives up
            if not service["simulating"]:
                break
            time.sleep(0.25)
            service = state(endpoint)
        if service["simulating"]:
            fail("the run never noticed the engine was gone")
        reason = service["stoppedReason"]
        print(f"ok: the run stopped and the server says why:\n{reason}")
        for expected in (f"real run {run} stopped", "may remain", f"deploysim real --cleanup --run {run}"):
            if expected not in reason:
                fail(f"the stopped reason lacks {expected!r}")
        described = post(endpoint, "/", "AmazonEC2ContainerServiceV20141113.DescribeServices",
                         {"cluster": "alia-bot-cluster", "services": ["alia-bot-service"]})["services"][0]
        if described["status"] != "ACTIVE" or described["deployments"][0]["rolloutState"] != "COMPLETED":
            fail(f"the service was not kept as it was: {described}")
        print("ok: DescribeServices still answers, the service as it was (ACTIVE, COMPLETED)")
        tell("back")
        time.sleep(1)
        server.terminate()
        if server.wait(timeout=10) != 0:
            fail(f"the server exited {server.returncode} on SIGTERM")
        print("ok: SIGTERM: the server exited 0")
        subprocess.run([deploysim, "real", "--cleanup", "--run", run], check=True)
        if docker("ps", "-aq", "--filter", f"label=deploysim.run={run}"):
            fail("containers of the run are left after --cleanup")
        if not docker("ps", "-aq", "--filter", f"name={bystander}"):
            fail("the container without our label was removed")
        print("ok: --cleanup removed the run's containers; the container without our label is still there")
    finally:
        if server and server.poll() is None:
            server.kill()
        proxy.kill()
        subprocess.run(["docker", "rm", "-f", bystander], capture_output=True)


if __name__ == "__main__":
    main()
