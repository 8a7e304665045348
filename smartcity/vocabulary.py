"""The programme's shared words: the seven smart-city domains and the MOU's focus areas.

Both `mou` and `applications` import them from here, so one list serves agreements, proposals,
filters and statistics.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Domain(models.TextChoices):
    """The seven smart-city domains of the Thailand Smart City programme."""

    ENVIRONMENT = "environment", _("Smart Environment")
    ECONOMY = "economy", _("Smart Economy")
    MOBILITY = "mobility", _("Smart Mobility")
    ENERGY = "energy", _("Smart Energy")
    PEOPLE = "people", _("Smart People")
    LIVING = "living", _("Smart Living")
    GOVERNANCE = "governance", _("Smart Governance")


class FocusArea(models.TextChoices):
    """The focus areas named by the 2020 DLA-depa MOU."""

    TRAFFIC_SAFETY = "traffic_safety", _("Traffic and safety")
    QUALITY_OF_LIFE = "quality_of_life", _("Quality of life")
    PUBLIC_HEALTH = "public_health", _("Public health")
    INFRASTRUCTURE = "infrastructure", _("Infrastructure")
    UTILITIES = "utilities", _("Utilities")
    CITIZEN_PARTICIPATION = "citizen_participation", _("Citizen participation")
    CITY_DATA = "city_data", _("Data management for city planning")
    LOCAL_ECONOMY = "local_economy", _("Jobs and local economy")
