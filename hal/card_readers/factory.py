"""Opens the card reader a configuration string names: PC/SC, nfcpy, the virtual reader or none."""

from __future__ import annotations

from hal.card_readers.base import DEFAULT_DEBOUNCE_S, CardReader, NoCardReader, VirtualCardReader


def open_card_reader(spec: str, debounce_s: float = DEFAULT_DEBOUNCE_S) -> CardReader:
    """The reader a configuration string names (see docs/card-readers.md).

    "pcsc" (every PC/SC reader through pcscd), "nfc:usb", "nfc:usb:VVVV:PPPP", "nfc:tty:USB0:DRIVER"
    or "nfc:udp:HOST:PORT" (an nfcpy device path after "nfc:"), "virtual" (fed by the demo's
    simulator panel) or "none".
    """
    kind, _, rest = spec.strip().partition(":")
    if kind == "none" and not rest:
        return NoCardReader(debounce_s)
    if kind == "virtual":
        return VirtualCardReader(rest or "Virtual reader", debounce_s)
    if kind == "pcsc":
        from hal.card_readers.pcsc import PcscCardReader  # pyscard is only needed when configured

        return PcscCardReader(debounce_s=debounce_s, reader_filter=rest or None)
    if kind == "nfc" and rest:
        from hal.card_readers.nfc import NfcCardReader  # nfcpy is only needed when configured

        return NfcCardReader(rest, debounce_s=debounce_s)
    raise ValueError(
        f"unknown card reader {spec!r}: expected pcsc, nfc:usb, nfc:udp:HOST:PORT, virtual or none"
    )
