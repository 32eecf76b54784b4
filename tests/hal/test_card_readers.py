"""Card readers against real peers: pcscd with vpcd and a virtual card, nfcpy's udp driver with a tag."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import figures
import pytest
from card_peers import (
    SETUP_HINT,
    NfcTag,
    PcscDaemon,
    VirtualCard,
    contactless_atr,
    free_port_pair,
    free_udp_port,
)

from hal.card_readers.base import (
    CARD_REFUSED,
    CARD_REMOVED_MID_READ,
    SERVICE_UNAVAILABLE,
    CardEvent,
    CardEventStream,
    CardPresented,
    CardRemoved,
    NoCardReader,
    ReaderAdded,
    ReaderError,
    ReaderRemoved,
    VirtualCardReader,
)
from hal.card_readers.factory import open_card_reader
from hal.card_readers.pcsc import PcscCardReader, technology_from_atr

READER_0, READER_1 = PcscDaemon.READERS
UID_7 = bytes.fromhex("04A1B2C3D4E5F6")
TIMEOUT = 15.0  # generous: pcscd polls card presence every 0.4 s, the machine may be busy


async def next_of(stream: CardEventStream, kind: type, timeout: float = TIMEOUT) -> tuple[CardEvent, list]:
    """The next event of a kind, and the events that came before it."""
    seen: list[CardEvent] = []
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(f"no {kind.__name__} within {timeout} s; saw {seen}")
        try:
            event = await stream.get(remaining)
        except TimeoutError:
            continue
        if isinstance(event, kind):
            return event, seen
        seen.append(event)


async def quiet(stream: CardEventStream, seconds: float) -> list[CardEvent]:
    """Every event within the next seconds."""
    seen: list[CardEvent] = []
    deadline = time.monotonic() + seconds
    while (remaining := deadline - time.monotonic()) > 0:
        try:
            seen.append(await stream.get(remaining))
        except TimeoutError:
            break
    return seen


# -- the interface, with the virtual reader -------------------------------------------------------


def test_virtual_reader_debounces_and_reports_unplug() -> None:
    async def scenario() -> None:
        reader = VirtualCardReader("Panel", debounce_s=0.6)
        calls: list[CardEvent] = []
        reader.subscribe(calls.append)
        stream = reader.events()
        got: list[CardEvent] = []

        async def take() -> CardEvent:
            got.append(await stream.get(1))
            return got[-1]

        await reader.start()
        assert await take() == ReaderAdded("Panel")
        reader.present("04:a1:b2:c3:d4:e5:f6")
        reader.present("04A1B2C3D4E5F6")  # held: still the same card
        assert await take() == CardPresented("04A1B2C3D4E5F6", "Panel", "ISO14443A")
        reader.remove()
        assert await take() == CardRemoved("04A1B2C3D4E5F6", "Panel")
        reader.tap("04A1B2C3D4E5F6", hold_s=0.05)  # within the debounce window: ignored
        reader.present("11223344")  # another card is reported at once
        assert await take() == CardPresented("11223344", "Panel", "ISO14443A")
        await asyncio.sleep(0.7)
        reader.tap("04A1B2C3D4E5F6", hold_s=0.05)  # a card replacing another: removal first
        assert await take() == CardRemoved("11223344", "Panel")
        assert await take() == CardPresented("04A1B2C3D4E5F6", "Panel", "ISO14443A")
        assert await take() == CardRemoved("04A1B2C3D4E5F6", "Panel")
        await asyncio.sleep(0.7)
        reader.present("04A1B2C3D4E5F6")
        reader.unplug()  # the card goes with the reader
        assert await take() == CardPresented("04A1B2C3D4E5F6", "Panel", "ISO14443A")
        assert await take() == CardRemoved("04A1B2C3D4E5F6", "Panel")
        assert await take() == ReaderRemoved("Panel")
        with pytest.raises(RuntimeError):
            reader.present("01020304")
        reader.plug()
        assert await take() == ReaderAdded("Panel")
        await reader.stop()
        with pytest.raises(StopAsyncIteration):
            await stream.get(1)
        assert calls == got  # callbacks see the same events as the stream

    asyncio.run(scenario())


def test_open_card_reader_by_configuration() -> None:
    assert isinstance(open_card_reader("none"), NoCardReader)
    assert isinstance(open_card_reader("virtual"), VirtualCardReader)
    assert open_card_reader("pcsc").name == "pcsc"
    assert open_card_reader("nfc:udp:127.0.0.1:54321").name == "nfc:udp:127.0.0.1:54321"
    for bad in ("", "nfc", "serial:/dev/ttyUSB0", "none:x"):
        with pytest.raises(ValueError, match="unknown card reader"):
            open_card_reader(bad)


def test_technology_from_the_pcsc_atr() -> None:
    assert technology_from_atr(contactless_atr(0x03)) == "ISO14443A"
    assert technology_from_atr(contactless_atr(0x11)) == "FeliCa"
    assert technology_from_atr(bytes.fromhex("3B8880010000000000000000")) == "ISO14443"
    assert technology_from_atr(bytes.fromhex("3B9F958131FE9F006646530510")) == "contact"


# -- PC/SC: pcscd + vpcd + a virtual card ----------------------------------------------------------


@pytest.fixture
def pcscd(tmp_path: Path) -> Iterator[PcscDaemon]:
    if PcscDaemon.binary() is None:
        pytest.fail(f"pcscd with the vpcd driver is needed: {SETUP_HINT}", pytrace=False)
    daemon = PcscDaemon(tmp_path, free_port_pair())
    daemon.start()
    yield daemon
    daemon.stop()


@pytest.fixture
def cards() -> Iterator[list[VirtualCard]]:
    """Virtual cards a test makes; each is taken off its reader at the end."""
    made: list[VirtualCard] = []
    yield made
    for card in made:
        card.remove()


def test_pcsc_card_presented_once_removed_and_debounced(pcscd: PcscDaemon, cards: list[VirtualCard]) -> None:
    card = VirtualCard(pcscd.port, UID_7)
    cards.append(card)

    async def scenario() -> None:
        reader = open_card_reader("pcsc", debounce_s=3.0)
        stream = reader.events()
        await reader.start()
        added = {(await next_of(stream, ReaderAdded))[0].reader for _ in range(2)}
        assert added == {READER_0, READER_1}

        started = time.monotonic()
        card.insert()
        presented, before = await next_of(stream, CardPresented)
        latency_ms = (time.monotonic() - started) * 1000
        assert presented == CardPresented("04A1B2C3D4E5F6", READER_0, "ISO14443A")
        assert before == []
        assert card.apdus == [bytes.fromhex("FFCA000000")]  # the PC/SC get-data APDU, once

        assert await quiet(stream, 2.0) == []  # held on the reader: reported once, read once
        assert card.apdus == [bytes.fromhex("FFCA000000")]

        card.remove()
        assert (await next_of(stream, CardRemoved))[0] == CardRemoved("04A1B2C3D4E5F6", READER_0)

        card.insert()  # again within the debounce window: read, but not reported
        assert card.read_seen.wait(TIMEOUT)
        assert await quiet(stream, 0.5) == []
        card.remove()
        removed_at = time.monotonic()
        assert await quiet(stream, 0.5) == []  # its removal is not reported either

        await asyncio.sleep(max(0.0, removed_at + 5.0 - time.monotonic()))  # pcscd notices within 0.4 s
        card.insert()  # after the window: a new tap
        presented, _ = await next_of(stream, CardPresented)
        assert presented.uid == "04A1B2C3D4E5F6"
        await reader.stop()
        figures.report("card readers", f"PC/SC (pcscd + vpcd): card in -> CardPresented {latency_ms:.0f} ms")

    asyncio.run(scenario())


def test_pcsc_card_errors_give_error_events_and_no_uid(pcscd: PcscDaemon, cards: list[VirtualCard]) -> None:
    refusing = VirtualCard(pcscd.port, UID_7, status=b"\x6a\x81")
    pulled = VirtualCard(pcscd.port + 1, bytes.fromhex("0A0B0C0D"), drop_on_read=True)
    cards.extend([refusing, pulled])

    async def scenario() -> None:
        reader = open_card_reader("pcsc", debounce_s=0.5)
        stream = reader.events()
        await reader.start()
        for _ in range(2):
            await next_of(stream, ReaderAdded)

        refusing.insert()
        error, before = await next_of(stream, ReaderError)
        assert (error.reader, error.kind) == (READER_0, CARD_REFUSED)
        assert "6A81" in error.message and "function not supported" in error.message
        assert before == []
        refusing.remove()

        pulled.insert()  # closes its connection while the get-UID APDU is pending
        error, before = await next_of(stream, ReaderError)
        assert (error.reader, error.kind) == (READER_1, CARD_REMOVED_MID_READ)
        assert "removed" in error.message
        assert pulled.apdus == [bytes.fromhex("FFCA000000")]
        assert not any(isinstance(e, CardPresented) for e in before + await quiet(stream, 1.5))
        await reader.stop()

    asyncio.run(scenario())


def test_pcsc_readers_follow_pcscd(tmp_path: Path, cards: list[VirtualCard]) -> None:
    """Readers appear when pcscd starts and vanish (card first) when it stops: hot-plug end to end."""
    if PcscDaemon.binary() is None:
        pytest.fail(f"pcscd with the vpcd driver is needed: {SETUP_HINT}", pytrace=False)
    daemon = PcscDaemon(tmp_path, free_port_pair())
    card = VirtualCard(daemon.port, UID_7)
    cards.append(card)

    async def scenario() -> None:
        reader = PcscCardReader(debounce_s=0.5, retry_s=0.2)
        stream = reader.events()
        await reader.start()
        error, _ = await next_of(stream, ReaderError)  # no pcscd yet
        assert error.kind == SERVICE_UNAVAILABLE and "pcscd" in error.message
        try:
            await asyncio.to_thread(daemon.start)
            added = {(await next_of(stream, ReaderAdded))[0].reader for _ in range(2)}
            assert added == {READER_0, READER_1}
            card.insert()
            assert (await next_of(stream, CardPresented))[0].uid == "04A1B2C3D4E5F6"
        finally:
            await asyncio.to_thread(daemon.stop)
        gone = [await stream.get(TIMEOUT) for _ in range(4)]
        card_gone = CardRemoved("04A1B2C3D4E5F6", READER_0)
        assert set(gone[:3]) == {card_gone, ReaderRemoved(READER_0), ReaderRemoved(READER_1)}
        assert gone.index(card_gone) < gone.index(ReaderRemoved(READER_0))  # the card goes first
        assert isinstance(gone[3], ReaderError) and gone[3].kind == SERVICE_UNAVAILABLE
        await reader.stop()

    asyncio.run(scenario())


# -- nfcpy: the udp driver with an emulated Type 2 tag ----------------------------------------------


def test_nfc_udp_reports_the_tag_uid() -> None:
    port = free_udp_port()
    tag = NfcTag(port, UID_7)
    try:

        async def scenario() -> None:
            reader = open_card_reader(f"nfc:udp:127.0.0.1:{port}", debounce_s=0.0)
            stream = reader.events()
            await reader.start()
            assert (await next_of(stream, ReaderAdded))[0].reader == f"nfc:udp:127.0.0.1:{port}"
            latencies = []
            for _ in range(2):  # the emulator listens again after the reader's RF-off
                started = time.monotonic()
                await asyncio.to_thread(tag.start)
                presented, before = await next_of(stream, CardPresented)
                latencies.append((time.monotonic() - started) * 1000)
                assert presented == CardPresented("04A1B2C3D4E5F6", f"nfc:udp:127.0.0.1:{port}", "ISO14443A")
                await asyncio.to_thread(tag.stop)  # the tag leaves the field
                removed, between = await next_of(stream, CardRemoved)
                assert removed.uid == "04A1B2C3D4E5F6"
                assert not any(isinstance(e, ReaderError) for e in before + between)
            await reader.stop()
            figures.report(
                "card readers",
                "nfcpy udp: tag started -> CardPresented " + ", ".join(f"{ms:.0f} ms" for ms in latencies),
            )

        asyncio.run(scenario())
    finally:
        tag.stop()


def test_nfc_usb_without_a_reader_reports_a_clear_error() -> None:
    async def scenario() -> None:
        reader = open_card_reader("nfc:usb:054c:06c3")
        stream = reader.events()
        await reader.start()
        error, _ = await next_of(stream, ReaderError)
        assert error.kind == SERVICE_UNAVAILABLE
        assert "usb:054c:06c3" in error.message and "no NFC reader found" in error.message
        await reader.stop()

    asyncio.run(scenario())
