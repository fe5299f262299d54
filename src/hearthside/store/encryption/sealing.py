"""Encryption at rest: a key from a passphrase, and files sealed with it.

Off by default. ``hearthside encrypt`` writes ``encryption.json`` in the home
(the scrypt salt and parameters, a verifier for the passphrase, a state) and
seals every private file; from then on the seam in storage.py seals what it
writes and opens what it reads. Nothing here writes a file.

A sealed file is ``MAGIC + key id (8 bytes) + nonce (12 bytes) + AES-256-GCM
ciphertext and tag``. The associated data binds the header and the file's name,
so a year's file can't pass for another's, nor a draft for a journal file.

``cryptography`` is imported only when a journal is encrypted, so a plain
journal's quick commands never pay for it.
"""

from __future__ import annotations

import base64
import os
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from hearthside.errors import HearthsideError, StoreError
from hearthside.paths import backups_dir, drafts_dir, journal_files

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

CONFIG_NAME = "encryption.json"
PASSPHRASE_ENV = "HEARTHSIDE_PASSPHRASE"
CONFIG_FORMAT = 1
MAGIC = b"HEARTHSIDE SEALED 1\n"
KEY_ID_SIZE = 8
NONCE_SIZE = 12
TAG_SIZE = 16
HEADER_SIZE = len(MAGIC) + KEY_ID_SIZE + NONCE_SIZE
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

WRONG_PASSPHRASE = "That passphrase doesn't open this journal. Nothing was changed."

# Folders of a home whose files are sealed, besides the journal files themselves.
_COPY_FOLDERS = ("backups", "conflicts")
# hearthside.json, hearthside-2026.json (format 2), hearthside-2026-entries.json (format 3)
_JOURNAL_NAME = re.compile(r"hearthside(-\d{4}(-[a-z_]+)?)?\.json")
_CONFLICT_PREFIX = re.compile(r"^(ours|theirs)-")


class WrongPassphrase(HearthsideError):
    def __init__(self) -> None:
        super().__init__(WRONG_PASSPHRASE)


class Locked(StoreError):
    def __init__(self, home: Path) -> None:
        self.home = home
        super().__init__(
            f"The journal at {home} is encrypted and no passphrase was given. Run "
            f"Hearthside in a terminal to be asked for it, or set {PASSPHRASE_ENV} "
            "(for scripts; less safe, since other programs of yours can read it)."
        )


class DamagedFile(StoreError):
    """A file that can't be opened as sealed. storage.py turns it into CorruptDatabase."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(
            f"The file {path} can't be read: {problem}. It was refused; nothing was written."
        )


@dataclass(frozen=True)
class Config:
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


@dataclass(frozen=True)
class Key:
    aead: AESGCM
    key_id: bytes


# -- the configuration file ---------------------------------------------------------

_lock = threading.RLock()
_configs: dict[Path, tuple[tuple[int, int, int], Config]] = {}
_keys: dict[Path, Key] = {}
_asker: Callable[[Path], str] | None = None


def config_path(home: Path) -> Path:
    return home / CONFIG_NAME


def _norm(home: Path) -> Path:
    return Path(os.path.realpath(home))


def config(home: Path) -> Config | None:
    """The home's encryption settings, or None when its journal is not encrypted."""
    path = config_path(home)
    try:
        st = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    sig = (st.st_ino, st.st_mtime_ns, st.st_size)
    home = _norm(home)
    with _lock:
        cached = _configs.get(home)
        if cached is not None and cached[0] == sig:
            return cached[1]
        found = _parse_config(path)
        _configs[home] = (sig, found)
        return found


def _parse_config(path: Path) -> Config:
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
    return config(home) is not None


# -- keys -----------------------------------------------------------------------------


def _derive(passphrase: str, cfg: Config) -> Key:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    kdf = Scrypt(salt=cfg.salt, length=KEY_SIZE, n=cfg.n, r=cfg.r, p=cfg.p)
    return Key(AESGCM(kdf.derive(secret)), cfg.key_id)


def _verifier_aad(key_id: bytes) -> bytes:
    return MAGIC + key_id + b"\x00" + CONFIG_NAME.encode()


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
    verifier = nonce + key.aead.encrypt(nonce, _VERIFIER_TEXT, _verifier_aad(draft.key_id))
    return replace(draft, verifier=verifier), key


def open_key(cfg: Config, passphrase: str) -> Key:
    """The key for ``passphrase``, or WrongPassphrase."""
    from cryptography.exceptions import InvalidTag

    key = _derive(passphrase, cfg)
    nonce, body = cfg.verifier[:NONCE_SIZE], cfg.verifier[NONCE_SIZE:]
    try:
        ok = key.aead.decrypt(nonce, body, _verifier_aad(cfg.key_id)) == _VERIFIER_TEXT
    except InvalidTag:
        ok = False
    if not ok:
        raise WrongPassphrase()
    return key


def remember(home: Path, key: Key) -> None:
    with _lock:
        _keys[_norm(home)] = key


def unlock(home: Path, passphrase: str) -> Key:
    """Check ``passphrase`` against the home's journal and keep its key for this process."""
    cfg = config(home)
    if cfg is None:
        raise HearthsideError(
            f"The journal at {home} is not encrypted; there is nothing to unlock."
        )
    key = open_key(cfg, passphrase)
    remember(home, key)
    return key


def forget(home: Path | None = None) -> None:
    """Drop the key of ``home`` (or of every home) from this process."""
    with _lock:
        if home is None:
            _keys.clear()
            _configs.clear()
        else:
            _keys.pop(_norm(home), None)


def ask_with(asker: Callable[[Path], str] | None) -> None:
    """How to ask for a passphrase when one is needed (the CLI's prompt); None: don't ask."""
    global _asker
    _asker = asker


