#!/usr/bin/env python3
"""Runs a command against a fresh `deploysim serve`, then stops the server.

usage: with_server.py DEPLOYSIM [serve args...] -- COMMAND [args...]

The server is started on a free port (--port 0; the port is read from its first line), and the
command runs with DEPLOYSIM_ENDPOINT=http://127.0.0.1:PORT and dummy AWS credentials in its
environment. The exit code is the command's, except that a server which died on its own (a crash
is the server's failure whatever the command says), or one that does not exit 0 on SIGTERM within
10 s, makes it 3. The server is stopped afterwards in every case.
"""
import os
import re
import subprocess
import sys


def start_server(deploysim, serve_args):
    server = subprocess.Popen([deploysim, "serve", "--port", "0", *serve_args],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    line = server.stdout.readline()
    match = re.search(r"http://([\d.]+):(\d+)", line)
    if not match:
        server.kill()
        rest = server.stdout.read()
        sys.exit(f"with_server: the server did not start: {line}{rest}")
    return server, f"http://{match.group(1)}:{match.group(2)}"


def client_environment(endpoint):
    env = dict(os.environ)
    env.update({
        "DEPLOYSIM_ENDPOINT": endpoint,
        # Any keys: the server accepts every signature. Nothing may reach a real account.
        "AWS_ACCESS_KEY_ID": "AKIDDEPLOYSIMTEST",
        "AWS_SECRET_ACCESS_KEY": "deploysim-test-secret",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_REGION": "us-east-1",
        "AWS_PAGER": "",
        "AWS_CONFIG_FILE": "/dev/null",
        "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        "AWS_EC2_METADATA_DISABLED": "true",
    })
    return env


def main():
    args = sys.argv[1:]
    if "--" not in args or len(args) < 3:
        sys.exit(__doc__)
    split = args.index("--")
    deploysim, serve_args, command = args[0], args[1:split], args[split + 1:]
    server, endpoint = start_server(deploysim, serve_args)
    try:
        code = subprocess.call(command, env=client_environment(endpoint))
        if server.poll() is not None:
            print(f"with_server: the server exited on its own (status {server.returncode})", file=sys.stderr)
            code = 3
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            print("with_server: the server did not stop within 10 s of SIGTERM", file=sys.stderr)
            code = 3
    if server.returncode != 0 and code != 3:
        print(f"with_server: the server exited {server.returncode} on SIGTERM, not 0", file=sys.stderr)
        code = 3
    sys.exit(code)


if __name__ == "__main__":
    main()
