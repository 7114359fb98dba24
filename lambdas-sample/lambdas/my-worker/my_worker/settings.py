from common import FunctionSettings


class Settings(FunctionSettings):
    request_timeout_seconds: float = 10.0
    user_agent: str = "my-worker/1.0"
