"""Bringing words in: Hearthside's own JSON, a sharing bundle, or a jrnl JSON export.

All or nothing: the whole file is read and checked before anything is written,
then every new record lands in one store transaction. Records are matched by id,
so importing the same file twice adds nothing. Error messages name the file and
the place in it, never the journal text.
"""
