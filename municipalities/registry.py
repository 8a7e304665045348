"""Reading the DLA registry CSV (laos.csv's format) and naming organisations in English."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

import geothai

from municipalities.models import LOCAL_KINDS, OrganisationKind
from municipalities.thai import romanize_rtgs

DATA_DIR = Path(__file__).resolve().parent / "data"
LAOS_CSV = DATA_DIR / "laos.csv"
REGIONS_CSV = DATA_DIR / "regions.csv"
PILOTS_CSV = DATA_DIR / "pilot_municipalities.csv"

# laos.csv's header, exactly: a file with other columns is refused before any row is read
REGISTRY_HEADER = (
    "dla_code",
    "name_th",
    "short_name_th",
    "lao_type_th",
    "lao_type",
    "province_code",
    "province_name_th",
    "province_name_en",
    "district_code",
    "district_name_th",
    "region",
    "lat",
    "lon",
    "area_km2",
)

# English title of each kind, appended to a romanised name ("Yala City Municipality")
KIND_TITLES_EN: dict[str, str] = {
    OrganisationKind.PROVINCIAL_ADMIN_ORG: "Provincial Administrative Organisation",
    OrganisationKind.CITY_MUNICIPALITY: "City Municipality",
    OrganisationKind.TOWN_MUNICIPALITY: "Town Municipality",
    OrganisationKind.SUBDISTRICT_MUNICIPALITY: "Subdistrict Municipality",
    OrganisationKind.SUBDISTRICT_ADMIN_ORG: "Subdistrict Administrative Organisation",
    OrganisationKind.SPECIAL_ADMIN_AREA: "City",
}
# the one special local administration: its English name is settled, no romanisation needed
SETTLED_ENGLISH_NAMES = {"เมืองพัทยา": "Pattaya City"}
_RE_DLA_CODE = re.compile(r"^\d{7}$")
_SIX_PLACES = Decimal("0.000001")
_TWO_PLACES = Decimal("0.01")
# Thailand's bounding box, generously: a pin outside it is a data error, not a place
_LAT_RANGE = (Decimal(5), Decimal(21))
_LON_RANGE = (Decimal(97), Decimal(106))


class RegistryFormatError(ValueError):
    """The file is not in laos.csv's format (its header differs)."""


@dataclass(frozen=True)
class RegistryRow:
    """One valid line of the registry, ready to be upserted."""

    line: int
    dla_code: str
    kind: str
    name_th: str
    short_name_th: str
    province_code: str
    district_code: str
    latitude: Decimal | None
    longitude: Decimal | None
    area_km2: Decimal | None


@dataclass(frozen=True)
class Rejection:
    line: int
    dla_code: str
    reason: str


@dataclass
class RegistryFile:
    rows: list[RegistryRow] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


def _decimal(text: str, places: Decimal) -> Decimal | None:
    text = text.strip()
    if not text:
        return None
    value = Decimal(text)  # raises InvalidOperation
    if not value.is_finite():
        raise InvalidOperation(text)
    return value.quantize(places)


def registry_read(
    lines: Iterable[str], *, province_codes: set[str], district_provinces: dict[str, str]
) -> RegistryFile:
    """Parse and check a registry CSV; valid rows and one rejection (with reason) per bad line.

    `district_provinces` maps each known district code to its province code.
    Raises RegistryFormatError when the header is not laos.csv's.
    """
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None or tuple(h.strip().lstrip("\ufeff") for h in header) != REGISTRY_HEADER:
        raise RegistryFormatError(
            f"expected the header {','.join(REGISTRY_HEADER)}; got {','.join(header or [])}"
        )
    result = RegistryFile()
    seen: dict[str, RegistryRow] = {}
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        code = values[0].strip() if values else ""
        if len(values) != len(REGISTRY_HEADER):
            reason = f"{len(values)} columns instead of {len(REGISTRY_HEADER)}"
            result.rejected.append(Rejection(line, code, reason))
            continue
        raw = {key: value.strip() for key, value in zip(REGISTRY_HEADER, values, strict=True)}
        row, reason = _check(raw, line, province_codes, district_provinces)
        if row is not None and row.dla_code in seen:
            first = seen[row.dla_code]
            reason = (
                f"duplicate DLA code {row.dla_code} (line {first.line}"
                + (f" names it {first.name_th}" if first.name_th != row.name_th else "")
                + ")"
            )
            row = None
        if row is None:
            result.rejected.append(Rejection(line, code, reason))
            continue
        seen[row.dla_code] = row
        result.rows.append(row)
    return result


