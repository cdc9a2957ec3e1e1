"""`habitat serve`: live rebuild, reload events, error overlay, safety and load, on 127.0.0.1."""
import concurrent.futures
import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
HABITAT = os.environ.get("HABITAT_BIN", str(ROOT / ".build" / "release" / "habitat"))
FICHE = "plans/cabbalr-plh-2019-2025/actions/2.md"


class Server:
    def __init__(self, workdir):
        self.workdir = workdir
        self.proc = subprocess.Popen([HABITAT, "serve", "--port", "0", "--clock", "2026-11-23", "--no-search"],
                                     cwd=workdir, stderr=subprocess.PIPE, text=True)
        self.lines = []
        self.url = None
        ready = threading.Event()

        def read():
            for line in self.proc.stderr:
                self.lines.append(line)
                m = re.search(r"http://(127\.0\.0\.1:\d+)/", line)
                if m and not self.url:
                    self.url = "http://" + m.group(1)
                    ready.set()
        threading.Thread(target=read, daemon=True).start()
        assert ready.wait(120), "".join(self.lines)
        self.events = []
        self._sse = threading.Thread(target=self._listen, daemon=True)
        self._sse.start()
        self.wait_for(lambda e: e[0] == "bonjour")

    def _listen(self):
        try:
            with urllib.request.urlopen(self.url + "/_habitat/evenements", timeout=300) as r:
                event = None
                for raw in r:
                    line = raw.decode("utf-8").rstrip("\n")
                    if line.startswith("event: "):
                        event = line[7:]
                    elif line.startswith("data: ") and event:
                        self.events.append((event, json.loads(line[6:])))
                        event = None
        except Exception:
            pass

    def wait_for(self, predicate, timeout=60):
        deadline = time.time() + timeout
        seen = 0
        while time.time() < deadline:
            for e in self.events[seen:]:
                if predicate(e):
                    return e
            time.sleep(0.02)
        raise AssertionError(f"no such event; got {self.events}")

    def get(self, path):
        try:
            with urllib.request.urlopen(self.url + path, timeout=30) as r:
                return r.status, r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                raise


@pytest.fixture
def server(tmp_path):
    shutil.copytree(ROOT / "Content", tmp_path / "Content")
    shutil.copytree(ROOT / "Themes", tmp_path / "Themes")
    s = Server(tmp_path)
    yield s
    s.stop()


def test_serves_on_loopback_and_rebuilds_only_the_edited_fiche(server):
    assert server.url.startswith("http://127.0.0.1:")
    status, html = server.get("/plans/cabbalr-plh-2019-2025/actions/2/")
    assert status == 200 and "/_habitat/rechargement.js" in html
    path = server.workdir / "Content" / FICHE
    path.write_text(path.read_text(encoding="utf-8") + "\nUne phrase ajoutée pendant l'aperçu.\n", encoding="utf-8")
    event = server.wait_for(lambda e: e[0] == "rechargement" and e[1]["generation"] >= 2)
    assert event[1]["pages_rendues"] == 1
    status, html = server.get("/plans/cabbalr-plh-2019-2025/actions/2/")
    # cmark-gfm writes the apostrophe as typed (no smart punctuation, no entity in text).
    assert "<p>Une phrase ajoutée pendant l'aperçu.</p>" in html


def test_template_error_shows_in_the_page_and_disappears_when_fixed(server, browser):
    template = server.workdir / "Themes" / "default" / "templates" / "fiche.mustache"
    good = template.read_text(encoding="utf-8")
    template.write_text(good.replace("{{/a_objectifs}}", "", 1), encoding="utf-8")
    event = server.wait_for(lambda e: e[0] == "erreur")
    errors = event[1]["erreurs"]
    assert errors and re.match(r"Themes/default/templates/fiche\.mustache:\d+:\d+", errors[0]["texte"]), errors
    browser.get(server.url + "/plans/cabbalr-plh-2019-2025/actions/2/")
    overlay = WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "habitat-erreurs"))
    assert "fiche.mustache" in overlay.text
    template.write_text(good, encoding="utf-8")
    server.wait_for(lambda e: e[0] == "rechargement" and e[1]["generation"] >= 2)
    WebDriverWait(browser, 10).until(lambda d: not d.find_elements(By.ID, "habitat-erreurs"))
    status, body = server.get("/_habitat/etat")
    assert json.loads(body)["erreurs"] == []


def _overlay_in_viewport(browser):
    """The overlay's box and the window's height, measured in the page."""
    return browser.execute_script(
        "var o = document.getElementById('habitat-erreurs'); if (!o) return null;"
        "var r = o.getBoundingClientRect(); var s = getComputedStyle(o);"
        "return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height,"
        " vh: window.innerHeight, vw: document.documentElement.clientWidth, scrollY: window.scrollY,"
        " position: s.position, visible: s.visibility !== 'hidden' && s.display !== 'none' && r.height > 0,"
        " sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth};")


