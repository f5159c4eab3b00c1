"""A copy from another branch: the administrator adds one at branch 2, the central library's
coordinator asks for it on a visit, and both branches' pick lists show it on its way."""
import random
import re
from datetime import date, timedelta

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from journeys import (STEPS, button, choose, click_and_wait, flash, link, login, menu, one, q, scan, selection_rows,
                      suffix, type_into, visit_items)

pytestmark = pytest.mark.usefixtures("journey_steps")

CENTRAL = "Центральная библиотека имени Абая, Семей"
SECOND = "Филиал № 2, Семей"


def sign_out(driver):
    button(driver, "Выйти", scope="//nav")
    assert "/login" in driver.current_url


def pick_list_for(driver, day, name, scan_visits=True):
    """Визиты → «Список для подбора с полок» → that day's list, through the list's own date field."""
    menu(driver, "Визиты")
    if scan_visits:
        scan(driver, f"{name}-visits")
    link(driver, "Список для подбора с полок")
    if f"date={day.isoformat()}" not in driver.current_url:
        type_into(driver, "f-date", day.isoformat())
        button(driver, "Показать список")
    assert day.strftime("%d.%m.%Y") in driver.find_element(By.TAG_NAME, "h1").text
    scan(driver, f"{name}-pick-list")


def table_rows(driver, css):
    return [tuple(td.text for td in tr.find_elements(By.TAG_NAME, "td")) for tr in driver.find_elements(By.CSS_SELECTOR, css)]


def test_coordinator_asks_another_branch_for_a_copy(driver, server):
    tag = suffix()
    new = {"inventory": f"М2-{tag}", "barcode": str(random.randrange(10 ** 12, 10 ** 13)), "shelf": f"84(2Рос=Рус)6 {tag}",
           "notes": f"Поступил для журнала {tag}", "acquired": (date.today() - timedelta(days=7)).isoformat()}
    # A printed title the central library cannot give: none of its copies is there or at branch 2,
    # and none is free anywhere. So the copy added below is the only one that can be asked for.
    bib_id, title = one(
        server,
        "SELECT b.id, b.title FROM bib_records b WHERE b.form = 'print' AND (SELECT count(*) FROM bib_records o WHERE o.title = b.title) = 1 "
        "AND EXISTS (SELECT 1 FROM copies c WHERE c.bib_id = b.id) "
        "AND NOT EXISTS (SELECT 1 FROM copies c JOIN branches br ON br.id = c.branch_id WHERE c.bib_id = b.id "
        "AND (br.code IN ('SEM-C', 'SEM-2') OR c.status = 'available')) ORDER BY b.id LIMIT 1")
    copies_before = q(server, "SELECT id FROM copies WHERE bib_id = ?", bib_id)

    # The administrator adds a copy at branch 2, on the record's page.
    login(driver, server, "admin@demo.kz")
    scan(driver, "copy-admin-home")
    open_record(driver, title)
    refuse_copy_without_inventory(driver, server, bib_id, copies_before, new["shelf"])
    copy_id = add_copy(driver, server, bib_id, title, copies_before, new)
    sign_out(driver)

    # The central library's coordinator opens a planned visit of one of their readers, later than
    # today, from the calendar.
    login(driver, server, "coordinator@demo.kz")
    scan(driver, "copy-coordinator-home")
    visit, day, reader, carrier = open_later_visit(driver, server, title)
    request_copy(driver, server, visit, (bib_id, title), copy_id)

    # The central library's pick list for that day: the title is coming, not to be picked.
    pick_list_for(driver, day, "copy-central", scan_visits=False)  # the calendar was scanned above
    picked = table_rows(driver, "main table:not(#arriving) tbody tr")
    assert not [r for r in picked if title in r[2] or r[1] == new["inventory"]], picked
    arriving = driver.find_element(By.ID, "arriving")
    assert arriving.find_element(By.TAG_NAME, "caption").text == "Придёт из другого филиала: 1 экземпляр"
    assert table_rows(driver, "#arriving tbody tr") == [(SECOND, new["inventory"], title, reader)]
    sign_out(driver)

    # Branch 2's coordinator: the copy is on their pick list for that day, to be sent on.
    login(driver, server, "coordinator2@demo.kz")
    scan(driver, "copy-coordinator2-home")
    pick_list_for(driver, day, "copy-second")
    ours = [r for r in table_rows(driver, "main table:not(#arriving) tbody tr") if r[1] == new["inventory"]]
    assert ours == [(new["shelf"], new["inventory"], title, reader, carrier, f"Передать в филиал «{CENTRAL}»")], ours
    assert not [r for r in table_rows(driver, "#arriving tbody tr") if r[1] == new["inventory"]]


