"""``hearthside encrypt`` and ``hearthside decrypt``: asking for the passphrase and
saying what was done. The work itself is store/rekey.py's."""

from __future__ import annotations

import click

from hearthside.cli.context import app_context, home_option, say
from hearthside.paths import drafts_dir
from hearthside.store.encryption.keys import (
    ON,
    PASSPHRASE_ENV,
    config_of,
    passphrase_from_environment,
)
from hearthside.store.rekey import plaintext_left, turn_off, turn_on

CHOOSE = (
    "Choose a passphrase for this journal. Hearthside will ask for it each time it "
    "starts. Without it nobody can read the journal, you included: there is no way "
    "to recover it, so keep it somewhere safe."
)


def _passphrase(prompt: str) -> str:
    return passphrase_from_environment() or str(click.prompt(prompt, hide_input=True, err=True))


@click.command()
@home_option
def encrypt() -> None:
    """Encrypt the journal, its backups and drafts with a passphrase.

    Asked twice, never shown. Exports stay plain files: you choose where they go.
    """
    home = app_context().home
    cfg = config_of(home)
    if cfg is not None and cfg.state == ON and not plaintext_left(home):
        say("The journal is already encrypted. Nothing was changed.")
        return
    if cfg is None:
        say(CHOOSE)
        passphrase = str(
            click.prompt("New passphrase", hide_input=True, confirmation_prompt=True, err=True)
        )
    else:
        say("Encryption was started before but not finished; its passphrase finishes it.")
        passphrase = _passphrase("Passphrase")
    sealed = turn_on(home, passphrase)
    say(
        f"Encrypted: the journal, its backups and drafts ({len(sealed.rewritten)} file(s) "
        "rewritten). Hearthside will ask for the passphrase when it starts; scripts can set "
        f"{PASSPHRASE_ENV}. Exports are still written as plain files."
    )
    edits = [p for p in sealed.rewritten if p.parent == drafts_dir(home) and p.suffix == ".md"]
    if edits:
        say(
            f"Among them: {len(edits)} draft(s) kept from an earlier edit that didn't finish, "
            "now encrypted; Hearthside still offers them back."
        )
    if sealed.removed:
        where = ", ".join(str(p.relative_to(home)) for p in sealed.removed[:3])
        say(
            f"It also removed {len(sealed.removed)} unfinished temporary file(s) left by an "
            f"interrupted save or export ({where}): they held words in the clear."
        )


@click.command()
@home_option
def decrypt() -> None:
    """Turn encryption off: keep the journal, backups and drafts as plain files again."""
    home = app_context().home
    if config_of(home) is None:
        say("The journal isn't encrypted. Nothing was changed.")
        return
    count = turn_off(home, _passphrase("Passphrase"))
    say(
        f"Decrypted: the journal, its backups and drafts are plain files again "
        f"({count} file(s) rewritten). Anyone who can read your files can read them."
    )


COMMANDS: list[click.Command] = [encrypt, decrypt]
