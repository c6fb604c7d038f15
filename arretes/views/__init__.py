"""Pages of the arrêtés: list, detail, text and rates of a draft, publication, PDF, national follow-up, and the
import of a draft's rates from a file.

One module a page or a family of actions: ``liste``, ``detail`` (page and PDF), ``saisie`` (write, publish,
delete, replace), ``suivi`` (national follow-up), ``import_taux``; ``commun`` holds what they share.
"""
