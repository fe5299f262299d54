"""A journal's key from its passphrase, and the keyring that holds the keys unlocked.

Off by default. ``hearthside encrypt`` writes ``encryption.json`` in the home (the
scrypt salt and parameters, a verifier for the passphrase, a state) and seals
every private file; from then on the seam in atomic_storage.py seals what it
writes and opens what it reads, with the keys of the ``Keyring`` it is given.
Nothing here writes a file.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import orjson

from hearthside.errors import HearthsideError, StoreError, WrongPassphrase
from hearthside.store.encryption.cipher import (
    KEY_ID_SIZE,
    NONCE_SIZE,
    Key,
    associated_data,
)

CONFIG_NAME = "encryption.json"
PASSPHRASE_ENV = "HEARTHSIDE_PASSPHRASE"
CONFIG_FORMAT = 1
SALT_SIZE = 16
KEY_SIZE = 32
# scrypt's cost: 2**15 x 8 x 128 bytes = 32 MiB and ~0.15 s here. The parameters are
# stored with each journal, so raising them later leaves older journals readable.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
# The most a journal's settings may ask of scrypt when read: 256 MiB (8x the default)
# and 16x its work. A damaged or hostile file must not make us allocate gigabytes.
MAX_SCRYPT_MEMORY = 256 * 2**20
MAX_SCRYPT_WORK = 16 * SCRYPT_N * SCRYPT_R * SCRYPT_P
MIN_PASSPHRASE = 8
_VERIFIER_TEXT = b"hearthside passphrase check"

ON, TURNING_ON, TURNING_OFF = "on", "turning-on", "turning-off"


class Locked(StoreError):
    def __init__(self, home: Path) -> None:
        self.home = home
        super().__init__(
            f"The journal at {home} is encrypted and no passphrase was given. Run "
            f"Hearthside in a terminal to be asked for it, or set {PASSPHRASE_ENV} "
            "(for scripts; less safe, since other programs of yours can read it)."
        )


@dataclass(frozen=True)
class Config:
    """A journal's ``encryption.json``: the scrypt salt and cost, a passphrase check, a state."""

    salt: bytes
    n: int
    r: int
    p: int
    key_id: bytes
    verifier: bytes
    state: str

    def dumps(self) -> bytes:
        return orjson.dumps(
            {
                "format": CONFIG_FORMAT,
                "cipher": "AES-256-GCM",
                "kdf": {
                    "name": "scrypt",
                    "salt": _b64(self.salt),
                    "n": self.n,
                    "r": self.r,
                    "p": self.p,
                },
                "key_id": self.key_id.hex(),
                "verifier": _b64(self.verifier),
                "state": self.state,
            },
            option=orjson.OPT_INDENT_2,
        )

    def with_state(self, state: str) -> Config:
        return replace(self, state=state)


# -- the configuration file ---------------------------------------------------------


def config_path(home: Path) -> Path:
    return home / CONFIG_NAME


def config_of(home: Path) -> Config | None:
    """The home's encryption settings, or None when its journal is not encrypted."""
    path = config_path(home)
    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    return _parse_config(path)


