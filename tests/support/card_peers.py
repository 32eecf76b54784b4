"""Real card reader peers for the tests: pcscd with vpcd's virtual readers, a virtual card, an NFC tag.

Run as a script (`python card_peers.py nfc-tag PORT UID`) it is the emulated Type 2 tag process.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from functools import reduce
from pathlib import Path

SETUP_HINT = "run scripts/setup.sh --tests (Debian packages pcscd and vsmartcard-vpcd)"
VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
PCSCD_PID_FILE = Path("/run/pcscd/pcscd.pid")
PCSCD_SOCKET = Path("/run/pcscd/pcscd.comm")

# vpcd socket protocol: a 2-byte big-endian length, then the payload; a 1-byte payload is a control
# code, anything longer is a command APDU that expects a response APDU.
VPCD_POWER_OFF, VPCD_POWER_ON, VPCD_RESET, VPCD_GET_ATR = 0, 1, 2, 4
GET_UID = bytes.fromhex("FFCA000000")


def contactless_atr(standard: int = 0x03, card_name: int = 0x0003) -> bytes:
    """The ATR a PC/SC contactless reader builds for a storage card (PC/SC Part 3, section 3.1.3.2.3):
    standard 0x03 is ISO 14443 A part 3, card name 0x0003 a MIFARE Ultralight."""
    body = bytes([0x8F, 0x80, 0x01, 0x80, 0x4F, 0x0C, 0xA0, 0x00, 0x00, 0x03, 0x06, standard])
    body += card_name.to_bytes(2, "big") + bytes(4)
    return b"\x3b" + body + bytes([reduce(lambda a, b: a ^ b, body)])  # TCK: XOR of T0..last byte


def free_port_pair() -> int:
    """A TCP port p on 127.0.0.1 such that p and p + 1 are both free (vpcd's two slots)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port >= 65535:
            continue
        try:
            with socket.socket() as a, socket.socket() as b:
                a.bind(("0.0.0.0", port))
                b.bind(("0.0.0.0", port + 1))
        except OSError:
            continue
        return port
    raise RuntimeError("no two consecutive free TCP ports")


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _socket_answers(path: Path) -> bool:
    if not path.exists():
        return False
    with socket.socket(socket.AF_UNIX) as probe:
        try:
            probe.connect(str(path))
        except OSError:
            return False
    return True


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class PcscDaemon:
    """pcscd in the foreground with only vpcd's reader.conf, so its readers are the test's.

    pcscd's client socket is fixed (/run/pcscd/pcscd.comm), so one daemon runs at a time on the
    machine; vpcd listens for virtual cards on port (reader "Virtual PCD 00 00") and port + 1
    ("Virtual PCD 00 01"). vpcd binds every interface; the tests connect on 127.0.0.1 only.
    """

    READERS = ("Virtual PCD 00 00", "Virtual PCD 00 01")

    def __init__(self, workdir: Path, port: int) -> None:
        self.workdir = workdir
        self.port = port
        self.conf_dir = workdir / "reader.conf.d"
        self.log_path = workdir / "pcscd.log"
        self.process: subprocess.Popen[bytes] | None = None

    @staticmethod
    def binary() -> str | None:
        found = shutil.which("pcscd") or ("/usr/sbin/pcscd" if Path("/usr/sbin/pcscd").exists() else None)
        return found if found and VPCD_DRIVER.exists() else None

    def start(self, timeout: float = 15.0) -> None:
        binary = self.binary()
        if binary is None:
            raise RuntimeError(f"pcscd or the vpcd driver is missing: {SETUP_HINT}")
        if PCSCD_PID_FILE.exists():
            text = PCSCD_PID_FILE.read_bytes().split(b"\0")[0].strip()
            if text.isdigit() and _pid_alive(int(text)):
                raise RuntimeError(f"another pcscd is running (pid {int(text)}); the tests need their own")
        if _socket_answers(PCSCD_SOCKET):
            raise RuntimeError(
                f"a system pcscd (or its systemd socket unit) owns {PCSCD_SOCKET}; "
                "stop it for these tests: systemctl stop pcscd.socket pcscd"
            )
        self.conf_dir.mkdir(parents=True, exist_ok=True)
        # vpcd's reader.conf: DEVICENAME /dev/null:PORT makes the driver listen on PORT (and PORT + 1
        # for the second slot); CHANNELID carries the same port for pcscd's serial reader table.
        (self.conf_dir / "vpcd").write_text(
            'FRIENDLYNAME "Virtual PCD"\n'
            f"DEVICENAME   /dev/null:0x{self.port:04X}\n"
            f"LIBPATH      {VPCD_DRIVER}\n"
            f"CHANNELID    0x{self.port:04X}\n"
        )
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [binary, "--foreground", "--config", str(self.conf_dir)],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        self._wait_ready(timeout)

    def _wait_ready(self, timeout: float) -> None:
        from smartcard import scard

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                log = self.log_path.read_text()
                raise RuntimeError(f"pcscd exited with {self.process.returncode}: {log}")
            result, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
            if result == scard.SCARD_S_SUCCESS:
                _, readers = scard.SCardListReaders(context, [])
                scard.SCardReleaseContext(context)
                if all(name in (readers or []) for name in self.READERS):
                    return
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"pcscd did not list the vpcd readers within {timeout} s")

    def stop(self) -> None:
        """SIGTERM (pcscd then removes its socket and pid file), SIGKILL if it lingers."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


class VirtualCard:
    """A contactless card on a vpcd reader: present while its TCP connection to vpcd is open.

    It answers the get-UID APDU with uid + status (PC/SC Part 3, section 3.2.2.1.3), or, with
    drop_on_read, closes the connection while the APDU is pending (a card pulled mid-read).
    Every command APDU received is recorded in apdus.
    """

    def __init__(
        self,
        port: int,
        uid: bytes,
        status: bytes = b"\x90\x00",
        drop_on_read: bool = False,
        atr: bytes | None = None,
    ) -> None:
        self.port = port
        self.uid = uid
        self.status = status
        self.drop_on_read = drop_on_read
        self.atr = atr or contactless_atr()
        self.apdus: list[bytes] = []
        self.read_seen = threading.Event()
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None

    def insert(self) -> None:
        self.read_seen.clear()
        self._sock = socket.create_connection(("127.0.0.1", self.port), timeout=5)
        self._sock.settimeout(None)
        self._thread = threading.Thread(target=self._serve, args=(self._sock,), daemon=True)
        self._thread.start()

    def remove(self) -> None:
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None

    def wait_closed(self, timeout: float) -> bool:
        """True once the connection ended (the card dropped itself, or vpcd went away)."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _serve(self, sock: socket.socket) -> None:
        try:
            while True:
                header = _recv_exact(sock, 2)
                payload = _recv_exact(sock, struct.unpack(">H", header)[0])
                if len(payload) == 1:
                    if payload[0] == VPCD_GET_ATR:
                        _send(sock, self.atr)
                    continue  # power off / on / reset need no answer
                self.apdus.append(payload)
                if payload == GET_UID:
                    self.read_seen.set()
                    if self.drop_on_read:
                        sock.shutdown(socket.SHUT_RDWR)
                        return
                    _send(sock, (self.uid + self.status) if self.status == b"\x90\x00" else self.status)
                else:
                    _send(sock, b"\x6d\x00")  # INS not supported
        except (OSError, EOFError):
            return


