"""The records and the rules: plain Python, no files, no terminal, nothing below it."""
