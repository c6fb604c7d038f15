"""Pages of the ASP's payments: the statements (``releves``) and the flagged months (``signalements``)."""
