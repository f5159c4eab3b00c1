"""The project registry, the delivery statistics and the annual report in the browser: the
source article's project with its presentation and award, entries added by keyboard with their
errors, figures that lead to their rows, and a report that prints. Every page is scanned with
axe-core."""
import base64

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import axe_clean, click_and_wait, login


def submit(driver, form_class):
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"form.{form_class} button[type=submit]"))


def test_project_page_and_its_forms(driver, server):
    login(driver, server, "admin@demo.kz")
    driver.get(server + "/projects")
    axe_clean(driver, "projects-list")
    click_and_wait(driver, driver.find_element(By.XPATH, "//main//td/a[.='Книгоноша']"))
    page = driver.find_element(By.TAG_NAME, "main").text
    assert "«Разные – Равные»" in page and "Отличник социально-трудовой сферы" in page and "Адикаева Р.Х." in page
    assert "Социальные проекты Казахстана: библиотечный урок" in page
    # The indicators counted from the demo's year of deliveries are above zero.
    served = driver.find_element(By.XPATH, "//th[.='Читатели, обслуженные на дому']/following-sibling::td[3]").text
    assert int(served.replace("\u202f", "")) > 0
    axe_clean(driver, "project-card")
    project_url = driver.current_url
    # On paper the project's page is its report: the buttons and forms are left out.
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not driver.find_element(By.CSS_SELECTOR, "a[href$='/presentations/new']").is_displayed()
    assert driver.find_element(By.CSS_SELECTOR, "dl.card-fields").is_displayed()
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    # A presentation by keyboard: a link that is not a web address comes back at its field.
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Добавить презентацию"))
    axe_clean(driver, "presentation-new")
    driver.find_element(By.ID, "f-venue").send_keys("Областной семинар библиотек")
    driver.find_element(By.ID, "f-venue_kind").send_keys("Семинар")
    driver.find_element(By.ID, "f-material").send_keys("Видеоролик")
    driver.find_element(By.ID, "f-link").send_keys("ftp://example")
    submit(driver, "project-part-form")
    assert driver.find_element(By.ID, "f-link").get_attribute("aria-invalid") == "true"
    assert "https://" in driver.find_element(By.ID, "f-link-error").text
    axe_clean(driver, "presentation-error")
    link = driver.find_element(By.ID, "f-link")
    link.clear()
    link.send_keys("https://example.kz/video")
    submit(driver, "project-part-form")
    assert "Проект сохранён." in driver.find_element(By.CSS_SELECTOR, "p.flash").text
    assert "Областной семинар библиотек" in driver.find_element(By.TAG_NAME, "main").text

    # An indicator with a negative target is refused.
    driver.get(project_url + "/indicators/new")
    axe_clean(driver, "indicator-new")
    driver.find_element(By.ID, "f-name").send_keys("Волонтёры")
    driver.find_element(By.ID, "f-metric").send_keys("Вводится вручную")
    driver.find_element(By.ID, "f-target").send_keys("-2")
    submit(driver, "project-part-form")
    assert driver.find_element(By.ID, "f-target").get_attribute("aria-invalid") == "true"
    axe_clean(driver, "indicator-error")

    # A new project without authors comes back with the error at the authors.
    driver.get(server + "/projects/new")
    axe_clean(driver, "project-new")
    for box in driver.find_elements(By.CSS_SELECTOR, "input[name='author_ids[]']:checked"):
        box.send_keys(Keys.SPACE)  # the one signed in is ticked as an author; untick
    assert not driver.find_elements(By.CSS_SELECTOR, "input[name='author_ids[]']:checked")
    driver.find_element(By.ID, "f-name").send_keys("Читаем вместе")
    submit(driver, "project-form")
    driver.find_element(By.CSS_SELECTOR, ".error-summary a[href='#f-author_ids-group']")
    axe_clean(driver, "project-new-error")
    driver.find_element(By.ID, "f-other_authors").send_keys("Адикаева Р.Х.")
    # An administrator has no branch of their own: the project names its organisation.
    assert "Укажите филиал или организацию." in driver.find_element(By.ID, "f-organisation-error").text
    driver.find_element(By.ID, "f-organisation").send_keys("Областная библиотека имени Абая")
    submit(driver, "project-form")
    assert "Проект сохранён." in driver.find_element(By.CSS_SELECTOR, "p.flash").text
    axe_clean(driver, "project-saved")