def open_record(driver, title):
    """Каталог → search for the title → its record, which has no copy at branch 2 yet."""
    menu(driver, "Каталог")
    scan(driver, "copy-catalog")
    STEPS["fields"] += 1
    driver.find_element(By.NAME, "q").send_keys(title)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[role=search] button.primary"))
    assert driver.find_element(By.NAME, "q").get_attribute("value") == title
    hits = [a for a in driver.find_elements(By.CSS_SELECTOR, "ol.results h2 a") if a.text == title]
    assert len(hits) == 1, [a.text for a in driver.find_elements(By.CSS_SELECTOR, "ol.results h2 a")]
    scan(driver, "copy-catalog-results")
    click_and_wait(driver, hits[0])
    assert driver.find_element(By.TAG_NAME, "h1").text == title
    assert driver.find_element(By.ID, "add-copy").text == "Добавить экземпляр"
    assert SECOND not in [h.text for h in driver.find_elements(By.CSS_SELECTOR, "main section.card h3")]
    scan(driver, "copy-record")


def refuse_copy_without_inventory(driver, server, bib_id, copies_before, shelf):
    """Sent without an inventory number: the error is at that field, and nothing is stored."""
    choose(driver, "f-branch_id", SECOND)
    type_into(driver, "f-shelf_mark", shelf)
    click_and_wait(driver, driver.find_element(By.XPATH, "//h2[@id='add-copy']/following-sibling::form[1]//button[@type='submit']"))
    field = driver.find_element(By.ID, "f-inventory_number")
    assert field.get_attribute("aria-invalid") == "true"
    error = driver.find_element(By.ID, "f-inventory_number-error")
    assert "f-inventory_number-error" in field.get_attribute("aria-describedby").split()
    assert "Заполните это поле." in error.text and error.is_displayed()
    assert [a.get_attribute("href").split("#")[1] for a in driver.find_elements(By.CSS_SELECTOR, "#error-summary a")] == ["f-inventory_number"]
    assert driver.find_element(By.CSS_SELECTOR, "#error-summary a").text.startswith("Инвентарный номер")
    for other in ("f-barcode", "f-branch_id", "f-shelf_mark", "f-acquired_on", "f-notes"):
        assert driver.find_element(By.ID, other).get_attribute("aria-invalid") != "true", other
    # What was filled in is kept.
    assert Select(driver.find_element(By.ID, "f-branch_id")).first_selected_option.text == SECOND
    assert driver.find_element(By.ID, "f-shelf_mark").get_attribute("value") == shelf
    assert q(server, "SELECT id FROM copies WHERE bib_id = ?", bib_id) == copies_before
    assert q(server, "SELECT count(*) FROM copies WHERE shelf_mark = ?", shelf) == [(0,)]
    scan(driver, "copy-error")


def add_copy(driver, server, bib_id, title, copies_before, new):
    """The rest of the form filled in and sent: the copy is stored at branch 2. Returns its id."""
    inventory, barcode, shelf, notes, acquired = (new[k] for k in ("inventory", "barcode", "shelf", "notes", "acquired"))
    type_into(driver, "f-inventory_number", inventory)
    type_into(driver, "f-barcode", barcode)
    type_into(driver, "f-acquired_on", acquired)
    type_into(driver, "f-notes", notes)
    click_and_wait(driver, driver.find_element(By.XPATH, "//h2[@id='add-copy']/following-sibling::form[1]//button[@type='submit']"))
    assert "Экземпляр добавлен." in flash(driver)
    assert driver.find_element(By.TAG_NAME, "h1").text == title
    section = driver.find_element(By.XPATH, f"//main//section[h3[normalize-space()='{SECOND}']]")
    assert [tuple(td.text for td in tr.find_elements(By.TAG_NAME, "td")) for tr in section.find_elements(By.CSS_SELECTOR, "tbody tr")] == [
        (inventory, shelf, "Доступен")]
    copy_id, branch, status, stored = one(
        server, "SELECT c.id, br.code, c.status, c.barcode || '|' || c.shelf_mark || '|' || c.acquired_on || '|' || c.notes "
                "FROM copies c JOIN branches br ON br.id = c.branch_id WHERE c.inventory_number = ?", inventory)
    assert (branch, status, stored) == ("SEM-2", "available", f"{barcode}|{shelf}|{acquired}|{notes}")
    assert one(server, "SELECT bib_id FROM copies WHERE id = ?", copy_id) == (bib_id,)
    assert len(q(server, "SELECT id FROM copies WHERE bib_id = ?", bib_id)) == len(copies_before) + 1
    scan(driver, "copy-added")
    return copy_id


