"""Writes on conventions, each in ``transaction.atomic`` and through the rules of ``conventions.regles``."""
