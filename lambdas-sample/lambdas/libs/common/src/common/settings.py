"""Settings every function reads from its Lambda environment."""

from pydantic_settings import BaseSettings, SettingsConfigDict


class FunctionSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", case_sensitive=False)

    log_level: str = "INFO"
    aws_region: str = "us-east-1"
