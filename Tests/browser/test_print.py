"""Print: every printed page names the site, the page's address and the date; external links
print in full; a fiche takes few pages. Printed with Chromium (DevTools printToPDF), read with pypdf."""
import base64
import io
import re

import pypdf
import pytest

from conftest import build_date, french_date, make_driver


@pytest.fixture(scope="module")
def printer():
    driver = make_driver()
    yield driver
    driver.quit()


def print_pdf(driver, url):
    driver.get(url)
    data = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True})
    return pypdf.PdfReader(io.BytesIO(base64.b64decode(data["data"])))


def test_every_printed_page_has_the_site_address_and_date(printer, base_url, site_dir):
    pdf = print_pdf(printer, base_url + "/plans/cabbalr-plh-2019-2025/")
    assert len(pdf.pages) >= 2
    for i, page in enumerate(pdf.pages):
        text = re.sub(r"\s+", " ", page.extract_text())
        assert "Habitat Hauts-de-France" in text, (i, text[:200])
        assert "/plans/cabbalr-plh-2019-2025/" in text, (i, text[:200])
        assert f"version du {french_date(build_date(site_dir))}" in text, (i, text[:200])
        assert f"Page {i + 1} / {len(pdf.pages)}" in text, (i, text[-200:])


def test_the_header_sits_above_the_text_of_each_page(printer, base_url):
    pdf = print_pdf(printer, base_url + "/plans/cabbalr-plh-2019-2025/")
    for page in pdf.pages[1:3]:
        ys = {}
        def visit(text, cm, tm, font, size):
            if text.strip():
                ys.setdefault("header" if "version du" in text else "body", []).append(tm[5] * cm[3] + cm[5])
        page.extract_text(visitor_text=visit)
        assert ys["header"] and ys["body"]
        # PDF y grows upwards: the header is above every line of the page's text but the page number.
        assert min(ys["header"]) > max(y for y in ys["body"] if y > 60)


def test_a_fiche_prints_in_few_pages_without_menus(printer, base_url):
    pdf = print_pdf(printer, base_url + "/plans/cabbalr-plh-2019-2025/actions/1/")
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert "Aller au contenu" not in text and "Quelles aides pour moi" not in text
    assert len(pdf.pages) <= 4, len(pdf.pages)


def test_external_links_print_in_full(printer, base_url, site_dir):
    pages = [p for p in sorted(site_dir.rglob("index.html")) if 'href="https://' in p.read_text(encoding="utf-8").split("<main", 1)[-1]]
    assert pages
    page = pages[0]
    url = "/" + str(page.parent.relative_to(site_dir)) + "/"
    href = re.search(r'<main.*?href="(https://[^"]+)"', page.read_text(encoding="utf-8"), re.S).group(1)
    text = re.sub(r"\s+", "", " ".join(p.extract_text() for p in print_pdf(printer, base_url + url).pages))
    assert href.replace("&amp;", "&") in text, (url, href)
