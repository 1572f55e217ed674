#!/usr/bin/env python3
"""deploysim serve through boto3's ECS client and waiter (python3-boto3 from Debian).

Run by with_server.py against `deploysim serve scenarios/incidents/000-oom-128mb.json
--time-scale 0`: simulated time moves only when a test advances it, so nothing sleeps.
usage: with_server.py ... -- boto3_test.py TestCase.test_name
"""
import json
import sys
import unittest

from serve_client import advance, control, ecs, library_task_definition

SERVICE = {"cluster": "alia-bot-cluster", "services": ["alia-bot-service"]}


def primary(service):
    return next(d for d in service["deployments"] if d["status"] == "PRIMARY")


class TaskDefinitions(unittest.TestCase):
    def test_register_describe_list_deregister(self):
        client = ecs()
        registered = client.register_task_definition(**library_task_definition(1))["taskDefinition"]
        # The scenario brought alia-bot:26 and :27, so the registration is the family's 28th.
        self.assertEqual(registered["revision"], 28)
        self.assertTrue(registered["taskDefinitionArn"].endswith(":task-definition/alia-bot:28"))
        self.assertEqual(registered["containerDefinitions"][0]["memory"], 128)
        self.assertEqual(client.describe_task_definition(taskDefinition="alia-bot")["taskDefinition"]["revision"], 28)
        arns = client.list_task_definitions(familyPrefix="alia")["taskDefinitionArns"]
        self.assertEqual([a.rsplit(":", 1)[1] for a in arns], ["26", "27", "28"])
        gone = client.deregister_task_definition(taskDefinition="alia-bot:28")["taskDefinition"]
        self.assertEqual(gone["status"], "INACTIVE")
        self.assertEqual(client.describe_task_definition(taskDefinition="alia-bot")["taskDefinition"]["revision"], 27)
        with self.assertRaises(client.exceptions.InvalidParameterException):
            client.update_service(**{"cluster": "alia-bot-cluster", "service": "alia-bot-service",
                                     "taskDefinition": "alia-bot:28"})

    def test_a_definition_the_reader_rejects_is_a_client_exception_naming_the_field(self):
        client = ecs()
        definition = library_task_definition(1)
        definition["containerDefinitions"][0]["memory"] = 2
        with self.assertRaises(client.exceptions.ClientException) as raised:
            client.register_task_definition(**definition)
        self.assertIn("at /containerDefinitions/0/memory: expected an integer >= 6, found 2", str(raised.exception))
        self.assertEqual(len(client.list_task_definitions()["taskDefinitionArns"]), 2)


