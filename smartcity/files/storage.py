"""Where private files live: the `private` entry of STORAGES, chosen by PRIVATE_STORAGE_URL.

Kept free of Django imports so settings.py can call it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit


def private_storage_config(url: str, *, default_root: Path) -> dict[str, Any]:
    """STORAGES entry for PRIVATE_STORAGE_URL: empty or file:///path → disk; s3://bucket/… → S3.

    S3 options come from the query string (region_name, endpoint_url) and credentials from the
    usual AWS environment variables, so no secret sits in the URL.
    """
    parts = urlsplit(url)
    if parts.scheme in ("", "file"):
        location = Path(parts.path) if parts.path else default_root
        return {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": location, "base_url": None},
        }
    if parts.scheme == "s3":
        options = {
            "bucket_name": parts.netloc,
            "location": parts.path.strip("/"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
            **dict(parse_qsl(parts.query)),
        }
        return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
    raise ValueError(f"PRIVATE_STORAGE_URL must be file:///path or s3://bucket/prefix, not {url!r}")
