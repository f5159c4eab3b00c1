"""Readers from the library system (issue 14, §3), through the pages: a coordinator loads the
system's list of readers, gets every bad cell named and nothing stored, mends the file, loads it
again, opens a new reader (awaiting consent) and records the consent that lets visits be planned.
axe runs on every page at 1280 and 360 px; the database is checked after each step."""
import csv
import datetime
import tempfile

import pytest
from selenium.webdriver.common.by import By

from journeys import button, choose, click_and_wait, link, login, main_text, menu, one, scan, settle, suffix, tick, type_into

pytestmark = pytest.mark.usefixtures("journey_steps")

HOSTILE = '"\'><b>x</b>'


def _file(rows):
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";").writerows(rows)
    return f.name


def test_readers_from_the_system_all_or_nothing_then_consent(driver, server):
    deferred = []
    login(driver, server, "coordinator@demo.kz")
    branch = one(server, "SELECT b.id FROM users u JOIN branches b ON b.id = u.branch_id WHERE u.email = 'coordinator@demo.kz'")[0]
    before = one(server, "SELECT count(*) FROM readers")[0]
    tag = suffix()
    header = ["Читательский билет", "ФИО", "Дата рождения", "Адрес", "Телефон", "Группа инвалидности"]
    good = [f"АБИС-{tag}-1", f"Жанабаева{tag} Алия Серикқызы", "05.03.1950", "ул. Абая, д. 12, кв. 5", "87051234567", "II группа"]
    bad = [f"АБИС-{tag}-2", HOSTILE, "31.02.1950", "ул. Сатпаева", "", "IV"]

    # 1. A file with a bad row: nothing is stored, and each bad cell is named.
    menu(driver, "Читатели")
    link(driver, "Читатели из АБИС")
    scan(driver, "reader-import-form", deferred)
    type_into(driver, "f-settlement", "Семей")
    driver.find_element(By.ID, "f-file").send_keys(_file([header, good, bad]))
    button(driver, "Загрузить читателей")
    text = main_text(driver)
    assert "Ничего не сохранено" in text and "В файле 4 ошибки (строк: 2)" in text, text
    cells = [[td.text for td in tr.find_elements(By.CSS_SELECTOR, "th, td")] for tr in driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")]
    assert [c[:3] for c in cells] == [
        ["3", "ФИО", HOSTILE], ["3", "Дата рождения", "31.02.1950"], ["3", "Адрес", "ул. Сатпаева"], ["3", "Группа инвалидности", "IV"]
    ], cells
    assert not driver.find_elements(By.CSS_SELECTOR, "main b")
    assert one(server, "SELECT count(*) FROM readers")[0] == before
    # What was typed is still in the form, so only the file needs choosing again.
    assert driver.find_element(By.ID, "f-settlement").get_attribute("value") == "Семей"
    scan(driver, "reader-import-refused", deferred)

    # 2. The mended file: both readers are stored, awaiting consent, in the coordinator's branch.
    bad[1:6] = [f"Ким{tag} Ольга", "28.02.1950", "ул. Сатпаева, 4", "", "нет"]
    driver.find_element(By.ID, "f-file").send_keys(_file([header, good, bad]))
    button(driver, "Загрузить читателей")
    text = main_text(driver)
    assert "Строк в файле: 2. Добавлено читателей: 2, обновлено: 0, без изменений: 0." in text, text
    assert one(server, "SELECT count(*) FROM readers")[0] == before + 2
    stored = one(
        server, "SELECT status, branch_id, street, building, apartment, disability_group FROM readers WHERE card_number = ?", good[0])
    assert stored == ("pending", branch, "ул. Абая", "12", "5", "group2"), stored
    scan(driver, "reader-import-stored", deferred)

    # 3. The new reader's record, then the consent that makes them served.
    link(driver, f"Жанабаева{tag} Алия")
    assert "Ожидает согласия" in driver.find_element(By.CSS_SELECTOR, ".badge").text
    scan(driver, "reader-pending", deferred)
    link(driver, "Изменить")
    tick(driver, "f-status-active")
    type_into(driver, "f-consent_date", datetime.date.today().isoformat())
    choose(driver, "f-consent_signed_by", "Сам читатель")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button.primary"))
    assert "Обслуживается" in driver.find_element(By.CSS_SELECTOR, ".badge").text, main_text(driver)
    assert one(server, "SELECT status, consent_signed_by FROM readers WHERE card_number = ?", good[0]) == ("active", "reader")
    settle(deferred, [])
