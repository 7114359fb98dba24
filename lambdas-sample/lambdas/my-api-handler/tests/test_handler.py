import json
import os

os.environ.setdefault("TABLE_NAME", "test-table")

import handler  # noqa: E402


def test_health_reports_the_configured_table():
    result = handler.handler({"action": "health"}, None)
    assert result["statusCode"] == 200
    assert json.loads(result["body"])["table"] == "test-table"


def test_missing_id_is_a_bad_request():
    assert handler.handler({"action": "get"}, None)["statusCode"] == 400
