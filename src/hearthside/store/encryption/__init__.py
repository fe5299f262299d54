"""Encryption at rest: keys from a passphrase, and files sealed with them (rekey.py beside
this package turns it on and off)."""
