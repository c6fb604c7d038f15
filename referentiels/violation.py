"""A rule broken, as the rules of every app return it (pure: no ORM)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Violation:
    """A rule broken: ``champ`` is the form field to show it at ("" for the whole form), ``message`` French text
    naming the limit and its source."""

    champ: str
    message: str

    def __str__(self):
        return self.message
