from __future__ import annotations

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_stubs_ext import StrOrPromise
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from smartcity import views
from smartcity.api import router

api_urlpatterns: list[URLPattern | URLResolver] = [
    path("", include(router.urls)),
    path("", include("smartcity.accounts.api")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",  # the split view loads its start script as a file: no inline script (CSP)
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/swagger_ui.html"
        ),
        name="docs",
    ),
]


def site_page(name: str, title: StrOrPromise) -> URLPattern:
    """A static page of the Government Website Standard (policies, contact, site map)."""
    view = TemplateView.as_view(
        template_name=f"pages/{name.replace('-', '_')}.html", extra_context={"title": title}
    )
    return path(f"{name}/", view, name=name)


site_pages = [
    site_page("contact", _("Contact us")),
    site_page("website-policy", _("Website policy")),
    site_page("privacy", _("Privacy notice")),
    site_page("security", _("Website security policy")),
    site_page("accessibility", _("Accessibility statement")),
    site_page("sitemap", _("Site map")),
]

urlpatterns = [
    path("favicon.ico", views.favicon, name="favicon"),
    path("livez", views.livez, name="livez"),
    path("healthz", views.healthz, name="healthz"),
    path("api/v1/", include((api_urlpatterns, "api"))),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("accounts/", include("smartcity.accounts.urls")),
    path("files/", include("smartcity.files.urls")),
    path("municipalities/", include("municipalities.urls")),
    path("mous/", include("mou.urls")),
    path("", include("applications.queue.urls")),
    path("", include("applications.decisions.urls")),
    path("", include("applications.reviews.urls")),
    path("", include("applications.urls")),
    path("notifications/", include("smartcity.notifications.urls")),
    path("about/", include((site_pages, "pages"))),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

if settings.BENCH:  # the benchmark's baselines (smartcity/bench.py), never mounted otherwise
    urlpatterns.append(path("bench/", include(("smartcity.bench", "bench"))))

# error pages on the site's layout in the request's language; JSON in the API's shape under /api/
handler400 = "smartcity.views.bad_request"
handler403 = "smartcity.views.permission_denied"
handler404 = "smartcity.views.page_not_found"
handler500 = "smartcity.views.server_error"
