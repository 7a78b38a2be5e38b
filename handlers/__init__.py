"""aiogram routers, one per feature, in the order they see updates.

``build_root_router()`` returns a parent router holding them all plus the error
handler, so errors from any feature reach ``handlers.errors``.
"""

from __future__ import annotations

from aiogram import Router

from handlers import (
    admin_sources,
    admin_stats,
    errors,
    events,
    fallback,
    inline,
    reading,
    settings,
    start,
    subscriptions,
)

FEATURE_ROUTERS: tuple[Router, ...] = (
    start.router,
    subscriptions.router,
    reading.router,
    events.router,
    settings.router,
    admin_sources.router,
    admin_stats.router,
    inline.router,
    fallback.router,
)


def build_root_router() -> Router:
    """A fresh parent router each call: aiogram routers can be attached only once."""
    root = Router(name="root")
    errors.install(root)
    for router in FEATURE_ROUTERS:
        previous = router.parent_router
        if previous is not None:
            # A second app in one process (tests): aiogram has no public detach, so undo
            # the attachment by hand before attaching the router to the new root.
            previous.sub_routers.remove(router)
            router._parent_router = None
        root.include_router(router)
    return root
