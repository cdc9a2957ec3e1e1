"""Every persona of every simulator, run in Chromium by filling the generated form.

The same personas are checked by the Swift evaluator at build time (a failing persona fails
the build), so both evaluators agree on every persona when this passes. Answers derived from
the commune (zone, Île-de-France) are never asked: a persona that gives a commune (INSEE code)
types its name in the finder and chooses it; otherwise the page URL gives them."""
import pathlib
import csv
import urllib.parse

import pytest
import yaml
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

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


def commune_names():
    with open(CONTENT / "referentiel" / "communes.csv", encoding="utf-8") as f:
        return {r["code_insee"]: r["nom"] for r in csv.DictReader(f, delimiter=";")}


NAMES = commune_names()


def choose_commune(browser, form, typed, code):
    """Types in the commune finder and clicks the choice with that INSEE code."""
    field = form.find_element(By.CSS_SELECTOR, ".champ-commune input")
    field.clear()
    field.send_keys(typed)
    button = WebDriverWait(browser, 10).until(
        lambda b: form.find_element(By.CSS_SELECTOR, f".commune-choix button[data-code='{code}']"))
    button.click()
    return field


def url_value(v):
    return "oui" if v is True else "non" if v is False else str(v)


def run(browser, base_url, aid, rules, answers):
    derived = {q["id"]: url_value(answers[q["id"]]) for q in rules["questions"] if q.get("derivee_de") and q["id"] in answers}
    query = ("?" + urllib.parse.urlencode(derived)) if derived else ""
    browser.get(f"{base_url}/aides/{aid}/{query}")
    form = browser.find_element(By.ID, f"sim-{aid}")
    assert form.is_displayed()
    asks_commune = any(q["id"] == "commune" for q in rules["questions"])
    if "commune" in answers and not asks_commune:
        code = str(answers["commune"])
        choose_commune(browser, form, NAMES[code], code)
    for q in rules["questions"]:
        if q.get("derivee_de"):
            assert form.find_elements(By.CSS_SELECTOR, f"[data-question='{q['id']}']") == [], f"derived question {q['id']} is asked"
        elif q["id"] in answers:
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
    status = yaml.safe_load((CONTENT / "aides" / f"{aid}.md").read_text(encoding="utf-8").split("---")[1])["statut"]
    if status == "terminee":
        assert "Vous semblez pouvoir" not in block.text and "terminée" in block.text
    else:
        assert "Barème en vigueur au" in block.text or not rules.get("baremes")


@pytest.mark.parametrize("revenu,message", [
    ("-5", "supérieur ou égal à 0"),
    ("1000000000000", "inférieur ou égal à"),
    ("deux mille", "indiquez un nombre"),
])
def test_bad_answers_give_a_field_error_never_a_result(browser, base_url, revenu, message):
    aid = "anah-categories-revenus"
    rules = yaml.safe_load((CONTENT / "aides" / f"{aid}.regles.yaml").read_text(encoding="utf-8"))
    result = run(browser, base_url, aid, rules, {"personnes": 2, "revenu": revenu})
    assert result.find_elements(By.CSS_SELECTOR, ".resultat-aide") == []
    error = browser.find_element(By.ID, f"sim-{aid}-revenu-erreur")
    assert error.is_displayed() and message in error.text
    assert "Revenu fiscal de référence du foyer" in error.text
    assert browser.switch_to.active_element.get_attribute("name") == "revenu"


def test_zero_persons_is_refused(browser, base_url):
    aid = "anah-categories-revenus"
    rules = yaml.safe_load((CONTENT / "aides" / f"{aid}.regles.yaml").read_text(encoding="utf-8"))
    result = run(browser, base_url, aid, rules, {"personnes": 0, "revenu": 20000})
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


def hub_pick(form, q, v):
    form.find_element(By.CSS_SELECTOR, f"input[name='{q}'][value='{v}']").click()


def hub_type(form, q, v):
    f = form.find_element(By.CSS_SELECTOR, f"[data-question='{q}'] input")
    f.clear(); f.send_keys(v)


def hub_results(browser):
    return {b.get_attribute("data-aide"): b for b in browser.find_elements(By.CSS_SELECTOR, "#hub-resultat .resultat-aide")}


