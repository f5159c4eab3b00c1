"""Issue 12, item 8: an action that cannot be taken back asks first, on a page that works without
JavaScript. A copy marked lost from the loans list: the question, going back changes nothing,
confirming marks it. axe at both widths on the question."""
from selenium.webdriver.common.by import By

from conftest import axe_clean, click_and_wait, login


def lost_buttons(driver):
    return driver.find_elements(By.XPATH, "//main//form[contains(@action, '/lost')]//button")


def test_marking_a_copy_lost_asks_first(driver, server):
    login(driver, server, "coordinator@demo.kz")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "nav a[href='/loans']"))
    before = lost_buttons(driver)
    assert before, "the demo has loans out"
    count = len(before)
    what = before[0].get_attribute("aria-label")
    click_and_wait(driver, before[0])
    # The question names the title; nothing has changed yet.
    heading = driver.find_element(By.TAG_NAME, "h1").text
    assert heading.startswith("Отметить «") and heading.endswith("» утерянным?"), heading
    assert heading[len("Отметить «"):-len("» утерянным?")] in what
    for width in (1280, 360):
        driver.set_window_size(width, 900)
        axe_clean(driver, f"confirm-lost-{width}")
    driver.set_window_size(1280, 900)
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Нет, вернуться"))
    assert len(lost_buttons(driver)) == count
    # Asked again and confirmed: that loan leaves the list of loans out, and only that one.
    click_and_wait(driver, [b for b in lost_buttons(driver) if b.get_attribute("aria-label") == what][0])
    click_and_wait(driver, driver.find_element(By.XPATH, "//main//button[normalize-space()='Утеряно']"))
    assert "утерян" in driver.find_element(By.CSS_SELECTOR, "p.flash").text.lower()
    assert len(lost_buttons(driver)) == count - 1
