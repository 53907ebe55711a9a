"""CSV files that a spreadsheet program opens as data, never as formulas.

A cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return before one)
is a formula to Excel and LibreOffice: an initiative titled ``=cmd|' /C calc'!A0`` would run a
program on the computer of whoever opens the export ("CSV injection"). Every CSV the project
writes — its own exports and Wagtail's list exports (form submissions, reports, the snapshot
access log) — goes through :class:`SafeWriter`, which puts an apostrophe before such a text, as
OWASP recommends; the spreadsheet shows the text as it was typed.

Numbers are left alone, so a count or a negative figure stays a number.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from typing import Any

#: What makes a spreadsheet program read a cell as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: Any) -> Any:
    """``value``, with an apostrophe in front if it is a text a spreadsheet would evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """``csv.writer`` whose every text cell is neutralised (see the module's docstring)."""

    def __init__(self, stream: Any, **options: Any) -> None:
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([neutralise_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class SafeDictWriter(csv.DictWriter):
    """``csv.DictWriter`` whose every text cell is neutralised."""

    def writerow(self, rowdict: Mapping[str, Any]) -> Any:
        return super().writerow({key: neutralise_cell(value) for key, value in rowdict.items()})


def protect_wagtail_exports() -> None:
    """Make Wagtail's CSV exports (``SpreadsheetExportMixin``) write through
    :class:`SafeDictWriter`.

    Wagtail already stores such texts as strings in its XLSX exports, but writes them to CSV
    as they are. Its ``stream_csv`` builds a plain ``csv.DictWriter``; this replaces that one
    method, keeping the rest (headings, per-field preprocessing, streaming) Wagtail's own.
    """
    from wagtail.admin.views.mixins import Echo, SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin.stream_csv, "neutralises_formulas", False):
        return

    def stream_csv(self, queryset):
        writer = SafeDictWriter(Echo(), fieldnames=self.list_export)
        yield writer.writerow(
            {field: self.get_heading(queryset, field) for field in self.list_export}
        )
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    stream_csv.neutralises_formulas = True
    stream_csv.__doc__ = SpreadsheetExportMixin.stream_csv.__doc__
    SpreadsheetExportMixin.stream_csv = stream_csv
