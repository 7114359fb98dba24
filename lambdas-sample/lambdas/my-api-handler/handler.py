"""API handler: reads and writes items of one DynamoDB table.

Events look like {"action": "get" | "put" | "health", "id": "...", "body": {...}}.
"""

import json
import logging
from functools import lru_cache

import boto3
from pydantic import BaseModel, ValidationError

from settings import Settings

logger = logging.getLogger()


class Item(BaseModel):
    id: str
    body: dict = {}


@lru_cache(maxsize=1)
def settings() -> Settings:
    return Settings()


@lru_cache(maxsize=1)
def table():
    return boto3.resource("dynamodb", region_name=settings().aws_region).Table(settings().table_name)


def _response(status: int, payload: dict) -> dict:
    return {"statusCode": status, "headers": {"content-type": "application/json"}, "body": json.dumps(payload)}


def handler(event, context):
    logger.setLevel(settings().log_level)
    action = event.get("action", "get")
    if action == "health":
        return _response(200, {"table": settings().table_name, "boto3": boto3.__version__})
    try:
        item = Item(id=event.get("id", ""), body=event.get("body") or {})
    except ValidationError as e:
        return _response(400, {"error": e.errors()})
    if not item.id:
        return _response(400, {"error": "id is required"})
    if action == "put":
        table().put_item(Item={"id": item.id, **item.body})
        return _response(201, {"id": item.id})
    found = table().get_item(Key={"id": item.id}).get("Item")
    return _response(200, found) if found else _response(404, {"id": item.id})
