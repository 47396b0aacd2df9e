#!/usr/bin/env python3
"""The workbench in a real browser (issue 19): headless Chromium driven by Selenium.

Starts the built jianzheng-workbench on the bundled catalogue with a fresh database, then: loads the overview,
filters the catalogue, opens a procedure, adds a note, reloads and sees it, uploads a proposal file and sees the
diff. With --screenshots DIR it saves a picture of each page (docs/images/workbench-*.png).

    python3 scripts/browser-test.py [--binary .build/debug/jianzheng-workbench] [--screenshots docs/images]

Needs: chromium and chromium-driver (Debian), selenium (PyPI). No network: the driver is Debian's, not downloaded.
"""
import argparse
import base64
import os
import re
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fail(message):
    print("browser test failed: " + message, file=sys.stderr)
    sys.exit(1)


def start_server(binary, database):
    log = tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False)
    process = subprocess.Popen(
        [binary, "--port", "0", "--db", database, "--as-of", "2026-11-29"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 180
    while time.time() < deadline:
        if process.poll() is not None:
            fail("the workbench exited: " + open(log.name, encoding="utf-8").read())
        match = re.search(r"workbench: (http://\S+?)/ ", open(log.name, encoding="utf-8").read())
        if match:
            return process, match.group(1)
        time.sleep(0.3)
    process.kill()
    fail("the workbench did not start within 180 s")


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1400", "--lang=zh-CN"]:
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/jianzheng-workbench"))
    parser.add_argument("--screenshots")
    arguments = parser.parse_args()
    database = os.path.join(tempfile.mkdtemp(prefix="jz-browser-"), "review.sqlite")
    server, base = start_server(arguments.binary, database)
    driver = browser()
    wait = WebDriverWait(driver, 30)

    def shot(name):
        """The whole page (up to 3,000 pixels tall), through the DevTools protocol."""
        if not arguments.screenshots:
            return
        height = min(driver.execute_script("return document.documentElement.scrollHeight"), 3000)
        picture = driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True, "clip": {"x": 0, "y": 0, "width": 1280, "height": height, "scale": 1}})
        with open(os.path.join(arguments.screenshots, "workbench-" + name + ".png"), "wb") as file:
            file.write(base64.b64decode(picture["data"]))

    try:
        # 1. The overview: its charts and counts.
        driver.get(base + "/")
        if "各部门审查结论" not in driver.page_source or not driver.find_elements(By.CSS_SELECTOR, "svg rect"):
            fail("the overview has no chart")
        shot("overview")

        # 2. The catalogue, filtered by department (the menu submits its form itself).
        driver.get(base + "/catalogue")
        Select(driver.find_element(By.NAME, "department")).select_by_visible_text("民政部门")
        wait.until(lambda d: "department=" in d.current_url)
        departments = [row.find_elements(By.TAG_NAME, "td")[2].text for row in driver.find_elements(By.CSS_SELECTOR, "table.grid tr")[1:]]
        if not departments or set(departments) != {"民政部门"}:
            fail("the filter left other departments: %s" % sorted(set(departments)))
        shot("catalogue")

        # 3. A procedure: add a note, reload, see it.
        driver.find_element(By.LINK_TEXT, "620000-MZ-0010").click()
        wait.until(lambda d: "/procedure/620000-MZ-0010" in d.current_url)
        note = "浏览器测试：请核对家庭经济状况核对的依据"
        form = driver.find_elements(By.CSS_SELECTOR, "form[action='/decision/note']")[0]
        form.find_element(By.NAME, "text").send_keys(note)
        form.find_element(By.NAME, "author").send_keys("测试员")
        form.find_element(By.TAG_NAME, "button").click()
        wait.until(lambda d: "done=note" in d.current_url)
        driver.refresh()
        if note not in driver.page_source:
            fail("the note is not on the page after a reload")
        if "审核人：测试员" not in driver.page_source:
            fail("the reviewer's name was not remembered")
        shot("procedure")

        # 4. A proposal file, read into the form by the page's script, and its diff.
        driver.get(base + "/proposal")
        proposal = os.path.join(ROOT, "examples/proposals", sorted(p for p in os.listdir(os.path.join(ROOT, "examples/proposals")) if p.endswith(".jz"))[0])
        driver.find_element(By.ID, "proposal-file").send_keys(proposal)
        wait.until(lambda d: d.find_element(By.ID, "proposal-text").get_attribute("value").strip() != "")
        driver.find_element(By.CSS_SELECTOR, "form[action='/proposal'] button").click()
        wait.until(lambda d: "试算结果" in d.page_source)
        if "变化的材料要求" not in driver.page_source:
            fail("the proposal's diff is not shown")
        shot("proposal")

        # 5. The downloads of a filter.
        driver.get(base + "/downloads?department=%E6%B0%91%E6%94%BF%E9%83%A8%E9%97%A8")
        if "听证报告" not in driver.page_source:
            fail("the downloads page is missing")
        shot("downloads")
    finally:
        driver.quit()
        server.terminate()
        server.wait()
    print("browser test: overview, catalogue filter, note across a reload, proposal upload and diff, downloads: ok")


if __name__ == "__main__":
    main()
