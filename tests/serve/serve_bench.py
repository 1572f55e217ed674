#!/usr/bin/env python3
"""Figures for deploysim serve (printed, never pass/fail): requests per second of DescribeServices
over one keep-alive connection and through boto3, and the wall time to simulate seed 000's deploy
to its rollback. Run by with_server.py against seed 000 at --time-scale 0:
  tests/serve/with_server.py build/harness/deploysim scenarios/incidents/000-oom-128mb.json \
      --time-scale 0 -- tests/serve/serve_bench.py
"""
import http.client
import json
import time
from urllib.parse import urlparse

from serve_client import ENDPOINT, advance, ecs

BODY = json.dumps({"cluster": "alia-bot-cluster", "services": ["alia-bot-service"]})
HEADERS = {"X-Amz-Target": "AmazonEC2ContainerServiceV20141113.DescribeServices",
           "Content-Type": "application/x-amz-json-1.1"}


def raw_rate(count):
    url = urlparse(ENDPOINT)
    connection = http.client.HTTPConnection(url.hostname, url.port)
    start = time.perf_counter()
    for _ in range(count):
        connection.request("POST", "/", body=BODY, headers=HEADERS)
        answer = connection.getresponse()
        answer.read()
        assert answer.status == 200
    return count / (time.perf_counter() - start)


def boto3_rate(count):
    client = ecs()
    start = time.perf_counter()
    for _ in range(count):
        client.describe_services(cluster="alia-bot-cluster", services=["alia-bot-service"])
    return count / (time.perf_counter() - start)


def deploy_to_rollback_seconds():
    client = ecs()
    client.update_service(cluster="alia-bot-cluster", service="alia-bot-service", taskDefinition="alia-bot:27")
    start = time.perf_counter()
    advance(600)
    return time.perf_counter() - start


print(f"serve: DescribeServices over one keep-alive connection: {raw_rate(2000):.0f} requests/s")
print(f"serve: DescribeServices through boto3: {boto3_rate(300):.0f} requests/s")
print(f"serve: seed 000's deploy simulated to its rollback (600 s) in {deploy_to_rollback_seconds() * 1000:.1f} ms wall")
print(f"serve: DescribeServices after the rollback, keep-alive: {raw_rate(2000):.0f} requests/s")
