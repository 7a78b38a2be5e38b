"""The only SQL in the project: connection, migrations, repositories returning frozen dataclasses.

Never imports aiogram or anything from ``bot``/``handlers``.
"""
