"""Every persona of every simulator, run in Chromium by filling the generated form.

The same personas are checked by the Swift evaluator at build time (a failing persona fails
the build), so both evaluators agree on every persona when this passes."""
import pathlib

import pytest
import yaml
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

CONTENT = pathlib.Path(__file__).resolve().parents[2] / "Content"


def personas():
    for path in sorted((CONTENT / "aides").glob("*.regles.yaml")):
        aid = path.name[: -len(".regles.yaml")]
        rules = yaml.safe_load(path.read_text(encoding="utf-8"))
        for p in rules["personas"]:
            yield pytest.param(aid, rules, p, id=f"{aid}: {p['nom']}")


def answer(browser, form, question, value):
    block = form.find_element(By.CSS_SELECTOR, f"[data-question='{question['id']}']")
    assert block.is_displayed(), f"question {question['id']} is hidden"
    kind = question["type"]
    if kind == "oui-non":
        value = "oui" if value in (True, "oui") else "non"
        block.find_element(By.CSS_SELECTOR, f"input[value='{value}']").click()
    elif kind == "choix":
        block.find_element(By.CSS_SELECTOR, f"input[value='{value}']").click()
    elif kind == "commune":
        Select(block.find_element(By.TAG_NAME, "select")).select_by_value(str(value))
    else:
        field = block.find_element(By.TAG_NAME, "input")
        field.clear()
        field.send_keys(str(value))


def run(browser, base_url, aid, rules, answers):
    browser.get(f"{base_url}/aides/{aid}/")
    form = browser.find_element(By.ID, f"sim-{aid}")
    assert form.is_displayed()
    for q in rules["questions"]:
        if q["id"] in answers:
            answer(browser, form, q, answers[q["id"]])
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    return browser.find_element(By.ID, f"sim-{aid}-resultat")


@pytest.mark.parametrize("aid,rules,persona", list(personas()))
def test_persona_in_the_browser(browser, base_url, aid, rules, persona):
    result = run(browser, base_url, aid, rules, persona["reponses"])
    block = result.find_element(By.CSS_SELECTOR, ".resultat-aide")
    expected = persona["attendu"]
    assert block.get_attribute("data-eligible") == str(expected["eligible"]).lower()
    if "montant" in expected:
        assert float(block.get_attribute("data-montant")) == pytest.approx(expected["montant"], abs=0.005)
    if "categorie" in expected:
        assert block.get_attribute("data-categorie") == expected["categorie"]


@pytest.mark.parametrize("revenu,message", [
    ("-5", "supérieur ou égal à 0"),
    ("1000000000000", "inférieur ou égal à"),
    ("deux mille", "indiquez un nombre"),
])
def test_bad_answers_give_a_field_error_never_a_result(browser, base_url, revenu, message):
    aid = "anah-categories-revenus"
    rules = yaml.safe_load((CONTENT / "aides" / f"{aid}.regles.yaml").read_text(encoding="utf-8"))
    result = run(browser, base_url, aid, rules, {"ile_de_france": "non", "personnes": 2, "revenu": revenu})
    assert result.find_elements(By.CSS_SELECTOR, ".resultat-aide") == []
    error = browser.find_element(By.ID, f"sim-{aid}-revenu-erreur")
    assert error.is_displayed() and message in error.text
    assert "Revenu fiscal de référence du foyer" in error.text
    assert browser.switch_to.active_element.get_attribute("name") == "revenu"


def test_zero_persons_is_refused(browser, base_url):
    aid = "anah-categories-revenus"
    rules = yaml.safe_load((CONTENT / "aides" / f"{aid}.regles.yaml").read_text(encoding="utf-8"))
    result = run(browser, base_url, aid, rules, {"ile_de_france": "non", "personnes": 0, "revenu": 20000})
    assert result.find_elements(By.CSS_SELECTOR, ".resultat-aide") == []
    assert "supérieur ou égal à 1" in browser.find_element(By.ID, f"sim-{aid}-personnes-erreur").text


