"""The desktop editor: every Qt import in AsyncWriter lives in this package."""
