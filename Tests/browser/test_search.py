"""Search with Pagefind, offline from the built files."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait


def results(browser):
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#resultats-recherche p.meta, #resultats-recherche .alerte-erreur"))
    assert not browser.find_elements(By.CSS_SELECTOR, "#resultats-recherche .alerte-erreur"), "index missing"
    return [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#resultats-recherche ol a")]


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
    hrefs = results(browser)
    assert hrefs and all("/plans/cua-plh-2014-2020/actions/" in h for h in hrefs), hrefs
