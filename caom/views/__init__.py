"""CAOM pages. Who sees what: ``Caom.objects.visibles_par`` (a conseil général its own, a region its
départements, national all). Writes: the region's gestionnaire or an administrator (403 otherwise; national is
read-only). Prescripteurs have no CAOM page: 403 on the lists, 404 on a CAOM (its existence is not revealed).

One module a page or a family of actions: ``liste``, ``detail`` (page, PDF, exceptional mode), ``saisie``
(create, change, avenant, delete), ``etapes`` (the negotiation's steps), ``avis`` (the conseil général's word),
``rapport`` (the 30 November report); ``commun`` holds what they share.
"""
