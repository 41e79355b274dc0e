"""The `hclint serve` page in a real headless browser: Debian's Chromium driven by Playwright.

The test starts `hclint serve` on a free loopback port, pastes a draft, sees the finding
highlighted and its rewrite as a before/after, accepts it, copies the cleaned text; then
uploads a CSV export, picks the text column, checks every post and downloads the CSV report.
Without Chromium or Playwright it is skipped, and says why. With HCLINT_SCREENSHOTS=DIR it
also saves the page's screenshots there (docs/ keeps the README's).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed (pip install 'hcsocial-lint[serve]')")
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")

CHROMIUM = next((p for p in (os.environ.get("HCLINT_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium")
                 if p and Path(p).exists()), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (apt-get install chromium)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DRAFT = "Our new IV drip cures migraines in one visit. Walk-ins welcome at Riverside Clinic."
CONFIG = """\
[tool.hclint]
model = "auto"

[tool.hclint.organisation]
staff = ["Maria Chen", "Sam Okafor"]
facilities = ["Riverside Clinic"]
contact = "(555) 010-0000"

[tool.hclint.claim]
approved_claims = [{ text = "reduces plaque in 2 weeks", substantiation = "Study file DX-2026-04" }]
"""
EXPORT = (
    "Post ID,Network,Message,Approved by\n"
    "fb-101,Facebook,Flu shots are available at all our sites this week.,Dana\n"
    "ig-102,Instagram,Our laser treatment is guaranteed to remove every scar for good.,Dana\n"
    "fb-103,Facebook,\"Book now! Only 3 spots left, 50% off this week only.\",Lee\n"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    (folder / ".hclint.toml").write_text(CONFIG, encoding="utf-8")
    port = _free_port()
    hclint = Path(sys.executable).with_name("hclint")
    command = [str(hclint)] if hclint.exists() else [sys.executable, "-m", "hcsocial_lint"]
    log = (folder / "server.log").open("w")
    process = subprocess.Popen([*command, "serve", "--port", str(port), "--no-plugins"], cwd=folder,
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    try:
        while True:
            try:
                with urllib.request.urlopen(url + "/v1/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("hclint serve did not start:\n" + (folder / "server.log").read_text())
            time.sleep(0.3)
        yield url, folder / "server.log"
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture()
def page(server, tmp_path):
    url, _ = server
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True, args=FLAGS,
            accept_downloads=True, viewport={"width": 1280, "height": 900})
        try:
            context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
            tab = context.new_page()
            tab.goto(url + "/")
            tab.wait_for_selector("body[data-ready='yes']", timeout=30_000)
            yield tab
        finally:
            context.close()


def _screenshot(tab, name: str) -> None:
    folder = os.environ.get("HCLINT_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(Path(folder) / name), full_page=True)


def test_paste_see_accept_copy(page, server):
    expect = sync_api.expect
    facts = page.locator("#facts-list")
    expect(facts).to_contain_text("Maria Chen")
    expect(facts).to_contain_text("reduces plaque in 2 weeks")
    assert page.locator("#facts input, #facts textarea").count() == 0  # read-only

    page.fill("#draft", DRAFT)
    page.click("#check")
    mark = page.locator("#highlighted mark", has_text="cures").first
    expect(mark).to_be_visible()
    assert "sev-" in (mark.get_attribute("class") or "")
    item = page.locator("li.finding[data-rule='CLM001']")
    expect(item).to_contain_text("What this rule looks for")
    expect(item).to_contain_text("Why it matters: FTC")
    assert "(?<" not in page.inner_text("#findings")  # no regex shown to the writer
    suggestion = item.locator(".suggestion").first
    expect(suggestion.locator(".before del")).to_have_text("cures")
    expect(suggestion.locator(".after ins")).to_have_text("may help with")
    _screenshot(page, "serve-draft.png")

    suggestion.locator("button.accept").click()
    expect(page.locator("#status")).to_have_text("Rewrite accepted.")
    fixed = page.input_value("#draft")
    assert fixed == DRAFT.replace("cures", "may help with")
    expect(page.locator("li.finding[data-rule='CLM001']")).to_have_count(0)

    page.click("#copy")
    expect(page.locator("#status")).to_have_text("The text is copied.")
    assert page.evaluate("navigator.clipboard.readText()") == fixed
    _, log = server
    assert "migraines" not in log.read_text()  # the draft never reaches the server's log


def test_upload_pick_column_download_report(page, tmp_path):
    expect = sync_api.expect
    page.set_input_files("#file", files=[{"name": "campaign.csv", "mimeType": "text/csv",
                                          "buffer": EXPORT.encode("utf-8")}])
    expect(page.locator("#export")).to_be_visible()
    assert page.input_value("#text-column") == "Message"  # guessed, not asked for
    assert page.input_value("#id-column") == "Post ID"
    options = page.locator("#text-column option").all_inner_texts()
    assert options == ["Post ID", "Network", "Message", "Approved by"]
    page.select_option("#text-column", "Network")
    page.select_option("#text-column", "Message")  # the writer picks the column from the list
    page.click("#check-all")
    expect(page.locator("#results tbody tr")).to_have_count(3)
    expect(page.locator("#download")).to_be_enabled()
    _screenshot(page, "serve-export.png")
    with page.expect_download() as info:
        page.click("#download")
    download = info.value
    assert download.suggested_filename == "campaign-hclint-report.csv"
    path = tmp_path / "report.csv"
    download.save_as(str(path))
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows and set(rows[0]) >= {"Post ID", "rule_id", "severity", "message", "citation"}
    ids = {row["Post ID"] for row in rows}
    assert ids <= {"ig-102", "fb-103"} and {"ig-102", "fb-103"} <= ids  # the clean post has no row
    assert all(row["citation"] and row["rule_id"] for row in rows)

    page.locator("#results tbody tr", has_text="ig-102").locator("button").click()
    expect(page.locator("#highlighted mark").first).to_be_visible()
    assert "guaranteed" in page.input_value("#draft")


def test_dropped_markdown_draft_is_read_as_markdown(page):
    expect = sync_api.expect
    draft = "Use `cures` in code only.\n\nOur balm cures eczema overnight.\n"  # no front matter: the name decides
    page.evaluate(
        """(text) => {
            const data = new DataTransfer();
            data.items.add(new File([text], "draft.md", { type: "text/markdown" }));
            document.getElementById("drop").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true }));
        }""", draft)
    expect(page.locator("#highlighted mark").first).to_be_visible()
    assert page.input_value("#draft") == draft
    marked = page.locator("#highlighted mark").all_inner_texts()
    assert any("cures" in m for m in marked)
    # Only the prose 'cures' is flagged: the one in the code span is not prose when read as Markdown.
    cure_offsets = [f["range"]["start"] for f in page.evaluate("state.report.findings") if f["matched_text"] == "cures"]
    assert cure_offsets == [draft.index("cures eczema")]
