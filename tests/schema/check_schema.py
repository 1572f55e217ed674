#!/usr/bin/env python3
"""Checks scenarios/scenario.schema.json with python3-jsonschema (Debian 12: 4.10).

  check_schema.py wellformed <schema>             the schema is valid draft 2020-12, every property described
  check_schema.py scenarios <schema> <dir> [<readme>]
                                                   every *.json under <dir> (and the README's example) validates
  check_schema.py rejects <schema>                broken documents are rejected, near-misses accepted

Exits 1 with a message on any failure, python3-jsonschema missing included: these tests never skip.
"""
import copy
import json
import os
import re
import sys

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError as error:  # fail loudly: a missing checker must not look like a pass
    sys.exit(f"FAIL: python3-jsonschema is missing ({error}) for {sys.executable}; "
             "run scripts/bootstrap (apt-get install python3-jsonschema)")


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def validator(schema_path, ref=None):
    schema = load_json(schema_path)
    Draft202012Validator.check_schema(schema)
    if ref is None:
        return Draft202012Validator(schema)
    # A sub-schema of the same document ("#/$defs/..."), its $refs resolved against the root.
    return Draft202012Validator({"$ref": ref, "$defs": schema["$defs"]})


def pointer(path):
    return "/" + "/".join(str(p) for p in path)


def describe_errors(v, document):
    lines = []
    for error in sorted(v.iter_errors(document), key=lambda e: list(map(str, e.path))):
        lines.append(f"  at {pointer(error.absolute_path)}: {error.message[:300]}")
    return lines


# --- wellformed --------------------------------------------------------------------------------

CONDITION_KEYS = {"if", "then", "else", "not"}  # conditions, not documented properties


