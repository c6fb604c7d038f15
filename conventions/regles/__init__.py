"""The law of the convention individuelle CAE/CIE, in pure functions on plain values (no ORM, no request)."""
