"""Demo reminders: those the data called for on each of the days before the demonstration's (and on that day),
recorded as sent, so that « Mes notifications » shows what was due (bilans, the 2011 arrêtés, the CAOM report,
operators' payments, conventions ending). They go through the ordinary run (``services.executer``), with an
e-mail backend that mails nobody: demo addresses are not real. Runs after every other app's demo. Idempotent:
a reminder is one row per occurrence, sent once."""

from datetime import timedelta

from django.core.mail import get_connection

from comptes.demo import au_jour_de_la_demonstration
from cui_portal import horloge

from .services import executer

# The month before the demonstration's day: from 1 November (the first reminder of next year's arrêtés) the
# reminders of the bilans, the CAOM report, the payments and the conventions have gone out.
JOURS_AVANT = 29
SANS_COURRIEL = "django.core.mail.backends.dummy.EmailBackend"


@au_jour_de_la_demonstration
def peupler(demo, stdout) -> None:
    aujourd_hui = horloge.aujourdhui()
    connexion = get_connection(SANS_COURRIEL)
    crees = envoyes = 0
    for ecart in range(JOURS_AVANT, -1, -1):
        jour = aujourd_hui - timedelta(days=ecart)
        with horloge.au(jour):
            resultat = executer(jour, connexion=connexion)
        crees, envoyes = crees + resultat.crees, envoyes + resultat.envoyes
    debut = aujourd_hui - timedelta(days=JOURS_AVANT)
    stdout.write(
        f"Rappels : {crees} rappel(s) enregistré(s) et {envoyes} notifié(s) du {debut:%d/%m/%Y} au "
        f"{aujourd_hui:%d/%m/%Y} (sans courriel).\n"
    )
