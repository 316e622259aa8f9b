"""The PySide6 desktop application: adapters over the engine, no checking logic."""
