"""Browser policies sent with every answer: Content-Security-Policy (django-csp) and
Permissions-Policy.

Scripts and styles come only from our own static files: no inline `<script>`, `<style>` or
`style=""` anywhere (templates use classes in static/css), so the policy needs no
'unsafe-inline'. The one other origin is the map tile server MAP_TILE_URL names, if any.
Third-party pages we cannot change get a named allowance by hash on their route only.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_HASHES
from django.conf import settings
from django.http import HttpRequest, HttpResponse


def content_security_policy(*, map_tile_url: str) -> dict[str, object]:
    """The CONTENT_SECURITY_POLICY setting of django-csp for this deployment."""
    images = [SELF, "data:"]  # data: for Bootstrap's and Leaflet's inline SVG icons in CSS
    if map_tile_url:
        parts = urlsplit(map_tile_url.replace("{s}", "*"))  # {s}: the tile server's subdomains
        images.append(f"{parts.scheme}://{parts.netloc}")
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF],
            "style-src": [SELF],
            "img-src": images,
            "font-src": [SELF],
            "connect-src": [SELF],
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": [SELF],
            "frame-ancestors": [NONE],
        }
    }


# django-import-export's export page carries two style attributes and one onchange handler:
# allowed on that page alone by their hashes (CSP 3 'unsafe-hashes'), not by 'unsafe-inline'.
IMPORT_EXPORT_PAGE_ALLOWANCES = {
    "script-src": [UNSAFE_HASHES, "'sha256-wid4zL8fR53ZYy1ljOepzR77Dn6vWUUxuNnnWWBP3I8='"],
    "style-src": [
        UNSAFE_HASHES,
        "'sha256-mHgUAqxc8GPXM/QhzkHrHujcrQTU9fd6ZjWz+icxKcA='",  # padding: 0;
        "'sha256-+YWRMZ88jMyO7jVlBA52tZADiPobPIUA8LAWee68Fvs='",  # font-weight: bold;
    ],
}


def permissions_policy_middleware(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Set settings.PERMISSIONS_POLICY on every answer: no camera, microphone, location..."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    return middleware
