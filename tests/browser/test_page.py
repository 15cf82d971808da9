"""The page of `gongwen serve` in headless Chromium, as a reader uses it.

Run through scripts/browser-test.sh, which starts the server and sets GONGWEN_URL.
Screenshots go to target/screenshots/ (look at them: a test cannot tell an ugly page).
"""

import os
import pathlib

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHOTS = ROOT / "target" / "screenshots"
URL = os.environ.get("GONGWEN_URL", "")

HTML_TITLE = "中共广州市花都区委关于巡视整改进展情况的通报"
PDF_TITLE = "中共郑州航空港经济综合实验区工作委员会关于巡视整改情况的通报"


@pytest.fixture
def browser():
    if not URL:
        pytest.fail("GONGWEN_URL is not set: run scripts/browser-test.sh")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--lang=zh-CN", "--hide-scrollbars"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_window_size(1366, 768)
    driver.get(URL + "/")
    yield driver
    driver.quit()


def upload(driver, *paths):
    field = driver.find_element(By.ID, "input")
    driver.execute_script("arguments[0].hidden = false", field)
    field.send_keys("\n".join(str(p) for p in paths))
    driver.execute_script("arguments[0].hidden = true", field)


def wait(driver, seconds=60):
    # The page redraws a view when an answer arrives, so an element found a moment ago can go.
    return WebDriverWait(driver, seconds, ignored_exceptions=(StaleElementReferenceException,))


def wait_title(driver, title):
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "doc-title"), title))


def facts(driver):
    return driver.find_element(By.ID, "facts").text


def shot(driver, name, width, height):
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.set_window_size(width, height)
    driver.save_screenshot(str(SHOTS / name))


def test_html_sample_shows_title_parts_outline_and_markdown(browser):
    upload(browser, ROOT / "samples" / "001.html")
    wait_title(browser, HTML_TITLE)
    table = facts(browser)
    for label in ("文号", "Doc number", "署名", "Signed by", "成文日期", "Date written"):
        assert label in table, table
    assert "中共广州市花都区委" in table and "2021-11-22" in table, table
    links = browser.find_elements(By.CSS_SELECTOR, "#outline a")
    assert len(links) >= 5, "no outline"
    assert links[0].text.startswith("一、")
    # Inspection facts: figures with their sentence highlighted.
    assert browser.find_elements(By.CSS_SELECTOR, ".figures mark b"), "no highlighted figure"
    assert browser.find_elements(By.CSS_SELECTOR, ".body mark"), "no sentence marked in the body"
    shot(browser, "001-html-1366x768.png", 1366, 768)
    # Clicking an outline entry scrolls its heading into view.
    links[3].click()
    target = browser.find_element(By.ID, links[3].get_attribute("href").split("#", 1)[1])
    wait(browser).until(lambda d: d.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight;", target))
    shot(browser, "001-html-outline-jump-1366x768.png", 1366, 768)
    browser.find_element(By.CSS_SELECTOR, "[data-tab=md]").click()
    wait(browser).until(
        lambda d: d.find_element(By.ID, "raw-md").text.startswith("# " + HTML_TITLE))
    shot(browser, "001-html-markdown-1366x768.png", 1366, 768)
    browser.find_element(By.CSS_SELECTOR, "[data-tab=json]").click()
    assert '"schema": "gongwen/1"' in browser.find_element(By.ID, "raw-json").text


def test_pdf_sample_on_a_phone(browser):
    browser.set_window_size(390, 844)
    upload(browser, ROOT / "samples" / "003-stsong.pdf")
    wait_title(browser, PDF_TITLE)
    table = facts(browser)
    assert "中共郑州航空港经济综合实验区工作委员会" in table and "2024-09-03" in table, table
    # On a phone the outline starts folded; one tap opens it.
    links = browser.find_elements(By.CSS_SELECTOR, "#outline a")
    assert len(links) >= 5 and not links[0].is_displayed()
    browser.find_element(By.CSS_SELECTOR, "#outline summary").click()
    assert links[0].is_displayed() and links[0].text.startswith("一、")
    # Nothing wider than the phone: no sideways scrolling of the page.
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, width
    shot(browser, "003-pdf-390x844.png", 390, 844)
    browser.find_element(By.CSS_SELECTOR, "[data-tab=md]").click()
    wait(browser).until(
        lambda d: d.find_element(By.ID, "raw-md").text.startswith("# "))
    shot(browser, "003-pdf-markdown-390x844.png", 390, 844)
    shot(browser, "003-pdf-markdown-1366x768.png", 1366, 768)


def test_several_files_and_a_failure(browser):
    upload(browser, ROOT / "samples" / "001.html", ROOT / "samples" / "003-stsong.pdf",
           ROOT / "tests" / "fixtures" / "malformed" / "encrypted-password.pdf")
    chips = browser.find_elements(By.CSS_SELECTOR, ".file-chip")
    assert len(chips) == 3
    wait(browser).until(lambda d: "✕" in d.find_elements(By.CSS_SELECTOR, ".file-chip")[2].text)
    # The first file of a drop is shown; the failed one is a click away.
    browser.find_elements(By.CSS_SELECTOR, ".file-chip")[2].click()
    alert = browser.find_element(By.CSS_SELECTOR, ".error-box").text
    assert "加密" in alert and "encrypted" in alert, alert
    shot(browser, "encrypted-1366x768.png", 1366, 768)
    browser.find_elements(By.CSS_SELECTOR, ".file-chip")[0].click()
    wait_title(browser, HTML_TITLE)


def test_document_text_is_never_markup(browser, tmp_path):
    hostile = tmp_path / "hostile.html"
    hostile.write_text(
        "<html><head><meta charset='utf-8'>"
        "<title>&lt;img src=x onerror=&quot;window.pwned=1&quot;&gt;关于开展检查的通知</title></head><body>"
        "<h1>&lt;img src=x onerror=&quot;window.pwned=1&quot;&gt;关于开展检查的通知</h1>"
        "<p>各单位：</p><p>&lt;script&gt;window.pwned=2&lt;/script&gt;请按要求执行。</p>"
        "</body></html>", encoding="utf-8")
    upload(browser, hostile)
    wait(browser).until(
        lambda d: "关于开展检查的通知" in d.find_element(By.ID, "doc-title").text)
    assert "<img" in browser.find_element(By.ID, "doc-title").text
    assert "<script>" in browser.find_element(By.CSS_SELECTOR, ".body").text
    assert browser.execute_script("return window.pwned") is None
    assert not browser.find_elements(By.CSS_SELECTOR, "main img, main script")
