"""Browser tests over a built Site/: a local HTTP server on 127.0.0.1 and headless Chromium."""
import functools
import http.server
import os
import pathlib
import shutil
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

ARTIFACTS = pathlib.Path(__file__).resolve().parents[2] / "test-artifacts"


# What the accessibility checks found during this run (axe-core per page type, Nu HTML
# Checker, keyboard journeys): test_statement.py compares it with Content/audit-accessibilite.json,
# from which the accessibility statement computes its conformance status, and writes it to
# test-artifacts/audit-accessibilite.json for staff to publish.
AUDIT = {"types_de_page": {}, "parcours_clavier": {}, "nu": None, "outils": {}}


def pytest_addoption(parser):
    parser.addoption("--site", default="Site", help="the built site to test")


MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]


def french_date(day):
    """`2026-11-23` → `23 novembre 2026` (plain spaces), as Sources/HabitatCore/French.swift writes it."""
    return f"{'1er' if day.day == 1 else day.day} {MONTHS[day.month - 1]} {day.year}"


def build_date(site_dir):
    """The publication date the site was built for (--clock), as its accessibility statement gives it."""
    import datetime
    import re
    page = (site_dir / "accessibilite" / "index.html").read_text(encoding="utf-8")
    return datetime.date.fromisoformat(re.search(r'<time datetime="([0-9-]+)">', page).group(1))


@pytest.fixture(scope="session")
def site_dir(request):
    path = pathlib.Path(request.config.getoption("--site")).resolve()
    assert (path / "index.html").exists(), f"no built site at {path}"
    return path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(site_dir):
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def make_driver(javascript=True, width=1280):
    options = Options()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument("--disable-gpu")
    options.add_argument("--disable-dev-shm-usage")
    options.add_argument(f"--window-size={width},1000")
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    binary = shutil.which("chromium")
    if binary:
        options.binary_location = binary
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(driver_path), options=options)


@pytest.fixture(scope="session")
def browser():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def browser_no_js():
    driver = make_driver(javascript=False)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
