"""The pages of the CAE-jeunes programme: bilans d'étape, operators and payments, dashboards."""
