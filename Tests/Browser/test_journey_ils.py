"""In step with the library's own system (issue 14, §3), through the pages: a coordinator loads
readers' loan history from the system's export, an administrator reads the report of a nightly
`knigonosha catalog sync`, and the coordinator downloads the month's issues and returns for the
system. axe runs on every page at 1280 and 360 px; the database is checked after each step."""
import csv
import io
import os
import subprocess
import tempfile

import pytest
from selenium.webdriver.common.by import By

from journeys import button, choose, click_and_wait, fetch, link, login, main_text, menu, one, q, scan, settle

pytestmark = pytest.mark.usefixtures("journey_steps")

HOSTILE = 'ILS-"\'><b>x</b>'


def _marcxml(inventory, title, out=False):
    due = '<subfield code="q">2026-12-31</subfield>' if out else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<collection xmlns="http://www.loc.gov/MARC21/slim"><record>
<leader>00000nam a2200000 i 4500</leader>
<controlfield tag="001">ils-journey-1</controlfield><controlfield tag="003">ILS</controlfield>
<datafield tag="245" ind1="1" ind2="0"><subfield code="a">{title}</subfield></datafield>
<datafield tag="952" ind1=" " ind2=" "><subfield code="a">SEM-C</subfield><subfield code="p">{inventory}</subfield>{due}</datafield>
<datafield tag="952" ind1=" " ind2=" "><subfield code="a">SEM-C</subfield><subfield code="p">ILS-2</subfield><subfield code="q">2026-12-31</subfield></datafield>
</record></collection>
"""


def _sync(server, path):
    env = dict(os.environ, DATABASE_URL=f"sqlite://{server.db}")
    return subprocess.run([server.binary, "catalog", "sync", path], env=env, capture_output=True, text=True, timeout=120)


def test_reading_history_a_sync_report_and_the_loans_for_the_system(driver, server):
    deferred = []
    login(driver, server, "coordinator@demo.kz")
    branch_id, branch_name = one(
        server, "SELECT b.id, b.name_ru FROM users u JOIN branches b ON b.id = u.branch_id WHERE u.email = 'coordinator@demo.kz'")
    card = one(server, "SELECT card_number FROM readers WHERE branch_id = ? ORDER BY card_number LIMIT 1", branch_id)[0]
    inventory = q(server, "SELECT inventory_number FROM copies ORDER BY inventory_number LIMIT 1")[0][0]
    before = one(server, "SELECT count(*) FROM reading_history")[0]

    # 1. The history, from the readers' page.
    menu(driver, "Читатели")
    link(driver, "История чтения из АБИС")
    scan(driver, "history-form", deferred)
    out = io.StringIO()
    w = csv.writer(out, delimiter=";")
    w.writerows([["Читательский билет", "Инвентарный номер", "Дата выдачи"], [card, inventory, "12.03.2026"], ["НЕТ-1", inventory, "12.03.2026"]])
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as f:
        f.write(out.getvalue())
    driver.find_element(By.ID, "f-file").send_keys(f.name)
    button(driver, "Загрузить историю")
    text = main_text(driver)
    assert "Строк в файле: 2. Сохранено выдач: 1, уже были: 0, читателей: 1. Не сохранено строк: 1." in text, text
    assert "НЕТ-1" in text and "читатель с таким билетом не найден" in text
    scan(driver, "history-result", deferred)
    assert one(server, "SELECT count(*) FROM reading_history")[0] == before + 1
    assert one(
        server, "SELECT h.read_on FROM reading_history h JOIN readers r ON r.id = h.reader_id WHERE r.card_number = ? ORDER BY h.created_at DESC LIMIT 1", card
    ) == ("2026-03-12",)

    # 2. The month's issues and returns for the system, from the statistics page.
    menu(driver, "Отчёты")
    choose(driver, "f-branch_id", branch_name)
    branch_select = driver.find_element(By.ID, "f-branch_id")
    click_and_wait(driver, branch_select.find_element(By.XPATH, "ancestor::form//button[@type='submit']"))
    anchor = driver.find_element(By.XPATH, "//main//a[normalize-space()='Выдачи и возвраты для АБИС (CSV)']")
    status, kind, body = fetch(driver, anchor.get_attribute("href"))
    assert status == 200 and kind.startswith("text/csv")
    lines = [l for l in body.decode("utf-8-sig").split("\r\n") if l]
    assert lines[0] == "event,date,inventory_number,barcode,branch,reader_card,due_date,isbn,control_number,title"
    year = driver.find_element(By.ID, "f-from").get_attribute("value")[:4]
    issues = one(
        server,
        "SELECT count(*) FROM loans l JOIN readers r ON r.id = l.reader_id WHERE r.branch_id = ? AND l.issued_on BETWEEN ? AND ?",
        branch_id, f"{year}-01-01", f"{year}-12-31")[0]
    returns = one(
        server,
        "SELECT count(*) FROM loans l JOIN readers r ON r.id = l.reader_id WHERE r.branch_id = ? AND l.returned_on BETWEEN ? AND ?",
        branch_id, f"{year}-01-01", f"{year}-12-31")[0]
    assert len(lines) == 1 + issues + returns, (len(lines), issues, returns)
    assert sum(1 for l in lines if l.startswith("issue,")) == issues

    # 3. A nightly sync, then its report on the import page.
    workdir = tempfile.mkdtemp(prefix="kn-ils-")
    escaped = HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    with open(os.path.join(workdir, "2026-11-30.xml"), "w", encoding="utf-8") as f:
        f.write(_marcxml(escaped, "Журнал синхронизации"))
    os.utime(os.path.join(workdir, "2026-11-30.xml"), (1_700_000_000, 1_700_000_000))
    first = _sync(server, workdir)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "copies: 2 new" in first.stdout, first.stdout
    # The next night's export: the first copy went out in the library.
    with open(os.path.join(workdir, "2026-12-01.xml"), "w", encoding="utf-8") as f:
        f.write(_marcxml(escaped, "Журнал синхронизации", out=True))
    second = _sync(server, workdir)
    assert second.returncode == 0 and "copies: 0 new, 1 changed" in second.stdout, second.stdout
    again = _sync(server, workdir)
    assert again.returncode == 0 and "unchanged" in again.stdout, again.stdout
    assert one(server, "SELECT status FROM copies WHERE inventory_number = 'ILS-2'") == ("on_loan",)
    assert one(server, "SELECT status FROM copies WHERE inventory_number = ?", HOSTILE) == ("on_loan",)
    driver.delete_all_cookies()
    login(driver, server, "admin@demo.kz")
    menu(driver, "Импорт записей")
    assert "Синхронизация с АБИС" in main_text(driver)
    scan(driver, "import-with-syncs", deferred)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main a[href^='/catalog/syncs/']"))
    report = main_text(driver)
    assert "Экземпляры: новых 0, изменено 1, списано 0, конфликтов 0" in report, report
    assert "2026-12-01.xml" in report
    assert HOSTILE in report and "Статус изменён: «Доступен» → «Выдан»" in report
    scan(driver, "sync-report", deferred)
    assert one(server, "SELECT count(*) FROM catalog_syncs")[0] == 2
    # The hostile inventory number stayed text.
    assert not driver.find_elements(By.CSS_SELECTOR, "main b")
    settle(deferred, [])
