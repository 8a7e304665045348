"""The admin site's names; each app registers its own models in its admin.py."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Smart City Portal administration")
admin.site.site_title = _("Smart City Portal administration")
admin.site.index_title = _("Programme records")
# Off: at 1366 px its 300 px squeezed every changelist; the breadcrumbs and the index navigate.
admin.site.enable_nav_sidebar = False