def _check(
    raw: dict[str, str], line: int, province_codes: set[str], district_provinces: dict[str, str]
) -> tuple[RegistryRow | None, str]:
    """The row, or None and why it is refused."""
    code, kind = raw["dla_code"], raw["lao_type"]
    if not _RE_DLA_CODE.match(code):
        return None, f"bad DLA code {code!r}: 7 digits expected"
    if kind not in LOCAL_KINDS:
        return None, f"unknown kind {kind!r}"
    if not raw["name_th"]:
        return None, "no Thai name"
    if raw["province_code"] not in province_codes:
        return None, f"unknown province {raw['province_code']!r}"
    district = raw["district_code"]
    if district and district_provinces.get(district) != raw["province_code"]:
        return None, f"unknown district {district!r} in province {raw['province_code']}"
    if not district and kind != OrganisationKind.PROVINCIAL_ADMIN_ORG:
        return None, "no district code"
    try:
        lat = _decimal(raw["lat"], _SIX_PLACES)
        lon = _decimal(raw["lon"], _SIX_PLACES)
        area = _decimal(raw["area_km2"], _TWO_PLACES)
    except InvalidOperation:
        return None, "lat, lon or area_km2 is not a number"
    # a half pin, or one outside Thailand, is no pin (the source has a few such values)
    in_thailand = (
        lat is not None
        and lon is not None
        and _LAT_RANGE[0] <= lat <= _LAT_RANGE[1]
        and _LON_RANGE[0] <= lon <= _LON_RANGE[1]
    )
    if not in_thailand:
        lat = lon = None
    if area is not None and (area < 0 or area >= Decimal("1e10")):
        area = None
    return RegistryRow(
        line=line,
        dla_code=code,
        kind=kind,
        name_th=raw["name_th"],
        short_name_th=raw["short_name_th"],
        province_code=raw["province_code"],
        district_code=district,
        latitude=lat,
        longitude=lon,
        area_km2=area,
    ), ""


@cache
def _geothai_english_names() -> tuple[dict, dict, dict]:
    """Official RTGS spellings from geothai: by (district, Thai name), (province, name), name."""
    subdistricts: dict[tuple[str, str], str] = {}
    districts: dict[tuple[str, str], str] = {}
    provinces: dict[str, str] = {}
    for province in geothai.provinces():
        provinces[province.name_th] = province.name_en
        for district in geothai.districts(province.code):
            districts[(province.code, district.name_th)] = district.name_en
            for subdistrict in geothai.subdistricts(district.code):
                subdistricts.setdefault((district.code, subdistrict.name_th), subdistrict.name_en)
    return subdistricts, districts, provinces


def romanised_name(*, short_name_th: str, kind: str, province_code: str, district_code: str) -> str:
    """A machine-made English name: the place's RTGS spelling plus the English kind."""
    if short_name_th in SETTLED_ENGLISH_NAMES:
        return SETTLED_ENGLISH_NAMES[short_name_th]
    subdistricts, districts, provinces = _geothai_english_names()
    place = short_name_th.removeprefix("เมือง") if kind == "special_admin_area" else short_name_th
    english = (
        subdistricts.get((district_code, place))
        or districts.get((province_code, place))
        or provinces.get(place)
        or romanize_rtgs(place)
    )
    return f"{english} {KIND_TITLES_EN.get(kind, '')}".strip()


def regions_read() -> Iterator[dict[str, str]]:
    """The rows of regions.csv: one per province, with its region."""
    with REGIONS_CSV.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def pilots_read() -> list[dict[str, str]]:
    """The rows of pilot_municipalities.csv: the 12 pilots of the 2020 MOU."""
    with PILOTS_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
