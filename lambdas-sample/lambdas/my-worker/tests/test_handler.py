from my_worker.handler import Job


def test_job_validates_urls():
    assert str(Job(urls=["https://example.com"]).urls[0]) == "https://example.com/"
