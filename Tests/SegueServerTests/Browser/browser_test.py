"""Drives Segue's web page in a real headless Chromium (Selenium), as a DJ would.

Usage: browser_test.py BASE_URL ARTIFACT_DIR [SET_MINUTES]  (default 4: the tests' demo tracks are a minute long)
Steps, each with a screenshot in ARTIFACT_DIR (failure.png when a step fails):
 1. the library lists tracks; the favicon is there and the page logs no errors;
 2. "8A" in the search box finds only 8A tracks, and so does the key filter;
 3. pick a seed (its row is highlighted) and play its preview (the player's time advances from
    the track's drop, not from 0:00);
 4. similar to the seed with "same key, ±3 BPM, other genre": every answer passes;
 5. plan a set; the table and the SVG plot show it; too many minutes are refused in the page;
 6. reorder by keyboard (Alt+Down on a row) and by dragging, delete a track, undo the deletion, pin a track;
 7. swap a track for an alternative (focus lands on the choices; Escape closes them);
 8. save the set under a name, reload the page: the same set and name come back from the
    address, and the saved list holds it;
 9. play a transition (rendered by the server);
10. download the rekordbox export with a playlist name and parse it with pyrekordbox;
11. plan a bridge;
12. a 360 px wide phone: no sideways scroll, the set as cards;
13. the server unreachable (the browser offline): "Segue is not running", and it recovers.
Exits non-zero on any failure. Written for Segue's tests.
"""
import base64
import os
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

base, artifacts = sys.argv[1].rstrip("/"), sys.argv[2]
set_minutes = int(sys.argv[3]) if len(sys.argv) > 3 else 4
downloads = os.path.join(artifacts, "downloads")
os.makedirs(downloads, exist_ok=True)

options = webdriver.ChromeOptions()
options.binary_location = os.environ.get("SEGUE_CHROMIUM", "/usr/bin/chromium")
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,1100", "--disable-gpu",
                 "--autoplay-policy=no-user-gesture-required"]:
    options.add_argument(argument)
options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
service = webdriver.ChromeService(executable_path=os.environ.get("SEGUE_CHROMEDRIVER", "/usr/bin/chromedriver"))
driver = webdriver.Chrome(service=service, options=options)
driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
# Rows are re-rendered after each answer; an element can go stale between two lookups.
wait = WebDriverWait(driver, 30, ignored_exceptions=(StaleElementReferenceException,))


def shot(name):
    """The whole page, not only the window (Chromium's captureBeyondViewport)."""
    try:
        image = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})["data"]
        with open(os.path.join(artifacts, name + ".png"), "wb") as file:
            file.write(base64.b64decode(image))
    except Exception:
        driver.save_screenshot(os.path.join(artifacts, name + ".png"))


def rows(table_id):
    return driver.find_elements(By.CSS_SELECTOR, "#" + table_id + " tbody tr")


def set_ids():
    return [row.get_attribute("data-id") for row in rows("set-table")]


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def js(script, *arguments):
    return driver.execute_script(script, *arguments)


def severe_logs():
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def search(query):
    box = driver.find_element(By.ID, "search-query")
    box.clear()
    box.send_keys(query)
    driver.find_element(By.ID, "search-button").click()


def wait_for_edit(before):
    wait.until(lambda d: js("return new URL(location.href).searchParams.get('set')") != before)
    wait.until(lambda d: "Edited" in d.find_element(By.ID, "set-status").text)


