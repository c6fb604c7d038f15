"""Mesures de performance à l'échelle nationale (issue 9) : générateur de données et ``make bench``.

Ce paquet n'est pas une application Django : il est en haut des couches (il écrit dans toutes les
applications) et se lance par ``python -m benchmarks.generer`` ou ``python -m benchmarks.run``.
"""
