"""The embed card a commune pastes on its own site: what it carries, and that it fits the frame its
snippet declares at every size offered, with no inner scrollbar, for the longest names too."""
import json
import re

import pytest
from selenium.webdriver.common.by import By

# The sizes the commune page and the staff guide offer (Renderer.cardSizes).
SIZES = [(320, 260), (480, 360)]
NAMED = ["bethune-62119", "teteghem-coudekerque-village-59588", "la-madelaine-sous-montreuil-62535", "saint-aubin-62742"]


def communes(site_dir):
    return json.loads((site_dir / "communes" / "index.json").read_text(encoding="utf-8"))["communes"]


def hardest(site_dir):
    """The named communes, plus those with the most plans and the longest EPCI name."""
    entries = communes(site_dir)
    by_slug = {e["url"].split("/")[2]: e for e in entries}
    chosen = [by_slug[s] for s in NAMED]
    chosen.append(max(entries, key=lambda e: (len(e["plans"]), e["code"])))
    chosen.append(max(entries, key=lambda e: (len(e["epci_nom"] or ""), e["code"])))
    return chosen


def test_the_longest_names_are_the_ones_tested(site_dir):
    entries = communes(site_dir)
    for dep, slug in (("59", NAMED[1]), ("62", NAMED[2])):
        longest = max((e for e in entries if e["departement"] == dep), key=lambda e: len(e["nom_affiche"]))
        assert longest["url"] == f"/communes/{slug}/", longest


def test_the_snippet_declares_the_first_size_and_the_configured_address(browser, base_url, site_dir):
    html = (site_dir / "communes" / "bethune-62119" / "index.html").read_text(encoding="utf-8")
    snippet = re.search(r'<textarea id="code-integration-standard"[^>]*>([^<]*)</textarea>', html).group(1)
    assert f'width=&quot;{SIZES[0][0]}&quot; height=&quot;{SIZES[0][1]}&quot;' in snippet
    assert "/communes/bethune-62119/vignette/" in snippet


@pytest.mark.parametrize("width,height", SIZES)
def test_the_card_fits_its_frame_without_scrollbar(browser, base_url, site_dir, width, height):
    hosts = []
    try:
        for entry in hardest(site_dir):
            url = entry["url"]
            host = site_dir / f"_test-vignette-{width}-{entry['code']}.html"  # one file each: no cached host page
            hosts.append(host)
            host.write_text(f'<!DOCTYPE html><html lang=fr><title>Site de la commune</title><body style="margin:0">'
                            f'<iframe src="{url}vignette/" title="Habitat" width="{width}" height="{height}" style="border:0"></iframe>'
                            f'</body></html>', encoding="utf-8")
            browser.get(base_url + "/" + host.name)
            browser.switch_to.frame(browser.find_element(By.TAG_NAME, "iframe"))
            try:
                box = browser.execute_script(
                    "const e = document.scrollingElement; return [e.scrollWidth, e.clientWidth, e.scrollHeight, e.clientHeight];")
                assert box[1] == width and box[3] == height, (url, box)
                assert box[0] <= box[1] and box[2] <= box[3], f"{url} overflows {width}×{height}: {box}"
                text = browser.find_element(By.TAG_NAME, "main").text
                assert browser.find_element(By.TAG_NAME, "h1").text == entry["nom_affiche"]
                assert f"Code INSEE {entry['code']}" in text, text
                assert re.search(r"\d hab\. \(2023\)", text), text
                assert re.search(r"\d+ aides? en vigueur", text), text
                plans = browser.find_elements(By.CSS_SELECTOR, "dd li a")
                assert sorted(a.get_attribute("href").rstrip("/").rsplit("/", 1)[1] for a in plans) == sorted(entry["plans"]), url
                links = browser.find_elements(By.TAG_NAME, "a")
                assert links and all(a.get_attribute("target") == "_blank" and "noopener" in a.get_attribute("rel") for a in links)
                assert links[-1].get_attribute("href").endswith(url)
                # Every element is inside the frame (nothing clipped by the frame's edge).
                outside = browser.execute_script(
                    "return [...document.querySelectorAll('main *')].filter(e => e.getClientRects().length)"
                    ".map(e => e.getBoundingClientRect()).filter(r => r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5).length;")
                assert outside == 0, (url, width, height)
            finally:
                browser.switch_to.default_content()
    finally:
        for host in hosts:
            host.unlink(missing_ok=True)
