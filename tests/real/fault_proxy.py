#!/usr/bin/env python3
"""A Docker engine that fails on command, for the real-mode fault tests (tests/real/real_test.sh).

Sits between `deploysim real --socket LISTEN` and the engine's socket UPSTREAM and forwards bytes
both ways, one thread per direction, until told to fail. Only the test's own driver talks through
it, so other tests on the same engine are not disturbed. Commands, one per line, on the named pipe
CONTROL (`echo cut-events > CONTROL`):

  cut-events          close every open event stream (GET /events), both ways
  refuse-events S     for S seconds (-1: for good), close new event-stream requests unanswered
  gone                the engine goes away: the listening socket is closed and its file removed,
                      every open connection is closed (a stopped dockerd, as the driver sees it)
  back                listen again (dockerd restarted)
  delay S             hold every answer's first bytes S seconds (a hung engine when S is large)
  after S COMMAND     do COMMAND in S seconds

usage: fault_proxy.py LISTEN UPSTREAM CONTROL     (creates CONTROL; runs until killed)
"""
import os
import socket
import sys
import threading
import time

listen_path, upstream_path, control_path = sys.argv[1:4]
lock = threading.Lock()
connections = {}  # client socket -> (upstream socket, is an event stream)
refuse_events_until = 0.0
delay_seconds = 0.0
listener = None


def log(message):
    print(f"fault_proxy: {message}", file=sys.stderr, flush=True)


def close_pair(client):
    with lock:
        pair = connections.pop(client, None)
    for s in (client, pair[0] if pair else None):
        if s is None:
            continue
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        s.close()


def pump(source, sink, client, answers):
    first = True
    try:
        while True:
            data = source.recv(65536)
            if not data:
                break
            if answers and first and delay_seconds > 0:
                time.sleep(delay_seconds)
            first = False
            sink.sendall(data)
    except OSError:
        pass
    close_pair(client)


def serve(client):
    try:
        head = client.recv(65536)
    except OSError:
        head = b""
    is_events = b"/events?" in head.split(b"\r\n", 1)[0]
    refused = is_events and (refuse_events_until < 0 or time.time() < refuse_events_until)
    if not head or refused:
        if refused:
            log("refused an event stream")
        client.close()
        return
    upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        upstream.connect(upstream_path)
        upstream.sendall(head)
    except OSError:
        client.close()
        upstream.close()
        return
    with lock:
        connections[client] = (upstream, is_events)
    threading.Thread(target=pump, args=(client, upstream, client, False), daemon=True).start()
    threading.Thread(target=pump, args=(upstream, client, client, True), daemon=True).start()


def listen():
    global listener
    if os.path.exists(listen_path):
        os.unlink(listen_path)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(listen_path)
    listener.listen(64)
    threading.Thread(target=accept_loop, args=(listener,), daemon=True).start()


def accept_loop(server):
    while True:
        try:
            client, _ = server.accept()
        except OSError:
            return  # closed by `gone`
        threading.Thread(target=serve, args=(client,), daemon=True).start()


def command(line):
    global refuse_events_until, delay_seconds, listener
    words = line.split()
    if not words:
        return
    log(line)
    if words[0] == "cut-events":
        with lock:
            events = [c for c, (_, is_events) in connections.items() if is_events]
        for c in events:
            close_pair(c)
    elif words[0] == "refuse-events":
        seconds = float(words[1])
        refuse_events_until = -1 if seconds < 0 else time.time() + seconds
    elif words[0] == "gone":
        if listener is not None:
            try:
                listener.shutdown(socket.SHUT_RDWR)  # wakes its accept() where the system does
            except OSError:
                pass
            listener.close()
            listener = None
        if os.path.exists(listen_path):
            os.unlink(listen_path)
        with lock:
            everything = list(connections)
        for c in everything:
            close_pair(c)
    elif words[0] == "back":
        if listener is None:
            listen()
    elif words[0] == "delay":
        delay_seconds = float(words[1])
    elif words[0] == "after":
        threading.Timer(float(words[1]), command, args=(" ".join(words[2:]),)).start()
    else:
        log(f"unknown command {line!r}")


def main():
    if not os.path.exists(control_path):
        os.mkfifo(control_path)
    listen()
    # Opened for reading and writing, so that a writer closing it is not an end of file.
    with open(os.open(control_path, os.O_RDWR), "r") as control:
        for line in control:
            command(line.strip())


main()
