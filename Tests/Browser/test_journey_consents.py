"""A reader's consents (issue 16, §3), through the pages: the coordinator opens a reader's
consents from the card, records consent to publication given orally with the signed form's scan
(a page passed off as a PDF is refused first, and nothing is kept), downloads the scan, withdraws
the consent, and finds the history in the reader's export. axe runs on every page at 1280 and 360
px; the database is checked after each step."""
import tempfile
from datetime import date

import pytest
from selenium.webdriver.common.by import By

from journeys import button, choose, click_and_wait, fetch, flash, link, login, main_text, menu, one, q, scan, settle, suffix, tick, type_into

pytestmark = pytest.mark.usefixtures("journey_steps")

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def _file(data, name):
    f = tempfile.NamedTemporaryFile(suffix="-" + name, delete=False)
    f.write(data)
    f.close()
    return f.name


def consents(server, reader_id):
    return q(server, "SELECT scope, way, withdrawn_on, scan_name FROM reader_consents WHERE reader_id = ? ORDER BY created_at", reader_id)


def test_record_a_consent_with_its_scan_then_withdraw_it(driver, server):
    deferred = []
    branch = one(server, "SELECT branch_id FROM users WHERE email = 'coordinator@demo.kz'")[0]
    reader_id, card, family = one(
        server, "SELECT id, card_number, family_name FROM readers WHERE branch_id = ? AND removed_as IS NULL "
        "AND consent_publication = 0 ORDER BY card_number DESC LIMIT 1", branch)
    before = consents(server, reader_id)
    assert all(s != "publication" for s, *_ in before), before

    login(driver, server, "coordinator@demo.kz")
    menu(driver, "Читатели")
    type_into(driver, "f-q", card)
    button(driver, "Найти")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"main a[href='/readers/{reader_id.lower()}']"))
    link(driver, "Согласия и сканы")
    assert family in driver.find_element(By.TAG_NAME, "h1").text
    assert len(driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")) == len(before)
    scan(driver, "consents", deferred)

    # A page named .pdf is refused at the file field, and no consent is recorded.
    today = date.today().isoformat()
    choose(driver, "f-scope", "Фото и публикации")
    type_into(driver, "f-given_on", today)
    choose(driver, "f-way", "Устно (записано сотрудником)")
    driver.find_element(By.ID, "f-file").send_keys(_file(b"<html><script>alert(1)</script></html>", "scan.pdf"))
    button(driver, "Записать согласие")
    assert "Скан согласия — только PDF, JPEG или PNG." in main_text(driver)
    assert driver.find_element(By.ID, "f-file").get_attribute("aria-invalid") == "true"
    assert consents(server, reader_id) == before
    scan(driver, "consents-refused", deferred)

    # The real scan: kept with the consent, which now holds.
    assert driver.find_element(By.ID, "f-scope").get_attribute("value") == "publication"  # the choice came back
    driver.find_element(By.ID, "f-file").send_keys(_file(PDF, "согласие.pdf"))
    button(driver, "Записать согласие")
    assert "Согласие записано." in flash(driver)
    after = consents(server, reader_id)
    added = after[len(before):]
    assert len(added) == 1 and added[0][:3] == ("publication", "oral", None) and added[0][3].endswith("согласие.pdf"), after
    assert one(server, "SELECT consent_publication FROM readers WHERE id = ?", reader_id)[0] == 1
    row = driver.find_element(By.XPATH, "//main//tbody/tr[td[normalize-space()='Фото и публикации']]")
    assert "Действует" in row.text
    status, kind, body = fetch(driver, row.find_element(By.PARTIAL_LINK_TEXT, "согласие.pdf").get_attribute("href"))
    assert status == 200 and kind == "application/pdf" and body == PDF
    scan(driver, "consents-saved", deferred)

    # Withdrawn today: the consent stays in the history, marked, and the reader is no longer published.
    click_and_wait(driver, row.find_element(By.XPATH, ".//button[normalize-space()='Отозвать']"))
    assert "Согласие отозвано." in flash(driver)
    assert consents(server, reader_id)[-1][2] is not None
    assert one(server, "SELECT consent_publication FROM readers WHERE id = ?", reader_id)[0] == 0
    row = driver.find_element(By.XPATH, "//main//tbody/tr[td[normalize-space()='Фото и публикации']]")
    assert "Отозвано" in row.text and not row.find_elements(By.XPATH, ".//button[normalize-space()='Отозвать']")
    scan(driver, "consents-withdrawn", deferred)

    # The export lists the consent history.
    link(driver, "← Карточка читателя")
    link(driver, "Выписка данных")
    history = driver.find_elements(By.XPATH, "//section[h2[@id='exp-consents']]//tbody/tr")
    assert len(history) == len(before) + 1, [r.text for r in history]
    settle(deferred, [])


def test_a_volunteer_carrier_leaves_and_their_account_is_anonymised(driver, server):
    """Issue 16, §6: the administrator adds a volunteer carrier, later deactivates the account, and
    anonymises it (a wrong e-mail first changes nothing); the list then names the pseudonym."""
    deferred = []
    tag = suffix()
    email, name = f"volunteer{tag}@demo.kz", f"Волонтёр{tag} Асель"
    login(driver, server, "admin@demo.kz")
    menu(driver, "Учётные записи")
    link(driver, "Новая учётная запись")
    type_into(driver, "f-full_name", name)
    type_into(driver, "f-email", email)
    tick(driver, "f-role-carrier")
    choose(driver, "f-branch_id", one(server, "SELECT name_ru FROM branches ORDER BY code LIMIT 1")[0])
    type_into(driver, "f-password", "volunteer-pass-2026")
    button(driver, "Создать")
    assert "Учётная запись создана." in flash(driver)
    user_id = one(server, "SELECT id FROM users WHERE email = ?", email)[0]

    # Leaves: the account is switched off, and its page offers the anonymisation.
    link(driver, name)
    tick(driver, "f-is_active", False)
    button(driver, "Сохранить")
    assert "Учётная запись сохранена." in flash(driver)
    assert one(server, "SELECT is_active, deactivated_on FROM users WHERE id = ?", user_id)[0] in (0, False)
    link(driver, name)
    assert "Обезличить учётную запись" in main_text(driver)
    scan(driver, "account-deactivated", deferred)
    type_into(driver, "f-confirm", "someone@demo.kz")
    button(driver, "Обезличить навсегда")
    assert "E-mail не совпадает" in main_text(driver)
    assert driver.find_element(By.ID, "f-confirm").get_attribute("aria-invalid") == "true"
    assert one(server, "SELECT full_name, anonymised_on FROM users WHERE id = ?", user_id) == (name, None)
    scan(driver, "account-anonymise-refused", deferred)
    type_into(driver, "f-confirm", email)
    button(driver, "Обезличить навсегда")
    assert "Учётная запись обезличена." in flash(driver)
    alias = "STAFF-" + user_id.replace("-", "")[:8].upper()
    full_name, stored_email = one(server, "SELECT full_name, email FROM users WHERE id = ?", user_id)
    assert (full_name, stored_email) == (alias, alias.lower() + "@removed.invalid"), (full_name, stored_email)
    assert name not in main_text(driver) and alias in main_text(driver)
    scan(driver, "accounts-after-anonymising", deferred)
    settle(deferred, [])
