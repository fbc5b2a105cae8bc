"""The PDF: the parliament's layout on paper, and nothing fetched that a user typed."""

import http.server
import re
import subprocess
import threading

import pytest
import weasyprint
from PIL import Image

from svtracker.drafts.pdf import DOCUMENT_ORIGIN, StaticFilesOnlyFetcher, render_draft_pdf
from svtracker.drafts.services import draft_follow_up, save_draft
from svtracker.questions.selectors import find_questions

from .conftest import TODAY

A4_HEIGHT_PT = 841.89


@pytest.fixture
def draft(seeded_office, staff):
    question = find_questions(office=seeded_office, session="2023-2024", number=125).get()
    return draft_follow_up(office=seeded_office, user=staff, question=question, today=TODAY)


def _pages_as_png(data: bytes, tmp_path, dpi: int = 50) -> list[Image.Image]:
    (tmp_path / "d.pdf").write_bytes(data)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(tmp_path / "d.pdf"), str(tmp_path / "page")],
                   check=True)
    return [Image.open(p).convert("L") for p in sorted(tmp_path.glob("page-*.png"))]


def _first_dark_row(image: Image.Image) -> int:
    width, height = image.size
    pixels = image.load()
    return next(y for y in range(height) if any(pixels[x, y] < 128 for x in range(width)))


def _word_boxes(data: bytes, tmp_path) -> list[tuple[int, float, str]]:
    """(page, yMin, word) for every word, from pdftotext -bbox."""
    (tmp_path / "b.pdf").write_bytes(data)
    html = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "b.pdf"), "-"], check=True,
                          capture_output=True).stdout.decode()
    boxes, page = [], 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        found = re.search(r'yMin="([\d.]+)".*>(.*)</word>', line)
        if found:
            boxes.append((page, float(found.group(1)), found.group(2)))
    return boxes


def test_pdf_starts_with_the_header_block_at_the_top_of_page_one(draft, tmp_path):
    data = render_draft_pdf(draft=draft, on=TODAY)
    pages = _pages_as_png(data, tmp_path)
    assert len(pages) == 1
    first = pages[0]
    # The first ink on the page is "SCHRIFTELIJKE VRAAG", just under the 2.2 cm top margin.
    assert 0.06 < _first_dark_row(first) / first.size[1] < 0.10
    boxes = _word_boxes(data, tmp_path)
    assert boxes[0][2] == "SCHRIFTELIJKE" and boxes[1][2] == "VRAAG"
    assert boxes[0][1] < 0.1 * A4_HEIGHT_PT
    order = [word for _page, _y, word in boxes]
    y_of = {word: y for _page, y, word in reversed(boxes)}
    header = [y_of[word] for word in ("SCHRIFTELIJKE", "nr.", "van", "datum:", "aan", "Inburgeraars")]
    assert header == sorted(header)
    assert order.index("RUTTEN") < order.index("Inburgeraars")


def test_a_long_draft_runs_over_pages_numbered_n_of_total(draft, staff, tmp_path, pdf_text):
    content = {k: v for k, v in draft.content().items() if k not in ("minister_id", "minister_name")}
    content["questions"] = [f"Vraag over onderwerp {n}: " + "Kan de minister dit toelichten? " * 12
                            for n in range(1, 16)]
    long_draft = save_draft(draft=draft, user=staff, minister=draft.minister, **content)
    data = render_draft_pdf(draft=long_draft, on=TODAY)
    pages = _pages_as_png(data, tmp_path)
    assert len(pages) >= 2
    text = pdf_text(data)
    assert f"1/{len(pages)}" in text and f"{len(pages)}/{len(pages)}" in text
    # Page 2 has no header block: it starts with the text going on.
    assert "SCHRIFTELIJKE" not in [w for page, _y, w in _word_boxes(data, tmp_path) if page == 2]


