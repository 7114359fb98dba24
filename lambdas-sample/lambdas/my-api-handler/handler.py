"""API handler: reads and writes items of one DynamoDB table.

Events look like {"action": "get" | "put" | "health", "id": "...", "body": {...}}.
"""

import logging
from functools import lru_cache

import boto3
from common import json_response
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


def handler(event, context):
    logger.setLevel(settings().log_level)
    action = event.get("action", "get")
    if action == "health":
        return json_response(200, {"table": settings().table_name, "boto3": boto3.__version__})
    try:
        item = Item(id=event.get("id", ""), body=event.get("body") or {})
    except ValidationError as e:
        return json_response(400, {"error": e.errors()})
    if not item.id:
        return json_response(400, {"error": "id is required"})
    if action == "put":
        table().put_item(Item={"id": item.id, **item.body})
        return json_response(201, {"id": item.id})
    found = table().get_item(Key={"id": item.id}).get("Item")
    return json_response(200, found) if found else json_response(404, {"id": item.id})
