"""`hclint serve`'s HTTP API, through FastAPI's TestClient: reports, fixes, files, rules, facts, safety."""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
import tempfile
import threading
import time

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed (pip install 'hcsocial-lint[serve]')")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx")

import jsonschema  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from hcsocial_lint import Linter, Settings  # noqa: E402
from hcsocial_lint.cli import main  # noqa: E402
from hcsocial_lint.docs import rule_doc  # noqa: E402
from hcsocial_lint.reporting import load_report_schema  # noqa: E402
from hcsocial_lint.serve import INSTALL_HINT  # noqa: E402
from hcsocial_lint.serve.app import STATIC, create_app  # noqa: E402
from hcsocial_lint.serve.runner import ServeError, allowed_hosts, check_options, is_loopback  # noqa: E402
from hcsocial_lint.serve.service import Draft, LintService  # noqa: E402

CURE = "Our IV drip cures migraines."
SENTINEL = "Zebulon Quartermaine"  # a name that must never reach a log


@pytest.fixture(scope="module")
def service() -> LintService:
    settings = Settings(plugins=False, organisation={"staff": ["Maria Chen"], "facilities": ["Riverside Clinic"],
                                                     "contact": "(555) 010-0000"},
                        families={"claim": {"approved_claims": [{"text": "reduces plaque in 2 weeks",
                                                                 "substantiation": "Study file DX-1"}]}})
    svc = LintService(Linter(settings))
    svc.warm_up()
    return svc


@pytest.fixture(scope="module")
def client(service) -> TestClient:
    return TestClient(create_app(service))


def finding(report, rule_id):
    return next(f for f in report["findings"] if f["rule_id"] == rule_id)


def test_health_and_version(client):
    assert client.get("/v1/health").json() == {"status": "ok"}
    version = client.get("/v1/version").json()
    assert version["api"] == "v1" and version["report_schema"] == "1.0" and version["hclint"]


def test_lint_one_draft_returns_the_shipped_report_schema(client):
    report = client.post("/v1/lint", json={"text": CURE}).json()
    jsonschema.validate(report, load_report_schema())
    cure = finding(report, "CLM001")
    assert (cure["path"], cure["record"], cure["matched_text"]) == ("<draft>", None, "cures")
    assert CURE[cure["range"]["start"]:cure["range"]["end"]] == "cures"
    assert cure["suggestions"] and cure["citation"]


def test_lint_a_batch_keeps_each_posts_kind_and_number(client):
    posts = [{"text": "Lovely autumn colours outside the clinic today."},
             {"text": "Sorry your visit was frustrating.", "kind": "review-reply"},
             {"text": CURE}]
    report = client.post("/v1/lint", json={"posts": posts}).json()
    jsonschema.validate(report, load_report_schema())
    assert report["summary"]["posts_checked"] == 3
    assert {(f["rule_id"], f["record"]) for f in report["findings"]} >= {("PHI002", 2), ("CLM001", 3)}
    assert not [f for f in report["findings"] if f["record"] == 1]
    assert {f["path"] for f in report["findings"]} == {"<batch>"}


def test_lint_masks_on_request(client):
    report = client.post("/v1/lint", json={"text": CURE, "mask": True}).json()
    assert report["masked"] is True
    cure = finding(report, "CLM001")
    assert cure["matched_text"] == "[CURE-CLAIM]" and "cures" not in cure["message"]


@pytest.mark.parametrize("body", [{}, {"text": "a", "posts": []}, {"text": "a", "kind": "tweet"}, {"text": 5},
                                  {"text": "a", "colour": "red"}])
def test_bad_lint_requests_are_422_without_echoing_the_draft(client, body):
    body = {**body, "text": SENTINEL} if body.get("text") == "a" else body
    response = client.post("/v1/lint", json=body)
    assert response.status_code == 422
    assert SENTINEL not in response.text and response.json()["detail"][0]["msg"]


def test_fix_applies_the_chosen_suggestion_and_reports_the_new_text(client):
    report = client.post("/v1/lint", json={"text": CURE}).json()
    cure = finding(report, "CLM001")
    choice = {"rule_id": "CLM001", "start": cure["range"]["start"], "end": cure["range"]["end"], "suggestion": 0}
    outcome = client.post("/v1/fix", json={"text": CURE, "accept": [choice]}).json()
    edit = cure["suggestions"][0]["edits"][0]
    assert outcome["text"] == CURE[:edit["start"]] + edit["replacement"] + CURE[edit["end"]:]
    assert outcome["changed"] and outcome["applied"] == [choice] and outcome["not_applied"] == []
    assert "CLM001" not in {f["rule_id"] for f in outcome["report"]["findings"]}
    jsonschema.validate(outcome["report"], load_report_schema())