def hub_start(browser, base_url, typed="Béthune", code="62119"):
    browser.get(f"{base_url}/simulateur/")
    form = browser.find_element(By.ID, "hub")
    choose_commune(browser, form, typed, code)
    return form


def test_hub_asks_the_commune_then_who_and_what_and_never_the_zone(browser, base_url):
    browser.get(f"{base_url}/simulateur/")
    form = browser.find_element(By.ID, "hub")
    first = form.find_element(By.CSS_SELECTOR, ".champ")
    assert "champ-commune" in first.get_attribute("class") and first.is_displayed()
    assert form.find_element(By.CSS_SELECTOR, "input[name=profil]").is_displayed()
    assert form.find_element(By.CSS_SELECTOR, "input[name=projet]").is_displayed()
    asked = [b.get_attribute("data-question") for b in form.find_elements(By.CSS_SELECTOR, "[data-question]") if b.is_displayed()]
    assert asked == ["commune"], f"questions shown before the situation is known: {asked}"
    assert "Île-de-France" not in form.text and "zone" not in form.text.lower()


def test_hub_owner_renovating_gets_amounts_and_next_steps(browser, base_url):
    form = hub_start(browser, base_url)
    hub_pick(form, "profil", "proprietaire-occupant")
    hub_pick(form, "projet", "renover")
    shown = {b.get_attribute("data-question") for b in form.find_elements(By.CSS_SELECTOR, "[data-question]") if b.is_displayed()}
    assert {"personnes", "revenu", "dpe_avant", "geste"} <= shown
    assert "situation" not in shown and "primo_accedant" not in shown
    hub_type(form, "personnes", "1")
    hub_type(form, "revenu", "17363")
    hub_pick(form, "logement_15_ans", "oui")
    hub_pick(form, "dpe_avant", "F")
    hub_type(form, "classes_gagnees", "2")
    hub_pick(form, "deux_isolations", "oui")
    hub_type(form, "cout_ht", "30000")
    hub_type(form, "cout_ttc", "31650")
    hub_type(form, "autres_aides", "0")
    hub_pick(form, "geste", "pac_air_eau")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    results = hub_results(browser)
    assert set(results) == {"anah-categories-revenus", "maprimerenov-ampleur", "maprimerenov-par-geste"}
    assert results["anah-categories-revenus"].get_attribute("data-categorie") == "très modeste"
    assert "Votre catégorie : très modeste." in results["anah-categories-revenus"].text
    assert results["maprimerenov-ampleur"].get_attribute("data-montant") == "24000"
    assert results["maprimerenov-par-geste"].get_attribute("data-montant") == "5000"
    text = results["maprimerenov-ampleur"].text
    assert "Barème en vigueur au" in text and "france-renov.gouv.fr" in text
    # The answers are in the URL: opening it again gives the same result.
    url = browser.current_url
    assert "profil=proprietaire-occupant" in url and "revenu=17363" in url and "commune=62119" in url
    assert "ADIL du Pas-de-Calais" in browser.find_element(By.ID, "hub-resultat").text
    copy = browser.find_element(By.CSS_SELECTOR, "#hub-partage button")
    assert copy.is_displayed()
    browser.get("about:blank")
    browser.get(url)
    again = hub_results(browser)
    assert again["maprimerenov-ampleur"].get_attribute("data-montant") == "24000"
    assert again["anah-categories-revenus"].get_attribute("data-categorie") == "très modeste"
    assert browser.find_element(By.CSS_SELECTOR, "#hub .champ-commune input").get_attribute("value") == "Béthune"


def future_buyer(form, logement):
    hub_pick(form, "profil", "futur-acheteur")
    hub_pick(form, "projet", "acheter")
    hub_pick(form, "primo_accedant", "oui")
    hub_pick(form, "logement", logement)
    hub_type(form, "personnes", "2")
    hub_type(form, "revenu", "51750")
    hub_type(form, "cout_operation", "200000")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()


