"""When the conseil général may approve the text of its CAOM: pure rules (no ORM), each error a French message
with its source."""

from droit.nombres import SOURCE_CAOM

# The text is proposed for signature once the parties agree in principle, until it is signed.
ETATS_TEXTE_PROPOSE = ("accord_de_principe", "deliberation")


class RegleAvisError(ValueError):
    """An approval or a comment the rules refuse; the message says why and the source."""


def texte_propose(statut: str) -> bool:
    return statut in ETATS_TEXTE_PROPOSE


def verifier_approbation(statut: str, deja_approuve: bool) -> None:
    if deja_approuve:
        raise RegleAvisError(f"Le texte de cette CAOM est déjà approuvé par le conseil général ({SOURCE_CAOM}).")
    if not texte_propose(statut):
        raise RegleAvisError(
            "Le conseil général approuve le texte proposé à la signature : après l'accord de principe et avant la "
            f"signature ({SOURCE_CAOM})."
        )


def verifier_commentaire(texte: str) -> str:
    texte = (texte or "").strip()
    if not texte:
        raise RegleAvisError("Écrivez le commentaire de l'étape.")
    return texte
