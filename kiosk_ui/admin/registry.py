"""The admin screens the shell offers, in the navigation's order (one module per screen)."""

from __future__ import annotations

from kiosk_ui.admin.admin_screen import AdminScreen
from kiosk_ui.admin.analytics import AnalyticsScreen
from kiosk_ui.admin.configuration import ConfigurationScreen
from kiosk_ui.admin.control import ControlScreen
from kiosk_ui.admin.diagnostics import DiagnosticsScreen
from kiosk_ui.admin.firmware import FirmwareScreen
from kiosk_ui.admin.overview import OverviewScreen
from kiosk_ui.admin.sessions import SessionsScreen

ADMIN_SCREENS: tuple[type[AdminScreen], ...] = (
    OverviewScreen,
    ControlScreen,
    SessionsScreen,
    AnalyticsScreen,
    ConfigurationScreen,
    FirmwareScreen,
    DiagnosticsScreen,
)
