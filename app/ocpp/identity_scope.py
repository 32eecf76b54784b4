"""What makes one charger's charge point its own when each charger has an OCPP identity (IdentityScope)."""

from __future__ import annotations

from dataclasses import dataclass

from app.sessions import ocpp_stream


@dataclass(frozen=True)
class IdentityScope:
    """What makes one charger's charge point its own: identity, stream, and the names of its state."""

    identity: str
    charger_id: str
    index: int  # the charger's place in the site configuration (its ESP32 port for firmware updates)
    primary: bool  # the first charger's identity also installs station software packages

    @property
    def stream(self) -> str:
        return ocpp_stream(self.charger_id)

    @property
    def config_prefix(self) -> str:
        return f"ocpp@{self.charger_id}."

    def setting(self, base: str) -> str:
        """A runtime setting of this identity: the station's name with "@<charger id>"."""
        return f"{base}@{self.charger_id}"

    def secret(self, base: str) -> str:
        return f"{base}.{self.charger_id}".lower()  # the secret store allows no "@"
