"""Uploads are bounded before and during work: a huge body is refused before it is read, too many files
and too many pages get a Dutch message naming the limit, and the web process keeps answering."""

import html
import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter


class UnreadBody(io.RawIOBase):
    """A request body that records whether anyone read it."""

    def __init__(self):
        self.read_bytes = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        self.read_bytes += len(buffer)
        buffer[:1] = b"x"
        return 1


def pdf_with_pages(count: int) -> bytes:
    """A valid PDF of `count` blank pages, made in about a second for 100,000 pages (one shared page)."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=72, height=72)
    for _ in range(count - 1):
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_300_mb_body_is_refused_from_its_length_before_a_byte_is_read(staff_client):
    body = UnreadBody()
    response = staff_client.generic(
        "POST", reverse("questions:upload"), b"", content_type="multipart/form-data; boundary=grens",
        CONTENT_LENGTH=str(300 * 1024 * 1024), **{"wsgi.input": body})
    assert response.status_code == 413
    assert body.read_bytes == 0
    page = response.content.decode()
    assert "hoogstens 100 MB per keer" in page and 'lang="nl-be"' in page
    assert response["Connection"] == "close"


def test_51_files_at_once_get_a_dutch_page_that_names_the_limit(staff_client):
    files = [SimpleUploadedFile(f"vraag{i}.txt", b"SCHRIFTELIJKE VRAAG") for i in range(51)]
    response = staff_client.post(reverse("questions:upload"), {"files": files},
                                 headers={"Referer": "http://testserver" + reverse("questions:upload")})
    assert response.status_code == 400
    page = response.content.decode()
    assert "te veel bestanden tegelijk: hoogstens 50 per keer" in page
    assert f'href="http://testserver{reverse("questions:upload")}"' in page  # the way back


@pytest.mark.django_db
def test_a_100000_page_pdf_gets_a_dutch_result_quickly_and_the_site_keeps_answering(staff_client):
    data = pdf_with_pages(100_000)
    assert len(data) < 20 * 1024 * 1024  # under the per-file limit: only the page count stops it
    started = time.monotonic()
    response = staff_client.post(reverse("questions:upload"),
                                 {"files": [SimpleUploadedFile("groot.pdf", data, "application/pdf")]})
    elapsed = time.monotonic() - started
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "De PDF telt 100000 pagina's; er kunnen er hoogstens 500 ingelezen worden" in page
    assert elapsed < 10, f"{elapsed:.1f} s: gunicorn kills a worker after 30 s"
    assert staff_client.get(reverse("dashboard")).status_code == 200


def test_the_page_limit_is_the_setting(staff_client, settings):
    settings.MAX_PDF_PAGES = 20
    upload = SimpleUploadedFile("lang.pdf", pdf_with_pages(21), "application/pdf")
    response = staff_client.post(reverse("questions:upload"), {"files": [upload]})
    assert "er kunnen er hoogstens 20 ingelezen worden" in response.content.decode()


def test_reading_a_pdf_stops_after_the_time_budget_of_the_setting(staff_client, settings):
    settings.PDF_PARSE_SECONDS = 0
    upload = SimpleUploadedFile("traag.pdf", pdf_with_pages(3), "application/pdf")
    response = staff_client.post(reverse("questions:upload"), {"files": [upload]})
    assert "duurde langer dan 0 seconden en is gestopt" in response.content.decode()
