"""The address the kiosk's QR codes give phones for the driver pages ([web] public_url, else the
station's own address on the network, none on loopback): docs/web.md "Configuration"."""

from __future__ import annotations

import pytest

from app.config import WebSettings
from launcher.payments import local_address
from launcher.web import phone_page_base


def test_the_configured_public_address_wins() -> None:
    settings = WebSettings(host="0.0.0.0", public_url="https://charge.example.my")
    assert phone_page_base(settings, 8443) == "https://charge.example.my"


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost"])
def test_a_loopback_listener_offers_phones_nothing(host: str) -> None:
    assert phone_page_base(WebSettings(host=host), 8443) == ""
    assert phone_page_base(WebSettings(host=host, tls=False), 8080) == ""


def test_every_interface_is_reached_at_the_default_routes_address() -> None:
    assert phone_page_base(WebSettings(host="0.0.0.0"), 8443) == f"https://{local_address()}:8443"


@pytest.mark.parametrize(
    ("host", "expected"),
    [("192.168.7.2", "https://192.168.7.2:9443"), ("fd00::7", "https://[fd00::7]:9443")],
)
def test_one_interface_is_reached_at_its_own_address(host: str, expected: str) -> None:
    assert phone_page_base(WebSettings(host=host), 9443) == expected
