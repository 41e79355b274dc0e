"""Nothing leaves the machine: the whole linter runs with sockets blocked and never tries."""

from __future__ import annotations

import socket

import pytest

from hcsocial_lint import Linter, Settings
from hcsocial_lint.sources import read_text_post

TEXT = (
    "So proud of our patient Emma Lopez (emma.lopez@example.com, 555-201-3344, https://example.org) "
    "who finished chemo at our clinic! This tea cures colds. Book now!"
)


@pytest.fixture
def network_attempts(monkeypatch):
    attempts: list[str] = []

    def refuse(name):
        def _refuse(*args, **kwargs):
            attempts.append(name)
            raise OSError(f"network disabled in tests ({name})")
        return _refuse

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return attempts


def test_linter_builds_and_lints_without_touching_the_network(network_attempts):
    linter = Linter(Settings(plugins=False))
    report = linter.lint_text(TEXT)
    assert {"PHI001", "CLM001"} <= {f.rule_id for f in report.findings}
    post = read_text_post(TEXT, linter.settings)
    analysis = next(linter.analyse([post], [linter.settings]))
    assert "EMAIL_ADDRESS" in {e.entity_type for e in analysis.entities}  # tldextract ran, offline
    assert network_attempts == [], f"network was attempted: {network_attempts}"
