"""Presenters: the figures the services return, put into the words and marks the rooms
show. No widgets here, so each can be read and tested alone."""
