"""Drives Segue's web page in a real headless Chromium (Selenium), as a DJ would.

Usage: browser_test.py BASE_URL ARTIFACT_DIR
Steps: the library lists tracks; pick a seed; plan a 4-minute rising set; the table and the SVG
plot show it; swap a track for one of its alternatives (keyboard focus lands on the choices);
play the first transition (its preview renders on the server and the player's time advances);
download the rekordbox export and parse it with pyrekordbox; plan a bridge. Screenshots of each
step go to ARTIFACT_DIR (and failure.png when a step fails). Exits non-zero on any failure.
Written for Segue's tests.
"""
import os
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

base, artifacts = sys.argv[1].rstrip("/"), sys.argv[2]
downloads = os.path.join(artifacts, "downloads")
os.makedirs(downloads, exist_ok=True)

options = webdriver.ChromeOptions()
options.binary_location = os.environ.get("SEGUE_CHROMIUM", "/usr/bin/chromium")
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,1100", "--disable-gpu",
                 "--autoplay-policy=no-user-gesture-required"]:
    options.add_argument(argument)
options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
service = webdriver.ChromeService(executable_path=os.environ.get("SEGUE_CHROMEDRIVER", "/usr/bin/chromedriver"))
driver = webdriver.Chrome(service=service, options=options)
driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
# Rows are re-rendered after each answer; an element can go stale between two lookups.
wait = WebDriverWait(driver, 30, ignored_exceptions=(StaleElementReferenceException,))


def shot(name):
    driver.save_screenshot(os.path.join(artifacts, name + ".png"))


def rows(table_id):
    return driver.find_elements(By.CSS_SELECTOR, "#" + table_id + " tbody tr")


def check(condition, message):
    if not condition:
        raise AssertionError(message)


try:
    driver.get(base + "/")
    wait.until(lambda d: len(rows("search-results")) > 0)
    check("analysed tracks" in driver.find_element(By.ID, "library-status").text, "the library status is shown")

    # Search narrows the list.
    first_title = rows("search-results")[0].find_elements(By.TAG_NAME, "td")[0].text
    query = driver.find_element(By.ID, "search-query")
    query.send_keys(first_title.split(" – ")[-1])
    driver.find_element(By.ID, "search-button").click()
    wait.until(lambda d: 0 < len(rows("search-results")) < 12)
    shot("1-search")

    # Seed, 4 minutes, rising energy.
    rows("search-results")[0].find_element(By.CSS_SELECTOR, "button.use-seed").click()
    minutes = driver.find_element(By.ID, "plan-minutes")
    minutes.clear()
    minutes.send_keys("4")
    Select(driver.find_element(By.ID, "plan-energy")).select_by_value("rise")
    driver.find_element(By.ID, "plan-set").click()
    wait.until(lambda d: len(rows("set-table")) >= 2)
    planned = len(rows("set-table"))
    check(len(driver.find_elements(By.CSS_SELECTOR, "#plot polyline.bpm-line")) == 1, "the plot draws the BPM line")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#plot rect.key-band")) == planned, "the plot draws one key band per track")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#plot polyline.energy-target")) == 1, "the plot draws the energy target")
    camelot = rows("set-table")[0].find_element(By.CSS_SELECTOR, ".key")
    check(camelot.value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)", ""), "keys are coloured")
    shot("2-set")

    # Swap a track for an alternative.
    swapped = False
    for position in range(planned):
        before = rows("set-table")[position].find_element(By.CSS_SELECTOR, "td.title").text
        rows("set-table")[position].find_element(By.CSS_SELECTOR, "button.swap").click()
        wait.until(EC.visibility_of_element_located((By.ID, "alternatives")))
        time.sleep(0.5)
        choices = driver.find_elements(By.CSS_SELECTOR, "#alternatives button.use-alternative")
        if not choices:
            continue
        check("use-alternative" in driver.switch_to.active_element.get_attribute("class"), "focus moves to the first alternative")
        shot("3-alternatives")
        choices[0].click()
        wait.until(lambda d: rows("set-table")[position].find_element(By.CSS_SELECTOR, "td.title").text != before)
        check(len(rows("set-table")) == planned, "a swap keeps the set's length")
        swapped = True
        break
    check(swapped, "some position has an alternative")
    shot("4-swapped")

    # Listen to the first transition: the server renders it, the player plays it.
    rows("set-table")[1].find_element(By.CSS_SELECTOR, "button.play-transition").click()
    wait.until(lambda d: d.execute_script("return document.getElementById('transition-player').currentTime > 0.5"))
    check(not driver.find_element(By.ID, "transition-player").get_attribute("hidden"), "the transition player shows")
    shot("5-transition-playing")

    # Download the rekordbox export and parse it.
    titles = [row.find_element(By.CSS_SELECTOR, "td.title").text for row in rows("set-table")]
    driver.find_element(By.CSS_SELECTOR, "a.export-rekordbox").click()
    deadline = time.time() + 20
    exported = None
    while time.time() < deadline and exported is None:
        done = [name for name in os.listdir(downloads) if name.endswith(".xml")]
        exported = os.path.join(downloads, done[0]) if done else None
        time.sleep(0.2)
    check(exported is not None, "the rekordbox export downloads")
    from pyrekordbox.rbxml import RekordboxXml
    xml = RekordboxXml(exported)
    playlist = xml.root_playlist_folder.get_playlists()[0]
    names = []
    for key in playlist.get_tracks():
        track = xml.get_track(TrackID=key)
        names.append((track["Artist"] + " – " if track["Artist"] else "") + track["Name"])
    check(names == titles, "the export holds the set's tracks in order: %r vs %r" % (names, titles))

    # A bridge between the seed and another track.
    driver.find_element(By.ID, "search-query").clear()
    driver.find_element(By.ID, "search-button").click()
    wait.until(lambda d: len(rows("search-results")) >= 12)
    rows("search-results")[-1].find_element(By.CSS_SELECTOR, "button.use-end").click()
    minutes.clear()
    minutes.send_keys("2")
    driver.find_element(By.ID, "plan-bridge").click()
    wait.until(lambda d: "bridge" in d.find_element(By.ID, "set-title").text or d.find_element(By.ID, "plan-status").text not in ("", "Planning…"))
    status = driver.find_element(By.ID, "plan-status").text
    check("bridge" in driver.find_element(By.ID, "set-title").text or "no" in status.lower(), "the bridge is planned or explained: " + status)
    shot("6-bridge")
    print("browser test passed: %d tracks planned, swap, transition played, rekordbox export parsed, bridge" % planned)
except Exception:
    shot("failure")
    raise
finally:
    driver.quit()