def undocumented(node, path):
    """Properties (outside if/then/else/not) without a description, following $refs one level."""
    missing = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in CONDITION_KEYS:
                continue
            if key == "properties" and isinstance(value, dict):
                for name, prop in value.items():
                    if not (isinstance(prop, dict) and isinstance(prop.get("description"), str)
                            and prop["description"].strip()):
                        missing.append(f"{path}/properties/{name}")
            missing += undocumented(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            missing += undocumented(value, f"{path}/{i}")
    return missing


def wellformed(schema_path):
    schema = load_json(schema_path)
    Draft202012Validator.check_schema(schema)
    if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
        sys.exit("FAIL: the schema must declare draft 2020-12")
    # $defs that describe an object (ours or AWS's) must document themselves too, so a $ref'd
    # property ("platform", "expect") shows a description in an editor.
    missing = undocumented(schema, "#")
    for name, definition in schema["$defs"].items():
        for key in ("properties",):
            if key in definition and "description" not in definition:
                missing.append(f"#/$defs/{name}")
    # Every $ref must resolve.
    refs = re.findall(r'"\$ref": "([^"]+)"', json.dumps(schema))
    for ref in set(refs):
        if not ref.startswith("#/$defs/") or ref[len("#/$defs/"):] not in schema["$defs"]:
            missing.append(f"unresolvable $ref {ref}")
    if missing:
        sys.exit("FAIL: undocumented or broken:\n  " + "\n  ".join(missing))
    print(f"ok: {schema_path} is valid draft 2020-12 (jsonschema {jsonschema_version()}), "
          "every property has a description")


def jsonschema_version():
    try:
        from importlib.metadata import version
        return version("jsonschema")
    except Exception:  # pragma: no cover - metadata missing
        return "?"


# --- scenarios ---------------------------------------------------------------------------------

def file_references(document, scenario_path):
    """Paths of the task-definition documents a scenario pulls in with {"$file": ...}."""
    refs = []
    definitions = document.get("taskDefinitions") if isinstance(document, dict) else None
    for element in definitions if isinstance(definitions, list) else []:
        if isinstance(element, dict) and isinstance(element.get("$file"), str):
            target = os.path.normpath(os.path.join(os.path.dirname(scenario_path), element["$file"]))
            refs.append(target)
    return refs


def looks_like_task_definition(document):
    return isinstance(document, dict) and "taskDefinitions" not in document and (
        "containerDefinitions" in document or "taskDefinition" in document)


def readme_examples(readme_path):
    """The ```json blocks of the README that are whole scenarios."""
    with open(readme_path, encoding="utf-8") as f:
        text = f.read()
    examples = []
    for block in re.findall(r"```json\n(.*?)```", text, flags=re.S):
        try:
            document = json.loads(block)
        except ValueError as error:
            sys.exit(f"FAIL: {readme_path}: a ```json block is not JSON: {error}")
        if isinstance(document, dict) and "taskDefinitions" in document:
            examples.append(document)
    return examples


def scenarios(schema_path, directory, readme_path=None):
    schema_real = os.path.realpath(schema_path)
    scenario_v = validator(schema_path)
    fragment_v = validator(schema_path, "#/$defs/taskDefinitionDocument")

    paths = []
    for root, dirs, files in os.walk(directory):
        dirs.sort()
        for name in sorted(files):
            path = os.path.normpath(os.path.join(root, name))
            # Schemas (this one, any other *.schema.json) live beside the scenarios but are not ones,
            # nor are sweep files (*.sweep.json, scenarios/sweeps/README.md).
            if name.endswith(".json") and not name.endswith(".schema.json") \
                    and not name.endswith(".sweep.json") \
                    and os.path.realpath(path) != schema_real:
                paths.append(path)
    if not paths:
        sys.exit(f"FAIL: no *.json under {directory}")

    documents, failures = {}, []
    for path in paths:
        try:
            documents[path] = load_json(path)
        except (OSError, ValueError) as error:
            failures.append(f"{path}: not readable JSON: {error}")
    # A task definition pulled in with "$file" is a fragment, not a scenario.
    fragments = {ref for path, doc in documents.items() for ref in file_references(doc, path)}

    checked = 0
    for path, document in documents.items():
        is_fragment = path in fragments or looks_like_task_definition(document)
        v = fragment_v if is_fragment else scenario_v
        errors = describe_errors(v, document)
        kind = "task definition ($file)" if is_fragment else "scenario"
        if errors:
            failures.append(f"{path} ({kind}) does not match the schema:\n" + "\n".join(errors))
        else:
            print(f"ok: {path} ({kind})")
        checked += 1
    for ref in sorted(fragments - set(documents)):
        if ref.endswith(".json") and not os.path.exists(ref):
            failures.append(f"{ref}: named by a \"$file\" but missing")

    if readme_path:
        examples = readme_examples(readme_path)
        if not examples:
            failures.append(f"{readme_path}: no ```json scenario example found")
        for i, example in enumerate(examples):
            errors = describe_errors(scenario_v, example)
            if errors:
                failures.append(f"{readme_path} example {i + 1} does not match the schema:\n"
                                + "\n".join(errors))
            else:
                print(f"ok: {readme_path} example {i + 1}")
                checked += 1

    if failures:
        sys.exit("FAIL:\n" + "\n".join(failures))
    print(f"ok: {checked} documents match {schema_path}")


# --- rejects -----------------------------------------------------------------------------------

def base_document():
    """A small scenario the loader accepts, touching every section."""
    def task_definition(revision, image):
        return {
            "family": "web", "revision": revision, "cpu": "256", "memory": "512",
            "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
            "containerDefinitions": [{
                "name": "web", "image": image, "essential": True, "memory": 256,
                "memoryReservation": 128,
                "portMappings": [{"containerPort": 8080, "hostPort": 8080, "protocol": "tcp"}],
                "environment": [{"name": "REDIS_URL", "value": "redis://cache:6379"}],
                "secrets": [{"name": "API_KEY", "valueFrom": "arn:aws:secretsmanager:x"}],
                "healthCheck": {"command": ["CMD-SHELL", "wget -q -O- http://localhost:8080/live || exit 1"],
                                "interval": 10, "timeout": 3, "retries": 3, "startPeriod": 0},
                "stopTimeout": 20,
            }],
        }

    def app():
        return {
            "phases": [{"name": "config", "seconds": 1, "reads": ["REDIS_URL"], "onMissing": "exit"},
                       {"name": "redis", "seconds": 2.5, "connectsTo": ["cache"],
                        "onUnavailable": "wait", "waitTimeoutSeconds": 30, "exitCode": 3}],
            "port": 8080, "bindAddress": "0.0.0.0", "liveFromPhase": 1,
            "endpoints": {"/live": {"kind": "live"}, "/ready": {"kind": "ready", "checks": ["cache"]}},
            "memory": [{"atSeconds": 0, "mib": 100}, {"atSeconds": 30, "mib": 200}],
            "leakMibPerHour": 5, "binaries": ["sh", "wget"], "responseTimeMs": 5,
            "shutdownSeconds": 1, "ignoresSigterm": False, "startupJitter": [900, 1100],
        }

    return {
        "name": "schema-base", "description": "", "story": "", "source": "tests/schema",
        "seed": 42, "horizonSeconds": 1800, "eventCap": 1000000, "rules": "current",
        "probeMode": "predictive", "stopAtOutcome": True,
        "service": {
            "serviceName": "web", "clusterArn": "arn:aws:ecs:eu-west-1:123456789012:cluster/prod",
            "desiredCount": 2, "launchType": "FARGATE", "schedulingStrategy": "REPLICA",
            "deploymentController": {"type": "ECS"},
            "deploymentConfiguration": {
                "minimumHealthyPercent": 50, "maximumPercent": 200, "strategy": "ROLLING",
                "deploymentCircuitBreaker": {"enable": True, "rollback": True,
                                             "resetOnHealthyTask": True,
                                             "thresholdConfiguration": {"type": "BOUNDED_PERCENT",
                                                                        "value": 50}}},
            "healthCheckGracePeriodSeconds": 30,
            "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:x",
                               "containerName": "web", "containerPort": 8080}],
            "roleArn": "arn:aws:iam::123456789012:role/ecsServiceRole",
        },
        "targetGroup": {
            "TargetGroupName": "web", "HealthCheckPath": "/ready", "HealthCheckPort": "traffic-port",
            "HealthCheckIntervalSeconds": 10, "HealthCheckTimeoutSeconds": 5,
            "HealthyThresholdCount": 2, "UnhealthyThresholdCount": 2,
            "Matcher": {"HttpCode": "200-299"}, "DeregistrationDelaySeconds": 30,
            "VpcId": "vpc-123",
        },
        "taskDefinitions": [task_definition(1, "web:1"),
                            {"taskDefinition": task_definition(2, "web:2"), "tags": []}],
        "initialTaskDefinition": "web:1",
        "deploy": {"taskDefinition": "web:2", "atSeconds": 60},
        "apps": {"web:1": app(), "web:2": app()},
        "dependencies": [{"name": "cache", "readyAfterSeconds": [0, 2], "reachable": True,
                          "outages": [{"fromSeconds": 100, "toSeconds": 130}]}],
        "faults": [{"atSeconds": 90, "kind": "dependency_outage", "target": "cache",
                    "durationSeconds": 30},
                   {"atSeconds": 95, "kind": "stop_task", "target": "old"}],
        "unreadableSecrets": [],
        "platform": {"provisioningSeconds": 2, "pullSeconds": 5, "activatingSeconds": 0,
                     "deprovisioningSeconds": 1, "jitter": [800, 1200]},
        "expect": {"outcome": "COMPLETED", "timeToOutcomeSeconds": {"max": 600},
                   "failedTasks": 0, "oomKills": {"min": 0, "max": 0}},
    }


