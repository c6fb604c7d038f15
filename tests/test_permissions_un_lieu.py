"""Permissions in one place: no module outside the package ``cui_portal/permissions/`` compares a role or reads
a scope's territory to decide who sees or does what.

The scan reads the source (AST) of every module of the project and reports:
- a comparison that involves a role: ``x == Role.X``, ``x in (Role.X, …)``, ``x.role == …``, ``x.role in …``;
- a use of a scope's attributes (``perimetre.national``, ``.regional``, ``.administrateur``, ``.role``,
  ``.region_id``, ``.departement_id``, ``.organisation_id``), on ``perimetre`` or ``self.perimetre``.
Views, APIs, home cards and querysets call the named functions of ``cui_portal.permissions`` instead.
"""

import ast
import re
from fnmatch import fnmatch
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent

# Where roles may be compared: the permissions package itself (one module a concern), the law's vocabulary, the
# habilitations (comptes defines which organisation may hold which role), tests, migrations, demonstration data and
# commands.
AUTORISES = [
    "cui_portal/permissions/*",
    "droit/*",
    "comptes/*",
    "tests/*",
    "*/migrations/*",
    "*demo.py",
    "*/management/commands/*",
    "benchmarks/*",
]

ATTRIBUTS_DU_PERIMETRE = {
    "national",
    "regional",
    "administrateur",
    "role",
    "region_id",
    "departement_id",
    "organisation_id",
}


def _est_role(noeud) -> bool:
    """``Role.X``, or a tuple / list / set of them."""
    if isinstance(noeud, ast.Attribute) and isinstance(noeud.value, ast.Name) and noeud.value.id == "Role":
        return True
    if isinstance(noeud, ast.Tuple | ast.List | ast.Set):
        return any(_est_role(element) for element in noeud.elts)
    return False


def _est_perimetre(noeud) -> bool:
    if isinstance(noeud, ast.Name):
        return noeud.id == "perimetre"
    return isinstance(noeud, ast.Attribute) and noeud.attr == "perimetre"


def decisions(source: str) -> list[tuple[int, str]]:
    """The lines of ``source`` that decide on a role or a scope, with what was found."""
    trouve = []
    for noeud in ast.walk(ast.parse(source)):
        if isinstance(noeud, ast.Compare):
            operandes = [noeud.left, *noeud.comparators]
            if any(_est_role(o) for o in operandes):
                trouve.append((noeud.lineno, "comparaison avec Role.…"))
            elif any(isinstance(o, ast.Attribute) and o.attr == "role" for o in operandes):
                trouve.append((noeud.lineno, "comparaison de .role"))
        elif isinstance(noeud, ast.Attribute) and noeud.attr in ATTRIBUTS_DU_PERIMETRE and _est_perimetre(noeud.value):
            trouve.append((noeud.lineno, f"perimetre.{noeud.attr}"))
    return trouve


def modules(racine: Path):
    for chemin in sorted(racine.rglob("*.py")):
        relatif = chemin.relative_to(racine).as_posix()
        if relatif.startswith(".") or "/." in relatif or any(fnmatch(relatif, motif) for motif in AUTORISES):
            continue
        yield relatif, chemin


def test_les_decisions_de_role_sont_dans_permissions():
    fautes = [
        f"{relatif}:{ligne}: {quoi}"
        for relatif, chemin in modules(RACINE)
        for ligne, quoi in decisions(chemin.read_text(encoding="utf-8"))
    ]
    assert not fautes, "Décisions de rôle hors de cui_portal/permissions/ :\n" + "\n".join(fautes)


def test_le_scan_reconnait_les_decisions():
    """The scan finds what the old code did (so that it cannot pass by finding nothing)."""
    ancien = """
if perimetre.role == Role.CONSEIL_GENERAL and perimetre.departement_id:
    pass
if perimetre.role in (Role.PRESCRIPTEUR, Role.CONSEIL_GENERAL):
    pass
if habilitation.role == "national":
    pass
regions = Region.objects.all() if perimetre.national else Region.objects.filter(pk=perimetre.region_id)
visible = self.perimetre.regional
exiger(perimetre.administrateur or role in (Role.GESTIONNAIRE_REGIONAL,))
"""
    assert sorted(ligne for ligne, _ in decisions(ancien)) == [2, 2, 2, 4, 4, 6, 8, 8, 9, 10, 10]
    assert decisions("region = region_suivie(perimetre)\nqs.filter(region_id=region)\nx = Role.NATIONAL\n") == []
    assert not any(fnmatch("cui_portal/navigation.py", motif) for motif in AUTORISES)
    assert not any(fnmatch("cui_portal/permissions_bis.py", motif) for motif in AUTORISES)


def test_le_paquet_des_permissions_est_le_lieu_des_decisions():
    """The package is the one place: it is left out of the scan, and the decisions the scan forbids elsewhere are
    found there (a package emptied of them, or a wrong path in ``AUTORISES``, fails here)."""
    paquet = RACINE / "cui_portal" / "permissions"
    chemins = sorted(paquet.glob("*.py"))
    assert {c.stem for c in chemins} >= {"__init__", "perimetre", "territoire", "conventions", "caom"}
    scannes = {relatif for relatif, _ in modules(RACINE)}
    assert not scannes & {c.relative_to(RACINE).as_posix() for c in chemins}
    assert "cui_portal/navigation.py" in scannes
    for module in ("perimetre", "territoire", "conventions", "caom", "paiements"):
        assert decisions((paquet / f"{module}.py").read_text(encoding="utf-8")), module


def test_aucun_gabarit_ne_decide_d_apres_le_role():
    """Templates receive the decisions (``peut_…``) from their views; they never read the scope themselves."""
    lecture = re.compile(r"perimetre\.(national|regional|administrateur|role|region_id|departement_id|organisation_id)")
    fautes = [
        f"{g.relative_to(RACINE)}:{n}"
        for g in sorted(RACINE.glob("**/templates/**/*.html"))
        if ".venv" not in g.parts and "node_modules" not in g.parts
        for n, ligne in enumerate(g.read_text(encoding="utf-8").splitlines(), 1)
        if lecture.search(ligne)
    ]
    assert fautes == []
