"""The daily review: its steps, the records it keeps up to date, and its closing words."""
