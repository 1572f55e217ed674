"""What the serve tests share: a boto3 ECS client and the control endpoint of the server that
with_server.py started (DEPLOYSIM_ENDPOINT), and the library's seed 000 task definitions."""
import json
import os
import urllib.request

import boto3
from botocore.config import Config

ENDPOINT = os.environ.get("DEPLOYSIM_ENDPOINT", "")
SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED_000 = os.path.join(SOURCE_DIR, "scenarios/incidents/000-oom-128mb.json")


def ecs():
    # No retries: a refusal must show as what it is, not be hidden by a retry.
    return boto3.client("ecs", endpoint_url=ENDPOINT, region_name="us-east-1",
                        config=Config(retries={"max_attempts": 1}))


def control(path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(ENDPOINT + "/_deploysim/" + path, data=data,
                                     method="POST" if data is not None else "GET")
    with urllib.request.urlopen(request, timeout=30) as answer:
        text = answer.read().decode()
    return text if path.startswith("trace") else json.loads(text)


def advance(seconds):
    return control("advance", {"seconds": seconds})


def library_task_definition(index, scenario=SEED_000):
    """taskDefinitions[index] of a library scenario, as register-task-definition takes it (ECS
    numbers revisions itself, so "revision" is left out)."""
    with open(scenario) as f:
        definition = json.load(f)["taskDefinitions"][index]
    definition.pop("revision", None)
    return definition
