"""Fetches every URL of an SQS batch (or a direct {"urls": [...]} event) and reports status codes."""

from common import json_response
from pydantic import BaseModel, HttpUrl

from my_worker.clients import http_client
from my_worker.settings import Settings


class Job(BaseModel):
    urls: list[HttpUrl]


def _jobs(event):
    if "Records" in event:
        return [Job.model_validate_json(r["body"]) for r in event["Records"]]
    return [Job.model_validate(event)]


def handler(event, context):
    settings = Settings()
    results = []
    with http_client(settings) as client:
        for job in _jobs(event):
            for url in job.urls:
                response = client.get(str(url))
                results.append({"url": str(url), "status": response.status_code, "bytes": len(response.content)})
    return json_response(200, results)
