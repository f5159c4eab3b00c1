"""The foundation's pages in a real browser: flows, keyboard, phone width and axe-core."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import axe_clean, click_and_wait, login


def test_login_page_is_accessible_and_login_works(driver, server):
    driver.get(server + "/login")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru"
    axe_clean(driver, "login")
    login(driver, server, "coordinator@demo.kz", "wrong password")
    assert "Неверный адрес почты или пароль" in driver.find_element(By.ID, "f-password-error").text
    axe_clean(driver, "login-error")
    login(driver, server, "coordinator@demo.kz")
    assert driver.current_url.endswith("/readers")
    axe_clean(driver, "readers")


def test_skip_link_is_first_and_moves_focus_to_main(driver, server):
    driver.get(server + "/login")
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    active = driver.switch_to.active_element
    assert active.get_attribute("class") == "skip-link"
    active.send_keys(Keys.ENTER)
    assert driver.execute_script("return document.activeElement.id") == "main"


def test_new_reader_fails_once_then_is_created(driver, server):
    login(driver, server, "coordinator@demo.kz")
    driver.get(server + "/readers/new")
    axe_clean(driver, "reader-new")
    driver.find_element(By.ID, "f-phone_number-0").send_keys("+1 202 555 0101")
    driver.find_element(By.ID, "f-card_number").send_keys("S-77777")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button.primary"))
    summary = driver.find_element(By.ID, "error-summary")
    links = [a.get_attribute("href").split("#")[1] for a in summary.find_elements(By.TAG_NAME, "a")]
    assert "f-family_name" in links and "f-phone_number-0" in links
    assert "Это не номер Казахстана" in driver.find_element(By.ID, "f-phone_number-0-error").text
    described = driver.find_element(By.ID, "f-family_name").get_attribute("aria-describedby")
    assert "f-family_name-error" in described
    axe_clean(driver, "reader-new-errors")
    # Fix the form by keyboard and mouse, as a coordinator would.
    summary.find_element(By.CSS_SELECTOR, "a[href='#f-family_name']").click()
    assert driver.switch_to.active_element.get_attribute("id") == "f-family_name"
    driver.switch_to.active_element.send_keys("Тестова")
    driver.find_element(By.ID, "f-given_name").send_keys("Айгерим")
    phone = driver.find_element(By.ID, "f-phone_number-0")
    phone.clear()
    phone.send_keys("8 701 555 44 33")
    for field, value in (("f-settlement", "Семей"), ("f-street", "ул. Абая"), ("f-building", "12"), ("f-consent_date", "2024-05-01")):
        el = driver.find_element(By.ID, field)
        if el.get_attribute("type") == "date":
            driver.execute_script("arguments[0].value = arguments[1]", el, value)
        else:
            el.send_keys(value)
    driver.find_element(By.ID, "f-consent_signed_by").send_keys("С")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button.primary"))
    assert "/readers/" in driver.current_url
    assert "Тестова Айгерим" in driver.find_element(By.TAG_NAME, "h1").text
    assert driver.find_element(By.CSS_SELECTOR, "a[href='tel:+77015554433']")
    axe_clean(driver, "reader-show")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Изменить"))
    axe_clean(driver, "reader-edit")


def test_search_and_filters(driver, server):
    login(driver, server, "admin@demo.kz")
    driver.get(server + "/readers?q=%D0%BA%D0%BE%D0%B2%D0%B0%D0%BB%D0%B5%D0%B2")
    assert "Найден 1 читатель" in driver.find_element(By.ID, "result-count").text
    driver.get(server + "/readers?per_page=10")
    assert "Страница 1 из" in driver.page_source
    axe_clean(driver, "readers-paged")


def test_language_switch_is_remembered(driver, server):
    login(driver, server, "coordinator@demo.kz")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.lang-switch button[value=kk]"))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "kk"
    assert driver.find_element(By.TAG_NAME, "h1").text == "Оқырмандар"
    axe_clean(driver, "readers-kk")
    driver.get(server + "/readers/new")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "kk"
    axe_clean(driver, "reader-new-kk")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.lang-switch button[value=en]"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "New reader"
    axe_clean(driver, "reader-new-en")


def test_larger_text_setting(driver, server):
    driver.get(server + "/login")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.text-switch button"))
    assert "text-large" in driver.find_element(By.TAG_NAME, "html").get_attribute("class")
    size = driver.execute_script("return getComputedStyle(document.documentElement).fontSize")
    assert size == "20px"
    axe_clean(driver, "login-large-text")


def test_carrier_is_refused_reader_pages(driver, server):
    login(driver, server, "carrier@demo.kz")
    axe_clean(driver, "carrier-home")
    driver.get(server + "/readers")
    assert "Доступ запрещён" in driver.find_element(By.TAG_NAME, "h1").text
    axe_clean(driver, "carrier-forbidden")
    driver.get(server + "/profile")
    axe_clean(driver, "carrier-profile")


def test_admin_pages_are_accessible(driver, server):
    login(driver, server, "admin@demo.kz")
    for path, name in (("/admin/users", "users"), ("/admin/users/new", "user-new"), ("/admin/branches", "branches"),
                       ("/admin/branches/new", "branch-new"), ("/profile", "profile"), ("/nowhere", "not-found")):
        driver.get(server + path)
        axe_clean(driver, name)
    driver.get(server + "/admin/users")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Гульнар Сейтказина"))
    axe_clean(driver, "user-edit")
    driver.get(server + "/admin/branches")
    click_and_wait(driver, driver.find_elements(By.CSS_SELECTOR, "main table a")[0])
    axe_clean(driver, "branch-edit")
    driver.get(server + "/profile")
    driver.find_element(By.ID, "f-token_name").send_keys("Отчёты")
    click_and_wait(driver, driver.find_elements(By.CSS_SELECTOR, "main form button.primary")[-1])
    assert driver.find_element(By.ID, "new-token").text.startswith("kn_")
    axe_clean(driver, "profile-token")


def test_phone_width_has_no_horizontal_scrolling(driver, server):
    driver.set_window_size(360, 800)
    login(driver, server, "coordinator@demo.kz")
    for path in ("/readers", "/readers/new", "/profile"):
        driver.get(server + path)
        width = driver.execute_script("return document.documentElement.scrollWidth")
        assert width <= 362, f"{path} is {width}px wide at 360px"
    driver.get(server + "/readers")
    click_and_wait(driver, driver.find_elements(By.CSS_SELECTOR, "main table a")[0])
    width = driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 362
    axe_clean(driver, "reader-show-phone")


def test_catalogue_search_record_and_import(driver, server):
    import os
    import time

    login(driver, server, "coordinator@demo.kz")
    driver.get(server + "/catalog")
    axe_clean(driver, "catalog")
    field = driver.find_element(By.NAME, "q")
    field.send_keys("Абаем")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[role=search] button.primary"))
    assert "Найдено" in driver.find_element(By.ID, "result-count").text
    titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "ol.results h2 a")]
    assert "Қара сөздер" in titles
    axe_clean(driver, "catalog-results")
    click_and_wait(driver, driver.find_elements(By.CSS_SELECTOR, "ol.results h2 a")[0])
    assert driver.find_element(By.ID, "copies")
    axe_clean(driver, "catalog-record")
    driver.get(server + "/catalog/import")
    axe_clean(driver, "catalog-import")
    fixture = os.path.join(os.path.dirname(__file__), "..", "Fixtures", "marc", "bad-records.mrc")
    driver.find_element(By.ID, "f-file").send_keys(os.path.abspath(fixture))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button.primary"))
    for _ in range(40):
        if driver.find_element(By.ID, "status-label").text in ("Завершён", "Не выполнен"):
            break
        time.sleep(0.5)
        driver.refresh()
    assert driver.find_element(By.ID, "status-label").text == "Завершён"
    assert "Пропущена 1 запись" in driver.page_source
    axe_clean(driver, "catalog-import-job")


def test_catalogue_at_phone_width(driver, server):
    driver.set_window_size(360, 800)
    login(driver, server, "coordinator@demo.kz")
    driver.get(server + "/catalog?q=%D1%82%D0%BE%D0%BB%D1%81%D1%82%D0%BE%D0%B9")
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 362
    axe_clean(driver, "catalog-phone")
