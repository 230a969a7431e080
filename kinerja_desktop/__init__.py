"""Kinerja Desktop: Indikator Kinerja Individu (IKI) untuk kantor kecamatan."""

__version__ = "0.1.0"
APP_NAME = "Kinerja Desktop"
