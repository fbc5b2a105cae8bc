"""Tables of an answer, recognised in the lines of words and numbers a PDF flattens them into.

Seed 001:
    2022 2023 totaal
    rechthebbend 3.091 5.025 8.116
    verplicht 6.657 8.806 15.463
    Totaal 9.748 13.831 23.579
is a header row and three rows with a label and three numbers. Numbers are read the Dutch way: a dot
groups thousands ("1.091" is 1091), a comma is the decimal sign ("12,5"), "44%" is 44 with unit "%".
A table is at least two such rows in a row with the same number of cells. A row with fewer numbers (a
blank cell prints nothing) belongs to the table when the column sums say which cells are blank:

Seed 000, under "maart april mei juni":
    annulering agentschap 190 39 162 20
    overmacht (centrum) 94 16 80 4
    ...
    probleem technische infrastructuur 26 4 20
the reasons add up to their group month by month, so the three numbers are March, April and May and June
is blank. Where no total decides it the row ends the table, as before: a number is never guessed into a
column.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from itertools import accumulate, combinations, count

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
BLANK = TableCell(text="")
MAX_PLACEMENT_STEPS = 50_000  # placements tried in one table before the rest of its sums count as undecided


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
def _cells(line: str, fewest: int = 2) -> tuple[str, list[TableCell]] | None:
    """(row label, cells) when the line ends in at least `fewest` numbers, else None."""
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
    if len(cells) < fewest or label.endswith((".", ":", "?")) or len(label) > 80:
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
        found, ends = [first], [index + 1]
        end = index + 1
        while end < len(lines):
            following = end
            while following < len(lines) and not lines[following] and following - end < 2:
                following += 1  # a blank line inside a table ("totaal" printed apart, 002)
            row = _cells(lines[following], fewest=1) if following < len(lines) else None
            if row is None or len(row[1]) > columns or (len(row[1]) < columns and not row[0]):
                break
            found.append(row)
            end = following + 1
            ends.append(end)
        placed = _complete_rows([cells for _label, cells in found], columns)
        rows = [TableRow(label, cells) for (label, _cells_printed), cells in zip(found, placed, strict=False)]
        end = ends[len(rows) - 1]
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


def _complete_rows(rows: list[list[TableCell]], columns: int) -> list[tuple[TableCell, ...]]:
    """The rows' cells, blanks in place, up to the first row with fewer numbers that the sums do not place."""
    while True:
        placed = _place_by_sums(rows, columns)
        if None not in placed:
            return placed
        rows = rows[: placed.index(None)]


def _place_by_sums(rows: list[list[TableCell]], columns: int) -> list[tuple[TableCell, ...] | None]:
    """Each row's cells over the columns; a row with fewer numbers is placed where a run of rows next to a
    row adds up to that row (a group above its reasons, a total below its rows) in one way only, else None.
    Only counts add up: with a negative number no row is placed."""
    placed = [tuple(cells) if len(cells) == columns else None for cells in rows]
    if any(cell.value is None or cell.value < 0 for row in rows for cell in row):
        return placed
    steps = count()
    while None in placed:
        found = _one_group(rows, placed, columns, steps)
        if found is None:
            break
        for i, cells in found.items():
            placed[i] = cells
    return placed


def _one_group(
    rows: list[list[TableCell]], placed: list[tuple[TableCell, ...] | None], columns: int, steps: count
) -> dict[int, tuple[TableCell, ...]] | None:
    """The open rows of the first run that adds up to the row beside it, placed (the only way it adds up)."""
    zero = [Decimal(0)] * columns
    amounts = [[cell.value or Decimal(0) for cell in row] if row else zero for row in placed]
    before = [zero]  # before[i]: the placed rows above row i added up, column by column
    for amount in amounts:
        before.append([a + b for a, b in zip(before[-1], amount, strict=True)])
    open_sums = [Decimal(0) if row else sum(cell.value for cell in rows[i]) for i, row in enumerate(placed)]
    open_before = list(accumulate(open_sums, initial=Decimal(0)))
    for head, first, stop in _runs_adding_up([sum(a) + o for a, o in zip(amounts, open_sums, strict=True)]):
        if placed[head] is None or open_before[stop] == open_before[first]:
            continue  # no total to add up to, or nothing to place
        remaining = [amounts[head][c] - before[stop][c] + before[first][c] for c in range(columns)]
        if min(remaining) < 0 or sum(remaining) != open_before[stop] - open_before[first]:
            continue
        open_rows = [i for i in range(first, stop) if placed[i] is None]
        solution = _only_placement(remaining, [rows[i] for i in open_rows], columns, steps)
        if solution is not None:
            return dict(zip(open_rows, solution, strict=True))
    return None


def _runs_adding_up(totals: list[Decimal]):
    """(row, first, stop) for each run rows[first:stop] of at least two rows right below or right above a
    row whose numbers add up to as many as that row's: the quick test before the column by column one."""
    prefix = list(accumulate(totals, initial=Decimal(0)))
    ending = defaultdict(list)  # a sum of the rows above -> where
    for i, value in enumerate(prefix):
        ending[value].append(i)
    for head, total in enumerate(totals):
        below = ending.get(prefix[head + 1] + total, ())
        yield from ((head, head + 1, stop) for stop in below if stop > head + 2)
        above = ending.get(prefix[head] - total, ())
        yield from ((head, first, head) for first in above if first < head - 1)


def _only_placement(
    remaining: list[Decimal], open_rows: list[list[TableCell]], columns: int, steps: count
) -> list[tuple[TableCell, ...]] | None:
    """The one way to spread the numbers of `open_rows` over the columns, in their printed order, that adds
    up to `remaining` column by column; None when there is no such way, more than one, or the table's
    MAX_PLACEMENT_STEPS run out."""
    solutions: list[list[tuple[int, ...]]] = []
    exhausted = False

    def search(k: int, remaining: list[Decimal], chosen: list[tuple[int, ...]]) -> None:
        nonlocal exhausted
        if k == len(open_rows):
            if not any(remaining):
                solutions.append(chosen)
            return
        for positions in combinations(range(columns), len(open_rows[k])):
            exhausted = exhausted or next(steps) > MAX_PLACEMENT_STEPS
            if len(solutions) > 1 or exhausted:
                return
            rest = list(remaining)
            for position, cell in zip(positions, open_rows[k], strict=True):
                rest[position] -= cell.value
            if min(rest) >= 0:
                search(k + 1, rest, [*chosen, positions])

    search(0, remaining, [])
    if len(solutions) != 1 or exhausted:
        return None
    result = []
    for positions, row in zip(solutions[0], open_rows, strict=True):
        cells = [BLANK] * columns
        for position, cell in zip(positions, row, strict=True):
            cells[position] = cell
        result.append(tuple(cells))
    return result