def test_hub_typing_bethune_without_accent_gives_zone_b1_results(browser, base_url):
    form = hub_start(browser, base_url, "bethune", "62119")
    assert "zone B1" in form.find_element(By.CSS_SELECTOR, ".commune-etat").text
    future_buyer(form, "neuf_maison")
    results = hub_results(browser)
    assert set(results) == {"ptz"}
    # Zone B1, 2 persons, at the ceiling (51 750 €), 30 % of 200 000 €.
    assert results["ptz"].get_attribute("data-montant") == "60000"
    assert "Zone B2" not in results["ptz"].text
    form = hub_start(browser, base_url, "Béthune", "62119")
    future_buyer(form, "ancien_travaux")
    # Zone B1: an older dwelling with works is not open; the PTZ is listed as examined, not for you.
    assert "ptz" not in hub_results(browser)
    assert browser.find_element(By.CSS_SELECTOR, "#hub-resultat .resultat-ecartee[data-aide='ptz']")


def test_homonyms_show_their_departement(browser, base_url):
    browser.get(f"{base_url}/simulateur/")
    form = browser.find_element(By.ID, "hub")
    field = form.find_element(By.CSS_SELECTOR, ".champ-commune input")
    field.send_keys("Saint-Aubin")
    WebDriverWait(browser, 10).until(lambda b: form.find_elements(By.CSS_SELECTOR, ".commune-choix button"))
    buttons = form.find_elements(By.CSS_SELECTOR, ".commune-choix button")
    # The two communes named exactly Saint-Aubin come first (Aubin-Saint-Vaast only after them).
    choices = {b.get_attribute("data-code"): b.text for b in buttons[:2]}
    assert set(choices) == {"59529", "62742"}
    assert "Nord" in choices["59529"] and "Pas-de-Calais" in choices["62742"]
    field.clear()
    field.send_keys("st aubin")
    WebDriverWait(browser, 10).until(lambda b: {x.get_attribute("data-code") for x in form.find_elements(By.CSS_SELECTOR, ".commune-choix button")[:2]} == {"59529", "62742"})


def test_hub_refuses_a_name_that_is_not_chosen(browser, base_url):
    browser.get(f"{base_url}/simulateur/?profil=futur-acheteur&projet=acheter")
    form = browser.find_element(By.ID, "hub")
    form.find_element(By.CSS_SELECTOR, ".champ-commune input").send_keys("Saint-Aubin")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    error = browser.find_element(By.ID, "hub-commune-erreur")
    # Two communes are named Saint-Aubin: the name alone is refused until one is chosen.
    WebDriverWait(browser, 10).until(lambda b: error.is_displayed() and "choisissez votre commune dans la liste" in error.text)
    assert hub_results(browser) == {}


def test_roubaix_resident_never_sees_call_or_cabbalr_aids(browser, base_url):
    form = hub_start(browser, base_url, "Roubaix", "59512")
    future_buyer(form, "neuf_maison")
    results = hub_results(browser)
    assert "ptz" in results
    text = browser.find_element(By.ID, "hub-resultat").text
    assert not any(a.startswith(("call-", "cabbalr-")) for a in results)
    assert "CALL" not in text and "Lens-Liévin" not in text and "ADIL du Nord" in text


def test_lens_resident_sees_the_call_npnru_aid(browser, base_url):
    form = hub_start(browser, base_url, "Lens", "62498")
    hub_pick(form, "profil", "futur-acheteur")
    hub_pick(form, "projet", "acheter")
    hub_pick(form, "primo_accedant", "oui")
    hub_pick(form, "quartier", "lens-12-14")
    hub_pick(form, "operation_npnru", "neuf")
    hub_pick(form, "logement", "neuf_maison")
    hub_type(form, "personnes", "2")
    hub_type(form, "revenu", "51750")
    hub_type(form, "cout_operation", "200000")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    results = hub_results(browser)
    assert set(results) == {"ptz", "call-aide-primo-accedants-npnru"}
    # Lens is in zone B1 (reference): the PTZ is computed for B1 only.
    assert results["ptz"].get_attribute("data-montant") == "60000"
    # The NPNRU aid has its own question about the dwelling (not the PTZ's): 5 000 € for a new one.
    assert results["call-aide-primo-accedants-npnru"].get_attribute("data-montant") == "5000"
    assert "service Habitat" in results["call-aide-primo-accedants-npnru"].text