def test_fix_refuses_stale_advice_and_overlapping_choices(client):
    report = client.post("/v1/lint", json={"text": CURE}).json()
    cure, claim = finding(report, "CLM001"), finding(report, "CLM003")
    advice = next(i for i, s in enumerate(claim["suggestions"]) if s["applicability"] == "display")
    rewrite = next(i for i, s in enumerate(claim["suggestions"]) if s["edits"])
    ref = lambda f, k: {"rule_id": f["rule_id"], "start": f["range"]["start"], "end": f["range"]["end"], "suggestion": k}  # noqa: E731
    choices = [ref(cure, 0), ref(claim, rewrite), ref(claim, advice), {**ref(cure, 0), "start": 0}, ref(cure, 7)]
    outcome = client.post("/v1/fix", json={"text": CURE, "accept": choices}).json()
    reasons = [n["reason"] for n in outcome["not_applied"]]
    assert outcome["applied"] == [ref(cure, 0)]
    assert len(reasons) == 4
    assert "overlaps" in reasons[0] and "advice" in reasons[1] and "no such finding" in reasons[2]
    assert "suggestion(s)" in reasons[3]


def test_fix_without_choices_is_hclint_fix(client, service):
    outcome = client.post("/v1/fix", json={"text": CURE, "unsafe": True}).json()
    assert outcome["text"] == service.linter.fix_text(CURE, unsafe=True).text != CURE
    assert client.post("/v1/fix", json={"text": CURE}).json()["text"] == service.linter.fix_text(CURE).text


@pytest.mark.parametrize("accept", [None, []])
def test_unreadable_front_matter_is_a_400_for_fix_and_a_problem_for_lint(client, accept):
    draft = "---\nkind: tweet\n---\nOur IV drip cures migraines.\n"
    response = client.post("/v1/fix", json={"text": draft, "markdown": True, "accept": accept})
    assert response.status_code == 400 and "kind" in response.json()["detail"]
    report = client.post("/v1/lint", json={"text": draft, "markdown": True}).json()
    assert report["findings"] == [] and "kind" in report["problems"][0]["message"]


def upload(client, name, data, **headers):
    return client.post("/v1/files", params={"name": name}, content=data,
                       headers={"Content-Type": "application/octet-stream", **headers})


def test_csv_export_guesses_the_text_and_id_columns(client):
    data = ("Post ID,Scheduled,Network,Message\n"
            "p-17,2026-03-01,Facebook,\"Our new clinic opens Monday, with parking for 40 cars.\"\n"
            "p-18,2026-03-02,Instagram,Flu shots are available at every site this week.\n").encode()
    read = upload(client, "campaign.csv", data).json()
    assert (read["kind"], read["format"], read["text_column"], read["id_column"]) == ("export", "csv", "Message", "Post ID")
    assert read["columns"] == ["Post ID", "Scheduled", "Network", "Message"]
    assert [r["fields"]["Post ID"] for r in read["rows"]] == ["p-17", "p-18"]


def test_a_column_named_for_text_wins_over_a_longer_one(client):
    lines = [json.dumps({"uid": n, "notes": "internal reviewer notes that run long " * 3, "caption": f"Caption {n} here"})
             for n in (1, 2)]
    read = upload(client, "posts.jsonl", "\n".join(lines).encode()).json()
    assert read["text_column"] == "caption" and read["id_column"] is None
    assert [r["record"] for r in read["rows"]] == [1, 2]


def test_xlsx_export_is_read_in_memory(client):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "copy", "likes"])
    sheet.append([101, "Join our free diabetes class on Tuesday evening.", 12])
    sheet.append([102, "Our dermatology team welcomes two new nurses.", 30])
    buffer = io.BytesIO()
    book.save(buffer)
    read = upload(client, "q3.xlsx", buffer.getvalue()).json()
    assert (read["format"], read["text_column"], read["id_column"]) == ("xlsx", "copy", "id")
    assert read["rows"][0]["fields"] == {"id": 101, "copy": "Join our free diabetes class on Tuesday evening.", "likes": 12}


def test_a_dropped_draft_comes_back_as_text(client):
    read = upload(client, "draft.md", "---\nkind: post\n---\nHello **there**\n".encode("utf-8-sig")).json()
    assert read == {"kind": "draft", "name": "draft.md", "text": "---\nkind: post\n---\nHello **there**\n", "markdown": True}
    utf16 = upload(client, "d.txt", "Caf\u00e9 news".encode("utf-16")).json()
    assert utf16["text"] == "Caf\u00e9 news" and utf16["markdown"] is False


