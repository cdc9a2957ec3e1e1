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
                    assert int(rect.get("width")) == round(max(v, 0) / scale * int(svg.get("data-largeur"))), (ident, v)
                    checked += 1
            for line in svg.iter(SVG + "line"):
                if line.get("class") == "cible":
                    assert float(line.get("data-cible")) in targets, ident
            for c in svg.iter(SVG + "circle"):
                v = float(c.get("data-valeur"))
                assert v in values, (ident, v)
                h, top = int(svg.get("data-hauteur")), int(svg.get("data-haut"))
                assert int(c.get("cy")) == top + h - round(v / scale * h), (ident, v)
                checked += 1
            assert svg.find(SVG + "title") is not None
    assert checked > 100, checked


def test_masked_values_are_shown_as_such(site_dir):
    for page in (site_dir / "indicateurs").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        if 'data-masque="oui"' in html:
            assert "secret statistique" in html


def test_indicators_without_values_are_listed_as_a_renseigner(site_dir):
    html = (site_dir / "indicateurs" / "index.html").read_text(encoding="utf-8")
    assert html.count("À renseigner") > 50
