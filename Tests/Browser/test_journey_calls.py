"""Issue 15, §3: the day-before calls. A coordinator opens «Звонки накануне» from the visits page,
picks the day, records a refused answer (no answer chosen) and then a confirmed one, through the
pages only. axe at 1280 and 360 px."""
from datetime import date

from selenium.webdriver.common.by import By

from journeys import button, click_and_wait, flash, link, login, menu, q, scan, choose, type_into


def test_the_day_before_calls(driver, server):
    login(driver, server, "coordinator@demo.kz")
    menu(driver, "Визиты")
    link(driver, "Звонки накануне")
    # A day ahead with open visits of the coordinator's branch (tomorrow may have none in the demo).
    rows = q(
        server,
        "SELECT scheduled_on, count(*) FROM visits WHERE status = 'planned' AND scheduled_on > ? "
        "AND branch_id = (SELECT branch_id FROM users WHERE email = 'coordinator@demo.kz') GROUP BY scheduled_on ORDER BY scheduled_on LIMIT 1",
        date.today().isoformat(),
    )
    assert rows, "the demo has planned visits ahead"
    day, count = rows[0]
    type_into(driver, "f-date", day)
    button(driver, "Показать")
    cards = driver.find_elements(By.CSS_SELECTOR, "article.call")
    assert 0 < len(cards) <= count
    scan(driver, "calls")
    first = cards[0]
    visit_id = first.get_attribute("id").removeprefix("call-")
    # Every number is a tel: link with its WhatsApp and Telegram links.
    tels = first.find_elements(By.CSS_SELECTOR, "ul.contacts a[href^='tel:+7']")
    assert tels and len(first.find_elements(By.CSS_SELECTOR, "ul.contacts a[href^='https://wa.me/7']")) == len(tels)
    # No answer chosen: refused at the field, nothing stored.
    click_and_wait(driver, first.find_element(By.XPATH, ".//button[normalize-space()='Записать ответ']"))
    base = "c-" + visit_id[:8]
    assert driver.find_element(By.ID, base + "-result").get_attribute("aria-invalid") == "true"
    scan(driver, "calls-refused")
    assert q(server, "SELECT count(*) FROM visit_calls")[0][0] == 0
    choose(driver, base + "-result", "Подтвердил(а)")
    click_and_wait(driver, driver.find_element(By.XPATH, f"//article[@id='call-{visit_id}']//button[normalize-space()='Записать ответ']"))
    assert "Ответ записан." in flash(driver)
    assert q(server, "SELECT result FROM visit_calls WHERE lower(visit_id) = ?", visit_id.lower()) == [("confirmed",)]
    assert "Последний звонок: Подтвердил(а)" in driver.find_element(By.ID, f"call-{visit_id}").text
    scan(driver, "calls-answered")
