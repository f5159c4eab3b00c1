"""Issue 15, §1: a coordinator records a carrier's leave and hands the visits it strands to the
branch's other carriers, through the pages only. Each page is scanned with axe at 1280 and 360 px."""
from datetime import date

from selenium.webdriver.common.by import By

from journeys import button, click_and_wait, flash, login, main_text, menu, q, scan, choose, type_into


def test_a_carriers_leave_and_the_visits_it_strands(driver, server):
    login(driver, server, "coordinator@demo.kz")
    menu(driver, "Книгоноши")
    scan(driver, "carriers")
    # The hours report, from the list, and back (issue 15, §1).
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Часы и дорога книгонош"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Часы и дорога книгонош"
    assert driver.find_elements(By.CSS_SELECTOR, "a[href*='format=xlsx']")
    scan(driver, "carrier-hours")
    menu(driver, "Книгоноши")
    # The branch's carrier with the most open visits from today on, and the last day they have one:
    # far from the days the other journeys work on, which share this demo database.
    today = date.today().isoformat()
    rows = q(
        server,
        "SELECT u.id, u.full_name, max(v.scheduled_on) FROM users u JOIN visits v ON v.carrier_id = u.id "
        "WHERE u.role = 'carrier' AND v.status IN ('planned', 'in_progress') AND v.scheduled_on > ? "
        "AND u.branch_id = (SELECT branch_id FROM users WHERE email = 'coordinator@demo.kz') "
        "GROUP BY u.id ORDER BY count(*) DESC LIMIT 1",
        today,
    )
    assert rows, "the demo has planned visits with carriers"
    carrier_id, name, first_day = rows[0]
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, name))
    assert driver.find_element(By.TAG_NAME, "h1").text == name
    # Saved with nothing filled in: each field says what is missing, nothing stored.
    button(driver, "Записать")
    assert driver.find_element(By.CSS_SELECTOR, ".error-summary a[href='#f-starts_on']").is_displayed()
    assert driver.find_element(By.ID, "f-kind").get_attribute("aria-invalid") == "true"
    scan(driver, "absence-errors")
    assert q(server, "SELECT count(*) FROM carrier_absences")[0][0] == 0
    # Leave on that day.
    type_into(driver, "f-starts_on", first_day)
    type_into(driver, "f-ends_on", first_day)
    choose(driver, "f-kind", "Отпуск")
    button(driver, "Записать")
    assert "Отсутствие записано." in flash(driver)
    stranded = q(
        server,
        "SELECT count(*) FROM visits WHERE carrier_id = ? AND scheduled_on = ? AND status IN ('planned', 'in_progress')",
        carrier_id,
        first_day,
    )[0][0]
    assert stranded >= 1
    assert f"{stranded} визит" in main_text(driver)
    scan(driver, "absence-saved")
    button(driver, "Передать другим книгоношам филиала")
    assert "Передано другим книгоношам:" in flash(driver)
    left = q(server, "SELECT count(*) FROM visits WHERE carrier_id = ? AND scheduled_on = ? AND status = 'planned'", carrier_id, first_day)
    assert left[0][0] == 0
    assert "Нет визитов этого книгоноши на дни его отсутствия." in main_text(driver)
    scan(driver, "absence-handed-over")
    # The details form saved with an impossible start point: the error at its field, axe clean.
    type_into(driver, "f-start_point", "95, 80")
    button(driver, "Сохранить")
    assert driver.find_element(By.ID, "f-start_point").get_attribute("aria-invalid") == "true"
    scan(driver, "carrier-details-error")
    assert q(server, "SELECT start_latitude FROM users WHERE id = ?", carrier_id)[0][0] is None
    # The leave is taken back: asked first, then gone; the visits stay with their new carriers.
    click_and_wait(driver, driver.find_element(By.XPATH, "//ul[@class='absences']//button"))
    scan(driver, "absence-remove-confirm")
    button(driver, "Удалить")
    assert "Отсутствие удалено." in flash(driver)
    assert q(server, "SELECT count(*) FROM carrier_absences")[0][0] == 0
    assert q(server, "SELECT count(*) FROM visits WHERE carrier_id = ? AND scheduled_on = ? AND status = 'planned'", carrier_id, first_day)[0][0] == 0
