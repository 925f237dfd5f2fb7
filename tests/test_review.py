"""The review page: served on 127.0.0.1 only, refuses other origins, and writes only the edits file.

The browser test drives Debian's chromium through chromedriver (installed by .ci/run); without them it
is skipped with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixture_project import copy_project

from briefgen.cli import main
from briefgen.edits import load_edits
from briefgen.errors import ConfigError
from briefgen.review import open_session, week_lock
from briefgen.review.app import create_app

ROOT = Path(__file__).resolve().parent.parent
DATE = "2025-12-20"


@pytest.fixture
def server(tmp_path) -> Iterator[tuple[str, object, str]]:
    """Return (base URL, session, token) of a review server on a free port, stopped afterwards."""
    from werkzeug.serving import make_server

    config = copy_project(tmp_path)
    session = open_session(config, use_cache=False)
    srv = make_server("127.0.0.1", 0, None, threaded=True)  # type: ignore[arg-type]
    port = srv.socket.getsockname()[1]
    token = "test-token"
    srv.app = create_app(session, port, token)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}", session, token
    finally:
        srv.shutdown()
        srv.server_close()


def _post(url: str, body: dict, headers: dict[str, str]) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_a_request_from_another_origin_is_refused_and_nothing_written(server):
    base, session, token = server
    sid = session.state("analysts")["themes"][0]["candidates"][0]["id"]
    body = {"action": "exclude", "id": sid}
    headers = {"Content-Type": "application/json", "X-Briefgen-Token": token}
    status, reply = _post(base + "/api/edit", body, {**headers, "Origin": "http://evil.example"})
    assert status == 403 and "requests from http://evil.example are refused" in reply["error"][0]
    status, _ = _post(base + "/api/edit", body, {"Content-Type": "application/json"})  # no token
    assert status == 403
    assert not session.path.exists()
    status, reply = _post(base + "/api/edit", body, {**headers, "Origin": base})
    assert status == 200 and reply == {"ok": True}
    assert [e.target for e in load_edits(session.path, session.config).entries] == [sid]


def test_a_request_naming_another_host_is_refused(server):
    base, _, _ = server
    request = urllib.request.Request(base + "/", headers={"Host": "rebound.example"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request, timeout=10)
    assert err.value.code == 403


def test_an_edit_that_would_empty_the_brief_is_refused(server, tmp_path):
    base, session, token = server
    headers = {"Content-Type": "application/json", "X-Briefgen-Token": token}
    for source in session.analysis.sources[:-1]:
        assert _post(base + "/api/edit", {"action": "exclude", "id": source.id}, headers)[0] == 200
    before = session.path.read_text()
    status, reply = _post(
        base + "/api/edit", {"action": "exclude", "id": session.analysis.sources[-1].id}, headers
    )
    assert status == 400 and "leave nothing of the week's reading" in reply["error"][0]
    assert session.path.read_text() == before


def test_two_reviews_of_one_week_are_refused(tmp_path):
    path = tmp_path / "edits" / f"{DATE}.yaml"
    with (
        week_lock(path),
        pytest.raises(ConfigError, match="another review of this week is running"),
        week_lock(path),
    ):
        pass
    with week_lock(path):  # released when the first review stops
        pass


def test_edits_keep_the_files_own_comments(server):
    base, session, token = server
    session.path.parent.mkdir(parents=True, exist_ok=True)
    session.path.write_text(
        "# our desk's notes: keep this line\nnotes:\n  - text: Draft.  # why: Monday meeting\n"
    )
    headers = {"Content-Type": "application/json", "X-Briefgen-Token": token}
    assert _post(base + "/api/edit", {"action": "note", "text": 'Second "note"'}, headers)[0] == 200
    text = session.path.read_text()
    assert text.startswith(
        "# our desk's notes: keep this line\nnotes:\n  - text: Draft.  # why: Monday meeting\n"
    )
    assert [e.text for e in load_edits(session.path, session.config).entries] == ["Draft.", 'Second "note"']


def test_ctrl_c_stops_the_review_cleanly(tmp_path):
    config = copy_project(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefgen", "--quiet", "review", str(config), "--port", "0", "--no-cache"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        assert line.startswith(f"Review the week of {DATE} at http://127.0.0.1:")
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 0
    assert "review stopped; the edits are in" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["configs", "seeds", "templates"]  # nothing written


def _browser():
    """Return a headless Debian chromium driven by chromedriver, or skip with the reason."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.skip("Debian's chromium and chromium-driver are not installed (.ci/run installs them)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000",
    ):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(driver), options=options)


