"""Events export (STUB: being written)."""
