"""Configuration of the API handler, read from the Lambda environment."""

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", case_sensitive=False)

    table_name: str
    log_level: str = "INFO"
    aws_region: str = "us-east-1"