def test_shared_link_restores_the_commune_and_the_printed_result_names_it(browser, base_url):
    form = hub_start(browser, base_url, "Lens", "62498")
    future_buyer(form, "neuf_maison")
    url = browser.current_url
    assert "commune=62498" in url
    browser.get("about:blank")
    browser.get(url)
    WebDriverWait(browser, 10).until(lambda b: hub_results(b))
    assert hub_results(browser)["ptz"].get_attribute("data-montant") == "60000"
    assert browser.find_element(By.CSS_SELECTOR, "#hub .champ-commune input").get_attribute("value") == "Lens"
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        line = browser.find_element(By.ID, "hub-impression")
        assert line.is_displayed() and "Lens (code INSEE 62498)" in line.text and line.text.startswith("Résultat calculé le ")
        assert "Barème en vigueur au" in browser.find_element(By.ID, "hub-resultat").text
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_hub_landlord_letting_gets_no_unrelated_aid(browser, base_url):
    browser.get(f"{base_url}/simulateur/?commune=62119&profil=proprietaire-bailleur&projet=louer")
    WebDriverWait(browser, 10).until(lambda b: "Aucune aide en vigueur" in b.find_element(By.ID, "hub-resultat").text)
    assert hub_results(browser) == {}


def test_hub_never_lists_ended_aids(browser, base_url):
    browser.get(f"{base_url}/simulateur/")
    ids = {s["aide"] for s in __import__("json").loads(browser.find_element(By.ID, "hub-regles").get_attribute("textContent"))}
    for aid in ids:
        front = (CONTENT / "aides" / f"{aid}.md").read_text(encoding="utf-8").split("---")[1]
        assert yaml.safe_load(front)["statut"] == "en-vigueur", aid


def test_shared_link_restores_a_single_simulator(browser, base_url):
    browser.get(f"{base_url}/aides/maprimeadapt/?personnes=1&revenu=17363&situation=age_70&cout_ht=22000")
    block = browser.find_element(By.CSS_SELECTOR, "#sim-maprimeadapt-resultat .resultat-aide")
    assert block.get_attribute("data-montant") == "15400"
    assert browser.find_element(By.CSS_SELECTOR, "input[name=revenu]").get_attribute("value") == "17363"


def test_ended_aid_never_says_you_may_benefit(browser, base_url):
    browser.get(f"{base_url}/aides/call-prime-habiter-mieux/?habiter_mieux=oui")
    block = browser.find_element(By.CSS_SELECTOR, "#sim-call-prime-habiter-mieux-resultat .resultat-aide")
    assert block.get_attribute("data-terminee") == "true"
    assert "Vous semblez pouvoir" not in block.text and "Cette aide est terminée" in block.text
    assert "MaPrimeRénov' — rénovation d'ampleur" in browser.find_element(By.CSS_SELECTOR, ".alerte-terminee").text


def test_aids_list_filters_by_status_and_situation(browser, base_url):
    browser.get(f"{base_url}/aides/")
    Select(browser.find_element(By.ID, "filtre-statut")).select_by_value("en-vigueur")
    visible = [c for c in browser.find_elements(By.CSS_SELECTOR, "#liste-aides li.carte-aide") if c.is_displayed()]
    assert visible and all("aide-terminee" not in c.get_attribute("class") for c in visible)
    Select(browser.find_element(By.ID, "filtre-public")).select_by_value("primo-accedant")
    titles = [c.find_element(By.TAG_NAME, "h3").text for c in browser.find_elements(By.CSS_SELECTOR, "#liste-aides li.carte-aide") if c.is_displayed()]
    assert "Prêt à taux zéro (PTZ)" in titles and "MaPrimeAdapt'" not in titles
    Select(browser.find_element(By.ID, "filtre-statut")).select_by_value("terminee")
    Select(browser.find_element(By.ID, "filtre-public")).select_by_value("")
    ended = [c for c in browser.find_elements(By.CSS_SELECTOR, "#liste-aides li.carte-aide") if c.is_displayed()]
    assert ended and all("Terminée" in c.text for c in ended)


def test_aids_list_sections_without_javascript(browser_no_js, base_url):
    browser_no_js.get(f"{base_url}/aides/")
    links = [a.get_attribute("href").split("#")[1] for a in browser_no_js.find_elements(By.CSS_SELECTOR, ".sommaire-aides a")]
    assert links == ["aides-en-vigueur", "aides-a-confirmer", "aides-terminees"]
    ended = browser_no_js.find_elements(By.CSS_SELECTOR, "#aides-terminees li.carte-aide")
    assert ended and all("Terminée" in c.text for c in ended)


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


