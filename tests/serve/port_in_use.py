#!/usr/bin/env python3
"""Holds a port on 127.0.0.1 and runs `deploysim serve --port` on it; exits with serve's code."""
import socket
import subprocess
import sys

with socket.socket() as held:
    held.bind(("127.0.0.1", 0))
    held.listen()
    port = held.getsockname()[1]
    sys.exit(subprocess.call([sys.argv[1], "serve", "--port", str(port), "--time-scale", "0"]))
