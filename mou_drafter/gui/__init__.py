"""The desktop app: a thin PySide6 layer over the engine. Only this package imports Qt."""
