"""The administrator's journey: a MARC file in Windows-1251 is imported, then found by its words."""
import os

import pytest
from selenium.webdriver.common.by import By

from journeys import FIXTURES, STEPS, click_and_wait, login, main_text, menu, one, q, scan, wait_for_import

pytestmark = pytest.mark.usefixtures("journey_steps")


def test_admin_imports_a_marc_file_and_finds_it(driver, server):
    login(driver, server, "admin@demo.kz")
    scan(driver, "admin-home")
    menu(driver, "Импорт записей")
    scan(driver, "admin-import")
    before = one(server, "SELECT count(*) FROM bib_records")[0]
    STEPS["fields"] += 1
    driver.find_element(By.ID, "f-file").send_keys(os.path.abspath(os.path.join(FIXTURES, "marc21-cp1251.mrc")))
    # Every other field is left as it is: detect syntax, flavour and encoding.
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button.primary"))
    assert wait_for_import(driver) == "Завершён"
    assert "marc21-cp1251.mrc" in main_text(driver)
    scan(driver, "admin-import-done")
    job = q(server, "SELECT status, imported, updated, skipped FROM import_jobs WHERE file_name = 'marc21-cp1251.mrc' ORDER BY created_at DESC")
    assert job[0] == ("done", 1, 0, 0), job
    assert one(server, "SELECT count(*) FROM bib_records")[0] == before + 1
    copies = q(server, "SELECT c.inventory_number, b.code FROM copies c JOIN branches b ON b.id = c.branch_id WHERE c.inventory_number LIKE 'INV-1251-%' ORDER BY 1")
    assert copies == [("INV-1251-1", "SEM-C"), ("INV-1251-2", "UKG")]

    # Search the catalogue: the record read from Windows-1251 is found by its Russian words.
    menu(driver, "Каталог")
    scan(driver, "admin-catalog")
    words = "роман-эпопея в двух книгах"
    STEPS["fields"] += 1
    driver.find_element(By.NAME, "q").send_keys(words)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[role=search] button.primary"))
    echoed = driver.find_element(By.NAME, "q").get_attribute("value")
    assert echoed == words, f"/catalog search: typed {words!r}, the field comes back as {echoed!r}"
    titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "ol.results h2 a")]
    count = driver.find_element(By.ID, "result-count").text
    scan(driver, "admin-catalog-results")
    assert len(titles) == 1, titles
    assert count == "Найдена 1 запись", count
    assert titles[0].startswith("Путь Абая")
    assert not any(t in titles for t in ("Абай жолы", "Қара сөздер", "Кочевники"))
    click_and_wait(driver, driver.find_elements(By.CSS_SELECTOR, "ol.results h2 a")[0])
    record = main_text(driver)
    assert "Ауэзов, Мухтар" in record and "INV-1251-1" in record and "INV-1251-2" in record
    assert "Ð" not in record and "�" not in record  # no mojibake
    scan(driver, "admin-catalog-record")
