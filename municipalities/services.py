"""Every write to the registry: geography sync, the DLA registry import, pilot marking, an
organisation proposed at sign-up and its verification."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import geothai
from django.db import transaction
from django.utils import timezone

from municipalities.models import District, Organisation, OrganisationSource, Province, Region
from municipalities.registry import (
    Rejection,
    pilots_read,
    regions_read,
    registry_read,
    romanised_name,
)
from municipalities.thai import thai_sort_key
from smartcity.counts import count_scope_changed

REGION_ORDER = ("north", "northeast", "central", "east", "west", "south")
# fields the registry file owns; the rest (website, population, verified...) belong to admins
_REGISTRY_FIELDS = (
    "kind",
    "name_th",
    "short_name_th",
    "name_en",
    "is_name_en_machine_made",
    "province_id",
    "district_id",
    "latitude",
    "longitude",
    "area_km2",
    "sort_key",
)


@dataclass
class ImportReport:
    """What one run of the registry import did."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The summary then one line per rejected row, for a terminal."""
        summary = (
            f"organisations: {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {len(self.rejected)} rejected"
        )
        return [summary] + [
            f"  line {r.line} ({r.dla_code or 'no code'}): {r.reason}" for r in self.rejected
        ]


def organisation_sort_key(*, name_th: str, short_name_th: str) -> str:
    """Thai dictionary order on the short name, then the full name."""
    return f"{thai_sort_key(short_name_th or name_th)}\x02{thai_sort_key(name_th)}"


Geography = TypeVar("Geography", Region, Province, District)


def _sync(
    model: type[Geography],
    wanted: dict[str, dict[str, object]],
    fields: tuple[str, ...],
) -> tuple[int, int]:
    """Create missing rows and update differing ones of a code-keyed table; never delete."""
    existing = {row.code: row for row in model.objects.all()}
    to_create, to_update = [], []
    for code, values in wanted.items():
        row = existing.get(code)
        if row is None:
            to_create.append(model(code=code, **values))
        elif any(getattr(row, name) != values[name] for name in fields):
            for name in fields:
                setattr(row, name, values[name])
            to_update.append(row)
    model.objects.bulk_create(to_create)
    if to_update:
        model.objects.bulk_update(to_update, list(fields))
    return len(to_create), len(to_update)


def _place(place: Any, **parent: int) -> dict[str, object]:  # noqa: ANN401 - geothai's rows
    """A province's or district's columns as geothai names it, with its parent's id."""
    return {
        "name_th": place.name_th,
        "name_en": place.name_en,
        "sort_key": thai_sort_key(place.name_th),
        **parent,
    }


@transaction.atomic
def geography_sync() -> list[str]:
    """Upsert the 6 regions (regions.csv), 77 provinces and 928 districts (geothai)."""
    region_rows = list(regions_read())
    regions: dict[str, dict[str, object]] = {}
    for row in region_rows:
        regions.setdefault(
            row["region"],
            {
                "name_th": row["region_name_th"],
                "name_en": row["region_name_en"],
                "position": REGION_ORDER.index(row["region"])
                if row["region"] in REGION_ORDER
                else len(REGION_ORDER),
            },
        )
    report = [_sync(Region, regions, ("name_th", "name_en", "position"))]
    region_ids = dict(Region.objects.values_list("code", "pk"))
    region_of = {row["province_code"]: region_ids[row["region"]] for row in region_rows}
    provinces = {p.code: _place(p, region_id=region_of[p.code]) for p in geothai.provinces()}
    report.append(_sync(Province, provinces, ("name_th", "name_en", "region_id", "sort_key")))
    province_ids = dict(Province.objects.values_list("code", "pk"))
    districts = {
        d.code: _place(d, province_id=province_ids[d.province_code])
        for p in geothai.provinces()
        for d in geothai.districts(p.code)
    }
    report.append(_sync(District, districts, ("name_th", "name_en", "province_id", "sort_key")))
    return [
        f"{name}: {created} created, {updated} updated"
        for name, (created, updated) in zip(
            ("regions", "provinces", "districts"), report, strict=True
        )
    ]


