"""Hearthside: a terminal companion for reconnecting with your spouse, day by day."""

__version__ = "0.1.0"