DELETE = object()
C0 = ["taskDefinitions", 0, "containerDefinitions", 0]  # the first container definition
HC = C0 + ["healthCheck"]
TG = ["targetGroup"]
SVC = ["service"]
APP = ["apps", "web:1"]


def edit(*changes):
    """A document function applying (path, value) changes to the base; DELETE removes."""
    def apply(document):
        for path, value in changes:
            parent = document
            for key in path[:-1]:
                parent = parent[key]
            if value is DELETE:
                del parent[path[-1]]
            elif isinstance(parent, list) and path[-1] == len(parent):
                parent.append(copy.deepcopy(value))
            else:
                parent[path[-1]] = copy.deepcopy(value)
        return document
    return apply


def wrap_service(document):
    document["service"] = {"services": [document["service"]], "failures": []}
    return document


def wrap_target_group(document):
    document["targetGroup"] = {"TargetGroups": [document["targetGroup"]]}
    return document


def single_task_definition(document):
    del document["taskDefinitions"][1:]
    del document["initialTaskDefinition"]
    return document


def then(*functions):
    def apply(document):
        for f in functions:
            document = f(document)
        return document
    return apply


# Documents the schema must reject: (what, change). Each differs from the base in one respect.
REJECTED = [
    ("unknown key in apps", edit((APP + ["phses"], []))),
    ("unknown key in a phase", edit((APP + ["phases", 0, "secs"], 1))),
    ("unknown key in an endpoint", edit((APP + ["endpoints", "/live", "checkz"], []))),
    ("unknown top-level key", edit((["dependecies"], []))),
    ("top-level $schema key that is not text", edit((["$schema"], 3))),
    ("unknown key in deploy", edit((["deploy", "at"], 0))),
    ("unknown key in platform", edit((["platform", "pullSecs"], 5))),
    ("unknown key in a dependency", edit((["dependencies", 0, "readyAfter"], 5))),
    ("unknown key in an outage", edit((["dependencies", 0, "outages", 0, "until"], 5))),
    ("unknown key in a fault", edit((["faults", 0, "duration"], 5))),
    ("unknown key in expect", edit((["expect", "outcomes"], "COMPLETED"))),
    ("unknown key in expect bounds", edit((["expect", "oomKills", "mx"], 1))),
    ("unknown key in a memory point", edit((APP + ["memory", 0, "MiB"], 1))),
    ("healthCheck interval 4", edit((HC + ["interval"], 4))),
    ("healthCheck interval 301", edit((HC + ["interval"], 301))),
    ("healthCheck timeout 61", edit((HC + ["timeout"], 61))),
    ("healthCheck timeout 1.5", edit((HC + ["timeout"], 1.5))),
    ("healthCheck retries 0", edit((HC + ["retries"], 0))),
    ("healthCheck retries 11", edit((HC + ["retries"], 11))),
    ("healthCheck retries 2.5", edit((HC + ["retries"], 2.5))),
    ("healthCheck startPeriod 301", edit((HC + ["startPeriod"], 301))),
    ("healthCheck without command", edit((HC + ["command"], DELETE))),
    ("healthCheck command empty", edit((HC + ["command"], []))),
    ("string where number: desiredCount", edit((SVC + ["desiredCount"], "two"))),
    ("string where number: healthCheck interval", edit((HC + ["interval"], "10"))),
    ("string where number: pullSeconds", edit((["platform", "pullSeconds"], "5"))),
    ("string where number: container memory", edit((C0 + ["memory"], "256"))),
    ("string where number: expect failedTasks", edit((["expect", "failedTasks"], "0"))),
    ("number where string: name", edit((["name"], 7))),
    ("empty name", edit((["name"], ""))),
    ("negative seed", edit((["seed"], -1))),
    ("seed beyond 2^64-1", edit((["seed"], 2 ** 64))),
    ("horizonSeconds 0", edit((["horizonSeconds"], 0))),
    ("eventCap 0", edit((["eventCap"], 0))),
    ("unknown rules", edit((["rules"], "2019"))),
    ("unknown probeMode", edit((["probeMode"], "per-probe"))),
    ("stopAtOutcome as a string", edit((["stopAtOutcome"], "true"))),
    ("no service", edit((SVC, DELETE))),
    ("no taskDefinitions", edit((["taskDefinitions"], DELETE))),
    ("empty taskDefinitions", edit((["taskDefinitions"], []))),
    ("service without serviceName", edit((SVC + ["serviceName"], DELETE))),
    ("service without desiredCount", edit((SVC + ["desiredCount"], DELETE))),
    ("desiredCount 5001", edit((SVC + ["desiredCount"], 5001))),
    ("launchType FARGATE_SPOT", edit((SVC + ["launchType"], "FARGATE_SPOT"))),
    ("schedulingStrategy DAEMON", edit((SVC + ["schedulingStrategy"], "DAEMON"))),
    ("deploymentController CODE_DEPLOY", edit((SVC + ["deploymentController", "type"], "CODE_DEPLOY"))),
    ("minimumHealthyPercent 101", edit((SVC + ["deploymentConfiguration", "minimumHealthyPercent"], 101))),
    ("maximumPercent 99", edit((SVC + ["deploymentConfiguration", "maximumPercent"], 99))),
    ("maximumPercent 201", edit((SVC + ["deploymentConfiguration", "maximumPercent"], 201))),
    ("strategy ALL_AT_ONCE", edit((SVC + ["deploymentConfiguration", "strategy"], "ALL_AT_ONCE"))),
    ("canaryPercent 0", edit((SVC + ["deploymentConfiguration", "canaryConfiguration"], {"canaryPercent": 0}))),
    ("stepPercent 2", edit((SVC + ["deploymentConfiguration", "linearConfiguration"], {"stepPercent": 2}))),
    ("strategy LINEAR with maximumPercent 150",
     edit((SVC + ["deploymentConfiguration", "strategy"], "LINEAR"), (SVC + ["deploymentConfiguration", "maximumPercent"], 150))),
    ("strategy BLUE_GREEN without bakeTimeInMinutes", edit((SVC + ["deploymentConfiguration", "strategy"], "BLUE_GREEN"))),
    ("bakeTimeInMinutes 1441", edit((SVC + ["deploymentConfiguration", "bakeTimeInMinutes"], 1441))),
    ("breaker without rollback",
     edit((SVC + ["deploymentConfiguration", "deploymentCircuitBreaker", "rollback"], DELETE))),
    ("breaker percent value 101",
     edit((SVC + ["deploymentConfiguration", "deploymentCircuitBreaker", "thresholdConfiguration"],
           {"type": "UNBOUNDED_PERCENT", "value": 101}))),
    ("breaker default-type value 101",
     edit((SVC + ["deploymentConfiguration", "deploymentCircuitBreaker", "thresholdConfiguration"],
           {"value": 101}))),
    ("breaker COUNT value 0",
     edit((SVC + ["deploymentConfiguration", "deploymentCircuitBreaker", "thresholdConfiguration"],
           {"type": "COUNT", "value": 0}))),
    ("healthCheckGracePeriodSeconds -1", edit((SVC + ["healthCheckGracePeriodSeconds"], -1))),
    ("two loadBalancers",
     edit((SVC + ["loadBalancers", 1], {"containerName": "web", "containerPort": 8080}))),
    ("loadBalancer containerPort 0", edit((SVC + ["loadBalancers", 0, "containerPort"], 0))),
    ("loadBalancer without containerName", edit((SVC + ["loadBalancers", 0, "containerName"], DELETE))),
    ("services wrapper with two services",
     then(wrap_service, lambda d: (d["service"]["services"].append(d["service"]["services"][0]), d)[1])),
    ("services wrapper with a bad service",
     then(edit((SVC + ["desiredCount"], -1)), wrap_service)),
    ("targetGroup without loadBalancers", edit((SVC + ["loadBalancers"], []))),
    ("loadBalancers without targetGroup", edit((TG, DELETE))),
    ("loadBalancers in a wrapper without targetGroup", then(wrap_service, edit((TG, DELETE)))),
    ("HealthCheckIntervalSeconds 4", edit((TG + ["HealthCheckIntervalSeconds"], 4))),
    ("HealthCheckIntervalSeconds 301", edit((TG + ["HealthCheckIntervalSeconds"], 301))),
    ("HealthCheckIntervalSeconds 5 with the default timeout 5",
     edit((TG + ["HealthCheckTimeoutSeconds"], DELETE), (TG + ["HealthCheckIntervalSeconds"], 5))),
    ("HealthCheckTimeoutSeconds 30 with the default interval 30",
     edit((TG + ["HealthCheckIntervalSeconds"], DELETE), (TG + ["HealthCheckTimeoutSeconds"], 30))),
    ("HealthCheckTimeoutSeconds 1", edit((TG + ["HealthCheckTimeoutSeconds"], 1))),
    ("HealthyThresholdCount 1", edit((TG + ["HealthyThresholdCount"], 1))),
    ("UnhealthyThresholdCount 11", edit((TG + ["UnhealthyThresholdCount"], 11))),
    ("HealthCheckPath without /", edit((TG + ["HealthCheckPath"], "ready"))),
    ("HealthCheckPort 0", edit((TG + ["HealthCheckPort"], 0))),
    ("HealthCheckPort \"65536\"", edit((TG + ["HealthCheckPort"], "65536"))),
    ("HealthCheckPort \"traffic\"", edit((TG + ["HealthCheckPort"], "traffic"))),
    ("HealthCheckPort \"+80\"", edit((TG + ["HealthCheckPort"], "+80"))),
    ("Matcher HttpCode 500", edit((TG + ["Matcher", "HttpCode"], "500"))),
    ("Matcher HttpCode 199-299", edit((TG + ["Matcher", "HttpCode"], "199-299"))),
    ("Matcher HttpCode ok", edit((TG + ["Matcher", "HttpCode"], "ok"))),
    ("Matcher HttpCode with an empty item", edit((TG + ["Matcher", "HttpCode"], "200,,302"))),
    ("Matcher HttpCode starting with a comma", edit((TG + ["Matcher", "HttpCode"], ",200"))),
    ("Matcher HttpCode with a space after a range", edit((TG + ["Matcher", "HttpCode"], "200-299 "))),
    ("Matcher HttpCode ending in a comma and newline", edit((TG + ["Matcher", "HttpCode"], "200,\n"))),
    ("Matcher HttpCode 2000", edit((TG + ["Matcher", "HttpCode"], "2000"))),
    ("Matcher without HttpCode", edit((TG + ["Matcher"], {"GrpcCode": "0"}))),
    ("DeregistrationDelaySeconds 3601", edit((TG + ["DeregistrationDelaySeconds"], 3601))),
    ("TargetGroups wrapper with none", edit((TG, {"TargetGroups": []}))),
    ("TargetGroups wrapper with a bad group",
     then(edit((TG + ["HealthyThresholdCount"], 0)), wrap_target_group)),
    ("task definition without family", edit((["taskDefinitions", 0, "family"], DELETE))),
    ("task definition revision 0", edit((["taskDefinitions", 0, "revision"], 0))),
    ("wrapped task definition without containers",
     edit((["taskDefinitions", 1, "taskDefinition", "containerDefinitions"], []))),
    ("cpu \"127\"", edit((["taskDefinitions", 0, "cpu"], "127"))),
    ("cpu \"196609\"", edit((["taskDefinitions", 0, "cpu"], "196609"))),
    ("cpu 100", edit((["taskDefinitions", 0, "cpu"], 100))),
    ("cpu \"0.25 vCPU\"", edit((["taskDefinitions", 0, "cpu"], "0.25 vCPU"))),
    ("cpu \"\"", edit((["taskDefinitions", 0, "cpu"], ""))),
    ("cpu \" 256\"", edit((["taskDefinitions", 0, "cpu"], " 256"))),
    ("cpu \"256\\n\"", edit((["taskDefinitions", 0, "cpu"], "256\n"))),
    ("cpu with 19 digits", edit((["taskDefinitions", 0, "cpu"], "0" * 16 + "256"))),
    ("task memory \"5\"", edit((["taskDefinitions", 0, "memory"], "5"))),
    ("task memory \"1GB\"", edit((["taskDefinitions", 0, "memory"], "1GB"))),
    ("task memory \"2147483648\"", edit((["taskDefinitions", 0, "memory"], "2147483648"))),
    ("$file with another key", edit((["taskDefinitions", 0], {"$file": "td/web-1.json", "family": "web"}))),
    ("$file absolute", edit((["taskDefinitions", 0], {"$file": "/etc/web-1.json"}))),
    ("$file leaving the directory", edit((["taskDefinitions", 0], {"$file": "../web-1.json"}))),
    ("$file empty", edit((["taskDefinitions", 0], {"$file": ""}))),
    ("container without image", edit((C0 + ["image"], DELETE))),
    ("container memory 5", edit((C0 + ["memory"], 5))),
    ("container essential as a string", edit((C0 + ["essential"], "yes"))),
    ("dependsOn condition STARTED",
     edit((C0 + ["dependsOn"], [{"containerName": "envoy", "condition": "STARTED"}]))),
    ("dependsOn without condition", edit((C0 + ["dependsOn"], [{"containerName": "envoy"}]))),
    ("environment value not a string", edit((C0 + ["environment", 0, "value"], 6379))),
    ("secret without valueFrom", edit((C0 + ["secrets", 0, "valueFrom"], DELETE))),
    ("containerPort 65536", edit((C0 + ["portMappings", 0, "containerPort"], 65536))),
    ("hostPort -1", edit((C0 + ["portMappings", 0, "hostPort"], -1))),
    ("startTimeout 1", edit((C0 + ["startTimeout"], 1))),
    ("stopTimeout 121", edit((C0 + ["stopTimeout"], 121))),
    ("single task definition without deploy", then(single_task_definition, edit((["deploy"], DELETE)))),
    ("single task definition, deploy without taskDefinition",
     then(single_task_definition, edit((["deploy"], {"atSeconds": 0})))),
    ("deploy atSeconds beyond the default horizon",
     edit((["horizonSeconds"], DELETE), (["deploy", "atSeconds"], 7201))),
    ("apps not an object", edit((["apps"], []))),
    ("phase without name", edit((APP + ["phases", 0, "name"], DELETE))),
    ("phase onMissing crash", edit((APP + ["phases", 0, "onMissing"], "crash"))),
    ("phase onUnavailable retry", edit((APP + ["phases", 1, "onUnavailable"], "retry"))),
    ("phase exitCode 256", edit((APP + ["phases", 1, "exitCode"], 256))),
    ("phase seconds -1", edit((APP + ["phases", 0, "seconds"], -1))),
    ("phase seconds beyond 10^9", edit((APP + ["phases", 0, "seconds"], 1e9 + 1))),
    ("app port 0", edit((APP + ["port"], 0))),
    ("app bindAddress empty", edit((APP + ["bindAddress"], ""))),
    ("app liveFromPhase -1", edit((APP + ["liveFromPhase"], -1))),
    ("endpoint path without /", edit((APP + ["endpoints", "health"], {"kind": "live"}))),
    ("endpoint kind healthy", edit((APP + ["endpoints", "/live", "kind"], "healthy"))),
    ("endpoint without kind", edit((APP + ["endpoints", "/live"], {}))),
    ("memory point without mib", edit((APP + ["memory", 0, "mib"], DELETE))),
    ("memory point mib -1", edit((APP + ["memory", 0, "mib"], -1))),
    ("leakMibPerHour 0.5", edit((APP + ["leakMibPerHour"], 0.5))),
    ("binaries with an empty name", edit((APP + ["binaries"], ["sh", ""]))),
    ("responseTimeMs 3600001", edit((APP + ["responseTimeMs"], 3600001))),
    ("exitCodeWhenDone 256", edit((APP + ["exitCodeWhenDone"], 256))),
    ("startupJitter of three", edit((APP + ["startupJitter"], [900, 1000, 1100]))),
    ("startupJitter of one", edit((APP + ["startupJitter"], [900]))),
    ("startupJitter 10001", edit((APP + ["startupJitter"], [900, 10001]))),
    ("platform jitter -1", edit((["platform", "jitter"], [-1, 1200]))),
    ("clusterMemoryMiB on FARGATE", edit((["platform", "clusterMemoryMiB"], 4096))),
    ("clusterMemoryMiB 0 on EC2",
     edit((SVC + ["launchType"], "EC2"), (["platform", "clusterMemoryMiB"], 0))),
    ("dependency without name", edit((["dependencies", 0, "name"], DELETE))),
    ("readyAfterSeconds of three", edit((["dependencies", 0, "readyAfterSeconds"], [0, 1, 2]))),
    ("readyAfterSeconds as a string", edit((["dependencies", 0, "readyAfterSeconds"], "20"))),
    ("outage without toSeconds", edit((["dependencies", 0, "outages", 0, "toSeconds"], DELETE))),
    ("fault kind crash", edit((["faults", 0, "kind"], "crash"))),
    ("dependency_outage without durationSeconds", edit((["faults", 0, "durationSeconds"], DELETE))),
    ("stop_task target cache", edit((["faults", 1, "target"], "cache"))),
    ("fault without atSeconds", edit((["faults", 0, "atSeconds"], DELETE))),
    ("az_lost with a count", edit((["platform", "availabilityZones"], ["us-east-1a"]), (["faults", 1, "kind"], "az_lost"),
                                  (["faults", 1, "target"], "us-east-1a"), (["faults", 1, "count"], 2))),
    ("availabilityZones empty", edit((["platform", "availabilityZones"], []))),
    ("availabilityZones with a zone twice", edit((["platform", "availabilityZones"], ["us-east-1a", "us-east-1a"]))),
    ("availabilityZones of seven", edit((["platform", "availabilityZones"], ["a", "b", "c", "d", "e", "f", "g"]))),
    ("unreadableSecrets with an empty name", edit((["unreadableSecrets"], [""]))),
    ("expect without outcome", edit((["expect", "outcome"], DELETE))),
    ("expect outcome DONE", edit((["expect", "outcome"], "DONE"))),
    ("expect empty bounds", edit((["expect", "timeToOutcomeSeconds"], {}))),
    ("expect seconds as a bare number", edit((["expect", "timeToOutcomeSeconds"], 600))),
    ("expect count 2.5", edit((["expect", "failedTasks"], 2.5))),
    ("expect count -1", edit((["expect", "failedTasks"], -1))),
    ("expect count bound 1.5", edit((["expect", "oomKills"], {"max": 1.5}))),
]

