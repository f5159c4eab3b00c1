"""Management's journey, in Kazakh: statistics, their XLSX, the annual report and a project."""
import re

import pytest
from selenium.webdriver.common.by import By

from journeys import LIBRARY_KK, LIBRARY_RU, click_and_wait, fetch, login, menu, scan, settle, xlsx_text

pytestmark = pytest.mark.usefixtures("journey_steps")


def test_management_reads_statistics_annual_report_xlsx_and_a_project_in_kazakh(driver, server):
    """The axe scans are noted as the journey goes and judged at its end, so that an axe finding
    on one page does not hide what the rest of the journey would show; any other failure fails
    the test outright."""
    deferred = []
    login(driver, server, "director@demo.kz")
    assert driver.current_url.endswith("/reports")
    scan(driver, "statistics-ru", deferred)
    russian = {e.text for e in driver.find_elements(By.CSS_SELECTOR, "figure.chart-figure .chart-title, figure.chart-figure .chart-legend")}
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.lang-switch button[value=kk]"))
    try:
        _management_in_kazakh(driver, server, deferred, russian)
    finally:
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.lang-switch button[value=ru]"))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru"
    settle(deferred, [])


def _management_in_kazakh(driver, server, deferred, russian):
    year = int(driver.find_element(By.ID, "f-from").get_attribute("value")[:4])  # this year, as the page proposes it
    assert driver.find_element(By.ID, "f-from").get_attribute("value") == f"{year}-01-01"
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "kk"
    assert driver.find_element(By.TAG_NAME, "h1").text == "Үйде қызмет көрсету статистикасы"
    # Management sees figures, never the lists of people behind them.
    assert not driver.find_elements(By.CSS_SELECTOR, "a[href*='/reports/rows']")
    figures = driver.find_elements(By.CSS_SELECTOR, "figure.chart-figure")
    assert len(figures) >= 4
    for fig in figures:
        title = fig.find_element(By.CSS_SELECTOR, ".chart-title")
        legend = fig.find_element(By.CSS_SELECTOR, ".chart-legend")
        assert title.is_displayed() and title.text.strip()
        assert legend.is_displayed() and legend.text.strip()
        assert fig.find_element(By.CSS_SELECTOR, "svg[role=img]")
    titles = [f.find_element(By.CSS_SELECTOR, ".chart-title").text for f in figures]
    assert len(set(titles)) == len(titles)
    legends = [f.find_element(By.CSS_SELECTOR, ".chart-legend").text for f in figures]
    assert russian and not (set(titles) | set(legends)) & russian, (titles, legends)  # none left in Russian
    scan(driver, "statistics-kk", deferred)

    # The spreadsheet the page offers: every sheet starts with the library, the branch, the period.
    xlsx = driver.find_element(By.CSS_SELECTOR, "main a[href*='.xlsx']")
    status, kind, data = fetch(driver, xlsx.get_attribute("href"))
    assert status == 200 and "spreadsheetml" in kind
    sheets = xlsx_text(data)
    assert sheets
    period = f"01.01.{year}"
    for name, values in sheets.items():
        head = values[:3]
        assert head[0] == LIBRARY_KK, (name, head)
        assert head[1] == "Филиал: Бүкіл кітапхана", (name, head)
        assert head[2] == f"Кезең: {period} — 31.12.{year}", (name, head)
        assert LIBRARY_RU not in values

    # The annual report: the library's name and the year at the top, a print button, and a
    # signature block that only paper shows.
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main a[href*='/reports/annual']"))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "kk"
    _printable(driver, f"01.01.{year} — 31.12.{year}")
    scan(driver, "annual-kk", deferred)

    # A project: the same, for the project's report.
    # A project, by its Kazakh name («Книгоноша» is «Кітап тасушы»).
    menu(driver, "Жобалар")
    scan(driver, "projects-kk", deferred)
    names = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "main td a[href^='/projects/']")]
    assert "Кітап тасушы" in names and "Книгоноша" not in names, names
    click_and_wait(driver, driver.find_element(By.XPATH, "//main//td/a[.='Кітап тасушы']"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Кітап тасушы"
    assert not driver.find_elements(By.CSS_SELECTOR, "main a[href$='/edit']")
    _printable(driver, None)
    scan(driver, "project-kk", deferred)


def _printable(driver, period):
    """The page's printed head names the library and the period; a print button; a signature
    block that only paper shows."""
    head = driver.find_element(By.CSS_SELECTOR, "main .report-head")
    assert head.find_element(By.CSS_SELECTOR, ".report-library").text == LIBRARY_KK
    assert LIBRARY_RU not in head.text
    if period:
        assert period in head.text, head.text
    else:
        assert re.search(r"\d\d\.\d\d\.\d{4}", head.text), head.text
    printer = driver.find_element(By.CSS_SELECTOR, "main button[data-print]")
    assert printer.is_displayed() and printer.text.strip()
    signature = driver.find_element(By.CSS_SELECTOR, ".signature")
    assert not signature.is_displayed()
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert signature.is_displayed()
        assert not printer.is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