def simulators_with(question):
    for path in sorted((CONTENT / "aides").glob("*.regles.yaml")):
        rules = yaml.safe_load(path.read_text(encoding="utf-8"))
        if any(q["id"] == question and not q.get("derivee_de") for q in rules["questions"]):
            yield pytest.param(path.name[: -len(".regles.yaml")], rules, id=path.name[: -len(".regles.yaml")])


@pytest.mark.parametrize("aid,rules", list(simulators_with("revenu")))
@pytest.mark.parametrize("field,value,message", [
    ("personnes", "0", "supérieur ou égal à 1"),
    ("revenu", "-1", "supérieur ou égal à 0"),
    ("revenu", "99999999999", "inférieur ou égal à"),
    ("revenu", "beaucoup", "indiquez un nombre"),
])
def test_every_simulator_names_the_bad_field_and_gives_no_result(browser, base_url, aid, rules, field, value, message):
    persona = dict(rules["personas"][0]["reponses"])
    if field not in {q["id"] for q in rules["questions"]}:
        pytest.skip(f"{aid} has no question {field}")
    persona[field] = value
    result = run(browser, base_url, aid, rules, persona)
    assert result.find_elements(By.CSS_SELECTOR, ".resultat-aide") == []
    error = browser.find_element(By.ID, f"sim-{aid}-{field}-erreur")
    assert error.is_displayed() and message in error.text
    label = next(q["libelle"] for q in rules["questions"] if q["id"] == field)
    assert label in error.text
    assert "?" not in browser.current_url.split("#")[0] or f"{field}=" not in browser.current_url


def test_printed_result_shows_the_date_and_the_bareme(browser, base_url):
    browser.get(f"{base_url}/aides/maprimeadapt/?personnes=1&revenu=17363&situation=age_70&cout_ht=22000")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        line = browser.find_element(By.ID, "sim-maprimeadapt-impression")
        assert line.is_displayed() and line.text.startswith("Résultat calculé le ")
        assert not browser.find_element(By.ID, "sim-maprimeadapt").is_displayed()
        block = browser.find_element(By.CSS_SELECTOR, "#sim-maprimeadapt-resultat .resultat-aide")
        assert "Barème en vigueur au" in block.text and "Plafonds de ressources Anah 2026" in block.text
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_hub_tenant_renovating_gets_no_category_alone(browser, base_url):
    browser.get(f"{base_url}/simulateur/?commune=62119&profil=locataire&projet=renover")
    WebDriverWait(browser, 10).until(lambda b: "Aucune aide en vigueur" in b.find_element(By.ID, "hub-resultat").text)
    assert hub_results(browser) == {}


def test_hub_tenant_adapting_gets_maprimeadapt_and_the_category(browser, base_url):
    browser.get(f"{base_url}/simulateur/?commune=62119&profil=locataire&projet=adapter&personnes=2&revenu=32553&situation=age_60_gir&cout_ht=10000")
    results = WebDriverWait(browser, 10).until(lambda b: hub_results(b))
    assert set(results) == {"anah-categories-revenus", "maprimeadapt"}
    assert results["maprimeadapt"].get_attribute("data-montant") == "5000"
    assert results["anah-categories-revenus"].get_attribute("data-categorie") == "modeste"


def test_aids_list_filters_by_commune_and_the_link_restores_it(browser, base_url):
    browser.get(f"{base_url}/aides/")
    field = browser.find_element(By.ID, "filtre-commune")
    field.send_keys("Roubaix")
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#filtre-commune-choix button[data-code='59512']"))[0].click()
    shown = {c.get_attribute("data-aide") for c in browser.find_elements(By.CSS_SELECTOR, "#liste-aides li.carte-aide") if c.is_displayed()}
    assert "ptz" in shown and "nord-nehs" in shown
    assert not any(a.startswith(("call-", "cabbalr-", "cua-")) for a in shown)
    assert "commune=59512" in browser.current_url
    browser.get(f"{base_url}/aides/?commune=62498&statut=en-vigueur")
    WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "filtre-commune").get_attribute("value") == "Lens")
    shown = {c.get_attribute("data-aide") for c in browser.find_elements(By.CSS_SELECTOR, "#liste-aides li.carte-aide") if c.is_displayed()}
    assert "call-aide-primo-accedants-npnru" in shown and "ptz" in shown
    assert not any(a.startswith(("cabbalr-", "cua-", "nord-")) for a in shown)