# Near misses the schema must accept (so the rejections above are about the one change).
ACCEPTED = [
    ("top-level $schema key naming the schema", edit((["$schema"], "./scenario.schema.json"))),
    ("the base document", edit()),
    ("healthCheck interval 5, timeout 2, retries 1, startPeriod 300",
     edit((HC + ["interval"], 5), (HC + ["timeout"], 2), (HC + ["retries"], 1), (HC + ["startPeriod"], 300))),
    ("healthCheck interval 300, timeout 60, retries 10, fractional", 
     edit((HC + ["interval"], 300), (HC + ["timeout"], 59.5), (HC + ["retries"], 10))),
    ("cpu 128, memory 6 as numbers", edit((["taskDefinitions", 0, "cpu"], 128), (["taskDefinitions", 0, "memory"], 6))),
    ("cpu \"196608\", memory \"0006\"",
     edit((["taskDefinitions", 0, "cpu"], "196608"), (["taskDefinitions", 0, "memory"], "0006"))),
    ("task memory \"2147483647\"", edit((["taskDefinitions", 0, "memory"], "2147483647"))),
    ("services wrapper", wrap_service),
    ("TargetGroups wrapper", wrap_target_group),
    ("$file reference", edit((["taskDefinitions", 0], {"$file": "td/web-1.json"}))),
    ("no load balancer, no target group", edit((SVC + ["loadBalancers"], DELETE), (TG, DELETE))),
    ("empty loadBalancers, no target group", edit((SVC + ["loadBalancers"], []), (TG, DELETE))),
    ("HealthCheckPort as number and digits",
     edit((TG + ["HealthCheckPort"], 8080))),
    ("HealthCheckPort as digits", edit((TG + ["HealthCheckPort"], "08080"))),
    ("HealthCheckIntervalSeconds 5.5 with the default timeout",
     edit((TG + ["HealthCheckTimeoutSeconds"], DELETE), (TG + ["HealthCheckIntervalSeconds"], 5.5))),
    ("Matcher HttpCode 200,302 and ranges",
     edit((TG + ["Matcher", "HttpCode"], "200,302,400-499"))),
    ("Matcher HttpCode as the loader reads it: signs, zeros, spaces, a final comma",
     edit((TG + ["Matcher", "HttpCode"], "+200, 0302 ,400 - 404,\t418\n,"))),
    ("cpu with 18 digits", edit((["taskDefinitions", 0, "cpu"], "0" * 15 + "256"))),
    ("breaker COUNT value 1000",
     edit((SVC + ["deploymentConfiguration", "deploymentCircuitBreaker", "thresholdConfiguration"],
           {"type": "COUNT", "value": 1000}))),
    ("cluster name and clusterMemoryMiB on EC2",
     edit((SVC + ["cluster"], "prod"), (SVC + ["launchType"], "EC2"), (["platform", "clusterMemoryMiB"], 4096))),
    ("clusterMemoryMiB on EC2 in a wrapper",
     then(edit((SVC + ["launchType"], "EC2"), (["platform", "clusterMemoryMiB"], 4096)), wrap_service)),
    ("single task definition with deploy.taskDefinition",
     then(single_task_definition, edit((["deploy"], {"taskDefinition": "web:1"})))),
    ("no optional section at all",
     lambda d: {"service": {"serviceName": "web", "desiredCount": 1},
                "taskDefinitions": [{"family": "web", "containerDefinitions": [{"name": "w", "image": "i"}]},
                                    {"family": "web", "containerDefinitions": [{"name": "w", "image": "i"}]}],
                "apps": {"i": {}}}),
    ("unknown AWS keys everywhere",
     edit((SVC + ["propagateTags"], "NONE"), (TG + ["Protocol"], "HTTP"),
          (["taskDefinitions", 0, "networkMode"], "awsvpc"), (C0 + ["logConfiguration"], {}),
          (HC + ["extra"], 1), (SVC + ["deploymentConfiguration", "lifecycleHooks"], []))),
    ("stop_task without durationSeconds, target new", edit((["faults", 1, "target"], "new"))),
    ("az_lost in a listed zone, for 10 min",
     edit((["platform", "availabilityZones"], ["us-east-1a", "us-east-1b"]), (["faults", 1, "kind"], "az_lost"),
          (["faults", 1, "target"], "us-east-1b"), (["faults", 1, "durationSeconds"], 600))),
    ("readyAfterSeconds as a number", edit((["dependencies", 0, "readyAfterSeconds"], 20))),
    ("expect counts as bounds and exact", edit((["expect", "failedTasks"], {"min": 1}), (["expect", "tasksLaunched"], 4))),
    ("expect STUCK with every metric",
     edit((["expect"], {"outcome": "STUCK", "timeToOutcomeSeconds": {"min": 0}, "timeToDetectSeconds": {"max": 1.5},
                        "failedTasks": 1, "oomKills": 0, "tasksLaunched": {"min": 0, "max": 1000000000},
                        "belowDesiredHealthySeconds": {"max": 0}, "zeroHealthySeconds": {"max": 0}}))),
    ("seed 2^64-1, one-shot app", edit((["seed"], 2 ** 64 - 1), (APP + ["runsForSeconds"], 5),
                                       (APP + ["crashAfterListeningSeconds"], 10), (APP + ["bindAddress"], "127.0.0.1"))),
    ("rules pre-2024, probeMode per_probe", edit((["rules"], "pre-2024"), (["probeMode"], "per_probe"))),
]


