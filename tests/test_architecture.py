"""The house's layering, checked by a machine: the import-linter contract of pyproject.toml, and no module that
imports another application's views."""

import re
import subprocess
import sys
from pathlib import Path

import grimp
from django.conf import settings

RACINE = Path(settings.BASE_DIR)
PAQUETS = ("droit", "cui_portal", *settings.PROJECT_APPS)
EST_UNE_VUE = re.compile(r"^(?P<app>\w+)\.views(?:_\w+)?(?:\.|$)")


def test_le_contrat_des_couches_est_tenu():
    resultat = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports"))], cwd=RACINE, capture_output=True, text=True, check=False
    )
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr
    assert "Couches du portail KEPT" in resultat.stdout


def _imports_de_vues_etrangeres(graphe) -> list[str]:
    fautes = []
    for module in sorted(graphe.modules):
        for importe in graphe.find_modules_directly_imported_by(module):
            vue = EST_UNE_VUE.match(importe)
            if vue and module.split(".")[0] != vue["app"]:
                fautes.append(f"{module} importe {importe}")
    return fautes


def test_aucun_module_n_importe_les_vues_d_une_autre_application():
    graphe = grimp.build_graph(*PAQUETS, cache_dir=None)
    assert _imports_de_vues_etrangeres(graphe) == []


def test_la_verification_des_vues_trouve_une_faute(tmp_path, monkeypatch):
    """The check above can fail: a module of one app importing another app's views is reported."""
    for paquet, contenu in {"appa": "", "appb": ""}.items():
        (tmp_path / paquet).mkdir()
        (tmp_path / paquet / "__init__.py").write_text(contenu)
    (tmp_path / "appa" / "views.py").write_text("")
    (tmp_path / "appb" / "services.py").write_text("from appa import views\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    graphe = grimp.build_graph("appa", "appb", cache_dir=None)
    assert _imports_de_vues_etrangeres(graphe) == ["appb.services importe appa.views"]