@pytest.mark.parametrize("width", [1280, 375])
def test_front_matter_typo_shows_a_french_overlay_at_the_top_and_leaves_when_fixed(server, artifacts, width):
    from conftest import make_driver
    browser = make_driver(width=width)
    try:
        path = server.workdir / "Content" / FICHE
        good = path.read_text(encoding="utf-8")
        lines = good.split("\n")
        typo_line = next(i for i, l in enumerate(lines) if l.startswith("orientation:")) + 1
        browser.get(server.url + "/plans/cabbalr-plh-2019-2025/actions/2/")
        WebDriverWait(browser, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
        assert not browser.find_elements(By.ID, "habitat-erreurs")
        path.write_text(good.replace("\norientation:", "\norientaton:", 1), encoding="utf-8")
        server.wait_for(lambda e: e[0] == "erreur")
        overlay = WebDriverWait(browser, 15).until(lambda d: d.find_element(By.ID, "habitat-erreurs"))
        box = _overlay_in_viewport(browser)
        # On screen without scrolling: at the top of the window, inside it, not after the footer.
        assert box["visible"] and box["position"] == "fixed", box
        assert box["scrollY"] == 0 and 0 <= box["top"] < 5 and box["bottom"] <= box["vh"], box
        assert box["left"] >= 0 and box["right"] <= box["vw"] + 0.5 and not box["sideways"], box
        text = overlay.text
        assert f"Content/{FICHE}:{typo_line}:1" in text, text
        assert "clé inconnue" in text and "orientaton" in text and "vouliez-vous dire" in text, text
        assert "[front-matter.unknown-key]" in text
        extract = overlay.find_element(By.CLASS_NAME, "habitat-erreurs-extrait").text
        assert 'orientaton: "1"' in extract and str(typo_line) in extract, extract
        words = text.replace("[front-matter.unknown-key]", "").lower()
        assert "unknown" not in words and "error" not in words, "the stable code is the only English"
        browser.save_screenshot(str(artifacts / f"apercu-erreur-{width}.png"))
        # Styled by the served stylesheet, not by inline style (the pages' CSP forbids it).
        assert overlay.get_attribute("style") in (None, "")
        errors = [e for e in browser.get_log("browser") if "Refused to" in e.get("message", "")]
        assert errors == [], errors
        # The close button hides it; a rebuild that still fails shows it again.
        overlay.find_element(By.CLASS_NAME, "habitat-erreurs-fermer").click()
        assert not browser.find_elements(By.ID, "habitat-erreurs")
        browser.refresh()
        WebDriverWait(browser, 15).until(lambda d: d.find_element(By.ID, "habitat-erreurs"))
        # Fixing the key makes it leave by itself (live reload).
        generation = max([e[1].get("generation", 0) for e in server.events if e[0] == "rechargement"] + [1])
        path.write_text(good, encoding="utf-8")
        server.wait_for(lambda e: e[0] == "rechargement" and e[1]["generation"] > generation)
        WebDriverWait(browser, 15).until(lambda d: not d.find_elements(By.ID, "habitat-erreurs"))
    finally:
        browser.quit()


@pytest.mark.parametrize("path", ["/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/", "/.habitat-manifeste.json",
                                  "/communes/..%2f..%2fContent/site.yaml", "/%00"])
def test_refuses_traversal_hidden_files_and_listings(server, path):
    status, body = server.get(path)
    assert status == 404
    assert "Page introuvable" in body


def test_survives_1000_concurrent_requests_and_a_file_changing(server):
    paths = ["/", "/communes/bethune-62119/", "/aides/", "/plans/cabbalr-plh-2019-2025/actions/2/", "/indicateurs/"] * 200
    fiche = server.workdir / "Content" / FICHE
    original = fiche.read_text(encoding="utf-8")
    stop = threading.Event()

    def editor():
        n = 0
        while not stop.is_set():
            n += 1
            fiche.write_text(original + f"\nRévision {n}.\n", encoding="utf-8")
            time.sleep(0.05)
    t = threading.Thread(target=editor)
    t.start()
    started = time.time()
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=100) as pool:
            results = list(pool.map(server.get, paths))
    finally:
        stop.set()
        t.join()
    elapsed = time.time() - started
    assert len(results) == 1000
    assert all(s == 200 for s, _ in results), [s for s, _ in results if s != 200][:5]
    assert all(b.rstrip().endswith("</html>") for _, b in results)
    print(f"1000 requests, 100 at a time, in {elapsed:.2f} s")


def test_stops_cleanly_on_ctrl_c(tmp_path):
    shutil.copytree(ROOT / "Content", tmp_path / "Content")
    shutil.copytree(ROOT / "Themes", tmp_path / "Themes")
    s = Server(tmp_path)
    s.proc.send_signal(signal.SIGINT)
    assert s.proc.wait(15) == 0
