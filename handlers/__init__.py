"""aiogram routers, one per feature, in the order they see updates.

:func:`build_root_router` builds a parent router holding fresh feature routers plus the
error handler (errors from any feature propagate to it). Each call builds new routers:
aiogram attaches a router once, and tests build several apps in one process.
"""

from __future__ import annotations

from aiogram import Router

from handlers import (
    admin_sources,
    admin_stats,
    channels,
    errors,
    events,
    fallback,
    inline,
    managed,
    membership,
    reading,
    settings,
    start,
    subscriptions,
)

__all__ = ["build_root_router"]

# The fallback router goes last: it answers what no feature took.
_FEATURES = (
    membership,
    start,
    subscriptions,
    reading,
    events,
    settings,
    managed,
    admin_sources,
    admin_stats,
    channels,
    inline,
    fallback,
)


def build_root_router() -> Router:
    """A fresh parent router with every feature's router and the error handlers."""
    root = Router(name="root")
    errors.install(root)
    for feature in _FEATURES:
        root.include_router(feature.build_router())
    return root
