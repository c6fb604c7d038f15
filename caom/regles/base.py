"""What every CAOM rule shares: its source and the error it raises."""

SOURCE = "circulaire DGEFP 2009-42, annexe 2"


class RegleCaomError(ValueError):
    """A value or a step the CAOM rules do not allow; the message says why and the source. ``champ``: the field
    of the form it is about, when there is one (the page shows it there)."""

    def __init__(self, message: str, champ: str | None = None):
        super().__init__(message)
        self.champ = champ
