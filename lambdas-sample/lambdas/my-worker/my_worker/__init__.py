"""Worker that fetches URLs named in queue messages."""
