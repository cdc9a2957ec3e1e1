"""Phone first: no page type scrolls sideways on a 320 or 375 px screen; the menu collapses."""
import pytest
from selenium.webdriver.common.by import By

from conftest import make_driver
from test_pages import PAGE_TYPES

PHONE_PAGES = dict(PAGE_TYPES, guide="/aides/anah-categories-revenus/", plan_cabbalr="/plans/cabbalr-plh-2019-2025/")


@pytest.fixture(scope="module")
def phone():
    driver = make_driver(width=800)
    yield driver
    driver.quit()


def emulate(driver, width):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": True})


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("kind,path", sorted(PHONE_PAGES.items()))
def test_no_sideways_scrolling(phone, base_url, kind, path, width):
    emulate(phone, width)
    phone.get(base_url + path)
    viewport = phone.execute_script("return document.documentElement.clientWidth")
    scroll = phone.execute_script("return document.documentElement.scrollWidth")
    assert viewport == width
    # What sticks out, to make a failure readable.
    culprits = phone.execute_script(
        "const w = document.documentElement.clientWidth; return Array.from(document.querySelectorAll('body *'))"
        ".filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.defilement'))"
        ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));")
    assert scroll <= viewport, f"{path} is {scroll} px wide at {width} px: {culprits}"


def test_wide_tables_are_labelled_focusable_scroll_regions(phone, base_url):
    emulate(phone, 375)
    for path in ("/plans/cabbalr-plh-2019-2025/", "/donnees/", "/indicateurs/cabbalr-programme-lls/"):
        phone.get(base_url + path)
        tables = phone.find_elements(By.CSS_SELECTOR, "main table")
        assert tables, path
        for table in tables:
            region = table.find_element(By.XPATH, "..")
            assert region.get_attribute("role") == "region", path
            assert region.get_attribute("tabindex") == "0", path
            assert region.get_attribute("aria-label") or region.get_attribute("aria-labelledby"), path


def test_markdown_tables_scroll_in_a_region(phone, base_url):
    emulate(phone, 375)
    phone.get(base_url + "/aides/anah-categories-revenus/")
    regions = phone.find_elements(By.CSS_SELECTOR, "main .defilement[role=region][tabindex='0'] > table")
    assert regions


def test_menu_collapses_into_a_disclosure_button(phone, base_url):
    emulate(phone, 375)
    phone.get(base_url + "/")
    button = phone.find_element(By.CSS_SELECTOR, ".bouton-menu")
    links = phone.find_element(By.ID, "menu-principal")
    assert button.get_attribute("aria-expanded") == "false"
    assert not links.is_displayed()
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert links.is_displayed()
    assert links.find_element(By.LINK_TEXT, "Aides").is_displayed()
    emulate(phone, 1280)
    phone.get(base_url + "/")
    assert not phone.find_element(By.CSS_SELECTOR, ".bouton-menu").is_displayed()
    assert phone.find_element(By.ID, "menu-principal").is_displayed()


def test_menu_is_visible_without_javascript(browser_no_js, base_url):
    emulate(browser_no_js, 375)
    try:
        browser_no_js.get(base_url + "/")
        assert browser_no_js.find_element(By.ID, "menu-principal").is_displayed()
        assert not browser_no_js.find_element(By.CSS_SELECTOR, ".bouton-menu").is_displayed()
    finally:
        browser_no_js.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_radio_buttons_keep_their_size_when_the_label_wraps(phone, base_url):
    emulate(phone, 320)
    phone.get(base_url + "/simulateur/")
    radios = phone.find_elements(By.CSS_SELECTOR, "input[type=radio]")
    assert radios
    sizes = {(round(r.size["width"]), round(r.size["height"])) for r in radios if r.is_displayed()}
    assert sizes == {(20, 20)}, sizes
