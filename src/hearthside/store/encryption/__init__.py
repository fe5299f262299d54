"""Encryption at rest: keys from a passphrase, sealed files, and turning it on and off."""