def _held(home: Path, cfg: Config) -> Key | None:
    key = _keys.get(_norm(home))
    return key if key is not None and key.key_id == cfg.key_id else None


def needs_passphrase(home: Path) -> bool:
    """True when the journal is encrypted and still locked, after trying the environment."""
    cfg = config(home)
    if cfg is None or _held(home, cfg) is not None:
        return False
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        unlock(home, from_env)
        return False
    return True


def key_for(home: Path, cfg: Config) -> Key:
    """The unlocked key: held, else from the environment, else asked for, else Locked."""
    with _lock:
        key = _held(home, cfg)
        if key is not None:
            return key
        from_env = os.environ.get(PASSPHRASE_ENV)
        if from_env:
            return unlock(home, from_env)
        if _asker is not None:
            return unlock(home, _asker(home))
    raise Locked(home)


# -- which files are private ------------------------------------------------------


def _candidates(path: Path) -> list[tuple[Path, str]]:
    """The homes ``path`` could be a private file of, with the name sealed into it."""
    parent = path.parent
    found = []
    if _JOURNAL_NAME.fullmatch(path.name):
        found.append((parent, path.name))
    grand = parent.parent
    if grand.name in _COPY_FOLDERS or parent.name.startswith("replaced-"):
        # A backup, a conflict copy or a set-aside file: the journal file's own name,
        # so a copy put back opens as that file.
        home = grand.parent if grand.name in _COPY_FOLDERS else grand
        found.append((home, _CONFLICT_PREFIX.sub("", path.name)))
    if parent.name == "drafts":
        found.append((grand, f"drafts/{path.name}"))
    return found


def locate(path: Path) -> tuple[Path, str, Config] | None:
    """The encrypted home ``path`` is a private file of, its sealed name and settings."""
    for home, name in _candidates(path):
        cfg = config(home)
        if cfg is not None:
            return home, name, cfg
    return None


def private_files(home: Path) -> list[tuple[Path, str]]:
    """Every file encryption covers: journal files, backups, drafts, conflict and other copies."""
    files = [p for p in journal_files(home) if p.is_file()]
    for folder in (backups_dir(home), home / "conflicts"):
        if folder.is_dir():
            files += sorted(p for p in folder.glob("*/*.json") if p.is_file())
    files += sorted(p for p in home.glob("replaced-*/*.json") if p.is_file())
    if drafts_dir(home).is_dir():
        # The app's drafts, and the words of command-line edits kept after a crash.
        files += sorted(
            p for p in drafts_dir(home).iterdir() if p.suffix in (".json", ".md") and p.is_file()
        )
    out = []
    for path in files:
        names = [name for h, name in _candidates(path) if _norm(h) == _norm(home)]
        if names:
            out.append((path, names[0]))
    return out


def plain_files(home: Path) -> list[Path]:
    """Private files of ``home`` not sealed (an interrupted encrypt, a file put back)."""
    found = []
    for path, _name in private_files(home):
        with path.open("rb") as fh:
            if not is_sealed(fh.read(len(MAGIC))):
                found.append(path)
    return found


# -- sealing ------------------------------------------------------------------------


def is_sealed(raw: bytes) -> bool:
    return raw.startswith(MAGIC)


def _aad(key_id: bytes, name: str) -> bytes:
    return MAGIC + key_id + b"\x00" + name.encode("utf-8")


def seal_with(key: Key, name: str, payload: bytes) -> bytes:
    nonce = os.urandom(NONCE_SIZE)
    return MAGIC + key.key_id + nonce + key.aead.encrypt(nonce, payload, _aad(key.key_id, name))


def open_with(key: Key, name: str, raw: bytes, path: Path) -> bytes:
    from cryptography.exceptions import InvalidTag

    key_id = raw[len(MAGIC) : len(MAGIC) + KEY_ID_SIZE]
    nonce = raw[len(MAGIC) + KEY_ID_SIZE : HEADER_SIZE]
    if len(raw) < HEADER_SIZE + TAG_SIZE:
        raise DamagedFile(path, "it is encrypted, but cut short")
    if key_id != key.key_id:
        raise DamagedFile(path, "it was encrypted with another passphrase than this journal's")
    try:
        return key.aead.decrypt(nonce, raw[HEADER_SIZE:], _aad(key_id, name))
    except InvalidTag:
        raise DamagedFile(
            path,
            "it is encrypted, but it was changed or damaged after Hearthside wrote it "
            "(or it is another file put in its place)",
        ) from None


def seal(path: Path, payload: bytes) -> bytes:
    """What to write for ``payload`` at ``path``: sealed when it is a private file of an
    encrypted journal, else as it is. Raises Locked rather than write plaintext."""
    if is_sealed(payload):
        # A copy of a file already sealed (a backup, a conflict copy): its bytes as they are.
        return payload
    found = locate(path)
    if found is None:
        return payload
    home, name, cfg = found
    return seal_with(key_for(home, cfg), name, payload)


def unseal(path: Path, raw: bytes) -> bytes:
    """The plaintext of ``raw`` read from ``path``; DamagedFile when it can't be trusted."""
    found = locate(path)
    if not is_sealed(raw):
        if found is not None and found[2].state == ON:
            raise DamagedFile(
                path,
                "it is not encrypted, though this journal is (a plain file put in its place?). "
                "If you put it there, run `hearthside encrypt` to encrypt it",
            )
        return raw
    if found is None:
        raise DamagedFile(
            path, f"it is encrypted, but there is no {CONFIG_NAME} beside the journal"
        )
    home, name, cfg = found
    return open_with(key_for(home, cfg), name, raw, path)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