class Seed000(unittest.TestCase):
    def test_the_oom_revision_fails_with_three_failed_tasks_and_the_service_returns_to_26(self):
        client = ecs()
        updated = client.update_service(cluster="alia-bot-cluster", service="alia-bot-service",
                                        taskDefinition="alia-bot:27")["service"]
        self.assertTrue(primary(updated)["taskDefinition"].endswith("alia-bot:27"))
        self.assertEqual(primary(updated)["rolloutState"], "IN_PROGRESS")
        failed_seen = None
        for _ in range(600):  # one simulated second at a time, for ten minutes
            advance(1)
            service = client.describe_services(**SERVICE)["services"][0]
            for d in service["deployments"]:
                if d["rolloutState"] == "FAILED":
                    failed_seen = d
            if failed_seen and [d["rolloutState"] for d in service["deployments"]] == ["COMPLETED"]:
                break
        self.assertIsNotNone(failed_seen, "no deployment was ever seen FAILED")
        self.assertTrue(failed_seen["taskDefinition"].endswith("alia-bot:27"))
        self.assertEqual(failed_seen["failedTasks"], 3)
        self.assertTrue(failed_seen["rolloutStateReason"].startswith("ECS deployment circuit breaker: "),
                        failed_seen["rolloutStateReason"])
        back = primary(service)
        self.assertTrue(back["taskDefinition"].endswith("alia-bot:26"))
        self.assertTrue(service["taskDefinition"].endswith("alia-bot:26"))
        self.assertEqual(back["rolloutState"], "COMPLETED")
        self.assertEqual(service["runningCount"], 1)
        messages = [e["message"] for e in service["events"]]
        self.assertTrue(any("(deployment ecs-svc/1) deployment failed: " in m for m in messages), messages)
        self.assertTrue(any("rolling back" in m for m in messages), messages)
        times = [e["createdAt"] for e in service["events"]]
        self.assertEqual(times, sorted(times, reverse=True), "events are newest first")

        stopped = client.list_tasks(cluster="alia-bot-cluster", serviceName="alia-bot-service",
                                    desiredStatus="STOPPED")["taskArns"]
        tasks = client.describe_tasks(cluster="alia-bot-cluster", tasks=stopped)["tasks"]
        oom = [t for t in tasks if t["taskDefinitionArn"].endswith("alia-bot:27")]
        self.assertEqual(len(oom), 3)
        for task in oom:
            self.assertEqual(task["lastStatus"], "STOPPED")
            self.assertEqual(task["stopCode"], "EssentialContainerExited")
            self.assertEqual(task["containers"][0]["exitCode"], 137)
            self.assertIn("OutOfMemoryError", task["containers"][0]["reason"])

    def test_the_services_stable_waiter_succeeds_on_the_rolled_back_deployment(self):
        client = ecs()
        client.update_service(cluster="alia-bot-cluster", service="alia-bot-service", taskDefinition="alia-bot:27")
        advance(600)
        # botocore's ServicesStable reads one deployment and runningCount == desiredCount, never
        # rolloutState: a rolled-back deployment is "stable", as on real ECS.
        client.get_waiter("services_stable").wait(**SERVICE, WaiterConfig={"Delay": 1, "MaxAttempts": 2})
        service = client.describe_services(**SERVICE)["services"][0]
        self.assertTrue(primary(service)["taskDefinition"].endswith("alia-bot:26"))

    def test_the_waiter_waits_while_the_deployment_runs(self):
        client = ecs()
        client.update_service(cluster="alia-bot-cluster", service="alia-bot-service", taskDefinition="alia-bot:27")
        advance(20)
        with self.assertRaises(Exception) as raised:
            client.get_waiter("services_stable").wait(**SERVICE, WaiterConfig={"Delay": 1, "MaxAttempts": 2})
        self.assertIn("Max attempts exceeded", str(raised.exception))


