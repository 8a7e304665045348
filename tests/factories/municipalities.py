"""Organisations for tests: made-up ones (factory) or real laos.csv rows (through the importer)."""

from __future__ import annotations

from collections.abc import Iterable

import factory
from factory.django import DjangoModelFactory

from municipalities.models import Organisation, OrganisationKind, Province
from municipalities.registry import LAOS_CSV
from municipalities.services import organisation_sort_key, pilots_mark, registry_import

PILOT_CODES = (
    "3950102",
    "3570102",
    "4550102",
    "4860102",
    "3840401",
    "3901101",
    "3840102",
    "3600102",
    "3500102",
    "4910102",
    "4200103",
    "5210204",
)


class OrganisationFactory(DjangoModelFactory):
    """A made-up subdistrict administrative organisation in Chiang Mai (codes start with 9)."""

    class Meta:
        model = Organisation

    dla_code = factory.Sequence(lambda n: f"9{n:06d}")
    kind = OrganisationKind.SUBDISTRICT_ADMIN_ORG
    short_name_th = factory.Sequence(lambda n: f"ทดสอบ{n}")
    name_th = factory.LazyAttribute(lambda o: f"องค์การบริหารส่วนตำบล{o.short_name_th}")
    name_en = factory.Sequence(lambda n: f"Thotsop {n} Subdistrict Administrative Organisation")
    province = factory.LazyFunction(lambda: Province.objects.get(code="50"))
    sort_key = factory.LazyAttribute(
        lambda o: organisation_sort_key(name_th=o.name_th, short_name_th=o.short_name_th)
    )


def registry_lines(codes: Iterable[str] | None = None) -> list[str]:
    """laos.csv's header and the lines of the given DLA codes (all lines when None)."""
    wanted = None if codes is None else set(codes)
    with LAOS_CSV.open(encoding="utf-8", newline="") as handle:
        header, *rows = handle.readlines()
    return [header, *(r for r in rows if wanted is None or r.split(",", 1)[0] in wanted)]


def registry_load(codes: Iterable[str] | None = None) -> list[Organisation]:
    """Import real registry rows (by DLA code, or all) and mark the pilots among them."""
    lines = registry_lines(codes)
    registry_import(lines=lines)
    pilots_mark()
    loaded = [line.split(",", 1)[0] for line in lines[1:]]
    return list(Organisation.objects.filter(dla_code__in=loaded).order_by("sort_key"))
