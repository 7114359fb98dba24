import httpx

from my_worker.settings import Settings


def http_client(settings: Settings) -> httpx.Client:
    return httpx.Client(timeout=settings.request_timeout_seconds, headers={"user-agent": settings.user_agent})
