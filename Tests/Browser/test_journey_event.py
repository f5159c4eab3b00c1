"""The coordinator's journey for an event: recorded, a photo attached, found in the list's CSV."""
import csv
import io
import os
import re
import tempfile

import pytest
from selenium.webdriver.common.by import By

from journeys import STEPS, choose, click_and_wait, fetch, flash, link, login, menu, one, q, scan, suffix, tick, type_into

pytestmark = pytest.mark.usefixtures("journey_steps")


def tiny_png(path):
    """A real 8x8 PNG, as a phone camera would not make it but a browser accepts it."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes([200, 120, 40]) * 8 for _ in range(8))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return os.path.getsize(path)


def test_coordinator_records_an_event_with_a_photo_and_exports_the_csv(driver, server):
    tag = suffix()
    title = f"Громкие чтения {tag}"
    login(driver, server, "coordinator@demo.kz")
    scan(driver, "events-coordinator-home")
    today, event_id = record_event(driver, server, title)
    attach_photo(driver, server, event_id, tag)
    check_list_and_csv(driver, title, today)


def record_event(driver, server, title):
    """Fills the new event form; returns the event's day (the server's today) and its id."""
    menu(driver, "Мероприятия")
    scan(driver, "events")
    link(driver, "Новое мероприятие")
    scan(driver, "event-new")
    type_into(driver, "f-title", title)
    choose(driver, "f-type", "Встреча")
    today = driver.find_element(By.ID, "f-starts_on").get_attribute("value")  # proposed: the server's today
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", today)
    type_into(driver, "f-starts_on", today)
    type_into(driver, "f-time_from", "15:00")
    type_into(driver, "f-time_to", "16:30")
    type_into(driver, "f-place", "Читальный зал")
    tick(driver, "f-target_groups-elderly")
    tick(driver, "f-target_groups-disabled")
    type_into(driver, "f-participants_total", "12")
    type_into(driver, "f-adults", "12")
    type_into(driver, "f-disabled", "5")
    type_into(driver, "f-goal", "Чтение вслух для читателей на дому")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.event-form button[type=submit]"))
    assert "Мероприятие сохранено." in flash(driver)
    assert driver.find_element(By.TAG_NAME, "h1").text == title
    card = driver.find_element(By.CSS_SELECTOR, "dl.card-fields").text
    assert "Встреча" in card and "12 человек" in card and "Люди с инвалидностью: 5" in card
    event_id, branch, total, children, notes = one(
        server, "SELECT e.id, b.code, e.participants_total, e.children, e.notes FROM events e LEFT JOIN branches b ON b.id = e.branch_id WHERE e.title = ?", title)
    assert (branch, total) == ("SEM-C", 12) and children is None and not notes
    assert "Файлов пока нет." in driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby='attachments-h']").text
    scan(driver, "event-saved")
    return today, event_id


def attach_photo(driver, server, event_id, tag):
    """A photo, through the card's upload form; the card links to the very file sent."""
    photo = os.path.join(tempfile.mkdtemp(prefix="kn-journey-"), f"chteniya-{tag}.png")
    size = tiny_png(photo)
    files = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby='attachments-h']")
    STEPS["fields"] += 1
    files.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(photo)
    click_and_wait(driver, files.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    files = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby='attachments-h']")
    assert os.path.basename(photo) in files.text
    assert "Файлов пока нет." not in files.text
    stored = q(server, "SELECT file_name, content_type, size FROM event_attachments WHERE event_id = ?", event_id)
    assert stored == [(os.path.basename(photo), "image/png", size)]
    scan(driver, "event-photo")
    # The photo the card links to is the one sent.
    href = files.find_element(By.XPATH, f".//a[contains(., '{os.path.basename(photo)}')] | .//img/ancestor::a[1]").get_attribute("href")
    status, kind, data = fetch(driver, href)
    assert status == 200 and kind.startswith("image/png") and data == open(photo, "rb").read()


def check_list_and_csv(driver, title, today):
    """The list, and its CSV: the same events as the table, ours once with its figures."""
    link(driver, "К списку мероприятий")
    caption = driver.find_element(By.CSS_SELECTOR, "main table caption").text
    shown = [tr.find_elements(By.TAG_NAME, "td")[1].text for tr in driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")]
    assert shown.count(title) == 1
    assert re.search(rf"{len(shown)} мероприят", caption), caption
    scan(driver, "events-with-ours")
    status, kind, data = fetch(driver, driver.find_element(By.XPATH, "//main//a[normalize-space()='Скачать CSV']").get_attribute("href"))
    assert status == 200 and "csv" in kind
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert header[:5] == ["Дата", "Дата окончания", "Начало", "Окончание", "Название"]
    assert len(body) == len(shown)
    assert sorted(r[4] for r in body) == sorted(shown)
    ours = [dict(zip(header, r)) for r in body if r[4] == title]
    assert len(ours) == 1
    assert ours[0]["Дата"] == today and ours[0]["Начало"] == "15:00" and ours[0]["Окончание"] == "16:30"
    assert ours[0]["Количество участников"] == "12" and ours[0]["Дети до 14 лет"] == "" and ours[0]["Люди с инвалидностью"] == "5"
    assert ours[0]["Целевые группы"] == "Люди пожилого возраста; Люди с инвалидностью"

