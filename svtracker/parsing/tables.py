"""Tables of an answer, recognised in the lines of words and numbers a PDF flattens them into.

Seed 001:
    2022 2023 totaal
    rechthebbend 3.091 5.025 8.116
    verplicht 6.657 8.806 15.463
    Totaal 9.748 13.831 23.579
is a header row and three rows with a label and three numbers. Numbers are read the Dutch way: a dot
groups thousands ("1.091" is 1091), a comma is the decimal sign ("12,5"), "44%" is 44 with unit "%".
A table is at least two such rows in a row with the same number of cells.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .types import ParsedTable, TableCell, TableRow

NUMBER_CELL = re.compile(
    r"^(?P<prefix>[<>≤≥±~]|€)?(?P<number>[-+]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?)(?P<unit>%|‰|€)?$"
)
# Words that join the next word in a heading: "niet ingeschreven", "per jaar", "aantal dossiers".
JOINING_WORDS = {
    "niet",
    "nog",
    "geen",
    "per",
    "van",
    "de",
    "het",
    "met",
    "zonder",
    "in",
    "op",
    "aantal",
    "tot",
}
MAX_COLUMNS = 30


def read_number(token: str) -> TableCell | None:
    """A cell when `token` is a Dutch number: "1.091" -> 1091, "44%" -> 44 "%", "12,5" -> 12.5."""
    match = NUMBER_CELL.match(token)
    if match is None:
        return None
    digits = match.group("number").replace(".", "").replace(",", ".")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    unit = match.group("unit") or ("€" if match.group("prefix") == "€" else "")
    return TableCell(text=token, value=value, unit=unit)


@lru_cache(maxsize=4096)
def _cells(line: str) -> tuple[str, list[TableCell]] | None:
    """(row label, cells) when the line ends in at least two numbers, else None."""
    line = line.rstrip()
    if not line or not (line[-1].isdigit() or line[-1] in "%‰€"):
        return None  # most lines: a sentence, not a row
    tokens = line.split()
    if len(tokens) > MAX_COLUMNS + 8:
        return None
    cells: list[TableCell] = []
    while tokens:
        if tokens[-1] == "%" and len(tokens) > 1 and read_number(tokens[-2]):  # "44 %"
            number = read_number(tokens[-2])
            cells.insert(0, TableCell(f"{tokens[-2]} %", number.value, "%"))
            del tokens[-2:]
            continue
        cell = read_number(tokens[-1])
        if cell is None:
            break
        cells.insert(0, cell)
        tokens.pop()
    label = " ".join(tokens)
    if len(cells) < 2 or label.endswith((".", ":", "?")) or len(label) > 80:
        return None
    return label, cells


def _years_only(line: str) -> bool:
    """ "2022 2023": a heading of years, not a row of numbers."""
    row = _cells(line)
    return (
        row is not None
        and not row[0]
        and all(not cell.unit and cell.text.isdigit() and 1900 <= int(cell.text) <= 2100 for cell in row[1])
    )


def is_table_row(line: str) -> bool:
    return _cells(line) is not None


def _heading(line: str, columns: int) -> tuple[str, ...] | None:
    """The column headings of a table with `columns` cells per row, the row-label column first."""
    line = line.strip()
    if not line or line.endswith((".", "?", ";")) or len(line) > 160:
        return None
    groups: list[str] = []
    for token in line.split():
        if groups and groups[-1].split()[-1].lower() in JOINING_WORDS:
            groups[-1] = f"{groups[-1]} {token}"
        else:
            groups.append(token)
    if len(groups) < min(2, columns):
        return None  # one word above four columns is the end of a heading printed cell by cell (002)
    if len(groups) > columns + 1:
        groups = groups[:columns] + [" ".join(groups[columns:])]
    if len(groups) == columns + 1:
        return tuple(groups)
    return ("", *groups, *([""] * (columns - len(groups))))


def find_tables(block: str, *, answer_labels: tuple[str, ...] = ()) -> list[ParsedTable]:
    """Every table in `block` (one answer part's lines), with header row, row labels and numbers."""
    lines = [line.strip() for line in block.split("\n")]
    tables: list[ParsedTable] = []
    index = 0
    while index < len(lines):
        first = _cells(lines[index])
        if first is None:
            index += 1
            continue
        columns = len(first[1])
        rows = [TableRow(first[0], tuple(first[1]))]
        end = index + 1
        while end < len(lines):
            following = end
            while following < len(lines) and not lines[following] and following - end < 2:
                following += 1  # a blank line inside a table ("totaal" printed apart, 002)
            row = _cells(lines[following]) if following < len(lines) else None
            if row is None or len(row[1]) != columns:
                break
            rows.append(TableRow(row[0], tuple(row[1])))
            end = following + 1
        if _years_only(lines[index]):
            index += 1  # "2022 2023": a heading of years, read as the header of the rows below
            continue
        above = next((line for line in reversed(lines[max(0, index - 2) : index]) if line), "")
        if len(rows) >= 2 or (rows[0].label and _years_only(above)):  # one row under a heading of years
            header = (
                _heading(above, columns)
                if above and (not is_table_row(above) or _years_only(above))
                else None
            )
            caption = ""
            if header is not None:
                before = lines[: index - 1]
                caption_line = next((line for line in reversed(before[-2:]) if line), "")
                if re.match(r"(?i)tabel\b", caption_line) or caption_line.endswith(":"):
                    caption = caption_line
            elif re.match(r"(?i)tabel\b", above) or above.endswith(":"):
                caption = above
            tables.append(
                ParsedTable(
                    header=header or (),
                    rows=tuple(rows),
                    caption=caption,
                    answer_labels=tuple(answer_labels),
                )
            )
        index = end
    return tables
