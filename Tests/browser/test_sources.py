"""Every figure traceable in one click: citations link to the published source documents."""
import re

from selenium.webdriver.common.by import By

FICHES = ["/plans/cabbalr-plh-2019-2025/actions/1/", "/plans/call-plh-2023-2028/actions/6/",
          "/plans/cua-plh-2014-2020/actions/3/", "/plans/nord-pdh/actions/1/", "/plans/call-bilan-plh-2015-2020/"]


def test_every_line_citation_on_fiches_and_plans_is_a_link(site_dir):
    checked = 0
    for page in sorted((site_dir / "plans").rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        for m in re.finditer(r'<p class="source">(.*?)</p>', html, re.S):
            source = m.group(1)
            assert "/documents/" in source, (page, source)
            assert ".txt" not in source, (page, source)  # the document's title, not its file name
            for number in re.findall(r"lignes? ((?:<a[^>]*>[^<]*</a>(?:, )?)+)", source):
                assert re.fullmatch(r'(<a href="/documents/[a-z0-9-]+/#L\d+(-L\d+)?">[\d-]+</a>(, )?)+', number), (page, number)
            checked += 1
        # Free-text references ("L206") inside the page link to their line too.
        for ref in re.findall(r'<span class="meta">\(([^)]*)\)</span>', html):
            if re.fullmatch(r"L\d+", ref):
                raise AssertionError(f"{page}: unlinked reference {ref}")
    assert checked > 100, checked


def test_a_range_citation_opens_the_document_with_the_passage_highlighted(browser, base_url):
    browser.get(base_url + "/plans/cabbalr-plh-2019-2025/actions/1/")
    link = browser.find_element(By.CSS_SELECTOR, "p.source a[href*='-L']")
    first, last = map(int, re.search(r"#L(\d+)-L(\d+)$", link.get_attribute("href")).groups())
    link.click()
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("PLH – Programme Local de l'Habitat")
    lit = [int(li.get_attribute("id")[1:]) for li in browser.find_elements(By.CSS_SELECTOR, ".lignes-document li.surligne")]
    assert lit == list(range(first, last + 1))
    # The first cited line is on screen.
    top = browser.execute_script(f"return document.getElementById('L{first}').getBoundingClientRect().top")
    assert 0 <= top < browser.execute_script("return innerHeight")


def test_a_single_line_is_highlighted_without_javascript(browser_no_js, base_url):
    browser_no_js.get(base_url + "/documents/cabbalr-plh-2019-2025-programme-actions/#L206")
    colour = browser_no_js.execute_script("return getComputedStyle(document.getElementById('L206')).backgroundColor")
    other = browser_no_js.execute_script("return getComputedStyle(document.getElementById('L207')).backgroundColor")
    assert colour != other
    assert "4000 € à 13 000 €" in browser_no_js.find_element(By.ID, "L206").text


def test_documents_number_every_line_and_keep_the_seed_text(site_dir):
    page = (site_dir / "documents" / "nord-pdh" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<li id="L(\d+)">', page)
    assert ids == [str(n) for n in range(1, len(ids) + 1)]
    assert len(ids) == 415
    assert "<title>Plan Départemental de l&#39;Habitat — " in page or "<title>Plan Départemental de l'Habitat — " in page
