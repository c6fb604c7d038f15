"""gunicorn's settings, for `make run-full` and production: `gunicorn -c cui_portal/gunicorn_conf.py`.

The access log writes, for each request, its line (path and query string), the referer and, for a redirection,
where it goes: so a NIR must never be in an address, not even for a moment. Searching by NIR is a POST that
redirects to a non-identifying token (``conventions.recherche_nir``); ``tests/test_journal_gunicorn.py`` runs a
whole journey against a gunicorn process with this file and reads its log. Not imported by Django: it imports
nothing of the project.
"""

import os

wsgi_app = "cui_portal.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
timeout = 120  # a batch of PDFs is deferred, but one Cerfa or one national dashboard is rendered in the request
# The client's address, the user (none: Basic auth is not used), the time, the request line, the status, the size,
# the referer, the browser, the duration and the redirection's target.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms "%({location}o)s"'
accesslog = os.environ.get("JOURNAL_ACCES", "-")  # a file, or "-" for the standard output
errorlog = "-"
