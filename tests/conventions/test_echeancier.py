"""The schedule of the aid (``regles.echeancier``): the issue's convention recomputed by hand from the rules,
the revaluations of the SMIC and the RSA, the conseil général's share, and properties on any convention."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conventions.regles.echeancier import DonneesEcheancier, Suspension, Termes, aide_due, echeancier, totaux
from droit.vocabulaire import Financement
from referentiels.regles import ParametreInconnu, TableDatee, Valeur

D = Decimal
# The SMIC horaire brut and the RSA montant forfaitaire as loaded by the fixture (OpenFisca-France).
SMIC = TableDatee(
    "SMIC horaire brut",
    tuple(
        Valeur(date.fromisoformat(j), D(v))
        for j, v in [
            ("2009-07-01", "8.82"),
            ("2010-01-01", "8.86"),
            ("2011-01-01", "9.00"),
            ("2011-12-01", "9.19"),
            ("2012-01-01", "9.22"),
            ("2012-07-01", "9.40"),
        ]
    ),
    date(2012, 12, 31),
)
RSA = TableDatee(
    "RSA",
    tuple(
        Valeur(date.fromisoformat(j), D(v))
        for j, v in [("2009-06-01", "454.63"), ("2010-01-01", "460.09"), ("2011-01-01", "466.99")]
    ),
    date(2012, 12, 31),
)


def euros(x) -> Decimal:
    return D(x).quantize(D("0.01"), rounding=ROUND_HALF_UP)


def mensuelle(taux, smic, heures) -> Decimal:
    """The monthly aid by the formula of the issue: rate × SMIC × hours × 52 / 12, to the cent."""
    return euros(D(taux) / 100 * D(smic) * D(heures) * 52 / 12)


# CAE at 90 % on 26 h from 15/12/2010 to 14/06/2011, 30 h from 01/03/2011, suspended without pay 01/04–10/04/2011.
CONVENTION = DonneesEcheancier(
    debut=date(2010, 12, 15),
    fin=date(2011, 6, 14),
    termes=(Termes(date(2010, 12, 15), D(90), D(26)), Termes(date(2011, 3, 1), D(90), D(30))),
    suspensions=(Suspension(date(2011, 4, 1), date(2011, 4, 10)),),
)


def test_la_convention_de_l_issue_mois_par_mois():
    lignes = echeancier(CONVENTION, SMIC, RSA)
    attendu = [
        # month, days aided / days in month, SMIC of the 1st, hours, aid
        (date(2010, 12, 1), 17, 31, "8.86", 26, euros(mensuelle(90, "8.86", 26) * 17 / 31)),
        (date(2011, 1, 1), 31, 31, "9.00", 26, mensuelle(90, "9.00", 26)),
        (date(2011, 2, 1), 28, 28, "9.00", 26, mensuelle(90, "9.00", 26)),
        (date(2011, 3, 1), 31, 31, "9.00", 30, mensuelle(90, "9.00", 30)),
        (date(2011, 4, 1), 20, 30, "9.00", 30, euros(mensuelle(90, "9.00", 30) * 20 / 30)),
        (date(2011, 5, 1), 31, 31, "9.00", 30, mensuelle(90, "9.00", 30)),
        (date(2011, 6, 1), 14, 30, "9.00", 30, euros(mensuelle(90, "9.00", 30) * 14 / 30)),
    ]
    assert [(m.mois, m.jours_aides, m.jours_du_mois, m.smic_horaire, m.heures, m.aide) for m in lignes] == [
        (mois, jours, du_mois, D(smic), D(heures), aide) for mois, jours, du_mois, smic, heures, aide in attendu
    ]
    # The same figures by hand: 0,9 × 8,86 × 26 × 52 / 12 = 898,40 € a month in 2010, 912,60 € at 9,00 €.
    assert [m.aide for m in lignes] == [
        D(x) for x in ("492.67", "912.60", "912.60", "1053.00", "702.00", "1053.00", "491.40")
    ]
    assert all(m.part_etat == m.aide and m.part_conseil_general == 0 and m.a_rembourser == 0 for m in lignes)
    assert totaux(lignes).aide == D("5617.27")


def test_rupture_hors_cas_legaux_le_20_mai_2011_rend_l_aide_due_a_rembourser():
    rompue = replace(CONVENTION, date_rupture=date(2011, 5, 20), rupture_hors_cas_legaux=True)
    lignes = echeancier(rompue, SMIC, RSA)
    assert lignes[-1].mois == date(2011, 5, 1) and lignes[-1].jours_aides == 20
    assert lignes[-1].aide == euros(mensuelle(90, "9.00", 30) * 20 / 31) == D("679.35")
    t = totaux(lignes)
    assert t.a_rembourser == t.aide == D("492.67") + D("912.60") * 2 + D("1053.00") + D("702.00") + D("679.35")
    dans_les_cas_legaux = echeancier(replace(rompue, rupture_hors_cas_legaux=False), SMIC, RSA)
    assert totaux(dans_les_cas_legaux).a_rembourser == 0 and totaux(dans_les_cas_legaux).aide == t.aide


def test_un_avenant_au_milieu_du_mois_partage_le_mois_par_jours():
    donnees = replace(
        CONVENTION,
        termes=(Termes(date(2010, 12, 15), D(90), D(26)), Termes(date(2011, 2, 15), D(90), D(30))),
        suspensions=(),
    )
    fevrier = echeancier(donnees, SMIC, RSA)[2]
    assert fevrier.fractionne and fevrier.heures == 30
    attendu = euros(mensuelle(90, "9.00", 26) * 14 / 28 + mensuelle(90, "9.00", 30) * 14 / 28)
    assert fevrier.aide == attendu


def test_le_smic_du_1er_decembre_2011_revalorise_l_aide_du_mois():
    donnees = DonneesEcheancier(date(2011, 11, 1), date(2012, 7, 31), (Termes(date(2011, 11, 1), D(90), D(20)),))
    par_mois = {m.mois: m for m in echeancier(donnees, SMIC, RSA)}
    for mois, smic in [((2011, 11), "9.00"), ((2011, 12), "9.19"), ((2012, 1), "9.22"), ((2012, 7), "9.40")]:
        ligne = par_mois[date(*mois, 1)]
        assert ligne.smic_horaire == D(smic) and ligne.aide == mensuelle(90, smic, 20)


def test_part_du_conseil_general_plafonnee_a_88_pourcent_du_rsa_du_mois():
    donnees = DonneesEcheancier(
        date(2010, 12, 1),
        date(2011, 1, 31),
        (Termes(date(2010, 12, 1), D(95), D(26)),),
        financement=Financement.ETAT_CG,
        taux_arrete=D(95),
    )
    decembre, janvier = echeancier(donnees, SMIC, RSA)
    assert decembre.part_conseil_general == euros(D("0.88") * D("460.09")) == D("404.88")
    assert janvier.part_conseil_general == euros(D("0.88") * D("466.99")) == D("410.95")
    assert janvier.part_etat == janvier.aide - janvier.part_conseil_general


def test_taux_majore_par_le_conseil_general_a_sa_charge():
    donnees = DonneesEcheancier(
        date(2011, 1, 1),
        date(2011, 1, 31),
        (Termes(date(2011, 1, 1), D(95), D(26)),),
        financement=Financement.ETAT_CG,
        taux_arrete=D(90),
    )
    (janvier,) = echeancier(donnees, SMIC, RSA)
    surcout = mensuelle(95, "9.00", 26) - mensuelle(90, "9.00", 26)
    assert janvier.part_conseil_general == euros(D("0.88") * D("466.99")) + surcout


def test_une_suspension_ouverte_court_jusqu_a_la_fin_et_une_remuneration_maintenue_garde_l_aide():
    ouverte = replace(CONVENTION, suspensions=(Suspension(date(2011, 5, 16), None),))
    mai, juin = echeancier(ouverte, SMIC, RSA)[-2:]
    assert (mai.jours_aides, juin.jours_aides, juin.aide) == (15, 0, 0)
    payee = replace(CONVENTION, suspensions=(Suspension(date(2011, 4, 1), date(2011, 4, 10), sans_aide=False),))
    assert echeancier(payee, SMIC, RSA)[4].jours_aides == 30


def test_au_dela_du_bareme_connu_le_mois_est_provisoire_et_avant_il_est_refuse():
    donnees = DonneesEcheancier(date(2012, 12, 1), date(2013, 1, 31), (Termes(date(2012, 12, 1), D(90), D(20)),))
    decembre, janvier = echeancier(donnees, SMIC, RSA)
    assert not decembre.provisoire and janvier.provisoire and janvier.smic_horaire == D("9.40")
    with pytest.raises(ParametreInconnu, match="aucune valeur connue au 01/01/2009"):
        echeancier(
            replace(donnees, debut=date(2009, 1, 5), termes=(Termes(date(2009, 1, 5), D(90), D(20)),)), SMIC, RSA
        )


jours = st.dates(min_value=date(2010, 1, 1), max_value=date(2012, 6, 30))


@st.composite
def conventions(draw):
    debut = draw(jours)
    fin = debut + timedelta(days=draw(st.integers(90, 700)))
    heures = [D(h) for h in draw(st.lists(st.integers(1, 35), min_size=1, max_size=3))]
    effets = sorted(debut + timedelta(days=draw(st.integers(1, (fin - debut).days))) for _ in heures[1:])
    termes = (Termes(debut, D(90), heures[0]), *(Termes(j, D(90), h) for j, h in zip(effets, heures[1:], strict=True)))
    suspensions = ()
    if draw(st.booleans()):
        s = debut + timedelta(days=draw(st.integers(0, (fin - debut).days)))
        suspensions = (Suspension(s, min(fin, s + timedelta(days=draw(st.integers(0, 60))))),)
    financement = draw(st.sampled_from([Financement.ETAT, Financement.ETAT_CG, Financement.CG]))
    return DonneesEcheancier(debut, fin, termes, financement, D(90), suspensions)


@settings(max_examples=150, deadline=None)
@given(conventions())
def test_proprietes_de_tout_echeancier(donnees):
    lignes = echeancier(donnees, SMIC, RSA)
    suspendus = sum(
        (min(s.fin, donnees.fin) - max(s.debut, donnees.debut)).days + 1
        for s in donnees.suspensions
        if s.debut <= donnees.fin
    )
    assert sum(m.jours_aides for m in lignes) == (donnees.fin - donnees.debut).days + 1 - suspendus
    assert [m.mois for m in lignes] == sorted({m.mois for m in lignes})
    for m in lignes:
        assert m.part_etat + m.part_conseil_general == m.aide and m.part_etat >= 0 and m.part_conseil_general >= 0
        assert 0 <= m.jours_aides <= m.jours_du_mois
        if m.jours_aides == m.jours_du_mois and not m.fractionne:
            assert m.aide == mensuelle(m.taux, m.smic_horaire, m.heures)
        if donnees.financement == Financement.CG:
            assert m.part_etat == 0


def test_le_demi_centime_d_un_produit_exact_s_arrondit_au_centime_superieur():
    # 0,9 × 9,19 × 25 × 52 / 12 = 896,025 € exactly: 896,03 € (multiplying by a rounded 52/12 gave 896,02 €).
    from referentiels.aide import aide_mensuelle

    assert aide_mensuelle(D(90), D("9.19"), D(25)) == D("896.03")


# --- what is due: the aid less the indu (``aide_due``, read by the reconciliation and the convention's page) ---


def test_aide_due_sans_indu_est_l_aide_de_chaque_financeur():
    due = aide_due(D("700.00"), D("300.00"), D("0.00"))
    assert (due.etat, due.conseil_general, due.total) == (D("700.00"), D("300.00"), D("1000.00"))


def test_aide_due_retire_l_indu_de_la_part_de_l_etat_d_abord():
    due = aide_due(D("700.00"), D("300.00"), D("200.00"))
    assert (due.etat, due.conseil_general) == (D("500.00"), D("300.00"))


def test_aide_due_retire_le_reste_de_l_indu_de_la_part_du_conseil_general():
    due = aide_due(D("700.00"), D("300.00"), D("900.00"))
    assert (due.etat, due.conseil_general, due.total) == (D("0.00"), D("100.00"), D("100.00"))


def test_aide_due_n_est_jamais_negative():
    due = aide_due(D("700.00"), D("300.00"), D("1500.00"))
    assert (due.etat, due.conseil_general, due.total) == (D("0.00"), D("0.00"), D("0.00"))


@settings(max_examples=200, deadline=None)
@given(
    etat=st.decimals(min_value=0, max_value=2000, places=2),
    cg=st.decimals(min_value=0, max_value=2000, places=2),
    indu=st.decimals(min_value=0, max_value=5000, places=2),
)
def test_aide_due_est_l_aide_moins_l_indu(etat, cg, indu):
    assert aide_due(etat, cg, indu).total == max(etat + cg - indu, D("0.00"))
