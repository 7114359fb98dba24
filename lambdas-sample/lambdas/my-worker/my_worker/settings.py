from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    request_timeout_seconds: float = 10.0
    user_agent: str = "my-worker/1.0"
