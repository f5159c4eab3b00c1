"""Issue 15, §3: «План недели». A coordinator opens next week's plan from the visits page, takes
the carrier off one visit on the visit's own page, pins another visit's day, asks for a plan, reads
what would change, saves it, and prints the day's route sheets with their sketches, through the
pages only. axe at 1280 and 360 px on each page."""
from datetime import date, timedelta

from selenium.webdriver.common.by import By

from journeys import button, choose, click_and_wait, flash, link, login, menu, one, q, scan, tick

BRANCH = "(SELECT branch_id FROM users WHERE email = 'coordinator@demo.kz')"


def open_next_week(driver):
    menu(driver, "Визиты")
    link(driver, "План недели")
    link(driver, "Следующая неделя →")


def test_the_week_is_planned_saved_and_printed(driver, server):
    login(driver, server, "coordinator@demo.kz")
    menu(driver, "Визиты")
    link(driver, "План недели")
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("План недели:")
    scan(driver, "week-plan")
    link(driver, "Следующая неделя →")
    # The week's first day, from the page's own week field.
    monday = driver.find_element(By.ID, "f-week").get_attribute("value")
    rows = q(
        server,
        f"SELECT v.id, r.family_name, v.scheduled_on FROM visits v JOIN readers r ON r.id = v.reader_id WHERE v.status = 'planned' "
        f"AND v.carrier_id IS NOT NULL AND v.branch_id = {BRANCH} AND v.scheduled_on >= ? AND v.scheduled_on <= ? "
        "AND r.latitude IS NOT NULL ORDER BY v.scheduled_on, r.family_name",
        monday,
        (date.fromisoformat(monday) + timedelta(days=6)).isoformat(),
    )
    assert len(rows) >= 2, "the demo plans visits for next week"
    (visit_id, family, day), (pinned_id, _, _) = rows[0], rows[1]
    # Take the carrier off the first visit on its own page, as a coordinator would.
    click_and_wait(driver, driver.find_element(By.XPATH, f"//main//a[@href='/visits/{visit_id.lower()}']"))
    choose(driver, "f-carrier_id", "Не назначен")
    button(driver, "Сохранить", scope="//section[@aria-labelledby='plan-h']")
    assert "Визит сохранён." in flash(driver)
    assert one(server, "SELECT carrier_id FROM visits WHERE lower(id) = ?", visit_id.lower())[0] is None

    # Back to the week: pin the second visit's day, then ask for a plan.
    open_next_week(driver)
    tick(driver, "pd-" + pinned_id.lower()[:8])
    button(driver, "Предложить план")
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("Предложенный план недели")
    assert one(server, "SELECT pin_day FROM visits WHERE lower(id) = ?", pinned_id.lower())[0] in (1, True)
    # Nothing saved yet; the visit without a carrier is among the changes.
    assert one(server, "SELECT carrier_id FROM visits WHERE lower(id) = ?", visit_id.lower())[0] is None
    changes = driver.find_element(By.XPATH, "//section[@aria-labelledby='changes-h']").text
    assert family in changes
    scan(driver, "week-proposal")
    button(driver, "Сохранить план")
    assert "План недели сохранён." in flash(driver)
    assert one(server, "SELECT carrier_id FROM visits WHERE lower(id) = ?", visit_id.lower())[0] is not None
    assert q(server, "SELECT count(*) FROM visit_events WHERE lower(visit_id) = ? AND kind = 'assigned'", visit_id.lower())[0][0] >= 1
    # The pin stays ticked for next time.
    assert driver.find_element(By.ID, "pd-" + pinned_id.lower()[:8]).is_selected()

    # The route sheets of the visit's day, from the week's page.
    label = driver.find_element(By.XPATH, f"//nav//a[contains(@href, 'date={day}')]").get_attribute("aria-label")
    click_and_wait(driver, driver.find_element(By.XPATH, f"//nav//a[@aria-label='{label}']"))
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("Маршрутные листы:")
    sheets = driver.find_elements(By.CSS_SELECTOR, "section.route-sheet")
    assert sheets, "the day's carrier has a sheet"
    assert driver.find_elements(By.CSS_SELECTOR, "svg.route-sketch[role='img'] circle")
    assert family in driver.find_element(By.TAG_NAME, "main").text
    scan(driver, "route-sheets")
    link(driver, "План недели")
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("План недели:")
