"""tei-edition: plain-text archival transcripts to TEI P5, and TEI to validated,
rendered and packaged editions."""

__version__ = "0.1.0"
