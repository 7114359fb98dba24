"""Code both sample functions share: their settings base class and JSON responses."""

from common.responses import json_response
from common.settings import FunctionSettings

__all__ = ["FunctionSettings", "json_response"]