try:
    driver.get(base + "/")
    wait.until(lambda d: len(rows("search-results")) > 0)
    check("analysed tracks" in driver.find_element(By.ID, "library-status").text, "the library status is shown")
    check(js("return document.querySelector('link[rel=icon]') !== null"), "the page has a favicon")
    time.sleep(0.5)
    check(severe_logs() == [], "no errors on load: %r" % severe_logs())
    shot("1-loaded")

    # Camelot in the search box, then the key filter.
    search("8A")
    wait.until(lambda d: all(r.find_element(By.CSS_SELECTOR, ".key").text == "8A" for r in rows("search-results")))
    camelots = [r.find_element(By.CSS_SELECTOR, ".key").text for r in rows("search-results")]
    check(len(camelots) > 0 and set(camelots) == {"8A"}, "'8A' finds 8A tracks only: %r" % camelots)
    search("")
    Select(driver.find_element(By.ID, "search-key")).select_by_value("8A")
    driver.find_element(By.ID, "search-button").click()
    wait.until(lambda d: {r.find_element(By.CSS_SELECTOR, ".key").text for r in rows("search-results")} == {"8A"})
    shot("2-camelot")
    Select(driver.find_element(By.ID, "search-key")).select_by_value("")
    driver.find_element(By.ID, "search-button").click()
    wait.until(lambda d: len(rows("search-results")) >= 12)

    # Seed, highlighted; its preview plays from the drop.
    seed_row = rows("search-results")[0]
    seed_id = seed_row.get_attribute("data-id")
    seed_row.find_element(By.CSS_SELECTOR, "button.use-seed").click()
    wait.until(lambda d: "is-seed" in rows("search-results")[0].get_attribute("class"))
    rows("search-results")[0].find_element(By.CSS_SELECTOR, "button.play-track").click()
    wait.until(lambda d: js("const p = document.getElementById('track-player'); return !p.paused && p.currentTime > 0"))
    first_time = js("return document.getElementById('track-player').currentTime")
    time.sleep(1.5)
    later = js("return document.getElementById('track-player').currentTime")
    check(later > first_time + 0.5, "the preview plays: %.2f → %.2f" % (first_time, later))
    preview_start = js("return fetch('/tracks/' + arguments[0]).then(r => r.json())", seed_id)["previewStart"]
    check(preview_start > 0 and first_time >= preview_start - 0.25,
          "the preview starts at the drop (%.1f s), not at 0:00: it played from %.1f s" % (preview_start, first_time))
    js("document.getElementById('track-player').pause()")
    shot("3-preview")

    # Similar: same key, ±3 BPM, other genre.
    rows("search-results")[0].find_element(By.CSS_SELECTOR, "button.similar").click()
    wait.until(EC.visibility_of_element_located((By.ID, "similar")))
    driver.find_element(By.ID, "similar-preset").click()
    wait.until(lambda d: d.find_element(By.ID, "similar-status").text != "")
    seed = js("return state.seed")
    answers = js("return [...document.querySelectorAll('#similar-results tbody tr')].map(r => r.dataset.id)")
    for answer_id in answers:
        track = js("return fetch('/tracks/' + arguments[0]).then(r => r.json())", answer_id)["track"]
        check(track["camelot"] == seed["camelot"], "same key: %r vs %r" % (track["camelot"], seed["camelot"]))
        check((track.get("genre") or "").lower() != (seed.get("genre") or "").lower(), "other genre: %r" % track.get("genre"))
        check(min(abs(track["bpm"] * f - seed["bpm"]) for f in (0.5, 1, 2)) <= 3.05, "±3 BPM: %r vs %r" % (track["bpm"], seed["bpm"]))
    check("error" not in driver.find_element(By.ID, "similar-status").get_attribute("class"), "the similar search answers")
    check(driver.find_element(By.ID, "similar-bpm").get_attribute("value") != "", "the preset sets the tempo window")
    # Looser, so that a small library answers too: compatible keys, any tempo, another genre.
    Select(driver.find_element(By.ID, "similar-key")).select_by_value("compatible")
    driver.find_element(By.ID, "similar-bpm").clear()
    driver.find_element(By.ID, "similar-find").click()
    wait.until(lambda d: "tracks, most similar first" in d.find_element(By.ID, "similar-status").text)
    compatible = js("return compatibleCamelots(state.seed.camelot)")
    looser = js("return [...document.querySelectorAll('#similar-results tbody tr')].map(r => [r.querySelector('.key').textContent, r.children[3].textContent])")
    check(len(looser) > 0 and all(k in compatible and g.lower() != (seed.get("genre") or "").lower() for k, g in looser),
          "compatible keys, other genres: %r (seed %s %s)" % (looser, seed["camelot"], seed.get("genre")))
    shot("4-similar")
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    wait.until(lambda d: not d.find_element(By.ID, "similar").is_displayed())

    # Too many minutes are refused in the page, with the server's limit.
    minutes = driver.find_element(By.ID, "plan-minutes")
    minutes.clear()
    minutes.send_keys("10000")
    driver.find_element(By.ID, "plan-set").click()
    wait.until(lambda d: "600" in d.find_element(By.ID, "plan-status").text)
    check("error" in driver.find_element(By.ID, "plan-status").get_attribute("class"), "the limit is an error")

    # Plan a set.
    minutes.clear()
    minutes.send_keys(str(set_minutes))
    Select(driver.find_element(By.ID, "plan-energy")).select_by_value("rise")
    driver.find_element(By.ID, "plan-set").click()
    wait.until(lambda d: len(rows("set-table")) >= 4)
    check(driver.find_element(By.ID, "plan-status").get_attribute("class") == "status ok", "the old error is replaced")
    planned = len(rows("set-table"))
    check(set_ids()[0] == seed_id, "the set starts at the seed")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#plot polyline.bpm-line")) == 1, "the plot draws the BPM line")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#plot rect.key-band")) == planned, "the plot draws one key band per track")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#plot polyline.energy-target")) == 1, "the plot draws the energy target")
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#set-table svg.overview")) == planned)
    shot("5-set")

    # Reorder by keyboard: Alt+Down on the second row moves it to third.
    order = set_ids()
    version = js("return new URL(location.href).searchParams.get('set')")
    js("arguments[0].focus()", rows("set-table")[1])
    ActionChains(driver).key_down(Keys.ALT).send_keys(Keys.ARROW_DOWN).key_up(Keys.ALT).perform()
    wait_for_edit(version)
    moved = order[:]
    moved[1], moved[2] = moved[2], moved[1]
    wait.until(lambda d: set_ids() == moved)
    shot("6-moved")

    # Drag the first row onto the third (the page's drag handlers, with the events a drag fires).
    version = js("return new URL(location.href).searchParams.get('set')")
    before_drag = set_ids()
    js("""
        const rows = document.querySelectorAll('#set-table tbody tr'), data = new DataTransfer();
        rows[0].dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: data }));
        rows[2].dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
        rows[2].dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
        rows[0].dispatchEvent(new DragEvent('dragend', { bubbles: true, dataTransfer: data }));
    """)
    wait_for_edit(version)
    dragged = before_drag[1:3] + [before_drag[0]] + before_drag[3:]
    wait.until(lambda d: set_ids() == dragged)
    driver.find_element(By.ID, "undo").click()
    wait.until(lambda d: set_ids() == moved)

    # Delete the last track, then undo.
    version = js("return new URL(location.href).searchParams.get('set')")
    rows("set-table")[-1].find_element(By.CSS_SELECTOR, "button.delete").click()
    wait_for_edit(version)
    wait.until(lambda d: len(rows("set-table")) == planned - 1)
    driver.find_element(By.ID, "undo").click()
    wait.until(lambda d: set_ids() == moved)
    driver.find_element(By.ID, "redo").click()
    wait.until(lambda d: len(rows("set-table")) == planned - 1)
    driver.find_element(By.ID, "undo").click()
    wait.until(lambda d: set_ids() == moved)
    shot("7-undone")

    # Pin the third track.
    version = js("return new URL(location.href).searchParams.get('set')")
    rows("set-table")[2].find_element(By.CSS_SELECTOR, "button.pin").click()
    wait_for_edit(version)
    wait.until(lambda d: "pinned" in rows("set-table")[2].get_attribute("class"))
    check(rows("set-table")[2].find_element(By.CSS_SELECTOR, "button.pin").get_attribute("aria-pressed") == "true", "the pin is pressed")
    check(driver.find_element(By.ID, "replan").is_displayed(), "a pinned set can be planned again around its pins")

    # Swap a track for an alternative; the choices carry their transitions.
    swapped = False
    for position in range(len(rows("set-table"))):
        before = set_ids()[position]
        rows("set-table")[position].find_element(By.CSS_SELECTOR, "button.swap").click()
        wait.until(EC.visibility_of_element_located((By.ID, "alternatives")))
        time.sleep(0.5)
        choices = driver.find_elements(By.CSS_SELECTOR, "#alternatives button.use-alternative")
        if not choices:
            continue
        check("use-alternative" in driver.switch_to.active_element.get_attribute("class"), "focus moves to the first alternative")
        explanations = driver.find_elements(By.CSS_SELECTOR, "#alternatives td.explanation div")
        check(len(explanations) > 0 and all(e.text.startswith(("In: ", "Out: ")) for e in explanations), "alternatives explain their transitions")
        shot("8-alternatives")
        driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        wait.until(lambda d: not d.find_element(By.ID, "alternatives").is_displayed())
        rows("set-table")[position].find_element(By.CSS_SELECTOR, "button.swap").click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#alternatives button.use-alternative")) > 0)
        driver.find_elements(By.CSS_SELECTOR, "#alternatives button.use-alternative")[0].click()
        wait.until(lambda d: set_ids()[position] != before)
        swapped = True
        break
    check(swapped, "some position has an alternative")

    # Save under a name; reload; it comes back.
    name = "Browser test %d" % int(time.time())
    field = driver.find_element(By.ID, "set-name")
    field.clear()
    field.send_keys(name)
    driver.find_element(By.ID, "save-set").click()
    wait.until(lambda d: "Saved as" in d.find_element(By.ID, "set-status").text)
    saved_ids = set_ids()
    wait.until(lambda d: any(r.find_element(By.CSS_SELECTOR, "td.title").text == name for r in rows("saved-sets")))
    driver.refresh()
    wait.until(lambda d: len(rows("set-table")) > 0)
    check(set_ids() == saved_ids, "the reloaded page shows the saved set")
    check(driver.find_element(By.ID, "set-name").get_attribute("value") == name, "and its name")
    check(any(r.find_element(By.CSS_SELECTOR, "td.title").text == name for r in rows("saved-sets")), "the saved list holds it")
    shot("9-reopened")

    # Listen to the first transition: the server renders it, the player plays it.
    rows("set-table")[1].find_element(By.CSS_SELECTOR, "button.play-transition").click()
    wait.until(lambda d: js("return document.getElementById('transition-player').currentTime > 0.5"))
    check(not driver.find_element(By.ID, "transition-player").get_attribute("hidden"), "the transition player shows")
    js("document.getElementById('transition-player').pause()")
    shot("10-transition-playing")

    # Download the rekordbox export, named, and parse it.
    titles = [row.find_element(By.CSS_SELECTOR, "td.title").text for row in rows("set-table")]
    playlist_name = "Friday from the browser"
    driver.find_element(By.ID, "export-name").send_keys(playlist_name)
    check(driver.find_element(By.ID, "export-volume").get_attribute("value") != "", "Traktor's volume has a default")
    driver.find_element(By.CSS_SELECTOR, "button.export-rekordbox").click()
    deadline = time.time() + 20
    exported = None
    while time.time() < deadline and exported is None:
        done = [entry for entry in os.listdir(downloads) if entry.endswith(".xml")]
        exported = os.path.join(downloads, done[0]) if done else None
        time.sleep(0.2)
    check(exported is not None, "the rekordbox export downloads")
    time.sleep(0.5)
    from pyrekordbox.rbxml import RekordboxXml
    xml = RekordboxXml(exported)
    playlist = xml.root_playlist_folder.get_playlists()[0]
    check(playlist.name == playlist_name, "the playlist is named as asked: %r" % playlist.name)
    names = []
    for key in playlist.get_tracks():
        track = xml.get_track(TrackID=key)
        names.append((track["Artist"] + " – " if track["Artist"] else "") + track["Name"])
    check(names == titles, "the export holds the set's tracks in order: %r vs %r" % (names, titles))

    # A bridge between the seed and another track.
    search("")
    wait.until(lambda d: len(rows("search-results")) >= 12)
    rows("search-results")[0].find_element(By.CSS_SELECTOR, "button.use-seed").click()
    rows("search-results")[-1].find_element(By.CSS_SELECTOR, "button.use-end").click()
    wait.until(lambda d: "is-end" in rows("search-results")[-1].get_attribute("class"))
    minutes = driver.find_element(By.ID, "plan-minutes")
    minutes.clear()
    minutes.send_keys(str(max(2, set_minutes // 3)))
    driver.find_element(By.ID, "plan-bridge").click()
    wait.until(lambda d: "bridge" in d.find_element(By.ID, "set-title").text or "error" in d.find_element(By.ID, "plan-status").get_attribute("class"))
    status = driver.find_element(By.ID, "plan-status").text
    check("bridge" in driver.find_element(By.ID, "set-title").text or status != "", "the bridge is planned or explained: " + status)
    shot("11-bridge")

    # A Spotify playlist exported by Exportify: imported, matched, Spotify's numbers shown, a seed offered.
    search("")
    wait.until(lambda d: len(rows("search-results")) >= 2)
    picked = [(r.find_elements(By.TAG_NAME, "td")[0].text.split(" – ", 1)) for r in rows("search-results")[:2]]
    playlist = os.path.join(artifacts, "Spotify Friday.csv")
    with open(playlist, "w", encoding="utf-8") as file:
        file.write("Track URI,Track Name,Album Name,Artist Name(s),Energy,Key,Loudness,Mode,Tempo\n")
        for index, (artist, title) in enumerate(picked):
            file.write('spotify:track:browser%d,"%s",,"%s",0.8%d,9,-7,0,%d.9\n' % (index, title, artist, index, 120 + index))
    driver.find_element(By.ID, "import-file").send_keys(playlist)
    driver.find_element(By.ID, "import-button").click()
    wait.until(lambda d: "matched" in d.find_element(By.ID, "import-status").text)
    check("2 tracks matched" in driver.find_element(By.ID, "import-status").text, driver.find_element(By.ID, "import-status").text)
    wait.until(lambda d: len(rows("import-results")) == 2)
    check(all("Spotify: " in r.find_element(By.CSS_SELECTOR, "td.service").text and "8A" in r.text for r in rows("import-results")),
          "Spotify's numbers beside Segue's")
    rows("import-results")[1].find_element(By.CSS_SELECTOR, "button.use-seed").click()
    check(picked[1][1] in driver.find_element(By.ID, "seed-name").text, "an imported track seeds a set")
    shot("12-imported")

    # A phone: no sideways scroll; the set becomes cards.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 780, "deviceScaleFactor": 2, "mobile": True})
    time.sleep(0.5)
    overflow = js("return [document.documentElement.scrollWidth, window.innerWidth]")
    check(overflow[0] <= overflow[1], "no sideways scroll at 360 px: scrollWidth %d > innerWidth %d" % tuple(overflow))
    check(js("return getComputedStyle(document.querySelector('#set-table thead')).display") == "none", "the set shows as cards")
    swap = rows("set-table")[0].find_element(By.CSS_SELECTOR, "button.swap")
    check(js("const r = arguments[0].getBoundingClientRect(); return r.right <= window.innerWidth && r.left >= 0", swap), "Swap is on screen")
    shot("13-phone")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    # The server unreachable: the page says how to start it, and recovers when it answers.
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    search("house")
    wait.until(lambda d: d.find_element(By.ID, "server-status").is_displayed())
    check("segue serve" in driver.find_element(By.ID, "server-status").text, "the banner says how to start Segue")
    check("segue serve" in driver.find_element(By.ID, "search-status").text, "the failed search says so too")
    shot("14-server-down")
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    wait.until(lambda d: not d.find_element(By.ID, "server-status").is_displayed())
    errors = [m for m in severe_logs() if "ERR_INTERNET_DISCONNECTED" not in m and "Failed to fetch" not in m]
    check(errors == [], "no other errors: %r" % errors)
    print("browser test passed: %d tracks planned; Camelot search, preview, similar, keyboard move, drag, delete, undo, pin, swap, "
          "save and reopen, transition, rekordbox export, bridge, Spotify import, 360 px, server down" % planned)
except Exception:
    shot("failure")
    raise
finally:
    driver.quit()