def test_statistics_lead_to_their_rows_and_the_annual_report_prints(driver, server):
    login(driver, server, "admin@demo.kz")
    driver.get(server + "/reports")
    axe_clean(driver, "statistics")
    # As administrator too, at a phone's width: the scrolling tables and charts are focusable,
    # named regions there as well (issue 12, item 16).
    driver.set_window_size(360, 800)
    axe_clean(driver, "statistics-360")
    driver.set_window_size(1280, 900)
    charts = driver.find_elements(By.CSS_SELECTOR, "svg.chart[role=img]")
    assert len(charts) >= 4
    done = driver.find_element(By.XPATH, "//th[.='Выполнено визитов']/following-sibling::td[1]/a")
    count = int(done.text.replace("\u202f", ""))
    assert count > 0
    click_and_wait(driver, done)
    assert driver.find_element(By.CSS_SELECTOR, "caption").text.endswith(": " + str(count))
    assert len(driver.find_elements(By.CSS_SELECTOR, "table tbody tr")) == min(count, 100)
    axe_clean(driver, "statistics-rows")
    # A period that ends before it starts is refused at its field.
    driver.get(server + "/reports?from=2026-12-31&to=2026-01-01")
    assert driver.find_element(By.ID, "f-to").get_attribute("aria-invalid") == "true"
    axe_clean(driver, "statistics-error")

    # Library totals: a negative figure is refused.
    driver.get(server + "/reports/totals")
    axe_clean(driver, "totals")
    driver.find_element(By.ID, "f-users").send_keys("-5")
    submit(driver, "totals-form")
    assert driver.find_element(By.ID, "f-users").get_attribute("aria-invalid") == "true"
    axe_clean(driver, "totals-error")

    # The annual report: on paper, the filters and links are gone; it prints to PDF.
    driver.get(server + "/reports/annual")
    axe_clean(driver, "annual-report")
    assert "Годовой отчёт за" in driver.find_element(By.TAG_NAME, "h1").text
    assert "Книгоноша" in driver.find_element(By.CSS_SELECTOR, ".annual-report").text
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not driver.find_element(By.CSS_SELECTOR, "form.filters").is_displayed()
    assert driver.find_element(By.CSS_SELECTOR, ".annual-report h2").is_displayed()
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})["data"])
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_the_other_pages_in_kazakh_and_english(driver, server):
    """The project's edit and award pages, and the reports in Kazakh and English, for a director
    (management) too: every page clean under axe-core, in the page's language."""
    login(driver, server, "admin@demo.kz")
    driver.get(server + "/projects")
    click_and_wait(driver, driver.find_element(By.XPATH, "//main//td/a[.='Книгоноша']"))
    project_url = driver.current_url
    driver.get(project_url + "/edit")
    axe_clean(driver, "project-edit")
    driver.get(project_url + "/awards/new")
    axe_clean(driver, "award-new")
    for lang, title in [("kk", "Үйде қызмет көрсету статистикасы"), ("en", "Home delivery statistics")]:
        driver.get(server + "/reports")
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"form.lang-switch button[value={lang}]"))
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
        assert title in driver.find_element(By.TAG_NAME, "h1").text
        axe_clean(driver, "statistics-" + lang)
        driver.get(server + "/reports/annual")
        axe_clean(driver, "annual-" + lang)
        driver.get(project_url)
        axe_clean(driver, "project-" + lang)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.lang-switch button[value=ru]"))

    # Management reads the same pages, with no lists of people behind the figures.
    driver.delete_all_cookies()
    login(driver, server, "director@demo.kz")
    assert driver.current_url.endswith("/reports")
    assert not driver.find_elements(By.CSS_SELECTOR, "a[href*='/reports/rows']")
    axe_clean(driver, "statistics-management")
    driver.get(project_url)
    assert not driver.find_elements(By.CSS_SELECTOR, "a[href$='/edit']")
    axe_clean(driver, "project-management")