class _RecordingHandler(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 (the stdlib's name)
        self.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b"body { color: red; }")

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    """A real HTTP server on 127.0.0.1 that records every request it gets."""
    _RecordingHandler.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _RecordingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _RecordingHandler.requests
    server.shutdown()
    server.server_close()


def test_the_local_server_does_see_a_fetch_when_one_happens(local_server):
    """Control: WeasyPrint's own fetcher fetches a typed URL, so the next test's silence means something."""
    url, requests = local_server
    weasyprint.HTML(string=f'<img src="{url}/control.png">').write_pdf()
    assert requests == ["/control.png"]


def test_html_and_css_typed_into_any_field_is_printed_as_text_and_fetches_nothing(draft, staff, local_server,
                                                                                    pdf_text):
    url, requests = local_server
    image = f'<img src="{url}/tracker.png">'
    css = f"<style>@import url({url}/evil.css);</style>"
    link = f'<link rel="stylesheet" href="{url}/sheet.css">'
    content = {k: v for k, v in draft.content().items() if k not in ("minister_id", "minister_name")}
    typed = save_draft(draft=draft, user=staff, minister=draft.minister, **{
        **content, "title": f"Titel {image}", "minister_title": f"MINISTER {link}",
        "introduction": f"Inleiding {css}\n\n@import url({url}/bare.css);",
        "questions": [f"Vraag met {image} erin?", f"<svg><image href='{url}/svg.png'/></svg>"]})
    fetcher = StaticFilesOnlyFetcher()
    text = pdf_text(render_draft_pdf(draft=typed, on=TODAY, fetcher=fetcher))
    assert requests == []
    assert fetcher.requested
    assert all(url.startswith(DOCUMENT_ORIGIN + "static/drafts/") for url in fetcher.requested)
    assert image in text
    assert css in text
    assert f"@import url({url}/bare.css);" in text
    assert f"<svg><image href='{url}/svg.png'/></svg>" in text
    assert link.upper() in text  # the function title is printed in capitals, as text


@pytest.mark.parametrize("path", ["/tracker.png", "/static/drafts/draft-pdf.css"])
def test_the_fetcher_refuses_every_url_but_our_static_files(local_server, path):
    url, requests = local_server
    with pytest.raises(ValueError, match="Refused"):
        StaticFilesOnlyFetcher().fetch(url + path)
    assert requests == []


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    DOCUMENT_ORIGIN + "static/../../svtracker/settings.py",
    DOCUMENT_ORIGIN + "static/%2e%2e/%2e%2e/svtracker/settings.py",
    DOCUMENT_ORIGIN + "media/drafts/x.pdf",
    "data:text/css,body{}",
])
def test_the_fetcher_refuses_files_outside_static(url):
    with pytest.raises(ValueError, match="Refused"):
        StaticFilesOnlyFetcher().fetch(url)


def test_the_fetcher_serves_the_pdf_stylesheet_from_static_files():
    response = StaticFilesOnlyFetcher().fetch(DOCUMENT_ORIGIN + "static/drafts/draft-pdf.css")
    assert b"@page" in response.read()
    assert response.content_type == "text/css"


def test_pdf_is_tagged_pdf_ua_for_screen_readers(draft):
    import io

    from pypdf import PdfReader

    root = PdfReader(io.BytesIO(render_draft_pdf(draft=draft, on=TODAY))).trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "nl"


def test_pdf_paragraphs_are_ragged_right_not_justified(draft):
    from svtracker.drafts.pdf import render_draft_html

    document = weasyprint.HTML(string=render_draft_html(draft=draft, on=TODAY), base_url=DOCUMENT_ORIGIN,
                               url_fetcher=StaticFilesOnlyFetcher()).render()

    def aligned(box):
        if "sv-paragraph" in (box.element.get("class", "") if box.element is not None else ""):
            yield box.style["text_align_all"]
        for child in getattr(box, "children", []):
            yield from aligned(child)

    alignments = {a for page in document.pages for a in aligned(page._page_box)}
    assert alignments == {"left"}


def test_quotes_stay_indented_italics_after_the_introduction_is_edited_in_the_browser(
        staff_client, draft, tmp_path):
    """Browsers send a textarea's line breaks as CRLF: the blank line between paragraphs is still one."""
    from django.urls import reverse

    from svtracker.drafts.pdf import document_context

    edited = draft.introduction.replace("Daarom stel ik", "Daarom stel ik nu").replace("\n", "\r\n")
    staff_client.post(reverse("drafts:detail", args=[draft.pk]), {
        "minister": draft.minister_id, "minister_title": draft.minister_title, "title": draft.title,
        "introduction": edited, "questions": draft.questions, "excel_closing": "on"})
    draft.refresh_from_db()
    assert "Daarom stel ik nu" in draft.introduction
    quotes = [p for p in document_context(draft=draft)["paragraphs"] if p["quote"]]
    assert len(quotes) == 2
    (tmp_path / "q.pdf").write_bytes(render_draft_pdf(draft=draft, on=TODAY))
    fonts = subprocess.run(["pdffonts", str(tmp_path / "q.pdf")], capture_output=True, check=True).stdout
    assert b"Italic" in fonts