@pytest.mark.parametrize(("name", "data", "words"), [
    ("post.txt", b"caf\xe9 latte", "cannot decode as UTF-8 (byte 0xe9 at offset 3); save it as UTF-8"),
    ("post.txt", b"\x00\x01\x02binary", "binary"),
    ("sheet.xlsx", b"PK\x03\x04 not really a workbook", "not a readable .xlsx"),
    ("picture.png", b"\x89PNG", "drop one of"),
    ("posts.csv", b"id,body\n", "no posts"),
    ("posts.json", b'{"posts": 5}', "expected a list"),
])
def test_bad_files_are_clear_400s(client, name, data, words):
    response = upload(client, name, data)
    assert response.status_code == 400
    assert words in response.json()["detail"]


def test_uploads_never_touch_the_disk(client, monkeypatch):
    def no_disk(*args, **kwargs):
        raise AssertionError("a temporary file was created")

    for name in ("SpooledTemporaryFile", "NamedTemporaryFile", "TemporaryFile", "mkstemp"):
        monkeypatch.setattr(tempfile, name, no_disk)
    rows = "".join(f"{n},Post number {n} about our new walk-in hours {'and the parking ' * 8}\n" for n in range(15_000))
    data = ("id,text\n" + rows).encode()
    assert len(data) > 2 * 1024 * 1024  # past the size at which multipart parsers spool to disk
    read = upload(client, "big.csv", data).json()
    assert len(read["rows"]) == 15_000 and read["id_column"] == "id"


def test_too_many_rows_is_a_clear_400(client):
    data = ("id,text\n" + "".join(f"{n},Post {n}\n" for n in range(20_001))).encode()
    response = upload(client, "huge.csv", data)
    assert response.status_code == 400 and "at most 20000 can be checked at once" in response.json()["detail"]


def test_rules_are_the_documented_rules(client, service):
    rules = client.get("/v1/rules").json()
    assert [r["id"] for r in rules] == [m.id for m in service.linter.rule_metas]
    assert all(r["summary"] and r["citation"] for r in rules)
    doc = client.get("/v1/rules/CLM001").json()
    meta = service.linter.rule("CLM001")
    assert doc["markdown"] == rule_doc(meta, markdown=True)
    assert doc["citation"] == meta.citation and doc["examples"] and doc["fix_safety"]
    assert client.get("/v1/rules/XYZ123").status_code == 404


def test_configuration_facts_are_shown(client):
    facts = client.get("/v1/config").json()
    assert facts["organisation"]["staff"] == ["Maria Chen"]
    assert facts["approved_claims"] == [{"text": "reduces plaque in 2 weeks", "substantiation": "Study file DX-1"}]
    assert facts["token_required"] is False and "review-reply" in facts["kinds"]