def digit_patterns(schema_path):
    """The string forms of cpu, memory and HealthCheckPort against the loader's integer ranges."""
    defs = load_json(schema_path)["$defs"]
    cases = [
        ("cpu", defs["taskDefinition"]["properties"]["cpu"], 128, 196608,
         list(range(0, 200001)) + [2 ** 31, 10 ** 17]),
        ("task memory", defs["taskDefinition"]["properties"]["memory"], 6, 2 ** 31 - 1,
         list(range(0, 100001)) + [d * 10 ** e + k for d in range(1, 10) for e in range(5, 11)
                                   for k in (-1, 0, 1)] + [2 ** 31 - 2, 2 ** 31 - 1, 2 ** 31, 10 ** 17]),
        ("HealthCheckPort", defs["targetGroup"]["properties"]["HealthCheckPort"], 1, 65535,
         list(range(0, 100001))),
    ]
    failures = []
    for what, schema, low, high, numbers in cases:
        v = Draft202012Validator({"$defs": defs, **schema})
        pattern = re.compile(next(s["pattern"] for s in schema["anyOf"] if "pattern" in s))
        for n in numbers:
            for text in (str(n), "00" + str(n)):
                if bool(pattern.search(text)) != (low <= n <= high):
                    failures.append(f"{what} {text!r}: the pattern disagrees with {low}-{high}")
        for n in (low - 1, low, high, high + 1):  # and through the validator, number and string
            for value in (n, str(n)):
                if v.is_valid(value) != (low <= n <= high):
                    failures.append(f"{what} {value!r}: the schema disagrees with {low}-{high}")
    return failures


def rejects(schema_path):
    v = validator(schema_path)
    failures = digit_patterns(schema_path)
    for what, change in ACCEPTED:
        errors = describe_errors(v, change(base_document()))
        if errors:
            failures.append(f"accepted by the loader but rejected by the schema: {what}\n" + "\n".join(errors))
    for what, change in REJECTED:
        document = change(base_document())
        if v.is_valid(document):
            failures.append(f"rejected by the loader but accepted by the schema: {what}")
        else:
            print(f"ok: rejected: {what}")
    if failures:
        sys.exit("FAIL:\n" + "\n".join(failures))
    print(f"ok: {len(REJECTED)} broken documents rejected, {len(ACCEPTED)} near misses accepted")


def main(argv):
    if len(argv) >= 2 and argv[0] == "wellformed":
        wellformed(argv[1])
    elif len(argv) in (3, 4) and argv[0] == "scenarios":
        scenarios(*argv[1:])
    elif len(argv) == 2 and argv[0] == "rejects":
        rejects(argv[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except jsonschema.exceptions.SchemaError as error:
        sys.exit(f"FAIL: the schema itself is invalid: {error.message} at {pointer(error.absolute_path)}")