@transaction.atomic
def registry_import(*, lines: Iterable[str]) -> ImportReport:
    """Upsert organisations from a DLA registry CSV by DLA code; a rerun changes nothing.

    Never deletes. Rows of verified organisations are left as administrators set them, and a
    human-given English name is never replaced by a romanisation.
    Raises RegistryFormatError when the header is not laos.csv's.
    """
    provinces = dict(Province.objects.values_list("code", "pk"))
    districts = {
        code: (pk, province)
        for code, pk, province in District.objects.values_list("code", "pk", "province__code")
    }
    parsed = registry_read(
        lines,
        province_codes=set(provinces),
        district_provinces={code: province for code, (_, province) in districts.items()},
    )
    report = ImportReport(rejected=parsed.rejected)
    codes = [row.dla_code for row in parsed.rows]
    existing = {org.dla_code: org for org in Organisation.objects.filter(dla_code__in=codes)}
    now = timezone.now()
    to_create, to_update = [], []
    for row in parsed.rows:
        org = existing.get(row.dla_code)
        if org is not None and org.is_verified:
            report.unchanged += 1
            continue
        values = {
            "kind": row.kind,
            "name_th": row.name_th,
            "short_name_th": row.short_name_th,
            "province_id": provinces[row.province_code],
            "district_id": districts[row.district_code][0] if row.district_code else None,
            "latitude": row.latitude,
            "longitude": row.longitude,
            "area_km2": row.area_km2,
            "sort_key": organisation_sort_key(name_th=row.name_th, short_name_th=row.short_name_th),
        }
        if org is None or org.is_name_en_machine_made or not org.name_en:
            values["name_en"] = romanised_name(
                short_name_th=row.short_name_th or row.name_th,
                kind=row.kind,
                province_code=row.province_code,
                district_code=row.district_code,
            )
            values["is_name_en_machine_made"] = True
        if org is None:
            to_create.append(
                Organisation(dla_code=row.dla_code, source=OrganisationSource.REGISTRY, **values)
            )
        elif any(getattr(org, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(org, name, value)
            org.updated_at = now
            to_update.append(org)
        else:
            report.unchanged += 1
    Organisation.objects.bulk_create(to_create, batch_size=1000)
    Organisation.objects.bulk_update(to_update, [*_REGISTRY_FIELDS, "updated_at"], batch_size=1000)
    if to_create or to_update:  # bulk writes send no post_save: the cached list counts learn here
        count_scope_changed("organisations")
    report.created, report.updated = len(to_create), len(to_update)
    return report


@transaction.atomic
def pilots_mark() -> list[str]:
    """Mark the 12 pilots of the 2020 MOU by DLA code and give them their English names."""
    pilots = {row["dla_code"]: row for row in pilots_read()}
    changed = 0
    for org in Organisation.objects.filter(dla_code__in=pilots):
        name_en = pilots[str(org.dla_code)]["name_en"]  # the filter found it by its code
        if org.is_pilot and org.name_en == name_en and not org.is_name_en_machine_made:
            continue
        org.is_pilot, org.name_en, org.is_name_en_machine_made = True, name_en, False
        org.save(update_fields=["is_pilot", "name_en", "is_name_en_machine_made", "updated_at"])
        changed += 1
    found = set(Organisation.objects.filter(dla_code__in=pilots).values_list("dla_code", flat=True))
    missing = sorted(set(pilots) - found)
    line = f"pilots: {len(pilots) - len(missing)} of {len(pilots)} present, {changed} marked now"
    return [line] + [f"  pilot {code} is not in the registry" for code in missing]


def organisation_save(*, organisation: Organisation) -> Organisation:
    """Save an organisation an administrator added or changed, keeping its Thai sort key."""
    organisation.sort_key = organisation_sort_key(
        name_th=organisation.name_th, short_name_th=organisation.short_name_th
    )
    organisation.save()
    return organisation


@transaction.atomic
def organisation_propose(
    *, kind: str, name_th: str, name_en: str, province: Province | None
) -> Organisation:
    """Register an organisation missing from the registry as someone signing up proposed it:
    unverified (organisation_verify, once its proposer's membership is approved), names with
    their white space folded, its Thai sort key kept. The proposer checks for duplicates."""
    proposed = Organisation(
        kind=kind,
        name_th=" ".join(name_th.split()),
        name_en=" ".join(name_en.split()),
        province=province,
        is_verified=False,
        source=OrganisationSource.SIGNUP,
    )
    return organisation_save(organisation=proposed)


@transaction.atomic
def organisation_verify(*, organisation: Organisation) -> Organisation:
    """Mark a proposed organisation verified (a programme decision vouches for it); rerunnable."""
    if not organisation.is_verified:
        organisation.is_verified = True
        organisation.save(update_fields=["is_verified", "updated_at"])
    return organisation
