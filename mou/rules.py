"""Who may do what with MOU records.

"Staff" for visibility (internal MOUs and documents, drafts) means: Django staff users
(`is_staff`), superusers, and holders of the programme-administrator or reviewer role —
the DLA/depa people who work with the agreements. Everyone else, signed in or not, sees
public MOUs that are no longer drafts and their public documents.

Managing MOUs (Django admin, API writes) is for programme administrators and superusers only:
a staff user without that role gets no MOU admin.
"""

from __future__ import annotations

import rules

from mou.models import MOU, MOUDocument, Status, Visibility
from smartcity.accounts.models import Viewer
from smartcity.accounts.rules import is_programme_admin, is_reviewer

# the role predicates of accounts count superusers as holders of every role
is_mou_staff = rules.is_staff | is_programme_admin | is_reviewer


@rules.predicate
def is_visible_mou(user: Viewer, mou: MOU | None) -> bool:
    if mou is None:
        return False
    if is_mou_staff(user):
        return True
    return mou.visibility == Visibility.PUBLIC and mou.status != Status.DRAFT


@rules.predicate
def is_downloadable_document(user: Viewer, document: MOUDocument | None) -> bool:
    if document is None or not is_visible_mou(user, document.mou):
        return False
    return document.visibility == Visibility.PUBLIC or bool(is_mou_staff(user))


rules.add_perm("mou.view_mou_page", is_visible_mou)
rules.add_perm("mou.download_moudocument", is_downloadable_document)

# Django admin and API writes: every model of the app, for programme administrators.
for model in ("mou", "mouparty", "mouperson", "moumunicipality", "moudocument"):
    for action in ("view", "add", "change", "delete"):
        rules.add_perm(f"mou.{action}_{model}", is_programme_admin)

# The admin's organisation autocomplete (parties, people, municipalities) needs view access
# to the registry; the registry app may grant it itself, in which case its rule stands.
if not rules.perm_exists("municipalities.view_organisation"):
    rules.add_perm("municipalities.view_organisation", is_programme_admin)