def test_an_editor_finishes_the_brief_in_a_browser(server, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    base, session, _ = server
    browser = _browser()
    wait = WebDriverWait(browser, 20)

    def saved(count: int) -> None:
        wait.until(lambda b: len(load_edits(session.path, session.config).entries) == count)
        wait.until(ec.text_to_be_present_in_element((By.ID, "status"), "Saved"))

    try:
        browser.get(base + "/")
        wait.until(
            ec.element_to_be_clickable((By.CSS_SELECTOR, "#audiences button[data-audience='analysts']"))
        ).click()
        wait.until(ec.text_to_be_present_in_element((By.ID, "file"), "Edits:"))
        # The first audience's lists may still be loading when analysts is picked: wait for the last draw.
        wait.until(lambda b: b.execute_script("return !document.body.dataset.busy"))
        wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#themes .item.shown"))
        first = browser.find_elements(By.CSS_SELECTOR, "#themes .item.shown")[0]
        excluded_id = first.get_attribute("data-id")
        first.find_element(By.XPATH, ".//button[text()='Exclude']").click()
        saved(1)
        # Keyboard: focus a sentence the brief does not show and pin it with "p".
        spare = wait.until(
            lambda b: b.find_elements(By.CSS_SELECTOR, "#themes .item:not(.shown):not(.excluded)")
        )[0]
        pinned_id, pinned_theme = spare.get_attribute("data-id"), spare.get_attribute("data-theme")
        browser.execute_script("arguments[0].focus()", spare)
        spare.send_keys("p")
        saved(2)
        quote = wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#quotes .item"))[0]
        quote_id = quote.get_attribute("data-id")
        name = quote.find_element(By.CSS_SELECTOR, "input[aria-label='Speaker']")
        name.clear()
        name.send_keys("Ann Example")
        quote.find_element(By.XPATH, ".//button[text()='Fix speaker']").click()
        saved(3)
        box = browser.find_elements(By.CSS_SELECTOR, ".comment textarea")[0]
        box.send_keys("Watch the January figures.")
        box.find_element(By.XPATH, "../button").click()
        saved(4)
        wait.until(
            lambda b: (
                "Watch the January figures."
                in b.execute_script(
                    "return document.getElementById('preview').contentDocument.body.innerText"
                )
            )
        )
        browser.save_screenshot(str(tmp_path / "review.png"))
    finally:
        browser.quit()

    entries = load_edits(session.path, session.config).entries
    assert [(e.action, e.target) for e in entries[:3]] == [
        ("exclude", excluded_id),
        ("pin", pinned_id),
        ("speaker", quote_id),
    ]
    assert entries[1].theme == pinned_theme and entries[2].speaker == "Ann Example"
    assert entries[3].action == "comment" and entries[3].text == "Watch the January figures."

    config = session.config.path
    assert main(["--quiet", "build", str(config), "--no-cache", "--audience", "analysts"]) == 0
    out = config.parent.parent / "out"
    brief = json.loads((out / f"{DATE}-analysts.json").read_text())
    theme = next(t for t in brief["themes"] if t["id"] == pinned_theme)
    assert theme["summary"][0]["id"] == pinned_id
    assert excluded_id not in {e["id"] for t in brief["themes"] for e in t["summary"]}
    assert "Watch the January figures." in (out / f"{DATE}-analysts.html").read_text()
    from docx import Document

    assert any(
        "Watch the January figures." in p.text for p in Document(out / f"{DATE}-analysts.docx").paragraphs
    )
    from pypdf import PdfReader

    pdf = " ".join(p.extract_text() or "" for p in PdfReader(out / f"{DATE}-analysts.pdf").pages)
    assert "Watch the January figures." in " ".join(pdf.split())
    first_build = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert main(["--quiet", "build", str(config), "--no-cache", "--audience", "analysts"]) == 0
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == first_build
