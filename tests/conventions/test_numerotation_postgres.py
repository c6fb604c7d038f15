"""Number allocation under concurrent creation, on PostgreSQL (select_for_update)."""

import threading

import pytest
from django.db import connection

from conventions.models_evenements import SequenceNumero
from conventions.services import conclusion
from referentiels.models import Departement


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_huit_fils_cinq_numeros_chacun_quarante_numeros_distincts(exige_postgres):
    departement = Departement.objects.get(code="93")
    numeros, erreurs = [], []
    verrou = threading.Lock()
    depart = threading.Barrier(8)

    def travailleur():
        try:
            depart.wait()
            for _ in range(5):
                numero = conclusion.allouer_numero("CAE", departement, 2010)
                with verrou:
                    numeros.append(numero)
        except Exception as exc:
            erreurs.append(exc)
        finally:
            connection.close()

    fils = [threading.Thread(target=travailleur) for _ in range(8)]
    for f in fils:
        f.start()
    for f in fils:
        f.join()
    assert erreurs == []
    assert len(numeros) == 40 and len(set(numeros)) == 40
    assert sorted(numeros)[-1] == "CAE-093-2010-000040"
    assert SequenceNumero.objects.get(type_contrat="CAE", departement=departement, annee=2010).dernier == 40
