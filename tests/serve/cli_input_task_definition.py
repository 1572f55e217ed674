#!/usr/bin/env python3
"""Writes a scenario's task definition as `aws ecs register-task-definition --cli-input-json` takes it.

usage: cli_input_task_definition.py SCENARIO INDEX OUT
(the scenario's taskDefinitions[INDEX], without its revision: the server gives the next one)
"""
import json
import sys

scenario, index, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
definition = json.load(open(scenario))["taskDefinitions"][index]
definition.pop("revision", None)
json.dump(definition, open(out, "w"))
