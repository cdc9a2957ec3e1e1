"""Every bar and point of every generated SVG chart matches its value (parsed from the built files)."""
import json
import xml.etree.ElementTree as ET
import re

SVG = "{http://www.w3.org/2000/svg}"


def charts(html):
    for m in re.finditer(r"<svg class=\"graphique.*?</svg>", html, re.S):
        yield ET.fromstring(m.group(0))


def test_every_mark_matches_the_data(site_dir):
    pages = sorted((site_dir / "indicateurs").glob("*/index.html"))
    checked = 0
    for page in pages:
        ident = page.parent.name
        data = json.loads((site_dir / "donnees" / "indicateurs" / f"{ident}.json").read_text(encoding="utf-8"))
        values = {v["valeur"] for v in data["valeurs"] if v["valeur"] is not None}
        targets = {v["cible"] for v in data["valeurs"] if v["cible"] is not None}
        for svg in charts(page.read_text(encoding="utf-8")):
            scale = float(svg.get("data-echelle"))
            for rect in svg.iter(SVG + "rect"):
                if rect.get("class") == "barre":
                    v = float(rect.get("data-valeur"))
                    assert v in values, (ident, v)
                    # Widths are percentages of the drawing (no viewBox: text keeps its size).
                    assert rect.get("width") == f"{round(max(v, 0) / scale * int(svg.get('data-largeur')))}%", (ident, v)
                    checked += 1
            for line in svg.iter(SVG + "line"):
                if line.get("class") == "cible":
                    assert float(line.get("data-cible")) in targets, ident
            for c in svg.iter(SVG + "circle"):
                v = float(c.get("data-valeur"))
                assert v in values, (ident, v)
                h, top = int(svg.get("data-hauteur")), int(svg.get("data-haut"))
                assert int(c.get("cy")) == top + h - int(v / scale * h + 0.5), (ident, v)  # Swift rounds halves up
                checked += 1
            assert svg.find(SVG + "title") is not None
    assert checked > 100, checked


def test_masked_values_are_shown_as_such(site_dir):
    for page in (site_dir / "indicateurs").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        if 'data-masque="oui"' in html:
            assert "secret statistique" in html


def test_indicators_without_values_are_listed_compactly_after_those_with_values(site_dir):
    html = (site_dir / "indicateurs" / "index.html").read_text(encoding="utf-8")
    with_values, without = html.split('<h2 id="a-renseigner">')
    assert without.count("<li>") > 200
    assert 'class="carte carte-indicateur"' not in without
    cards = re.findall(r'<article class="carte carte-indicateur">(.*?)</article>', with_values, re.S)
    assert len(cards) > 50
    assert all('<p class="chiffre">' in c for c in cards)


def test_the_first_indicators_of_the_dashboard_and_the_home_page_show_values(browser, base_url):
    from selenium.webdriver.common.by import By
    for path in ("/indicateurs/", "/"):
        browser.get(base_url + path)
        cards = browser.find_elements(By.CSS_SELECTOR, ".carte-indicateur")[:6]
        assert len(cards) == 6, path
        for card in cards:
            assert card.find_element(By.CSS_SELECTOR, ".chiffre").text.strip(), path
            assert re.search(r"\b(19|20)\d\d\b", card.find_element(By.CSS_SELECTOR, ".meta").text), path


def test_chart_text_is_at_least_12_px_at_every_width(base_url):
    from conftest import make_driver
    driver = make_driver(width=1280)
    try:
        for width in (320, 375, 768, 1280):
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 800})
            for path in ("/indicateurs/cabbalr-programme-lls/", "/indicateurs/cua-logements-locatifs-sociaux/"):
                driver.get(base_url + path)
                sizes = driver.execute_script(
                    "return Array.from(document.querySelectorAll('svg.graphique text')).map(t => {"
                    " const m = t.getScreenCTM(); return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b); });")
                assert sizes, path
                assert min(sizes) >= 12, (path, width, min(sizes))
    finally:
        driver.quit()


def test_captions_describe_what_is_drawn_and_date_the_data(site_dir):
    for page in (site_dir / "indicateurs").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        for figure in re.findall(r"<figure.*?</figure>", html, re.S):
            caption = re.search(r"<figcaption>(.*?)</figcaption>", figure, re.S).group(1)
            if 'class="cible"' not in figure:
                assert "objectif" not in caption.lower().split("source")[0], (page, caption)
            assert "Données " in caption and "23 novembre 2026" not in caption, (page, caption)
