"""Every bar and point of every generated SVG chart matches its value (parsed from the built files)."""
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import build_date, french_date

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


ROOT = Path(__file__).resolve().parents[2]
HABITAT = os.environ.get("HABITAT_BIN", str(ROOT / ".build" / "release" / "habitat"))
# No shipped indicator has a masked value: this small site (fictitious figures) has one in a bar
# chart and one in a line chart.
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "secret-statistique"


@pytest.fixture(scope="module")
def masked_site(tmp_path_factory):
    assert Path(HABITAT).is_file(), f"{HABITAT} is missing: build habitat first"
    work = tmp_path_factory.mktemp("secret")
    shutil.copytree(FIXTURE / "Content", work / "Content")
    (work / "Themes").symlink_to(ROOT / "Themes")
    out = work / "Site"
    run = subprocess.run([HABITAT, "build", "--clock", "2026-11-23", "--no-search", "--quiet", "--output", str(out)],
                         cwd=work, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return out


@pytest.mark.parametrize("ident,masked_value", [("essai-barres", 7), ("essai-ligne", 9)])
def test_masked_values_are_shown_as_such(masked_site, ident, masked_value):
    html = (masked_site / "indicateurs" / ident / "index.html").read_text(encoding="utf-8")
    svgs = list(charts(html))
    assert svgs, ident
    masked_marks = [e for svg in svgs for e in svg.iter() if e.get("data-masque") == "oui"]
    assert len(masked_marks) == 1, ident
    assert "secret" in ET.tostring(svgs[0], encoding="unicode")
    # The masked figure never reaches the page or the open data, only the fact that it is masked.
    drawn = {float(e.get("data-valeur")) for svg in svgs for e in svg.iter() if e.get("data-valeur")}
    assert masked_value not in drawn and drawn, (ident, drawn)
    assert re.search(rf"\b{masked_value}\b", re.sub(r"<[^>]+>", " ", html.split("<main", 1)[1])) is None, ident
    data = json.loads((masked_site / "donnees" / "indicateurs" / f"{ident}.json").read_text(encoding="utf-8"))
    masked = [v for v in data["valeurs"] if v["masque"]]
    assert masked == [{"territoire": "epci", "periode": "2021", "valeur": None, "cible": None, "masque": True}], masked
    rows = (masked_site / "donnees" / "indicateurs" / f"{ident}.csv").read_text(encoding="utf-8").splitlines()
    assert [r for r in rows if r.split(";")[1] == "2021"] == ["epci;2021;;;" + data["unite"] + ";oui;"], rows


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
    built = french_date(build_date(site_dir))
    for page in (site_dir / "indicateurs").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        for figure in re.findall(r"<figure.*?</figure>", html, re.S):
            caption = re.search(r"<figcaption>(.*?)</figcaption>", figure, re.S).group(1)
            if 'class="cible"' not in figure:
                assert "objectif" not in caption.lower().split("source")[0], (page, caption)
            assert "Données " in caption and built not in re.sub(r"\s+", " ", caption), (page, caption)
