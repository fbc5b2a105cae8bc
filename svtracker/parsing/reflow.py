"""Answer text staff can read: PDF lines joined into paragraphs, list items and table rows kept on their line.

A line ends a paragraph when a blank line follows, or when it ends a sentence and is clearly shorter than the
text's full lines (a PDF prints no blank line between paragraphs, but their last line is short).
"""

from __future__ import annotations

import re

from .tables import is_table_row

LIST_ITEM = re.compile(r"^[ \t]*(?:[•●◦▪■□–\-*·]|\(?[a-z]\)|\d{1,2}[.)](?=\s)|\(\d{1,2}\))[ \t]*")
SENTENCE_END = re.compile(r"[.:?!;]['’”\")]*$")


def reflow(block: str) -> str:
    """Paragraphs separated by a blank line; a list item or a table row stays a line of its own."""
    lines = [line.strip() for line in block.strip().split("\n")]
    width = max((len(line) for line in lines), default=0)
    paragraphs: list[list[str]] = [[]]
    previous = ""
    item_open = False  # inside a list item, a blank line does not end it unless its sentence ended (001)
    for line in lines:
        if not line:
            if paragraphs[-1] and not (item_open and not SENTENCE_END.search(previous)):
                paragraphs.append([])
            continue
        if not paragraphs[-1]:
            paragraphs[-1].append(line)
        elif SENTENCE_END.search(previous) and len(previous) < 0.75 * width and not LIST_ITEM.match(line):
            paragraphs.append([line])
        elif is_table_row(line) or is_table_row(previous) or LIST_ITEM.match(line):
            paragraphs[-1].append("\n" + line)
        else:
            paragraphs[-1].append(" " + line)
        item_open = bool(LIST_ITEM.match(line)) or (item_open and not SENTENCE_END.search(line))
        previous = line
    text = "\n\n".join("".join(paragraph) for paragraph in paragraphs if paragraph)
    return re.sub(r"[ \t]{2,}", " ", text).strip()
