"""Mounted at exactly /api/aides/simulation by ``cui_portal.urls`` (one line there)."""

from django.urls import path

from .api import SimulationAPIView

urlpatterns = [path("", SimulationAPIView.as_view(), name="api-simulation")]
