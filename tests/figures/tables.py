"""The answer tables of the seeds as the parser gives them (ParsedTable), and synthetic ones for no. 155."""

from decimal import Decimal

from svtracker.parsing.types import ParsedTable, TableCell, TableRow


def cell(text: str) -> TableCell:
    unit = "%" if text.endswith("%") else ""
    number = text.rstrip("%").replace(".", "").replace(",", ".")
    return TableCell(text, Decimal(number), unit)


def table(header, rows, caption="", labels=()) -> ParsedTable:
    return ParsedTable(header=tuple(header), caption=caption, answer_labels=tuple(labels),
                       rows=tuple(TableRow(label, tuple(cell(v) for v in values)) for label, values in rows))


# Seed 000 (no. 362 of 15 June 2022): "2022" on a line above "maart april mei juni" (a few rows).
SEED_362 = table(["2022", "maart", "april", "mei", "juni"], [
    ("annulering agentschap", ["190", "39", "162", "20"]),
    ("overmacht (centrum)", ["94", "16", "80", "4"]),
    ("annulering cursist", ["1.091", "175", "988", "70"]),
    ("onbereikbaar", ["82", "10", "68", "1"]),
    ("Totaal", ["1.281", "214", "1.150", "90"]),
], labels=["1"])

# Seed 001 (no. 125): its two tables.
SEED_125 = [
    table(["", "2022", "2023", "totaal"], [
        ("rechthebbend", ["3.091", "5.025", "8.116"]),
        ("verplicht", ["6.657", "8.806", "15.463"]),
        ("Totaal", ["9.748", "13.831", "23.579"]),
    ], labels=["1", "a"]),
    table(["", "<2m", ">2m", "niet ingeschreven", ""], [
        ("rechthebbend", ["74%", "13%", "13%", "100%"]),
        ("verplicht", ["72%", "22%", "6%", "100%"]),
        ("Totaal", ["73%", "19%", "8%", "100%"]),
    ], labels=["1", "a"]),
]

# No. 155 (not in the seeds): the figures up to March 2022, where "annulering cursist" was still called
# "annulaties cursist" and March was provisional (1.085 made 1.091, 80 made 82 in the answer to no. 362).
SEED_155 = table(["2021 2022", "sep", "okt", "nov", "dec", "jan", "feb", "mrt"], [
    ("annulering agentschap", ["88", "25", "61", "9", "41", "12", "190"]),
    ("annulaties cursist", ["702", "140", "655", "58", "310", "96", "1.085"]),
    ("onbereikbaar", ["51", "9", "47", "4", "22", "8", "80"]),
    ("Totaal", ["790", "165", "716", "67", "351", "108", "1.275"]),
])
