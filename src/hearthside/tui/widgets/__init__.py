"""Widgets the rooms share."""
