"""The station configuration: schema defaults, bounds, unknown keys and bad files are refused clearly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.config import ConfigError, StationConfig, describe_schema, load_config

REPO = Path(__file__).resolve().parents[3]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "site.toml"
    path.write_text(text)
    return path


def test_site_file_overrides_defaults(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            'station_name = "Plaza"\n[link]\npoll_hz = 10\n'
            '[[chargers]]\nid = "CP-01"\nlink = "tcp://10.0.0.5:7700"\n'
            '[[chargers]]\nid = "CP-02"\nlink = "i2c://1/0x11"\nmax_current_mA = 16000\n'
            '[tariff]\nenergy_price_per_kWh = "1.20"\nsession_fee = "1.00"\n'
            "[ledger]\nsample_interval_s = 5\nraw_samples_days = 0\n",
        )
    )
    assert config.station_name == "Plaza"
    assert config.link.poll_hz == 10.0
    assert config.link.lease_ms == StationConfig().link.lease_ms
    assert [c.id for c in config.chargers] == ["CP-01", "CP-02"]
    assert config.chargers[1].max_current_mA == 16000
    assert config.tariff is not None
    assert (config.tariff.energy_price_cminor_per_kWh, config.tariff.session_fee_minor) == (12000, 100)
    assert (config.ledger.sample_interval_s, config.ledger.raw_samples_days) == (5.0, 0)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("statoin_name = 'x'\n", "unknown key(s) statoin_name"),
        ("[link]\nlease_ms = 100\n", "link.lease_ms: 100 is below the minimum 500"),
        ("[link]\npoll_hz = 'fast'\n", "link.poll_hz: expected float, got str"),
        ("[link]\nretries = true\n", "link.retries: expected int, got bool"),
        ("[link]\nheartbeat_ms = 6000\nlease_ms = 5000\n", "must exceed link.heartbeat_ms"),
        ("[link]\nfailsafe_current_mA = 3000\n", "0 (stop) or at least 6000"),
        (
            "[link]\nfailsafe_current_mA = 20000\n"
            "[[chargers]]\nid='a'\nlink='tcp://h:1'\nmax_current_mA = 16000\n"
            "[tariff]\nenergy_price_per_kWh = '0'\n",
            "chargers[0] with [link]: the charger would refuse it: failsafe_current_mA",
        ),
        ("[[chargers]]\nid = 'a'\n", "chargers[0].link: required"),
        ("[[chargers]]\nid = 'a'\nlink = 'serial://x'\n", "chargers[0].link: 'serial://x' is not valid"),
        (
            "[[chargers]]\nid='a'\nlink='tcp://h:1'\n[[chargers]]\nid='a'\nlink='tcp://h:2'\n",
            "chargers[1].id: 'a' is also chargers[0]",
        ),
        ("chargers = 3\n", "chargers: expected a list"),
        ("[[chargers]]\nid='a'\nlink='tcp://h:1'\n", "tariff: required when chargers are configured"),
        ("[tariff]\nenergy_price_per_kWh = '-0.10'\n", "tariff.energy_price_per_kWh: must not be negative"),
        ("[tariff]\nenergy_price_per_kWh = '1'\ncurrency = 'XYZ'\n", "tariff.currency: unknown currency"),
        (
            "[tariff]\nenergy_price_per_kWh = '1'\ntou_windows = [{days = ['Mon'], start = '08:00', "
            "end = '12:00', energy_price_per_kWh = '2'}, {days = ['Mon'], start = '11:00', end = '13:00', "
            "energy_price_per_kWh = '3'}]\n",
            "tariff.tou_windows",
        ),
        ("tariff = 3\n", "tariff: expected a table"),
        ("[ledger]\nsample_interval_s = 0.1\n", "ledger.sample_interval_s: 0.1 is below the minimum 1.0"),
        ("[balancer]\nidle_release_s = 5.0\n", "balancer.idle_release_s: 5.0 is below the minimum 10.0"),
        (
            "[[chargers]]\nid='a'\nlink='tcp://h:1'\ngroup='feeder-9'\n",
            "chargers[0].group: unknown group 'feeder-9'",
        ),
        (
            "[[chargers]]\nid='a'\nlink='i2c://1/0x10'\n[[chargers]]\nid='b'\nlink='i2c://1/0x10'\n",
            "chargers[1].link: i2c://1/0x10 is also the link of chargers[0]",
        ),
        (
            "[[groups]]\nid='f'\nlimit_mA=[32000, 5000, 32000]\n",
            "groups[0].limit_mA[1]: 5000 is below the minimum 6000",
        ),
        ("[site]\nlimit_mA=[4000, 63000, 63000]\n", "site.limit_mA[0]: 4000 is below the minimum 6000"),
        ("[[chargers]]\nid='a'\nlink='tcp://h:1'\nmax_current_mA=5000\n", "chargers[0].max_current_mA: 5000"),
        ("[site]\nlimit_mA=[63000, 63000]\n", "site.limit_mA: expected 3 values, got 2"),
        (
            "[[groups]]\nid='f'\nparent='g'\nlimit_mA=[6000, 6000, 6000]\n",
            "groups[0].parent: unknown group 'g'",
        ),
        (
            "[[groups]]\nid='f'\nparent='g'\nlimit_mA=[6000, 6000, 6000]\n"
            "[[groups]]\nid='g'\nparent='f'\nlimit_mA=[6000, 6000, 6000]\n",
            "inside its own subtree",
        ),
        (
            "[[chargers]]\nid='a'\nlink='tcp://h:1'\nphases=1\nwiring='L1L2L3'\n",
            "does not fit a 1-phase charger",
        ),
        ("[[chargers]]\nid='a'\nlink='tcp://h:1'\nphases=2\n", "phases: 2 is not a charger type"),
        ("[[chargers]]\nid='a'\nlink='tcp://h:1'\nlink_key='abc'\n", "chargers[0].link_key"),
        (
            "[[chargers]]\nid='a'\nlink='i2c://1/0x10'\nlink_key='" + "ab" * 32 + "'\n",
            "only a tcp:// link is authenticated",
        ),
        ("[link\n", "not valid TOML"),
    ],
)
def test_bad_file_is_refused_with_key_and_reason(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert message in str(err.value)
    assert str(path) in str(err.value)


def test_power_tree_and_wiring_are_read(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            "[site]\nlimit_mA = [100000, 90000, 80000]\n"
            "[[groups]]\nid = 'feeder-a'\nlimit_mA = [40000, 40000, 40000]\n"
            "[[groups]]\nid = 'bay-1'\nparent = 'feeder-a'\nlimit_mA = [20000, 20000, 20000]\n"
            "[[chargers]]\nid = 'CP-01'\nlink = 'tcp://10.0.0.5:7700'\ngroup = 'bay-1'\nwiring = 'L2L3L1'\n"
            "[[chargers]]\nid = 'CP-02'\nlink = 'tcp://10.0.0.6:7700'\nphases = 1\nwiring = 'L3'\n"
            "[tariff]\nenergy_price_per_kWh = '0'\n",
        )
    )
    assert config.site.limit_mA == (100000, 90000, 80000)
    assert [(g.id, g.parent) for g in config.groups] == [("feeder-a", "site"), ("bay-1", "feeder-a")]
    assert config.chargers[0].site_phases == (1, 2, 0)
    assert config.chargers[1].site_phases == (2,)
    assert config.chargers[1].group == "site"


def test_the_documented_example_is_a_valid_site_file(tmp_path: Path) -> None:
    doc = (REPO / "docs" / "configuration.md").read_text()
    example = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    config = load_config(write(tmp_path, example))
    assert [c.id for c in config.chargers] == ["CP-01", "CP-02"]
    assert config.tariff is not None and config.tariff.energy_price_cminor_per_kWh == 12000


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "absent.toml")


def test_station_refuses_to_start_on_bad_config(tmp_path: Path) -> None:
    path = write(tmp_path, "[link]\nlease_ms = 100\n")
    result = subprocess.run(
        [sys.executable, "-m", "launcher", "--config", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "configuration refused" in result.stderr
    assert "link.lease_ms: 100 is below the minimum 500" in result.stderr


def test_configuration_doc_lists_every_key() -> None:
    doc = (REPO / "docs" / "configuration.md").read_text()
    for line in describe_schema():
        key = line.split(" ", 1)[0]
        assert f"`{key}`" in doc, f"docs/configuration.md lacks {key}"
