"""Keeping the journal on disk: TinyDB files written whole, one writer, backups, drafts."""
