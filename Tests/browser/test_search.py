"""Search with Pagefind, offline from the built files."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait


def results(browser):
    WebDriverWait(browser, 20).until(lambda d: d.find_element(By.ID, "recherche-statut").text or d.find_elements(By.CSS_SELECTOR, "#resultats-recherche .alerte-erreur"))
    assert not browser.find_elements(By.CSS_SELECTOR, "#resultats-recherche .alerte-erreur"), "index missing"
    return listed(browser)


def listed(browser):
    """The results' links, read in one script: results appear as you type, so a list of elements
    fetched first and read after can be replaced in between (stale elements)."""
    return browser.execute_script("return Array.from(document.querySelectorAll('#resultats-recherche ol a'), a => a.href);")


def test_search_bethune_finds_the_commune(browser, base_url):
    browser.get(base_url + "/recherche/?q=Béthune")
    hrefs = results(browser)
    assert any(h.endswith("/communes/bethune-62119/") for h in hrefs), hrefs


def test_search_prime_finds_the_aid(browser, base_url):
    browser.get(base_url + "/recherche/?q=prime")
    hrefs = results(browser)
    assert any(h.endswith("/aides/cabbalr-prime-ptz-ancien/") for h in hrefs), hrefs


def test_filters_by_type_and_territory(browser, base_url):
    browser.get(base_url + "/recherche/")
    browser.find_element(By.ID, "q").send_keys("logement")
    Select(browser.find_element(By.ID, "filtre-type")).select_by_visible_text("Fiche-action")
    Select(browser.find_element(By.ID, "filtre-territoire-recherche")).select_by_visible_text("CUA")
    browser.find_element(By.CSS_SELECTOR, "form.recherche button").click()
    results(browser)
    # The list typed before the filters were set may still be on screen: wait for the filtered one.
    cua = lambda hrefs: hrefs and all("/plans/cua-plh-2014-2020/actions/" in h for h in hrefs)
    try:
        WebDriverWait(browser, 20).until(lambda d: cua(listed(d)))
    except Exception:
        pass
    hrefs = listed(browser)
    assert cua(hrefs), hrefs


def test_renovation_finds_an_aid_in_the_first_five_results(browser, base_url):
    browser.get(base_url + "/recherche/?q=rénovation")
    hrefs = results(browser)
    assert any("/aides/" in h for h in hrefs[:5]), hrefs[:5]
    # Indicators come after every aid, commune and fiche.
    kinds = ["indicateurs" if "/indicateurs/" in h else "autre" for h in hrefs]
    assert "autre" not in kinds[kinds.index("indicateurs"):] if "indicateurs" in kinds else True


def test_lens_finds_the_commune_first(browser, base_url):
    browser.get(base_url + "/recherche/?q=Lens")
    hrefs = results(browser)
    assert "/communes/lens" in hrefs[0] or "/communes/lens" in hrefs[1], hrefs[:5]


def test_results_appear_as_you_type_and_every_result_is_reachable(browser, base_url):
    browser.get(base_url + "/recherche/")
    browser.find_element(By.ID, "q").send_keys("logement")
    hrefs = results(browser)  # no Enter pressed
    status = browser.find_element(By.ID, "recherche-statut").text
    total = int(status.split()[0])
    assert total > 20 and len(hrefs) == 20, status
    more = browser.find_element(By.CSS_SELECTOR, "#resultats-recherche button")
    while more.is_displayed():
        shown = len(browser.find_elements(By.CSS_SELECTOR, "#resultats-recherche ol > li"))
        more.click()
        WebDriverWait(browser, 20).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#resultats-recherche ol > li")) > shown)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#resultats-recherche ol > li")) == total


def test_excerpts_keep_spaces_between_cells(site_dir):
    import re
    html = (site_dir / "indicateurs" / "cabbalr-programme-lls" / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"</(td|th|dd|dt)><(td|th|dd|dt)", html)
