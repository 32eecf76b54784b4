"""The admin screens the shell offers, in the navigation's order (one module per screen)."""

from __future__ import annotations

from kiosk_ui.admin.admin_screen import AdminScreen
from kiosk_ui.admin.analytics import AnalyticsScreen

ADMIN_SCREENS: tuple[type[AdminScreen], ...] = (AnalyticsScreen,)
