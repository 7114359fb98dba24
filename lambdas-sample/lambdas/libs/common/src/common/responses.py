"""API Gateway style responses."""

import json


def json_response(status: int, payload) -> dict:
    return {"statusCode": status, "headers": {"content-type": "application/json"}, "body": json.dumps(payload)}
