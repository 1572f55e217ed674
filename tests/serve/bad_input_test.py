#!/usr/bin/env python3
"""Bad input against deploysim serve: each case gets an ECS-style error or a bounded refusal,
the server keeps serving, and its state is unchanged (compared through the API and the control
endpoint before and after). Run by with_server.py with --time-scale 0, so nothing moves by itself.
usage: with_server.py ... -- bad_input_test.py TestCase.test_name
"""
import http.client
import json
import socket
import sys
import threading
import unittest
from urllib.parse import urlparse

from serve_client import ENDPOINT, control, ecs

TARGET = "AmazonEC2ContainerServiceV20141113."
HOST = urlparse(ENDPOINT).hostname
PORT = urlparse(ENDPOINT).port


def post(body, target=TARGET + "DescribeServices", extra_headers=None):
    connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
    headers = {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": target}
    if target is None:
        del headers["X-Amz-Target"]
    headers.update(extra_headers or {})
    connection.request("POST", "/", body=body, headers=headers)
    answer = connection.getresponse()
    status, text = answer.status, answer.read().decode()
    connection.close()
    return status, json.loads(text)


def snapshot():
    """What the server knows, through the API: the service, the task definitions, the clock."""
    client = ecs()
    service = client.describe_services(cluster="alia-bot-cluster", services=["alia-bot-service"])["services"]
    definitions = [client.list_task_definitions(status=status)["taskDefinitionArns"] for status in ("ACTIVE", "INACTIVE")]
    tasks = client.list_tasks(cluster="alia-bot-cluster")["taskArns"]
    state = control("state")
    return json.dumps([service, definitions, tasks, state["simulatedSeconds"], state["services"]], default=str)


class BadInput(unittest.TestCase):
    def setUp(self):
        self.before = snapshot()

    def tearDown(self):
        self.assertEqual(snapshot(), self.before, "the server's state changed")

    def assert_error(self, answer, status, error_type, message_part):
        self.assertEqual(answer[0], status, answer)
        self.assertEqual(answer[1]["__type"], error_type, answer)
        self.assertIn(message_part, answer[1]["message"])

    def test_malformed_json_is_a_serialization_exception_with_its_position(self):
        self.assert_error(post(b'{"cluster": "alia-bot-cluster", "services": ['), 400, "SerializationException",
                          "not valid JSON at line 1")

    def test_a_body_that_is_not_an_object(self):
        self.assert_error(post(b'[1, 2]'), 400, "SerializationException", "must be a JSON object")

    def test_a_missing_required_field_names_it(self):
        self.assert_error(post(b'{"cluster": "alia-bot-cluster"}'), 400, "InvalidParameterException",
                          "at /services: expected an array, found nothing (it is required)")

    def test_a_wrong_type_names_what_was_expected(self):
        self.assert_error(post(b'{"cluster": "alia-bot-cluster", "service": "alia-bot-service", "desiredCount": "two"}',
                               TARGET + "UpdateService"),
                          400, "InvalidParameterException", "at /desiredCount: expected an integer 0-5000")

    def test_an_unknown_service(self):
        self.assert_error(post(b'{"cluster": "alia-bot-cluster", "service": "nope", "desiredCount": 3}',
                               TARGET + "UpdateService"), 400, "ServiceNotFoundException", "Service not found.")

    def test_an_unknown_task_definition(self):
        self.assert_error(post(b'{"cluster": "alia-bot-cluster", "service": "alia-bot-service", '
                               b'"taskDefinition": "alia-bot:99"}', TARGET + "UpdateService"),
                          400, "ClientException", "TaskDefinition not found.")
        self.assert_error(post(b'{"taskDefinition": "nope"}', TARGET + "DescribeTaskDefinition"),
                          400, "ClientException", "Unable to describe task definition.")

    def test_a_wrong_or_missing_target_header(self):
        self.assert_error(post(b'{}', "AmazonEC2ContainerServiceV20141113.LaunchRockets"), 400,
                          "UnknownOperationException", "does not serve LaunchRockets")
        self.assert_error(post(b'{}', "DynamoDB_20120810.ListTables"), 400, "UnknownOperationException",
                          'found "DynamoDB_20120810.ListTables"')
        self.assert_error(post(b'{}', None), 400, "UnknownOperationException", "found none")

    def test_a_file_reference_in_a_request_is_refused(self):
        self.assert_error(post(b'{"$file": "scenarios/incidents/000-oom-128mb.json"}',
                               TARGET + "RegisterTaskDefinition"), 400, "InvalidParameterException", "$file")

    def test_a_100_mb_body_is_refused_before_it_is_read(self):
        connection = socket.create_connection((HOST, PORT), timeout=30)
        size = 100 * 1024 * 1024
        connection.sendall((f"POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: {TARGET}RegisterTaskDefinition\r\n"
                            f"Content-Type: application/x-amz-json-1.1\r\nContent-Length: {size}\r\n\r\n").encode())
        chunk = b" " * (1024 * 1024)
        sent = 0
        try:
            while sent < size:  # the server refuses after the headers, and closes
                connection.sendall(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = b""
        try:
            while True:
                part = connection.recv(65536)
                if not part:
                    break
                answer += part
        except ConnectionResetError:
            pass
        connection.close()
        self.assertLess(sent, size, "the server read the whole 100 MB body")
        if answer:  # the refusal, unless the reset overtook it
            self.assertIn(b"413", answer.split(b"\r\n")[0])
            self.assertIn(b"RequestEntityTooLargeException", answer)
        self.assertGreaterEqual(control("state")["refusedTooLarge"], 1)

    def test_1000_concurrent_connections_each_get_an_answer_or_a_refusal(self):
        body = json.dumps({"cluster": "alia-bot-cluster", "services": ["alia-bot-service"]}).encode()
        request = (f"POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: {TARGET}DescribeServices\r\n"
                   f"Content-Type: application/x-amz-json-1.1\r\nContent-Length: {len(body)}\r\n"
                   f"Connection: close\r\n\r\n").encode() + body
        sockets = [socket.create_connection((HOST, PORT), timeout=60) for _ in range(1000)]
        statuses = [None] * len(sockets)

        def exchange(i):
            s = sockets[i]
            try:
                s.sendall(request)
                data = b""
                while True:
                    part = s.recv(65536)
                    if not part:
                        break
                    data += part
                statuses[i] = int(data.split(b" ", 2)[1]) if data else "closed"
            except OSError as e:
                statuses[i] = type(e).__name__
            finally:
                s.close()

        threads = [threading.Thread(target=exchange, args=(i,)) for i in range(len(sockets))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        served = statuses.count(200)
        refused = statuses.count(503)
        self.assertEqual(served + refused, len(sockets), f"other outcomes: {set(statuses) - {200, 503}}")
        self.assertGreater(served, 0)
        print(f"1000 concurrent connections: {served} served, {refused} refused with 503")
        # and it still serves:
        self.assertEqual(post(body)[0], 200)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], *sys.argv[1:]], verbosity=2)
