"""The law at the bottom of the stack: its words (``vocabulaire``) and its numbers (``nombres``).

Nothing here imports the project: every app, and ``cui_portal``, may import it.
"""