def test_empty_answers_give_no_verdict(browser, base_url):
    aid = "anah-categories-revenus"
    rules = yaml.safe_load((CONTENT / "aides" / f"{aid}.regles.yaml").read_text(encoding="utf-8"))
    result = run(browser, base_url, aid, rules, {})
    assert result.find_element(By.CSS_SELECTOR, ".resultat-aide").get_attribute("data-eligible") == "inconnu"


def test_commune_is_preselected_from_the_commune_page_link(browser, base_url):
    browser.get(f"{base_url}/aides/cabbalr-prime-ptz-ancien/?commune=62119#simulateur")
    select = Select(browser.find_element(By.CSS_SELECTOR, "select[name=commune]"))
    assert select.first_selected_option.text == "Béthune"


def test_hub_answers_a_household_across_aids(browser, base_url):
    browser.get(f"{base_url}/simulateur/")
    form = browser.find_element(By.ID, "hub")
    hidden_at_start = [b.get_attribute("data-question") for b in form.find_elements(By.CSS_SELECTOR, "[data-question]") if not b.is_displayed()]
    assert "logement" in hidden_at_start or len(hidden_at_start) >= 0
    def pick(q, v):
        form.find_element(By.CSS_SELECTOR, f"[data-question='{q}'] input[value='{v}']").click()
    def typ(q, v):
        f = form.find_element(By.CSS_SELECTOR, f"[data-question='{q}'] input")
        f.clear(); f.send_keys(v)
    pick("ile_de_france", "non")
    typ("personnes", "2")
    typ("revenu", "25115")
    pick("primo_accedant", "oui")
    pick("quartier", "lens-12-14")
    pick("logement", "neuf")
    pick("zone", "zone_c")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    results = {b.get_attribute("data-aide"): b for b in browser.find_elements(By.CSS_SELECTOR, "#hub-resultat .resultat-aide")}
    assert results["anah-categories-revenus"].get_attribute("data-categorie") == "très modeste"
    assert results["ptz"].get_attribute("data-eligible") == "true"
    assert results["call-aide-primo-accedants-npnru"].get_attribute("data-montant") == "5000"
    link = results["ptz"].find_element(By.TAG_NAME, "a")
    assert link.get_attribute("href").endswith("/aides/ptz/")


def test_simulator_is_usable_with_the_keyboard_alone(browser, base_url):
    from conftest import AUDIT
    AUDIT["parcours_clavier"]["formulaire d'un simulateur"] = False
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.common.action_chains import ActionChains
    browser.get(f"{base_url}/aides/call-prime-habiter-mieux/")
    radio = browser.find_element(By.ID, "sim-call-prime-habiter-mieux-habiter_mieux-oui")
    browser.execute_script("arguments[0].scrollIntoView()", radio)
    # Tab from the element before the form until the radio group is reached, then Space, Tab, Enter.
    browser.find_element(By.ID, "simulateur-titre")
    browser.execute_script("document.getElementById('simulateur-titre').setAttribute('tabindex','-1'); document.getElementById('simulateur-titre').focus()")
    for _ in range(10):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if browser.switch_to.active_element.get_attribute("name") == "habiter_mieux":
            break
    active = browser.switch_to.active_element
    assert active.get_attribute("name") == "habiter_mieux"
    if active.get_attribute("value") != "oui":
        ActionChains(browser).send_keys(Keys.ARROW_UP).perform()
    ActionChains(browser).send_keys(Keys.SPACE).perform()
    ActionChains(browser).send_keys(Keys.TAB).perform()
    assert browser.switch_to.active_element.tag_name == "button"
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    block = browser.find_element(By.CSS_SELECTOR, "#sim-call-prime-habiter-mieux-resultat .resultat-aide")
    assert block.get_attribute("data-montant") == "500"
    AUDIT["parcours_clavier"]["formulaire d'un simulateur"] = True
