"""Config loading: the contract keys, env override, and one-line errors with exit code 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import load_settings, resolve_config_path
from bot.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_example_config_loads() -> None:
    settings = load_settings(ROOT / "config.example.toml")
    assert str(settings.telegram.api_base).startswith("https://api.telegram.org")
    assert settings.delivery.rate_per_second == 30
    assert settings.ingest.timeout_seconds == 20
    assert settings.ingest.max_bytes == 5_000_000


def test_contract_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BOT_TOKEN", raising=False)
    path = write(
        tmp_path,
        """
[telegram]
token = "1:file"
api_base = "http://127.0.0.1:8081"
admins = [42, 43]
[storage]
path = "x/db.sqlite3"
[delivery]
rate_per_second = 20
[[sources]]
url = "https://example.ru/rss"
region = "RU-KK"
[[sources]]
url = "./feeds/local.xml"
""",
    )
    settings = load_settings(path)
    assert settings.token == "1:file"
    assert settings.telegram.admins == (42, 43)
    assert settings.is_admin(42) and not settings.is_admin(7) and not settings.is_admin(None)
    assert settings.storage.path == Path("x/db.sqlite3")
    assert settings.delivery.rate_per_second == 20
    assert [s.region for s in settings.sources] == ["RU-KK", None]
    # The token is a secret: it never shows in reprs or logs.
    assert "1:file" not in repr(settings)


def test_env_token_overrides_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, '[telegram]\ntoken = "1:file"\n')
    monkeypatch.setenv("BOT_TOKEN", "2:env")
    assert load_settings(path).token == "2:env"


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        ("[telegram]\ntokn = 'x'\n", "telegram.tokn", "unknown key"),
        ("[telegrm]\n", "telegrm", "unknown key"),
        ("[telegram]\napi_base = 'not a url'\n", "telegram.api_base", "URL"),
        ("[telegram]\nadmins = ['bob']\n", "telegram.admins[0]", "integer"),
        ("[delivery]\nrate_per_second = 'fast'\n", "delivery.rate_per_second", "number"),
        ("[delivery]\nrate_per_second = 100\n", "delivery", "paid_broadcast"),
        ("[[sources]]\nurl = 'ftp://x'\n", "sources[0].url", "http"),
        ("[[sources]]\nurl = 'https://a.ru/rss'\nregion = 'XX'\n", "sources[0].region", "code"),
        ("[ingest]\ntimeout_seconds = -1\n", "ingest.timeout_seconds", "greater than"),
    ],
)
def test_bad_values_name_the_key(tmp_path: Path, text: str, key: str, problem: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(write(tmp_path, text))
    assert info.value.key == key
    assert problem in info.value.problem


def test_toml_syntax_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_settings(write(tmp_path, "[telegram\n"))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.toml")


def test_resolve_config_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BOT_CONFIG", raising=False)
    assert resolve_config_path(None) is None  # nothing here: built-in defaults
    (tmp_path / "config.example.toml").write_text("")
    assert resolve_config_path(None) == Path("config.example.toml")
    (tmp_path / "config.toml").write_text("")
    assert resolve_config_path(None) == Path("config.toml")
    monkeypatch.setenv("BOT_CONFIG", "env.toml")
    assert resolve_config_path(None) == Path("env.toml")
    assert resolve_config_path("cli.toml") == Path("cli.toml")


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )


def test_cli_bad_config_exits_2_with_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, "[telegram]\napi_base = 'nope'\n")
    result = run_cli("db", "info", "--config", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "telegram.api_base" in lines[0]
    assert "Traceback" not in result.stderr


def test_cli_run_without_token_says_how(tmp_path: Path) -> None:
    path = write(tmp_path, f"[storage]\npath = '{tmp_path / 'db.sqlite3'}'\n")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = run_cli("run", "--config", str(path), env=env)
    assert result.returncode == 2
    assert "BOT_TOKEN" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