def test_the_page_and_its_assets_are_served_from_the_package(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    for asset in ("/static/app.js", "/static/app.css"):
        assert asset in page.text and client.get(asset).status_code == 200
    for path in STATIC.iterdir():  # no CDN, no font service, no remote script
        text = path.read_text(encoding="utf-8")
        assert "<script src=\"http" not in text and "@import url(http" not in text and "cdn" not in text.lower()


def test_openapi_describes_the_api_and_no_cdn_docs_page(client):
    spec = client.get("/openapi.json").json()
    assert {"/v1/lint", "/v1/fix", "/v1/rules", "/v1/rules/{rule_id}", "/v1/health", "/v1/version", "/v1/files"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 404  # Swagger UI would load its assets from a CDN


def test_token_guards_the_api_but_not_health(service):
    guarded = TestClient(create_app(service, token="s3cret-token"))
    assert guarded.post("/v1/lint", json={"text": CURE}).status_code == 401
    assert guarded.post("/v1/lint", json={"text": CURE}, headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = guarded.post("/v1/lint", json={"text": CURE}, headers={"Authorization": "Bearer s3cret-token"})
    assert ok.status_code == 200 and ok.json()["findings"]
    assert guarded.get("/v1/config").status_code == 401
    assert guarded.get("/v1/health").status_code == 200 and guarded.get("/").status_code == 200


def test_a_loopback_server_answers_only_its_own_names(service):
    local = TestClient(create_app(service, allowed_hosts=allowed_hosts("127.0.0.1")), base_url="http://127.0.0.1:8765")
    assert local.get("/v1/health").status_code == 200
    assert local.get("/v1/config", headers={"Host": "localhost:8765"}).status_code == 200
    assert local.get("/v1/config", headers={"Host": "attacker.example:8765"}).status_code == 400  # DNS rebinding
    assert allowed_hosts("0.0.0.0") is None  # off loopback the token guards it instead


def test_request_size_is_limited(service):
    small = TestClient(create_app(service, max_request_bytes=2048))
    assert small.post("/v1/lint", json={"text": "x" * 4096}).status_code == 413
    assert upload(small, "a.txt", b"y" * 4096).status_code == 413
    assert small.post("/v1/lint", json={"text": "Flu shots this week."}).status_code == 200


def test_no_draft_text_in_the_logs(service, caplog):
    crashing = LintService(service.linter)
    crashing.lint = lambda *a, **k: (_ for _ in ()).throw(RuntimeError(SENTINEL))  # a bug that quotes the draft
    app_client = TestClient(create_app(crashing), raise_server_exceptions=False)
    with caplog.at_level(logging.DEBUG):
        assert app_client.post("/v1/lint", json={"text": f"Get well soon, {SENTINEL}!"}).status_code == 500
        TestClient(create_app(service)).post("/v1/lint", json={"text": f"Get well soon, {SENTINEL}!"})
    assert caplog.records and all(SENTINEL not in r.getMessage() for r in caplog.records)


def test_linting_is_serialised_within_a_process(service, monkeypatch):
    inside, most = 0, 0
    guard = threading.Lock()
    real = service.linter.lint_posts

    def counting(*args, **kwargs):
        nonlocal inside, most
        with guard:
            inside += 1
            most = max(most, inside)
        time.sleep(0.02)
        try:
            return real(*args, **kwargs)
        finally:
            with guard:
                inside -= 1

    monkeypatch.setattr(service.linter, "lint_posts", counting)
    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(
        len(service.lint([Draft(CURE)], batch=False)["findings"]))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most == 1 and len(results) == 8 and len(set(results)) == 1 and results[0] > 0


def test_public_bind_needs_a_token():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.7")
    with pytest.raises(ServeError, match="needs a token"):
        check_options("0.0.0.0", None, 1)
    check_options("0.0.0.0", "t0ken", 2)
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0"], env={"HCLINT_SERVE_TOKEN": ""})
    assert result.exit_code == 2 and "needs a token" in result.output


def test_serve_without_the_extra_says_how_to_install_it():
    blocker = (  # as if the extra were not installed: importing its modules fails
        "import sys\n"
        "sys.modules.update(dict.fromkeys(['fastapi', 'uvicorn', 'openpyxl']))\n"
        "from hcsocial_lint.cli import main\n"
        "main(['serve'])\n"
    )
    done = subprocess.run([sys.executable, "-c", blocker], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"hclint: error: {INSTALL_HINT}"]


def test_load_benchmark_reports_percentiles_and_targets():
    import importlib.util

    from .conftest import REPO

    spec = importlib.util.spec_from_file_location("hclint_serve_load", REPO / "benchmarks" / "serve_load.py")
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # dataclasses look their module up while the file runs
    try:
        spec.loader.exec_module(bench)
        level = bench.Level(1, 8, [0.01 * n for n in range(1, 101)], 0, 2.0)
        assert (level.percentile_ms(0.5), level.percentile_ms(0.99), level.throughput) == (pytest.approx(510), pytest.approx(990), 50)
        text = bench.report([level, bench.Level(2, 8, [0.02] * 10, 1, 1.0)], 0.5, {8: 100}, (3.0, 2.0, 1.0))
        assert "2 CPU cores shared" in text and "| 1 | 8 | 100 | 0 | 510.0 | 990.0 | 2.0× | 50.0 |" in text
        assert "not met (1 errors)" in text and "— **met**" in text
    finally:
        sys.modules.pop(spec.name, None)


def test_other_requests_are_served_while_a_lint_runs(service, client):
    with service._lock:  # as if a long batch were being linted
        started = time.perf_counter()
        assert client.get("/v1/health").status_code == 200
        assert client.get("/v1/rules/CLM001").status_code == 200
        assert client.get("/").status_code == 200
        assert time.perf_counter() - started < 10
        waiting = threading.Thread(target=lambda: client.post("/v1/lint", json={"text": CURE}))
        waiting.start()
        waiting.join(timeout=1.0)
        assert waiting.is_alive()  # the lint waits for the lock ...
    waiting.join(timeout=60)
    assert not waiting.is_alive()  # ... and is served once it is free
