"""Cells of every CSV and Excel file the portal writes, safe to open in a spreadsheet.

A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel and
LibreOffice (formula injection: `=HYPERLINK("http://…"&A1)` in an organisation name). Each such
text gets a leading apostrophe, which spreadsheets show as plain text (OWASP's advice). Every
writer goes through `spreadsheet_cell`: `csv_bytes` and `xlsx_bytes` for hand-made files,
`download` to send either, `SpreadsheetSafeExport`
for django-import-export resources, whose admin pages take `ImportExportAdmin`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from csp.decorators import csp_update
from django.http import HttpRequest, HttpResponse
from django.utils.decorators import method_decorator
from import_export.admin import ImportExportModelAdmin

from smartcity.security import IMPORT_EXPORT_PAGE_ALLOWANCES

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """The value, with text a spreadsheet would run as a formula turned into plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def csv_bytes(rows: Iterable[Iterable[object]]) -> bytes:
    """Rows as CSV in UTF-8 with a BOM (so Excel shows Thai), every cell made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows([spreadsheet_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(rows: Iterable[Iterable[object]], *, title: str = "Sheet1") -> bytes:
    """Rows as an Excel workbook of one sheet (the first row bold: the headings), every cell
    made safe."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    bold = Font(bold=True)
    for number, row in enumerate(rows):
        cells = [spreadsheet_cell(cell) for cell in row]
        if number == 0:
            cells = [_bold_cell(sheet, cell, bold) for cell in cells]
        sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _bold_cell(sheet: Any, value: object, font: Any) -> Any:  # noqa: ANN401 - openpyxl types
    """A heading cell: its text (a lazy translation made text) in bold."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=str(value))
    cell.font = font
    return cell


SPREADSHEET_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def download(rows: Iterable[Iterable[object]], *, kind: str, filename: str) -> HttpResponse:
    """The rows as a CSV (kind "csv") or Excel ("xlsx") attachment named filename.<kind>."""
    content = csv_bytes(rows) if kind == "csv" else xlsx_bytes(rows, title=filename)
    response = HttpResponse(content, content_type=SPREADSHEET_TYPES[kind])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{kind}"'
    response["Cache-Control"] = "private, no-store"
    return response


if TYPE_CHECKING:  # the mixin goes before a django-import-export resource in the bases
    from import_export.resources import ModelResource as _ResourceBase
else:
    _ResourceBase = object


class SpreadsheetSafeExport(_ResourceBase):
    """Mixin for django-import-export resources: every exported cell made safe, in any format."""

    def export_resource(self, *args: Any, **kwargs: Any) -> list[object]:  # noqa: ANN401
        return [spreadsheet_cell(cell) for cell in super().export_resource(*args, **kwargs)]


class ImportExportAdmin(ImportExportModelAdmin):
    """django-import-export's admin, its export page allowed under the CSP (smartcity/security)."""

    @method_decorator(csp_update(IMPORT_EXPORT_PAGE_ALLOWANCES))
    def export_action(self, request: HttpRequest) -> HttpResponse:
        response: HttpResponse = super().export_action(request)
        return response