class Services(unittest.TestCase):
    def test_create_update_list_delete(self):
        client = ecs()
        client.register_task_definition(family="web", containerDefinitions=[
            {"name": "web", "image": "example/web:1", "essential": True, "memory": 256,
             "portMappings": [{"containerPort": 8080}]}])
        client.register_task_definition(family="web", containerDefinitions=[
            {"name": "web", "image": "example/web:2", "essential": True, "memory": 256,
             "portMappings": [{"containerPort": 8080}]}])
        created = client.create_service(cluster="default", serviceName="web", taskDefinition="web:1", desiredCount=2,
                                        deploymentConfiguration={"minimumHealthyPercent": 100, "maximumPercent": 200,
                                                                 "deploymentCircuitBreaker": {"enable": True,
                                                                                              "rollback": True}})
        self.assertEqual(created["service"]["status"], "ACTIVE")
        self.assertEqual(created["service"]["runningCount"], 2)
        with self.assertRaises(client.exceptions.InvalidParameterException):
            client.create_service(cluster="default", serviceName="web", taskDefinition="web:1", desiredCount=2)
        client.update_service(cluster="default", service="web", taskDefinition="web:2", desiredCount=3)
        advance(300)
        service = client.describe_services(cluster="default", services=["web"])["services"][0]
        self.assertEqual([d["rolloutState"] for d in service["deployments"]], ["COMPLETED"])
        self.assertTrue(primary(service)["taskDefinition"].endswith("web:2"))
        self.assertEqual(service["runningCount"], 3)
        self.assertEqual(client.list_services(cluster="default")["serviceArns"],
                         ["arn:aws:ecs:us-east-1:123456789012:service/default/web"])
        running = client.list_tasks(cluster="default", serviceName="web")["taskArns"]
        self.assertEqual(len(running), 3)
        for task in client.describe_tasks(cluster="default", tasks=running)["tasks"]:
            self.assertEqual((task["lastStatus"], task["desiredStatus"]), ("RUNNING", "RUNNING"))
            self.assertTrue(task["startedBy"].startswith("ecs-svc/"))
        with self.assertRaises(client.exceptions.InvalidParameterException):
            client.delete_service(cluster="default", service="web")
        self.assertEqual(client.delete_service(cluster="default", service="web", force=True)["service"]["status"],
                         "DRAINING")
        advance(600)
        self.assertEqual(client.describe_services(cluster="default", services=["web"])["services"][0]["status"],
                         "INACTIVE")
        self.assertEqual(client.list_services(cluster="default")["serviceArns"], [])

    def test_describe_services_reports_an_unknown_service_as_missing(self):
        answer = ecs().describe_services(cluster="alia-bot-cluster", services=["nope"])
        self.assertEqual(answer["services"], [])
        self.assertEqual(answer["failures"][0]["reason"], "MISSING")

    def test_unknown_service_and_task_definition_are_ecs_errors(self):
        client = ecs()
        with self.assertRaises(client.exceptions.ServiceNotFoundException):
            client.update_service(cluster="alia-bot-cluster", service="nope", desiredCount=1)
        with self.assertRaises(client.exceptions.ClientException):
            client.update_service(cluster="alia-bot-cluster", service="alia-bot-service", taskDefinition="nope:1")
        with self.assertRaises(client.exceptions.ClusterNotFoundException):
            client.list_services(cluster="nope")


class Control(unittest.TestCase):
    def test_the_trace_is_the_event_log_of_the_service(self):
        ecs().update_service(cluster="alia-bot-cluster", service="alia-bot-service", taskDefinition="alia-bot:27")
        self.assertEqual(advance(600)["simulatedSeconds"], 600)
        lines = [json.loads(line) for line in
                 control("trace?cluster=alia-bot-cluster&service=alia-bot-service").splitlines()]
        kinds = [line["kind"] for line in lines]
        self.assertEqual(kinds.count("task_stopped"), 4)
        self.assertEqual(sum(1 for line in lines if line["kind"] == "container_exited" and line.get("exitCode") == 137),
                         3, [line for line in lines if line["kind"] == "container_exited"])
        state = control("state")
        self.assertEqual(state["services"][0]["deployments"][0]["rolloutState"], "COMPLETED")


class LoadBalancer(unittest.TestCase):
    """Against the built-in default scenario: checkout:8 never answers /health/ready."""

    def test_target_health_shows_the_new_tasks_unhealthy(self):
        ecs().update_service(cluster="demo", service="checkout", taskDefinition="checkout:8")
        advance(120)
        targets = control("target-health?cluster=demo&service=checkout")["TargetHealthDescriptions"]
        states = sorted(t["TargetHealth"]["State"] for t in targets)
        self.assertIn("unhealthy", states, targets)
        self.assertEqual(states.count("healthy"), 2, targets)  # the old tasks keep serving
        unhealthy = [t for t in targets if t["TargetHealth"]["State"] == "unhealthy"]
        self.assertTrue(all(t["TargetHealth"].get("Reason", "").startswith("Target.") for t in unhealthy), unhealthy)
        self.assertTrue(all(t["Target"]["Port"] == 8080 for t in targets))


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], *sys.argv[1:]], verbosity=2)
