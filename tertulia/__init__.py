"""Tertulia's composition root: configuration, the Flask app, the server and the CLI.

The sides (facilitator/, participant/) and the core (shared/) are wired together here and
nowhere else.
"""