def open_later_visit(driver, server, title):
    """Finds, week by week in the calendar, a planned visit of the central library later than
    today, and opens it. Returns (its id, its items as opened), its day, reader and carrier."""
    menu(driver, "Визиты")
    scan(driver, "copy-visits")
    today = date.fromisoformat(re.search(r"date=(\d{4}-\d\d-\d\d)", driver.find_element(
        By.XPATH, "//main//a[normalize-space()='Список для подбора с полок']").get_attribute("href")).group(1))
    visit = None
    for _ in range(3):
        for a in driver.find_elements(By.CSS_SELECTOR, "main table tbody a[href^='/visits/']"):
            vid = a.get_attribute("href").rsplit("/", 1)[1]
            row = q(server, "SELECT v.scheduled_on FROM visits v JOIN branches b ON b.id = v.branch_id JOIN readers r ON r.id = v.reader_id "
                            "WHERE lower(v.id) = ? AND v.status = 'planned' AND v.scheduled_on > ? AND b.code = 'SEM-C' "
                            "AND (r.consent_until IS NULL OR r.consent_until >= v.scheduled_on)", vid.lower(), today.isoformat())
            if row:
                visit = (a, vid, date.fromisoformat(row[0][0]))
        if visit:
            break
        link(driver, "Следующая неделя →")
        scan(driver, "copy-visits-next-week")
    assert visit, "no planned visit after today in the central library's calendar"
    anchor, visit_id, day = visit
    reader = anchor.text
    carrier = one(server, "SELECT coalesce(u.full_name, '—') FROM visits v LEFT JOIN users u ON u.id = v.carrier_id WHERE lower(v.id) = ?", visit_id.lower())[0]
    click_and_wait(driver, anchor)
    assert driver.find_element(By.TAG_NAME, "h1").text == f"Визит: {reader}, {day.strftime('%d.%m.%Y')}"
    items_before = visit_items(server, visit_id)
    assert title not in items_before
    scan(driver, "copy-visit")
    return (visit_id, items_before), day, reader, carrier


def request_copy(driver, server, visit, record, copy_id):
    """The visit's own search finds the title; the central library has no free copy, so the page
    offers to ask branch 2 for one, and no «Добавить». Asking reserves branch 2's copy; the rest
    of the visit (`items_before`, as it was opened) stays as it was."""
    (visit_id, items_before), (bib_id, title) = visit, record
    type_into(driver, "f-q", title)
    click_and_wait(driver, driver.find_element(By.XPATH, "//form[.//input[@id='f-q']]//button[@type='submit']"))
    assert driver.find_element(By.ID, "f-q").get_attribute("value") == title
    found = [li for li in driver.find_elements(By.XPATH, "//h3[@id='add-h']/following-sibling::ul/li") if li.text.startswith(title + " ")]
    assert len(found) == 1, [li.text for li in driver.find_elements(By.XPATH, "//h3[@id='add-h']/following-sibling::ul/li")]
    buttons = [b.text for b in found[0].find_elements(By.TAG_NAME, "button")]
    assert buttons == [f"Запросить из филиала «{SECOND}»"], buttons
    assert "в вашем филиале нет свободного экземпляра" in found[0].text
    scan(driver, "copy-visit-search")
    click_and_wait(driver, found[0].find_element(By.TAG_NAME, "button"))
    assert "Экземпляр запрошен" in flash(driver)
    item = one(server, "SELECT vi.state, vi.copy_id FROM visit_items vi WHERE lower(vi.visit_id) = ? AND vi.bib_id = ?", visit_id.lower(), bib_id)
    assert item[0] == "accepted" and item[1].lower() == copy_id.lower(), item
    assert one(server, "SELECT status FROM copies WHERE id = ?", copy_id) == ("reserved",)
    after = visit_items(server, visit_id)
    assert {t: s for t, s in after.items() if t != title} == items_before  # the rest is as it was
    rows = dict(selection_rows(driver))
    assert rows[title] == f"Отобрано, экземпляр зарезервирован — из филиала «{SECOND}»", rows
    scan(driver, "copy-visit-requested")