def _parse_config(path: Path) -> Config:
    # base64 only once a journal is encrypted: a plain one's commands never load it.
    import base64

    try:
        raw: Any = orjson.loads(path.read_bytes())
        kdf = raw["kdf"]
        found = Config(
            salt=base64.b64decode(kdf["salt"], validate=True),
            n=int(kdf["n"]),
            r=int(kdf["r"]),
            p=int(kdf["p"]),
            key_id=bytes.fromhex(raw["key_id"]),
            verifier=base64.b64decode(raw["verifier"], validate=True),
            state=str(raw["state"]),
        )
        fmt = int(raw["format"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StoreError(
            f"{path} can't be read ({type(exc).__name__}), so the encrypted journal beside "
            "it can't be opened. Nothing was changed. Put back a copy of that file if you have one."
        ) from None
    if fmt > CONFIG_FORMAT:
        raise StoreError(
            f"{path} was written by a newer Hearthside (format {fmt}). Nothing was changed. "
            "Please update Hearthside to open this journal."
        )
    # A damaged or hostile file must not make us allocate gigabytes, nor accept a weak key.
    sane = (
        2**14 <= found.n <= 2**22
        and found.n & (found.n - 1) == 0
        and 1 <= found.r <= 32
        and 1 <= found.p <= 16
        and 128 * found.n * found.r <= MAX_SCRYPT_MEMORY
        and found.n * found.r * found.p <= MAX_SCRYPT_WORK
        and len(found.salt) >= SALT_SIZE
        and len(found.key_id) == KEY_ID_SIZE
        and found.state in (ON, TURNING_ON, TURNING_OFF)
    )
    if not sane:
        raise StoreError(f"{path} holds settings Hearthside doesn't accept. Nothing was changed.")
    return found


def is_encrypted(home: Path) -> bool:
    return config_of(home) is not None


def passphrase_from_environment() -> str | None:
    """The passphrase a script set in ``HEARTHSIDE_PASSPHRASE``, if any."""
    return os.environ.get(PASSPHRASE_ENV) or None


# -- keys -----------------------------------------------------------------------------


def _derive(passphrase: str, cfg: Config) -> Key:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    kdf = Scrypt(salt=cfg.salt, length=KEY_SIZE, n=cfg.n, r=cfg.r, p=cfg.p)
    return Key(AESGCM(kdf.derive(secret)), cfg.key_id)


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise HearthsideError(
            f"Choose a passphrase of at least {MIN_PASSPHRASE} characters (a few words "
            "you'll remember is best). Nothing was changed."
        )


def create(passphrase: str) -> tuple[Config, Key]:
    """New settings and key for ``passphrase`` (state TURNING_ON); nothing is written."""
    check_new_passphrase(passphrase)
    draft = Config(
        salt=os.urandom(SALT_SIZE),
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        key_id=os.urandom(KEY_ID_SIZE),
        verifier=b"",
        state=TURNING_ON,
    )
    key = _derive(passphrase, draft)
    nonce = os.urandom(NONCE_SIZE)
    aad = associated_data(draft.key_id, CONFIG_NAME)
    return replace(draft, verifier=nonce + key.aead.encrypt(nonce, _VERIFIER_TEXT, aad)), key


def open_key(cfg: Config, passphrase: str) -> Key:
    """The key for ``passphrase``, or WrongPassphrase."""
    from cryptography.exceptions import InvalidTag

    key = _derive(passphrase, cfg)
    nonce, body = cfg.verifier[:NONCE_SIZE], cfg.verifier[NONCE_SIZE:]
    try:
        aad = associated_data(cfg.key_id, CONFIG_NAME)
        ok = key.aead.decrypt(nonce, body, aad) == _VERIFIER_TEXT
    except InvalidTag:
        ok = False
    if not ok:
        raise WrongPassphrase()
    return key


class Keyring:
    """The keys of the journals unlocked so far, and how to ask for one still locked.

    Whoever opens a journal makes one and hands it to the store, and to whatever else
    reads or writes the journal's private files: the command line's asks in the
    terminal, the app's is filled by its unlock dialog. So what a write does depends
    on what it was given, never on who set something last. A key is taken from here,
    else from ``HEARTHSIDE_PASSPHRASE`` (for scripts), else asked for; with no one to
    ask, a locked journal stays Locked.
    """

    def __init__(self, asker: Callable[[Path], str] | None = None) -> None:
        self._asker = asker
        self._keys: dict[Path, Key] = {}
        # The app writes from a worker thread: one passphrase asked for, and kept, once.
        self._lock = threading.RLock()

    def unlock(self, home: Path, passphrase: str) -> Key:
        """Check ``passphrase`` against the home's journal and keep its key."""
        cfg = config_of(home)
        if cfg is None:
            raise HearthsideError(
                f"The journal at {home} is not encrypted; there is nothing to unlock."
            )
        key = open_key(cfg, passphrase)
        with self._lock:
            self._keys[_norm(home)] = key
        return key

    def needs_passphrase(self, home: Path) -> bool:
        """True when the journal is encrypted and still locked, after trying the environment."""
        cfg = config_of(home)
        if cfg is None or self._held(home, cfg) is not None:
            return False
        from_env = passphrase_from_environment()
        if from_env:
            self.unlock(home, from_env)
            return False
        return True

    def key_for(self, home: Path, cfg: Config) -> Key:
        """The unlocked key: held, else from the environment, else asked for, else Locked."""
        with self._lock:
            key = self._held(home, cfg)
            if key is not None:
                return key
            from_env = passphrase_from_environment()
            if from_env:
                return self.unlock(home, from_env)
            if self._asker is not None:
                return self.unlock(home, self._asker(home))
        raise Locked(home)

    def _held(self, home: Path, cfg: Config) -> Key | None:
        key = self._keys.get(_norm(home))
        return key if key is not None and key.key_id == cfg.key_id else None


def _norm(home: Path) -> Path:
    return Path(os.path.realpath(home))


def _b64(data: bytes) -> str:
    import base64

    return base64.b64encode(data).decode("ascii")
