"""A reader's rights over their data (issue 16, §2 and §4), through the pages: a coordinator prints
a served reader's export in the reader's language and downloads it as JSON; a reader arrives from
the library system and the administrator erases them in two steps, refused first without a choice
and with a wrong card number; the access log shows the erasure. axe runs on every page at 1280 and
360 px; the database is checked after each step."""
import csv
import json
import tempfile

import pytest
from selenium.webdriver.common.by import By

from journeys import button, choose, click_and_wait, fetch, link, login, main_text, menu, one, q, scan, settle, suffix, tick, type_into

pytestmark = pytest.mark.usefixtures("journey_steps")


HEADINGS = {
    "ru": ("Сведения, которые библиотека хранит о вас", "Визиты", "Книги и оценки"),
    "kk": ("Кітапхана сіз туралы сақтайтын мәліметтер", "Барулар", "Кітаптар мен бағалар"),
    "en": ("What the library holds about you", "Visits", "Books and ratings"),
}


def _file(rows):
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";").writerows(rows)
    return f.name


def test_export_then_erase_in_two_steps(driver, server):
    deferred = []
    branch = one(server, "SELECT branch_id FROM users WHERE email = 'coordinator@demo.kz'")[0]
    # The coordinator's reader with the most visits: the export has the most to show.
    reader_id, card, family, visits = one(
        server, "SELECT r.id, r.card_number, r.family_name, count(v.id) AS n FROM readers r JOIN visits v ON v.reader_id = r.id "
        "WHERE r.branch_id = ? GROUP BY r.id ORDER BY n DESC, r.card_number LIMIT 1", branch)
    loans = one(server, "SELECT count(*) FROM loans WHERE reader_id = ?", reader_id)[0]

    # 1. The coordinator opens the reader and the export.
    login(driver, server, "coordinator@demo.kz")
    menu(driver, "Читатели")
    type_into(driver, "f-q", card)
    button(driver, "Найти")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"main a[href='/readers/{reader_id.lower()}']"))
    assert "Обезличить" not in main_text(driver)  # administrators only
    link(driver, "Выписка данных")
    # In the reader's first language of ru/kk/en (Russian when none), whatever the coordinator's.
    languages = [r[0] for r in q(server, "SELECT value FROM reader_tags WHERE reader_id = ? AND kind = 'language' ORDER BY position", reader_id)]
    lang = next((l for l in languages if l in HEADINGS), "ru")
    document = driver.find_element(By.CSS_SELECTOR, "main .export")
    assert document.get_attribute("lang") == lang and family in document.text and HEADINGS[lang][0] in document.text, document.text[:300]
    visit_rows = driver.find_elements(By.XPATH, f"//section[h2[normalize-space()='{HEADINGS[lang][1]}']]//tbody/tr")
    loan_rows = driver.find_elements(By.XPATH, f"//section[h2[normalize-space()='{HEADINGS[lang][2]}']]//tbody/tr")
    assert (len(visit_rows), len(loan_rows)) == (visits, loans), (len(visit_rows), visits, len(loan_rows), loans)
    scan(driver, "export", deferred)
    other = "ru" if lang != "ru" else "kk"
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"main a.slip-lang[lang='{other}']"))
    assert driver.find_element(By.CSS_SELECTOR, "main .export").get_attribute("lang") == other
    assert HEADINGS[other][0] in main_text(driver)
    scan(driver, "export-other-language", deferred)
    status, kind, body = fetch(driver, driver.find_element(By.XPATH, "//main//a[normalize-space()='Скачать в JSON']").get_attribute("href"))
    data = json.loads(body)
    assert status == 200 and kind.startswith("application/json") and len(data["visits"]) == visits and len(data["loans"]) == loans
    assert data["reader"]["family_name"] == family
    exports = one(server, "SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'export'", reader_id)[0]
    assert exports == 3, exports

    # 2. A reader arrives from the library system.
    tag = suffix()
    new_card = f"ПД-{tag}"
    menu(driver, "Читатели")
    link(driver, "Читатели из АБИС")
    type_into(driver, "f-settlement", "Семей")
    driver.find_element(By.ID, "f-file").send_keys(_file([
        ["Читательский билет", "ФИО", "Дата рождения", "Адрес", "Телефон"],
        [new_card, f"Нуртаева{tag} Сауле", "12.04.1941", "ул. Абая, д. 3, кв. 7", "87057654321"],
    ]))
    button(driver, "Загрузить читателей")
    assert "Добавлено читателей: 1" in main_text(driver)
    new_id = one(server, "SELECT id FROM readers WHERE card_number = ?", new_card)[0]
    driver.delete_all_cookies()

    # 3. The administrator erases them: nothing chosen first, then a wrong card number.
    login(driver, server, "admin@demo.kz")
    menu(driver, "Читатели")
    type_into(driver, "f-q", new_card)
    button(driver, "Найти")
    link(driver, f"Нуртаева{tag} Сауле")
    link(driver, "Обезличить или удалить…")
    scan(driver, "removal-form", deferred)
    button(driver, "Далее: проверить и подтвердить")
    text = main_text(driver)
    assert "Что сделать: Выберите, что сделать" in text and "Причина: Выберите причину." in text, text
    scan(driver, "removal-refused", deferred)
    tick(driver, "f-kind-erase")
    choose(driver, "f-reason", "по требованию читателя или его представителя")
    button(driver, "Далее: проверить и подтвердить")
    assert "Подтвердите полное удаление" in driver.title and "нельзя отменить" in main_text(driver)
    assert one(server, "SELECT removed_as FROM readers WHERE id = ?", new_id)[0] is None
    scan(driver, "removal-review", deferred)
    type_into(driver, "f-confirm", new_card + "0")
    button(driver, "Удалить навсегда")
    assert "Номер не совпадает" in main_text(driver)
    assert one(server, "SELECT removed_as FROM readers WHERE id = ?", new_id)[0] is None
    scan(driver, "removal-mismatch", deferred)
    type_into(driver, "f-confirm", new_card)
    button(driver, "Удалить навсегда")
    text = main_text(driver)
    assert "Данные читателя удалены." in text and "Данные удалены" in text and tag not in text, text
    row = one(server, "SELECT removed_as, removal_reason, family_name, birth_date, street FROM readers WHERE id = ?", new_id)
    assert row[:2] == ("erased", "subject_request") and row[2].startswith("ANON-") and row[3] is None and row[4] == "", row
    assert one(server, "SELECT count(*) FROM reader_phones WHERE reader_id = ?", new_id)[0] == 0
    assert "Изменить" not in [a.text for a in driver.find_elements(By.CSS_SELECTOR, "main .actions a")]
    scan(driver, "reader-erased", deferred)

    # 4. The access log names the erasure and who made it.
    menu(driver, "Журнал доступа")
    choose(driver, "f-action", "Удаление данных")
    button(driver, "Найти")
    rows = driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")
    assert len(rows) == one(server, "SELECT count(*) FROM audit_log WHERE action = 'erase'")[0] >= 1
    assert any("admin@demo.kz" in r.text and row[2] in r.text for r in rows), [r.text for r in rows]
    scan(driver, "audit-erase", deferred)
    settle(deferred, [])
