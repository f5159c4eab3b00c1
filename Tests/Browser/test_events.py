"""The event register in the browser: the list with its filters, the source article's lesson on
its card, a new event entered by keyboard, and a refused form with its errors at the fields.
Every page is scanned with axe-core."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import axe_clean, click_and_wait, login


def test_events_list_card_and_form(driver, server):
    login(driver, server, "coordinator@demo.kz")
    driver.get(server + "/events")
    axe_clean(driver, "events-list")
    # The demo holds the source article's library lesson; its card reads like the article's.
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Социальные проекты Казахстана: библиотечный урок"))
    card = driver.find_element(By.CSS_SELECTOR, "dl.card-fields").text
    assert "Библиотечный урок" in card and "36 человек" in card and "специалисты библиотеки" in card
    axe_clean(driver, "event-card")
    driver.get(server + "/events/calendar")
    axe_clean(driver, "events-calendar")
    # The report: every figure is a link to the events behind it.
    driver.get(server + "/reports/events")
    axe_clean(driver, "events-report")
    total = driver.find_element(By.CSS_SELECTOR, "tfoot td.num a")
    count = int(total.text)
    click_and_wait(driver, total)
    assert len(driver.find_elements(By.CSS_SELECTOR, "table tbody tr")) == count
    # A filter that finds nothing, then one that is refused: the period ends before it starts.
    driver.get(server + "/events?from=2020-01-01&to=2020-12-31")
    assert "0 мероприятий" in driver.find_element(By.CSS_SELECTOR, "caption").text
    driver.get(server + "/events?from=2026-12-31&to=2026-01-01")
    assert driver.find_element(By.ID, "f-to").get_attribute("aria-invalid") == "true"
    axe_clean(driver, "events-period-error")

    # A new event, by keyboard: the breakdown is over the total, so the form comes back.
    driver.get(server + "/events/new")
    axe_clean(driver, "event-new")
    driver.find_element(By.ID, "f-title").send_keys("Урок чтения по Брайлю")
    driver.find_element(By.ID, "f-type").send_keys("Библиотечный урок")
    driver.find_element(By.ID, "f-place").send_keys("Зал для незрячих читателей")
    driver.find_element(By.ID, "f-target_groups-disabled").send_keys(Keys.SPACE)
    driver.find_element(By.ID, "f-participants_total").send_keys("8")
    driver.find_element(By.ID, "f-adults").send_keys("10")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.event-form button[type=submit]"))
    assert driver.find_element(By.ID, "f-adults").get_attribute("aria-invalid") == "true"
    assert "больше общего числа" in driver.find_element(By.ID, "f-adults-error").text
    driver.find_element(By.CSS_SELECTOR, ".error-summary a[href='#f-adults']")
    axe_clean(driver, "event-new-error")
    field = driver.find_element(By.ID, "f-adults")
    field.clear()
    field.send_keys("8")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.event-form button[type=submit]"))
    assert "Мероприятие сохранено." in driver.find_element(By.CSS_SELECTOR, "p.flash").text
    assert "Люди с инвалидностью" in driver.find_element(By.CSS_SELECTOR, "dl.card-fields").text
    axe_clean(driver, "event-saved")
    # The event just made was a trial: deleted from its card, after the page that asks.
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Удалить мероприятие"))
    assert "Отменить это нельзя." in driver.find_element(By.TAG_NAME, "main").text
    axe_clean(driver, "event-delete-confirm")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Нет, вернуться"))
    assert "Урок чтения по Брайлю" in driver.find_element(By.TAG_NAME, "h1").text
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Удалить мероприятие"))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.danger-zone button.danger"))
    assert "Мероприятие удалено." in driver.find_element(By.CSS_SELECTOR, "p.flash").text
    assert "Урок чтения по Брайлю" not in driver.find_element(By.TAG_NAME, "main").text
