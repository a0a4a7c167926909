"""Reconcile: group incident claims from all articles into events (STUB: being written)."""

from __future__ import annotations


def reconcile_store(store: object) -> str:
    return "0 events"
