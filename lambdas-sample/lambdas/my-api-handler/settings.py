"""Configuration of the API handler, read from the Lambda environment."""

from common import FunctionSettings


class Settings(FunctionSettings):
    table_name: str