def _recv_exact(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def _send(sock: socket.socket, payload: bytes) -> None:
    sock.sendall(struct.pack(">H", len(payload)) + payload)


class NfcTag:
    """An emulated NFC Forum Type 2 tag in its own process on nfcpy's udp driver."""

    def __init__(self, port: int, uid: bytes) -> None:
        self.port = port
        self.uid = uid
        self.process: subprocess.Popen[str] | None = None

    def start(self, timeout: float = 15.0) -> None:
        self.process = subprocess.Popen(
            [sys.executable, __file__, "nfc-tag", str(self.port), self.uid.hex()],
            stdout=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()  # "ready" once the device is open
        if line.strip() != "ready":
            self.stop()
            raise RuntimeError(f"the NFC tag emulator did not start: {line!r}")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


def _type2_memory(uid: bytes) -> bytearray:
    """Pages 0-15 of a blank NFC Forum Type 2 tag with a 7-byte UID (NFC Forum T2T, section 6.1)."""
    bcc0 = 0x88 ^ uid[0] ^ uid[1] ^ uid[2]  # 0x88 is the cascade tag of a double-size UID
    bcc1 = uid[3] ^ uid[4] ^ uid[5] ^ uid[6]
    memory = bytearray(uid[:3] + bytes([bcc0]) + uid[3:7] + bytes([bcc1, 0x48, 0x00, 0x00]))
    memory += bytes.fromhex("E1100600")  # capability container: NDEF 1.0, 48 bytes, read/write
    memory += bytes.fromhex("0300FE00")  # an empty NDEF message TLV, then the terminator TLV
    return memory + bytes(64 - len(memory))


def run_nfc_tag(port: int, uid: bytes) -> None:
    """Emulates the tag until SIGTERM: answers READ, listens again after every RF-off."""
    import nfc
    import nfc.clf

    if len(uid) != 7:
        raise SystemExit("a Type 2 tag here has a 7-byte UID")
    memory = _type2_memory(uid)
    clf = nfc.ContactlessFrontend(f"udp:127.0.0.1:{port}")
    print("ready", flush=True)
    while True:
        target = nfc.clf.LocalTarget("106A")
        target.sens_res = bytearray.fromhex("4400")  # double-size UID, bit frame anticollision
        target.sdd_res = bytearray(uid)
        target.sel_res = bytearray.fromhex("00")  # Type 2 tag, no ISO-DEP
        activated = clf.listen(target, 1.0)
        if activated is None:
            continue
        command = activated.tt2_cmd
        while command:
            if command[0] == 0x30 and len(command) >= 2:  # READ: 4 pages from the given page
                start = (command[1] * 4) % len(memory)
                response = bytes((memory + memory)[start : start + 16])
            else:
                response = b"\x00"  # NAK for any other command
            try:
                command = clf.exchange(response, 1.0)
            except nfc.clf.CommunicationError:
                break  # RF-off or silence: the reader moved on, listen again


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "nfc-tag":
        run_nfc_tag(int(sys.argv[2]), bytes.fromhex(sys.argv[3]))
    else:
        raise SystemExit("usage: card_peers.py nfc-tag PORT UID")
